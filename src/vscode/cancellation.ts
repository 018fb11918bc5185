// VS Code's CancellationToken as the AbortSignal the core takes.
import * as vscode from 'vscode';

export function abortSignalOf(token: vscode.CancellationToken): { signal: AbortSignal; abort(): void; dispose(): void } {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  const sub = token.onCancellationRequested(() => ac.abort());
  return { signal: ac.signal, abort: () => ac.abort(), dispose: () => sub.dispose() };
}
