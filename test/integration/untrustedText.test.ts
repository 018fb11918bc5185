// (Named to run after hostileWorkspace.test: its Import reads the whole customer directory, and the pace test
// there sets its budget from the requests of the last minute.)
// Hostile names, reasons, company and organization names and error texts (a command: link, a theme icon,
// markdown, HTML, a new line, a few KB) through every message, progress and quick pick that can show one:
// remove, import, look up and its answer, request (kinds, codes, confirmation, failure), the change verdict,
// history, the tenant hover and the status bar. VS Code's window functions are recorded, so each string the
// extension hands to VS Code is checked. (1 MB goes through the display functions' unit tests: a 1 MB
// setting costs VS Code itself tens of seconds.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { customerId } from '../../src/core/simulator/customers';
import type { LookUpItem } from '../../src/vscode/customers/lookUp';
import type { ResultItem } from '../../src/vscode/customers/resultPick';
import { FakeQuickPick } from './fakeQuickPick';
import { USER_CLIENT_ID, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';

const MARK = 'Evilcorp';
const hostile = (what: string) => `${MARK} ${what} [Undo](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%22%7D) $(pass-filled) Approved **bold** <img src=x onerror=alert(1)> <a href="command:x">y</a>\nIMPORTANT: a second line ${'y'.repeat(3000)}`;
const T = customerId(811);
const T2 = customerId(812);

interface Seen { readonly surface: string; readonly text: string }

describe('Hostile text is shown as text on every surface', () => {
  let w: World;
  const seen: Seen[] = [];
  const win = vscode.window as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals: Record<string, (...a: unknown[]) => unknown> = {};
  let answerPick: (items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined = () => undefined;
  const fakes: FakeQuickPick<vscode.QuickPickItem>[] = [];
  const record = (surface: string, text: unknown) => { if (typeof text === 'string') seen.push({ surface, text }); };
  const recordItems = (surface: string, items: readonly vscode.QuickPickItem[]) => {
    for (const i of items) { record(`${surface} label`, i.label); record(`${surface} description`, i.description); record(`${surface} detail`, i.detail); }
  };

  before(async () => {
    w = await getWorld();
    w.sim.api.upsert({ tenantId: T, name: hostile('company'), domain: 'evilcorp.example', qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-27T08:12:00Z' }] });
    w.sim.api.upsert({ tenantId: T2, name: hostile('second company'), domain: 'evilcorp-two.example', qualifications: [] });
    w.sim.api.validations.push({ validationId: '0b0b0b0b-1111-4222-8333-444444444444', organizationName: hostile('organization'), maxCreates: 3, remainingCreates: 3 });
    await setCustomers([{ tenantId: T, name: hostile('settings name') }]);
    for (const name of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'withProgress', 'createQuickPick']) originals[name] = win[name]!;
    const message = (kind: string) => (m: unknown, ...rest: unknown[]) => {
      record(`${kind} message`, m);
      for (const r of rest) if (r && typeof r === 'object') record(`${kind} detail`, (r as vscode.MessageOptions).detail); else record(`${kind} button`, r);
      return Promise.resolve(undefined);
    };
    win.showInformationMessage = message('information');
    win.showWarningMessage = message('warning');
    win.showErrorMessage = message('error');
    win.showQuickPick = async (items: unknown, options?: unknown) => {
      const list = (await items) as vscode.QuickPickItem[];
      recordItems('quick pick', list);
      record('quick pick title', (options as vscode.QuickPickOptions | undefined)?.title);
      record('quick pick placeholder', (options as vscode.QuickPickOptions | undefined)?.placeHolder);
      return answerPick(list);
    };
    win.withProgress = (options: unknown, task: unknown) => {
      record('progress title', (options as vscode.ProgressOptions).title);
      const run = task as (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) => Thenable<unknown>;
      return originals.withProgress!.call(vscode.window, options, (p: vscode.Progress<{ message?: string }>, t: vscode.CancellationToken) =>
        run({ report: (v) => { record('progress message', v.message); p.report(v); } }, t));
    };
    // the Import pick: recorded once shown, then dismissed
    win.createQuickPick = () => {
      const fake = new FakeQuickPick<vscode.QuickPickItem>();
      fakes.push(fake);
      const show = fake.show.bind(fake);
      fake.show = () => { show(); setImmediate(() => { recordItems('created pick', fake.items); record('created pick title', fake.title); record('created pick placeholder', fake.placeholder); fake.hide(); }); };
      return fake.asQuickPick();
    };
    await signInApp(w);
  });

  after(async () => {
    Object.assign(win, originals);
    w.sim.setCustomerFault(T, undefined);
    for (const id of [T, T2]) w.sim.api.customers.delete(id);
    w.sim.api.validations.pop();
    await setCustomers([]);
    await signInApp(w);
  });

  /** Every string recorded since `from` is neutral, and the hostile text was among them (so the zero means something). */
  function neutral(step: string, from: number): void {
    const shown = seen.slice(from);
    assert.ok(shown.some((s) => s.text.includes(MARK)), `${step}: the hostile text was shown somewhere (${JSON.stringify(shown.map((s) => s.surface))})`);
    for (const s of shown) {
      const where = `${step}, ${s.surface}: ${JSON.stringify(s.text.slice(0, 300))}`;
      // a codicon this extension writes leads a row; nothing else may be one
      const body = s.text.replace(/^\$\([a-z-]+(~spin)?\) /, '');
      assert.doesNotMatch(body, /\$\(/, `${where}: an icon`);
      assert.doesNotMatch(s.text, /\]\(/, `${where}: a link`);
      if (!s.surface.endsWith('detail') || !s.surface.startsWith('warning')) assert.doesNotMatch(s.text, /[\r\n]/, `${where}: a second line`);
      else assert.doesNotMatch(s.text, /IMPORTANT/, `${where}: the hostile second line`);
      assert.ok(s.text.length <= 1200, `${where}: ${s.text.length} characters`);
    }
  }

  it('the verdict of a refresh, the history, the tenant hover and the status bar', async () => {
    const from = seen.length;
    await w.api.refresher.refreshTenants([T]);
    w.sim.api.upsert({ tenantId: T, name: hostile('company'), domain: 'evilcorp.example', qualifications: [{ qualification: 'Education', vettingStatus: 'Denied', vettingReason: hostile('reason'), vettingCreateDate: '2026-11-27T08:12:00Z' }] });
    await w.api.refresher.refreshTenants([T]);
    await waitFor('the verdict message', () => seen.slice(from).some((s) => s.surface.endsWith('message') && s.text.includes('Denied')));
    await vscode.commands.executeCommand('partnerCenter.showHistory', T);
    await vscode.commands.executeCommand('partnerCenter.showHistory');
    neutral('refresh, history', from);
    // the status bar: only the extension's own icons and counts
    assert.match(w.api.changes.statusBar.item.text, /^(\$\([a-z~-]+\) \d+ ?)+$/);
    const row = w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === T)!;
    const hover = (w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(row), row).tooltip as vscode.MarkdownString).value;
    assert.match(hover, /Recent changes/);
    // raw markdown: every markup character of the text arrives escaped (\< is a literal <)
    const unsafe = /\$\(pass-filled\)|\]\(|(^|[^\\])<(img|a )/.exec(hover);
    assert.ok(!unsafe, `no icon, link or HTML in the hover: ...${hover.slice(Math.max(0, (unsafe?.index ?? 0) - 120), (unsafe?.index ?? 0) + 60)}...`);
    assert.ok(!hover.split('\n').some((l) => l.startsWith('IMPORTANT')), 'no hover line of the hostile text');
  });

  it('look up (search rows and the answer) and import (the pick and the message)', async () => {
    const from = seen.length;
    const first = new FakeQuickPick<LookUpItem>();
    const second = new FakeQuickPick<ResultItem>();
    const done = vscode.commands.executeCommand('partnerCenter.lookUp', { createQuickPick: () => first.asQuickPick(), createResultPick: () => second.asQuickPick() });
    first.type(MARK);
    await waitFor('the search row', () => first.items.some((i) => i.candidate?.tenantId === T2), 5000);
    recordItems('look-up pick', first.items);
    first.pick((i) => i.candidate?.tenantId === T2);
    await waitFor('the answer', () => second.shown && second.items.length > 0);
    recordItems('answer pick', second.items);
    record('answer title', second.title);
    record('answer placeholder', second.placeholder);
    second.hide();
    await done;
    await vscode.commands.executeCommand('partnerCenter.importCustomers', {});
    await vscode.commands.executeCommand('partnerCenter.importCustomers', { select: [T2] });
    await waitFor('the import message', () => seen.slice(from).some((s) => /^Added /.test(s.text)));
    neutral('look up, import', from);
  });

  it('Request Qualification: the tenant pick, kinds, validation codes, the confirmation and the service failure', async () => {
    assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.signIn', { mode: 'user', flow: 'deviceCode', clientId: USER_CLIENT_ID, tenantId: w.sim.partnerTenantId }));
    const from = seen.length;
    await vscode.commands.executeCommand('partnerCenter.requestQualification');
    await vscode.commands.executeCommand('partnerCenter.requestQualification', { tenantId: T });
    await vscode.commands.executeCommand('partnerCenter.requestQualification', { tenantId: T, qualification: 'GovernmentCommunityCloud' });
    await vscode.commands.executeCommand('partnerCenter.requestQualification', { tenantId: T, qualification: 'StateOwnedEntity' });
    w.sim.setCustomerFault(T, { fault: 'bare-string-error', status: 400, message: hostile('error') });
    await vscode.commands.executeCommand('partnerCenter.requestQualification', { tenantId: T, qualification: 'StateOwnedEntity' });
    await waitFor('the failure', () => seen.slice(from).some((s) => s.surface === 'error message' && s.text.includes(`${MARK} error`)));
    w.sim.setCustomerFault(T, undefined);
    assert.ok(seen.slice(from).some((s) => s.surface.startsWith('quick pick label') && s.text.includes(`${MARK} organization`)), 'the validation code pick was shown');
    assert.ok(seen.slice(from).some((s) => s.surface === 'warning message' && s.text.includes(`${MARK} settings name`)), 'the confirmation was shown');
    neutral('request', from);
    await signInApp(w);
  });

  it('Remove Tenant (the pick and the message) and Undo', async () => {
    const from = seen.length;
    answerPick = (items) => items.find((i) => (i as { node?: { tenant: { tenantId: string } } }).node?.tenant.tenantId === T);
    try {
      assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.removeTenant'));
    } finally {
      answerPick = () => undefined;
    }
    assert.ok(seen.slice(from).some((s) => /^Removed /.test(s.text)), 'the removal was announced');
    assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.undoRemoveTenant'));
    await waitFor('the tenant back', () => w.api.tree.tenantIds.includes(T));
    neutral('remove', from);
  });
});
