// Badges and colors on tenant and qualification rows (custom URI scheme). On every change the union of the
// URIs shown before and after is fired, so no stale badge survives.
import * as vscode from 'vscode';
import { tenantState } from '../../core/model/tenantStatus';
import { badgeLegend, look, statusLabel } from './presentation';
import { StatusStore } from '../statusStore';
import { URI_SCHEME, messageUri, qualificationUri, tenantUri } from './tree';

export class QualificationDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  /** URIs decorated per tenant, to clear what a new result no longer shows. */
  private readonly shown = new Map<string, vscode.Uri[]>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: StatusStore) {
    this.subscription = store.onDidChange((ids) => this.fire(ids));
  }

  fire(tenantIds: readonly string[]): void {
    const uris: vscode.Uri[] = [];
    for (const id of tenantIds) {
      const before = this.shown.get(id) ?? [];
      const now = this.urisOf(id);
      this.shown.set(id, now);
      const seen = new Set<string>();
      for (const u of [...before, ...now]) if (!seen.has(u.toString())) { seen.add(u.toString()); uris.push(u); }
    }
    if (uris.length) this.changed.fire(uris);
  }

  private urisOf(tenantId: string): vscode.Uri[] {
    const s = this.store.book.get(tenantId);
    return [
      tenantUri(tenantId),
      ...(s?.lastGood?.qualifications ?? []).map((q) => qualificationUri(tenantId, q.name)),
      ...(s?.failure ? [messageUri(tenantId, 'Error')] : []),
      ...(s?.lastGood?.qualifications.length === 0 ? [messageUri(tenantId, 'None')] : []),
      ...(!s ? [messageUri(tenantId, 'Unchecked')] : []),
    ];
  }

  provideFileDecoration(uri: vscode.Uri, _token?: vscode.CancellationToken): vscode.FileDecoration | undefined {
    if (uri.scheme !== URI_SCHEME) return undefined;
    const [, kind, tenantId, name, state] = uri.path.split('/');
    if (kind !== 'tenant' || !tenantId) return undefined;
    const status = this.store.book.get(tenantId);
    if (!this.shown.has(tenantId)) this.shown.set(tenantId, this.urisOf(tenantId));
    if (name === undefined) {
      const state = tenantState(status);
      const l = look(state);
      // a result from before sign-out or the last session: the name greyed (the icon keeps the status colour),
      // a mark no side bar width cuts; the description and the view's message say it in words
      const old = status?.lastGood && (status.signedOut || status.stale) && !(status.failure && status.failure.at >= status.lastGood.checkedAt);
      return { badge: l.badge || undefined, tooltip: badgeLegend(state), color: new vscode.ThemeColor(old ? 'disabledForeground' : l.color), propagate: false };
    }
    if (name === '-') {
      const l = look(state === 'Error' ? 'Error' : state === 'None' ? 'None' : 'Unchecked');
      return { color: new vscode.ThemeColor(l.color), propagate: false };
    }
    const q = status?.lastGood?.qualifications.find((x) => x.name === decodeURIComponent(name));
    if (!q) return undefined;
    const l = look(q.status);
    // a denial's reason needs the room of the badge at the default width; the red icon says Denied
    return { badge: (q.status === 'Denied' && q.reason ? undefined : l.badge) || undefined, tooltip: `${l.badge ? `${l.badge}: ` : ''}${statusLabel(q.status, q.rawStatus)}`, color: new vscode.ThemeColor(l.color), propagate: false };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
