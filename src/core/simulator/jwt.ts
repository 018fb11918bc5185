// JWT-shaped tokens for the simulator's identity service: HS256 with a key made at start-up, so the API
// side can verify every token it is shown (signature, audience, expiry, MFA).
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

export type Claims = Record<string, unknown> & { exp: number; iat: number; aud: string };

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export class TokenSigner {
  private readonly key = randomBytes(32);

  sign(claims: Claims): string {
    const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'simulator' })}.${b64(claims)}`;
    return `${head}.${createHmac('sha256', this.key).update(head).digest('base64url')}`;
  }

  /** The claims of a token this signer made, or undefined when the signature does not hold. */
  verify(token: string): Claims | undefined {
    const [h, p, s] = token.split('.');
    if (!h || !p || !s) return undefined;
    const expected = createHmac('sha256', this.key).update(`${h}.${p}`).digest();
    const given = Buffer.from(s, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Claims;
    } catch {
      return undefined;
    }
  }
}

/** Reads a JWT's payload without verifying it (for client assertions, checked separately). */
export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signingInput: string; signature: Buffer } | undefined {
  const [h, p, s] = token.split('.');
  if (!h || !p || s === undefined) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
      payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, 'base64url'),
    };
  } catch {
    return undefined;
  }
}
