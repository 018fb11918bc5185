// Request Qualification...: pick the tenant and the kind (held and excluded kinds are explained, not
// offered), the Education segment and website or a GCC validation code, confirm exactly what will be sent
// in a modal, then POST through the connection's one client. The new qualification shows at once and the
// tenant is read again.
import * as vscode from 'vscode';
import { PartnerCenterError } from '../../core/client/errors';
import type { RequestedQualification } from '../../core/client/partnerCenterClient';
import { ConfiguredTenant } from '../../core/model/customerEntries';
import { Qualification } from '../../core/model/qualification';
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
import { plainText } from '../../core/display/safeText';

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
  | { readonly ok: true; readonly tenantId: string; readonly qualification?: Qualification; readonly requestId?: string }
  | { readonly ok: false; readonly reason: 'cancelled' | 'not-signed-in' | 'app-only' | 'not-available' | 'no-validation-code' | 'invalid' | 'failed'; readonly message?: string };

export interface RequestDeps {
  readonly connection: Connection;
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly logger: Logger;
  /** Whether the extension runs under tests (the only case where `confirm: false` is honoured). */
  readonly testMode: boolean;
}

const cancelled: RequestOutcome = { ok: false, reason: 'cancelled' };
const TITLE = () => vscode.l10n.t('Partner Center: Request Qualification');

export async function requestQualification(d: RequestDeps, tenantArg: ConfiguredTenant | undefined, args: RequestQualificationArgs = {}): Promise<RequestOutcome> {
  const tenant = tenantArg ?? (args.tenantId ? tenantFromArg(d.tree, args.tenantId) : await pickTenant(d.tree));
  if (!tenant) {
    if (args.tenantId) void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a tenant id (GUID).', args.tenantId));
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
  const held = await withProgress(vscode.l10n.t('Reading the qualifications of {0}', who), (signal) => live.runner.fetchOne(tenant.tenantId, { signal }));
  if (!held.ok) return held.outcome;
  if (isConfigured(d.tree, tenant.tenantId)) d.store.succeeded(held.value);
  const current = held.value.qualifications;

  const kind = await pickKind(current, args.qualification, who);
  if (typeof kind !== 'string') return kind;
  let request: QualificationRequest;
  let validationCodes: ValidationCode[] | undefined;
  if (kind === 'Education') {
    const segment = args.educationSegment ?? (await pickSegment());
    if (!segment) return cancelled;
    const website = args.website ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Request Education for {0}', who), prompt: vscode.l10n.t('Website of the school or institution of {0}', who), placeHolder: 'example.edu', ignoreFocusOut: true,
      validateInput: (v) => websiteProblem(v),
    }));
    if (website === undefined) return cancelled;
    request = { qualification: 'Education', educationSegment: segment, website: website.trim() };
  } else if (kind === 'GovernmentCommunityCloud') {
    const codes = await withProgress(vscode.l10n.t('Reading your GCC validation codes'), (signal) => live.client.getValidationCodes({ signal }));
    if (!codes.ok) return codes.outcome;
    const code = await pickValidationCode(codes.value, args.validationCode);
    if (typeof code !== 'string') return code;
    request = { qualification: 'GovernmentCommunityCloud', validationCode: code };
    validationCodes = codes.value;
  } else {
    request = { qualification: 'StateOwnedEntity' };
  }
  const problems = requestProblems(request, current, validationCodes);
  if (problems.length) {
    void vscode.window.showErrorMessage(`${who}: ${problems.join(' ')}`);
    return { ok: false, reason: 'invalid', message: problems.join(' ') };
  }

  if (!(args.confirm === false && d.testMode) && !(await confirm(live, d.tree, tenant, request))) return cancelled;

  d.logger.info(`requesting ${describeRequest(request)} for tenant ${tenant.tenantId}`);
  // not cancellable: once sent, the service acts on it whatever the editor does
  let answer: RequestedQualification;
  try {
    answer = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Requesting {0} for {1}', kind, who) },
      () => live.client.requestQualification(tenant.tenantId, request),
    );
  } catch (e) {
    void showFailure(e, who);
    return { ok: false, reason: 'failed', message: (e as Error).message };
  }
  if (answer.qualification && isConfigured(d.tree, tenant.tenantId)) {
    d.store.succeeded({ ...held.value, qualifications: withRequested(current, answer.qualification), requestId: answer.requestId, correlationId: answer.correlationId, checkedAt: answer.at });
    d.tree.refreshSoon();
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1} requested. Partner Center answered {2} (request {3}).', who, kind, answer.qualification ? (answer.qualification.status === 'NotVetted' ? vscode.l10n.t('held') : statusLabel(answer.qualification.status, answer.qualification.rawStatus)) : vscode.l10n.t('accepted'), answer.requestId ?? '-'));
  void readAgain(d, live, tenant.tenantId);
  return { ok: true, tenantId: tenant.tenantId, qualification: answer.qualification, requestId: answer.requestId };
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
  const message = vscode.l10n.t('Requesting a qualification needs an app + user sign-in; you are signed in app-only, which can only read.');
  const signIn = vscode.l10n.t('Sign In as User');
  void vscode.window.showWarningMessage(message, signIn).then((p) => p === signIn && vscode.commands.executeCommand('partnerCenter.signIn', { mode: 'user' }));
  return { ok: false, reason: 'app-only', message };
}

const isConfigured = (tree: CustomersTree, tenantId: string) => tree.tenants.some((t) => t.tenantId === tenantId);

function tenantFromArg(tree: CustomersTree, raw: string): ConfiguredTenant | undefined {
  const id = normalizeTenantId(raw);
  return id ? tree.tenants.find((t) => t.tenantId === id) ?? { tenantId: id, index: -1 } : undefined;
}

async function withProgress<T>(title: string, run: (signal: AbortSignal) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; outcome: RequestOutcome }> {
  try {
    const value = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
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
    void vscode.window.showInformationMessage(vscode.l10n.t('No customer tenants in this workspace: add one first.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    tenants.map((t) => {
      const label = plainText(tree.displayName(t));
      const more = [tree.described(t).domain, t.tenantId].filter((x) => x && plainText(x) !== label).map((x) => plainText(x!));
      return { label, description: more.join(' · ') || undefined, tenant: t };
    }),
    { title: TITLE(), placeHolder: vscode.l10n.t('Customer'), matchOnDescription: true },
  );
  return pick?.tenant;
}

const KIND_LABEL: Record<RequestableQualification, () => string> = {
  Education: () => vscode.l10n.t('schools, universities'),
  StateOwnedEntity: () => vscode.l10n.t('state-owned organizations'),
  GovernmentCommunityCloud: () => vscode.l10n.t('needs a validation code'),
};

async function pickKind(held: readonly Qualification[], wanted: RequestableQualification | undefined, who: string): Promise<RequestableQualification | RequestOutcome> {
  const kinds = availability(held);
  if (wanted) {
    const a = kinds.find((k) => k.qualification === wanted);
    if (!a) return invalid(`${who}: ${vscode.l10n.t('{0} cannot be requested; only {1} can.', wanted, REQUESTABLE.join(', '))}`);
    if (!a.available) return notAvailable(who, a.reason!);
    return wanted;
  }
  type Item = vscode.QuickPickItem & { qualification?: RequestableQualification; reason?: string };
  const open = kinds.filter((k) => k.available);
  const closed = kinds.filter((k) => !k.available);
  const items: Item[] = [
    ...open.map((k) => ({ label: k.qualification, description: KIND_LABEL[k.qualification](), qualification: k.qualification })),
    ...(closed.length ? [{ label: vscode.l10n.t('Not available for this customer'), kind: vscode.QuickPickItemKind.Separator }] : []),
    // listed with the reason, so nobody wonders where a kind went; picking one explains it again
    // a few words that fit the pick's width (a long detail line is cut); picking one says the whole reason
    ...closed.map((k) => ({
      label: `$(circle-slash) ${k.qualification}`,
      description: k.excludedBy ? vscode.l10n.t('excluded by {0}, which it holds', k.excludedBy) : vscode.l10n.t('held already ({0})', plainText(k.heldAs ?? '', 32)),
      reason: k.reason,
    })),
  ];
  // the prompt stays short (it is cut at the side bar's width); the customer is in the title, reasons in the items
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Request Qualification for {0}', who), placeHolder: vscode.l10n.t('Qualification to request'), matchOnDetail: true });
  if (!pick) return cancelled;
  if (pick.reason) return notAvailable(who, pick.reason);
  return pick.qualification ?? cancelled;
}

function notAvailable(who: string, reason: string): RequestOutcome {
  void vscode.window.showInformationMessage(`${who}: ${reason}`);
  return { ok: false, reason: 'not-available', message: reason };
}

function invalid(message: string): RequestOutcome {
  void vscode.window.showErrorMessage(message);
  return { ok: false, reason: 'invalid', message };
}

async function pickSegment(): Promise<EducationSegment | undefined> {
  const labels: Record<EducationSegment, string> = { K12: vscode.l10n.t('Primary and secondary schools (K-12)'), HigherEducation: vscode.l10n.t('Colleges and universities') };
  const pick = await vscode.window.showQuickPick(EDUCATION_SEGMENTS.map((s) => ({ label: s, description: labels[s], segment: s })), { title: TITLE(), placeHolder: vscode.l10n.t('Education segment') });
  return pick?.segment;
}

async function pickValidationCode(codes: ValidationCode[], wanted: string | undefined): Promise<string | RequestOutcome> {
  const usable = codes.filter((c) => c.remainingCreates === undefined || c.remainingCreates > 0);
  if (!usable.length) {
    const message = codes.length
      ? vscode.l10n.t('None of your {0} GCC validation codes has creates left. Ask Microsoft for a new validation code.', codes.length)
      : vscode.l10n.t('Your partner account has no GCC validation code. GCC needs one from Microsoft\'s GCC validation.');
    void vscode.window.showErrorMessage(message);
    return { ok: false, reason: 'no-validation-code', message };
  }
  if (wanted !== undefined) {
    const problem = validationCodeProblem(wanted, codes);
    return problem ? invalid(problem) : wanted.trim();
  }
  const creates = (c: ValidationCode) => c.remainingCreates === undefined ? '' : c.maxCreates !== undefined
    ? vscode.l10n.t('{0} of {1} creates left', c.remainingCreates, c.maxCreates) : vscode.l10n.t('{0} creates left', c.remainingCreates);
  const pick = await vscode.window.showQuickPick(
    codes.map((c) => {
      const left = c.remainingCreates === undefined || c.remainingCreates > 0;
      return { label: `${left ? '$(key)' : '$(circle-slash)'} ${c.organizationName ?? c.validationId}`, description: creates(c), detail: c.validationId, code: c, left };
    }),
    { title: TITLE(), placeHolder: vscode.l10n.t('GCC validation code (organization, creates left)'), matchOnDetail: true },
  );
  if (!pick) return cancelled;
  if (!pick.left) return invalid(validationCodeProblem(pick.code.validationId, codes) ?? '');
  return pick.code.validationId;
}

async function confirm(live: Live, tree: CustomersTree, tenant: ConfiguredTenant, request: QualificationRequest): Promise<boolean> {
  const send = vscode.l10n.t('Send Request');
  const url = `${live.cloud.apiBaseUrl.replace(/\/+$/, '')}/v1/customers/${tenant.tenantId}/qualifications${requestQuery(request)}`;
  const answer = await vscode.window.showWarningMessage(
    // name, domain and id together: a name alone may be ambiguous, an id alone unrecognisable
    vscode.l10n.t('Request {0} for {1}?', describeRequest(request), plainText(tree.fullName(tenant))),
    {
      modal: true,
      detail: vscode.l10n.t('Partner Center will vet this customer; the request cannot be withdrawn from here.\n\nPOST {0}\n{1}\n\nCustomer tenant: {2}', url, JSON.stringify(requestBody(request)), tenant.tenantId),
    },
    send,
  );
  return answer === send;
}
