// Small helpers for the simulator's node:http handlers.
import type { IncomingMessage, ServerResponse } from 'http';

export async function readBody(req: IncomingMessage, max = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new Error('request body too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' && headers['content-type'] ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
