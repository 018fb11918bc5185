// Request Qualification...: pick the tenant and the kind (held and excluded kinds are explained, not
// offered), the Education segment and website or a GCC validation code, confirm exactly what will be sent
// in a modal, then POST through the connection's one client. The new qualification shows at once and the
// tenant is read again; an answer lost on the way is settled by reading the tenant (unknownFate.ts).
import * as vscode from 'vscode';
import { ShownItem, askText, pick, showError, showInformation, showWarning, withProgress } from '../display/window';
import { l10n } from '../display/l10n';
import { Shown, icon, joinShown, plainText, text } from '../../core/display/safeText';
import { PartnerCenterError } from '../../core/client/errors';
import type { RequestedQualification } from '../../core/client/partnerCenterClient';
import { ConfiguredTenant } from '../../core/model/customerEntries';
import { Qualification, QualificationsResult } from '../../core/model/qualification';
import { normalizeTenantId } from '../../core/model/tenantId';
import {
  EDUCATION_SEGMENTS, EducationSegment, QualificationRequest, REQUESTABLE, RequestableQualification,
  availability, describeRequest, requestBody, requestProblems, requestQuery, validationCodeProblem, websiteProblem, withRequested,
} from '../../core/requests/qualificationRequest';
import { ValidationCode } from '../../core/requests/validationCodes';
import { Logger } from '../../core/log';
import { abortSignalOf } from '../cancellation';
import { Connection, Live } from '../connection/connection';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { showFailure } from '../userMessages';
import { statusLabel } from '../view/presentation';
import { checkFate } from './unknownFate';

/** Scripted use (tests, automation): every answer the user would give. */
export interface RequestQualificationArgs {
  readonly tenantId?: string;
  readonly qualification?: RequestableQualification;
  readonly educationSegment?: EducationSegment;
  readonly website?: string;
  readonly validationCode?: string;
  /**
   * false skips the confirmation dialog, honoured only while the extension runs under tests (VS Code
   * refuses dialogs in extension tests); everywhere else the user always confirms.
   */
  readonly confirm?: boolean;
}

export type RequestOutcome =
  | { readonly ok: true; readonly tenantId: string; readonly qualification?: Qualification; readonly requestId?: string; readonly confirmedByRead?: true }
  | {
    readonly ok: false;
    /** 'not-received': the answer was lost and a fresh read showed nothing created; 'unknown': that read failed too. */
    readonly reason: 'cancelled' | 'not-signed-in' | 'app-only' | 'not-available' | 'no-validation-code' | 'invalid' | 'failed' | 'not-received' | 'unknown';
    readonly message?: string;
  };

export interface RequestDeps {
  readonly connection: Connection;
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly logger: Logger;
  /** Whether the extension runs under tests (the only case where `confirm: false` is honoured). */
  readonly testMode: boolean;
}

const cancelled: RequestOutcome = { ok: false, reason: 'cancelled' };
const TITLE = () => l10n.t('Partner Center: Request Qualification');

export async function requestQualification(d: RequestDeps, tenantArg: ConfiguredTenant | undefined, args: RequestQualificationArgs = {}): Promise<RequestOutcome> {
  const tenant = tenantArg ?? (args.tenantId ? tenantFromArg(d.tree, args.tenantId) : await pickTenant(d.tree));
  if (!tenant) {
    if (args.tenantId) void showError(l10n.t('"{0}" is not a tenant id (GUID).', plainText(args.tenantId)));
    return cancelled;
  }
  // named as its row names it (configured name, company name, domain, id): the user must recognise whom a write is for
  const who = plainText(d.tree.displayName(tenant));
  let live: Live;
  try {
    live = await d.connection.get();
  } catch (e) {
    void showFailure(e);
    return { ok: false, reason: 'failed', message: (e as Error).message };
  }
  if (live.app) return appOnly();
  if (!(live.user && (await live.user.account()))) {
    const message = vscode.l10n.t('Sign in to Partner Center as a user (app + user) to request a qualification.');
    void showFailure(new PartnerCenterError('auth-required', message));
    return { ok: false, reason: 'not-signed-in', message };
  }

  // what the tenant holds now decides what may be asked for: read it fresh
  const held = await progress(l10n.t('Reading the qualifications of {0}', who), (signal) => live.runner.fetchOne(tenant.tenantId, { signal }));
  if (!held.ok) return held.outcome;
  if (isConfigured(d.tree, tenant.tenantId)) d.store.succeeded(held.value);
  const current = held.value.qualifications;

  const kind = await pickKind(current, args.qualification, who);
  if (typeof kind !== 'string') return kind;
  let request: QualificationRequest;
  let validationCodes: ValidationCode[] | undefined;
  if (kind === 'Education') {
    const segment = args.educationSegment ?? (await pickSegment(who));
    if (!segment) return cancelled;
    const website = args.website ?? (await askText({
      title: l10n.t('Request Education for {0}', who), prompt: l10n.t('Website of the school or institution of {0}', who), placeHolder: text`example.edu`, ignoreFocusOut: true,
      validateInput: (v) => { const p = websiteProblem(v); return p === undefined ? undefined : plainText(p); },
    }));
    if (website === undefined) return cancelled;
    request = { qualification: 'Education', educationSegment: segment, website: website.trim() };
  } else if (kind === 'GovernmentCommunityCloud') {
    const codes = await progress(l10n.t('Reading your GCC validation codes'), (signal) => live.client.getValidationCodes({ signal }));
    if (!codes.ok) return codes.outcome;
    const code = await pickValidationCode(codes.value, args.validationCode, who);
    if (typeof code !== 'string') return code;
    request = { qualification: 'GovernmentCommunityCloud', validationCode: code };
    validationCodes = codes.value;
  } else {
    request = { qualification: 'StateOwnedEntity' };
  }
  const problems = requestProblems(request, current, validationCodes);
  if (problems.length) {
    void showError(plainText(`${who}: ${problems.join(' ')}`, 512));
    return { ok: false, reason: 'invalid', message: problems.join(' ') };
  }

  if (!(args.confirm === false && d.testMode) && !(await confirm(live, d.tree, tenant, request))) return cancelled;

  d.logger.info(`requesting ${describeRequest(request)} for tenant ${tenant.tenantId}`);
  let answer: RequestedQualification;
  try {
    // cancellable: a cancel before the body left sends nothing; after, the outcome is checked like a lost answer
    answer = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Requesting {0} for {1}', plainText(kind), who), cancellable: true },
      async (_p, token) => {
        const abort = abortSignalOf(token);
        try { return await live.client.requestQualification(tenant.tenantId, request, { signal: abort.signal }); } finally { abort.dispose(); }
      },
    );
  } catch (e) {
    const err = e as PartnerCenterError;
    if (err.unknownOutcome) return afterLostAnswer(d, live, tenant, kind, held.value, err, args);
    if (err.kind === 'cancelled') return cancelled;
    void showFailure(e, who);
    return { ok: false, reason: 'failed', message: err.message };
  }
  if (answer.qualification && isConfigured(d.tree, tenant.tenantId)) {
    // onto what the row holds now (the watcher may have recorded a verdict while the confirmation was open)
    const now = d.store.book.get(tenant.tenantId)?.lastGood ?? held.value;
    d.store.succeeded({ ...now, qualifications: withRequested(now.qualifications, answer.qualification), requestId: answer.requestId, correlationId: answer.correlationId, checkedAt: answer.at, sentAt: answer.at });
    d.tree.refreshSoon();
  }
  void showInformation(l10n.t('{0}: {1} requested. Partner Center answered {2} (request {3}).', who, plainText(kind), answer.qualification ? (answer.qualification.status === 'NotVetted' ? l10n.t('held') : plainText(statusLabel(answer.qualification.status, answer.qualification.rawStatus))) : l10n.t('accepted'), plainText(answer.requestId ?? '-', 128)));
  void readAgain(d, live, tenant.tenantId);
  return { ok: true, tenantId: tenant.tenantId, qualification: answer.qualification, requestId: answer.requestId };
}

/** The request was sent and its answer lost: what Partner Center holds decides, never a blind resend. */
async function afterLostAnswer(d: RequestDeps, live: Live, tenant: ConfiguredTenant, kind: RequestableQualification, before: QualificationsResult, lost: PartnerCenterError, args: RequestQualificationArgs): Promise<RequestOutcome> {
  const who = plainText(d.tree.displayName(tenant));
  d.logger.warn(`tenant ${tenant.tenantId} request ${kind}: the answer was lost (${lost.message}); reading the tenant again`);
  const fate = await checkFate(live, tenant.tenantId, who, kind, before, lost, !d.testMode);
  if (fate.fate !== 'unknown' && isConfigured(d.tree, tenant.tenantId)) {
    d.store.succeeded(fate.read);
    d.tree.refreshSoon();
  }
  if (fate.fate === 'received') return { ok: true, tenantId: tenant.tenantId, qualification: fate.read.qualifications.find((q) => q.name.toLowerCase() === kind.toLowerCase()), confirmedByRead: true };
  if (fate.fate === 'not-received' && fate.sendAgain) return requestQualification(d, tenant, { ...args, qualification: kind });
  return { ok: false, reason: fate.fate, message: fate.fate === 'unknown' ? fate.message : lost.message };
}

/** Reads the tenant once more after the request, quietly: the tree shows the outcome or the failure. */
async function readAgain(d: RequestDeps, live: Live, tenantId: string): Promise<void> {
  if (!isConfigured(d.tree, tenantId)) return;
  try {
    d.store.succeeded(await live.runner.fetchOne(tenantId, {}));
  } catch (e) {
    const err = e as PartnerCenterError;
    d.store.failed(tenantId, { kind: err.kind ?? 'network', message: err.message, at: Date.now(), requestId: err.requestId, correlationId: err.correlationId });
  }
  d.tree.refreshSoon();
}

function appOnly(): RequestOutcome {
  const message = l10n.t('Requesting a qualification needs an app + user sign-in; you are signed in app-only, which can only read.');
  const signIn = l10n.t('Sign In as User');
  void showWarning(message, signIn).then((p) => p === signIn && vscode.commands.executeCommand('partnerCenter.signIn', { mode: 'user' }));
  return { ok: false, reason: 'app-only', message };
}

const isConfigured = (tree: CustomersTree, tenantId: string) => tree.tenants.some((t) => t.tenantId === tenantId);

function tenantFromArg(tree: CustomersTree, raw: string): ConfiguredTenant | undefined {
  const id = normalizeTenantId(raw);
  return id ? tree.tenants.find((t) => t.tenantId === id) ?? { tenantId: id, index: -1 } : undefined;
}

async function progress<T>(title: Shown, run: (signal: AbortSignal) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; outcome: RequestOutcome }> {
  try {
    const value = await withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
      const abort = abortSignalOf(token);
      try { return await run(abort.signal); } finally { abort.dispose(); }
    });
    return { ok: true, value };
  } catch (e) {
    void showFailure(e);
    return { ok: false, outcome: (e as PartnerCenterError).kind === 'cancelled' ? cancelled : { ok: false, reason: 'failed', message: (e as Error).message } };
  }
}

async function pickTenant(tree: CustomersTree): Promise<ConfiguredTenant | undefined> {
  const tenants = tree.tenants;
  if (!tenants.length) {
    void showInformation(l10n.t('No customer tenants in this workspace: add one first.'));
    return undefined;
  }
  const chosen = await pick(
    tenants.map((t) => {
      const label = plainText(tree.displayName(t));
      const more = [tree.described(t).domain, t.tenantId].filter((x) => x && plainText(x) !== label).map((x) => plainText(x!));
      return { label, description: joinShown(more, ' · ') || undefined, tenant: t };
    }),
    { title: TITLE(), placeHolder: l10n.t('Customer'), matchOnDescription: true },
  );
  return chosen?.tenant;
}

const KIND_LABEL: Record<RequestableQualification, () => Shown> = {
  Education: () => l10n.t('schools, universities'),
  StateOwnedEntity: () => l10n.t('state-owned organizations'),
  GovernmentCommunityCloud: () => l10n.t('needs a validation code'),
};

async function pickKind(held: readonly Qualification[], wanted: RequestableQualification | undefined, who: Shown): Promise<RequestableQualification | RequestOutcome> {
  const kinds = availability(held);
  if (wanted) {
    const a = kinds.find((k) => k.qualification === wanted);
    if (!a) return invalid(`${who}: ${vscode.l10n.t('{0} cannot be requested; only {1} can.', wanted, REQUESTABLE.join(', '))}`);
    if (!a.available) return notAvailable(who, a.reason!);
    return wanted;
  }
  type Item = ShownItem & { qualification?: RequestableQualification; reason?: string };
  const open = kinds.filter((k) => k.available);
  const closed = kinds.filter((k) => !k.available);
  const items: Item[] = [
    ...open.map((k) => ({ label: plainText(k.qualification), description: KIND_LABEL[k.qualification](), qualification: k.qualification })),
    ...(closed.length ? [{ label: l10n.t('Not available for this customer'), kind: vscode.QuickPickItemKind.Separator }] : []),
    // listed with the reason, so nobody wonders where a kind went; picking one explains it again
    // a few words that fit the pick's width (a long detail line is cut); picking one says the whole reason
    ...closed.map((k) => ({
      label: text`${icon('circle-slash')} ${plainText(k.qualification)}`,
      description: k.excludedBy ? l10n.t('excluded by {0}, which it holds', plainText(k.excludedBy)) : l10n.t('held already ({0})', plainText(k.heldAs ?? '', 32)),
      reason: k.reason,
    })),
  ];
  // the prompt stays short (it is cut at the side bar's width); the customer is in the title, reasons in the items
  const chosen = await pick(items, { title: l10n.t('Request Qualification for {0}', who), placeHolder: l10n.t('Qualification to request'), matchOnDetail: true });
  if (!chosen) return cancelled;
  if (chosen.reason) return notAvailable(who, chosen.reason);
  return chosen.qualification ?? cancelled;
}

function notAvailable(who: Shown, reason: string): RequestOutcome {
  void showInformation(text`${who}: ${plainText(reason)}`);
  return { ok: false, reason: 'not-available', message: reason };
}

function invalid(message: string): RequestOutcome {
  void showError(plainText(message, 512));
  return { ok: false, reason: 'invalid', message };
}

async function pickSegment(who: Shown): Promise<EducationSegment | undefined> {
  const labels: Record<EducationSegment, Shown> = { K12: l10n.t('Primary and secondary schools (K-12)'), HigherEducation: l10n.t('Colleges and universities') };
  const chosen = await pick(EDUCATION_SEGMENTS.map((s) => ({ label: plainText(s), description: labels[s], segment: s })), { title: l10n.t('Request Education for {0}', who), placeHolder: l10n.t('Education segment') });
  return chosen?.segment;
}

async function pickValidationCode(codes: ValidationCode[], wanted: string | undefined, who: Shown): Promise<string | RequestOutcome> {
  const usable = codes.filter((c) => c.remainingCreates === undefined || c.remainingCreates > 0);
  if (!usable.length) {
    const message = codes.length
      ? l10n.t('None of your {0} GCC validation codes has creates left. Ask Microsoft for a new validation code.', codes.length)
      : l10n.t('Your partner account has no GCC validation code. GCC needs one from Microsoft\'s GCC validation.');
    void showError(message);
    return { ok: false, reason: 'no-validation-code', message };
  }
  if (wanted !== undefined) {
    const problem = validationCodeProblem(wanted, codes);
    return problem ? invalid(problem) : wanted.trim();
  }
  const creates = (c: ValidationCode) => c.remainingCreates === undefined ? undefined : c.maxCreates !== undefined
    ? l10n.t('{0} of {1} creates left', c.remainingCreates, c.maxCreates) : l10n.t('{0} creates left', c.remainingCreates);
  const items = codes.map((c) => {
    const left = c.remainingCreates === undefined || c.remainingCreates > 0;
    return { label: text`${icon(left ? 'key' : 'circle-slash')} ${plainText(c.organizationName ?? c.validationId)}`, description: creates(c), detail: plainText(c.validationId), code: c, left };
  });
  // a used-up code is listed (so nobody wonders where it went); picking it says why and asks again
  for (;;) {
    const chosen = await pick(items, { title: l10n.t('Request GCC for {0}', who), placeHolder: l10n.t('GCC validation code (organization, creates left)'), matchOnDetail: true });
    if (!chosen) return cancelled;
    if (chosen.left) return chosen.code.validationId;
    void showWarning(plainText(validationCodeProblem(chosen.code.validationId, codes) ?? '', 512));
  }
}

async function confirm(live: Live, tree: CustomersTree, tenant: ConfiguredTenant, request: QualificationRequest): Promise<boolean> {
  const send = l10n.t('Send Request');
  const url = `${live.cloud.apiBaseUrl.replace(/\/+$/, '')}/v1/customers/${tenant.tenantId}/qualifications${requestQuery(request)}`;
  const answer = await showWarning(
    // name, domain and id together: a name alone may be ambiguous, an id alone unrecognisable
    l10n.t('Request {0} for {1}?', plainText(describeRequest(request)), plainText(tree.fullName(tenant))),
    {
      modal: true,
      detail: l10n.t('Partner Center will vet this customer; the request cannot be withdrawn from here.\n\nPOST {0}\n{1}\n\nCustomer tenant: {2}', plainText(url, 512), plainText(JSON.stringify(requestBody(request)), 512), plainText(tenant.tenantId)),
    },
    send,
  );
  return answer === send;
}
