// The versioned surface other extensions may rely on (all `activate` returns in production; extension.ts):
// read a tenant's remembered qualifications and hear when they change. Plain data copies, no internals;
// a breaking change gets a new apiVersion.
import * as vscode from 'vscode';
import { toolState } from '../../core/agentTools/tenantAnswers';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';

export interface QualificationV1 {
  /** e.g. "Education", "GovernmentCommunityCloud", "StateOwnedEntity". */
  readonly name: string;
  /** Approved, InReview, Denied, Held (no vetting, e.g. StateOwnedEntity) or Unknown. */
  readonly status: 'Approved' | 'InReview' | 'Denied' | 'Held' | 'Unknown';
  /** The status text exactly as Partner Center sent it. */
  readonly rawStatus?: string;
  readonly reason?: string;
  /** ISO 8601, as Partner Center sent it. */
  readonly vettingDate?: string;
}

export interface TenantQualificationsV1 {
  readonly tenantId: string;
  readonly name?: string;
  /** The tenant's overall state: Approved, InReview, Denied, Unknown, Held, None, Error or NotChecked. */
  readonly state: string;
  readonly qualifications: readonly QualificationV1[];
  /** ISO 8601 UTC of the last good answer. */
  readonly lastChecked?: string;
  /** The message of the last failed check, when the last check failed. */
  readonly lastError?: string;
  /** The result was remembered from an earlier session and not refreshed since. */
  readonly fromLastSession: boolean;
}

export interface PartnerCenterQualificationsApiV1 {
  readonly apiVersion: 1;
  /** What the extension last learned about a tenant (by tenant id), or undefined when nothing is known. */
  getQualifications(tenantId: string): TenantQualificationsV1 | undefined;
  /** Fires with the tenant ids whose qualifications (or last error) changed. */
  readonly onDidChangeQualifications: vscode.Event<{ readonly tenantIds: readonly string[] }>;
}

export function publicApi(store: StatusStore, tree: CustomersTree): PartnerCenterQualificationsApiV1 {
  return {
    apiVersion: 1,
    getQualifications(tenantId) {
      const id = String(tenantId ?? '').trim().toLowerCase().replace(/^\{|\}$/g, '');
      const s = store.book.get(id);
      if (!s) return undefined;
      const good = s.lastGood;
      // a fresh, frozen copy of plain data: a caller can neither change what we hold nor reach past it
      return Object.freeze({
        tenantId: id,
        name: tree.tenants.find((t) => t.tenantId === id)?.name,
        state: toolState(s),
        qualifications: Object.freeze((good?.qualifications ?? []).map((q) => Object.freeze({
          name: q.name,
          status: q.status === 'NotVetted' ? 'Held' : q.status,
          ...(q.rawStatus !== undefined ? { rawStatus: q.rawStatus } : {}),
          ...(q.reason !== undefined ? { reason: q.reason } : {}),
          ...(q.createdAt !== undefined ? { vettingDate: q.createdAt } : {}),
        }))),
        ...(good ? { lastChecked: new Date(good.checkedAt).toISOString() } : {}),
        ...(s.failure ? { lastError: s.failure.message } : {}),
        fromLastSession: !!s.stale,
      });
    },
    onDidChangeQualifications: (listener, thisArgs, disposables) => store.onDidChange((ids) => listener.call(thisArgs, Object.freeze({ tenantIds: Object.freeze([...ids]) })), undefined, disposables),
  };
}
