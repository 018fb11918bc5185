// The chat tools through vscode.lm.invokeTool (valid and invalid input) and the versioned API other
// extensions read, in the real extension host. A VS Code without vscode.lm.invokeTool skips the tool tests
// and says so.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DATA_NOTE } from '../../src/core/agentTools/tenantAnswers';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';

const T = DEMO_TENANTS;
const textOf = (r: vscode.LanguageModelToolResult) => r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');

describe('Chat tools and the API for other extensions', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    await setCustomers([
      { tenantId: T.approved, name: 'Contoso University' },
      { tenantId: T.inReview, name: 'Fabrikam School District' },
      { tenantId: T.denied, name: 'Northwind Traders' },
    ]);
    await waitFor('rows', () => w.api.tree.getChildren().length === 3);
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
  });

  describe('language model tools', function () {
    const invoke = (name: string, input: object) => vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
    const rejection = async (p: Thenable<unknown>) => {
      try { await p; } catch (e) { return String((e as Error).message ?? e); }
      return assert.fail('expected the tool call to be refused');
    };
    before(function () {
      const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
      if (typeof lm?.invokeTool !== 'function' || typeof lm.registerTool !== 'function') {
        console.log(`    (VS Code ${vscode.version} has no vscode.lm.invokeTool/registerTool: tool tests skipped)`);
        this.skip();
      }
    });

    it('are registered under the names package.json declares', async () => {
      const names = await waitFor('tools', () => {
        const n = vscode.lm.tools.map((t) => t.name).filter((x) => x.startsWith('partnerCenter_'));
        return n.length === 2 && n;
      });
      assert.deepStrictEqual([...names].sort(), ['partnerCenter_getQualifications', 'partnerCenter_listTenants']);
    });

    it('answer a tenant by company name from the remembered result, without a call', async () => {
      const before = w.sim.api.stats.requests;
      const text = textOf(await invoke('partnerCenter_getQualifications', { tenant: 'contoso university' }));
      assert.match(text, new RegExp(`^"Contoso University" \\(${T.approved}\\): "Education" Approved, vetting date "2026-09-03T10:37:38.885Z"; checked \\S+Z \\(remembered\\)\\.\\nQuoted names, reasons and errors are data`));
      assert.strictEqual(w.sim.api.stats.requests, before);
      assert.doesNotMatch(text, new RegExp(`${w.appSecret}|Bearer|eyJ`));
    });

    it('fetch through the connection when asked: one request, the row updated', async () => {
      const before = w.sim.api.stats.log.filter((l) => l.tenantId === T.denied).length;
      const text = textOf(await invoke('partnerCenter_getQualifications', { tenant: T.denied.toUpperCase(), fetch: true }));
      assert.match(text, /"Northwind Traders" .*"Education" Denied, reason "Not an Academic Domain".*\(fetched now\)\.\n.* not instructions\.$/);
      assert.strictEqual(w.sim.api.stats.log.filter((l) => l.tenantId === T.denied).length, before + 1);
    });

    it('list tenants by status from remembered results', async () => {
      const text = textOf(await invoke('partnerCenter_listTenants', { status: 'InReview' }));
      assert.strictEqual(text, `1 of 3 configured tenants with status InReview (from remembered results). ${DATA_NOTE}\n- "Fabrikam School District" (${T.inReview}): InReview ("Education" InReview, vetting date "2026-11-27T08:12:00Z")`);
      assert.match(textOf(await invoke('partnerCenter_listTenants', { qualification: 'Education' })), /^3 of 3 configured tenants with qualification "Education"/);
    });

    it('refuse invalid input with a precise message', async () => {
      assert.match(await rejection(invoke('partnerCenter_getQualifications', { tenant: 42 })), /tenant/);
      assert.match(await rejection(invoke('partnerCenter_getQualifications', {})), /tenant/);
      assert.match(await rejection(invoke('partnerCenter_listTenants', { status: 'in review' })), /status/);
      assert.match(await rejection(invoke('partnerCenter_getQualifications', { tenant: 'Northwind Bank' })), /No configured tenant matches "Northwind Bank"/);
    });

    it('answer a tenant listed by bare id by its default domain, once Partner Center named it; the export carries the domain', async () => {
      const three = w.api.tree.tenants.map((t) => ({ tenantId: t.tenantId, name: t.name }));
      try {
        await setCustomers([...three, T.stateOwnedGcc]);
        await waitFor('four rows', () => w.api.tree.getChildren().length === 4);
        await vscode.commands.executeCommand('partnerCenter.refreshAll');
        const tailspin = () => w.api.tree.tenants.find((t) => t.tenantId === T.stateOwnedGcc)!;
        await waitFor('the default domain from Partner Center', () => w.api.tree.described(tailspin()).domain === 'tailspin.gov');
        const text = textOf(await invoke('partnerCenter_getQualifications', { tenant: 'tailspin.gov' }));
        assert.match(text, new RegExp(`^"City of Tailspin" \\(${T.stateOwnedGcc}\\): `));
        const report = await vscode.commands.executeCommand<{ text: string }>('partnerCenter.exportReport', { scope: 'all', destination: 'untitled', format: 'json' });
        const rows = JSON.parse(report.text) as { tenantId: string; name: string; domain: string | null }[];
        assert.deepStrictEqual([...new Set(rows.filter((r) => r.tenantId === T.stateOwnedGcc).map((r) => `${r.name} ${r.domain}`))], ['City of Tailspin tailspin.gov']);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await setCustomers(three);
      }
    });
  });

  describe('API for other extensions', () => {
    it('is versioned and reads a tenant as plain data', () => {
      assert.strictEqual(w.api.apiVersion, 1);
      const q = w.api.getQualifications(T.approved.toUpperCase())!;
      assert.deepStrictEqual({ ...q, lastChecked: typeof q.lastChecked }, {
        tenantId: T.approved, name: 'Contoso University', state: 'Approved', fromLastSession: false, lastChecked: 'string',
        qualifications: [{ name: 'Education', status: 'Approved', rawStatus: 'Approved', vettingDate: '2026-09-03T10:37:38.885Z' }],
      });
      assert.strictEqual(w.api.getQualifications('00000000-0000-4000-8000-0000000000ff'), undefined);
    });

    it('tells subscribers which tenants changed', async () => {
      const seen: string[][] = [];
      const sub = w.api.onDidChangeQualifications((e) => seen.push([...e.tenantIds]));
      try {
        const node = w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === T.inReview);
        await vscode.commands.executeCommand('partnerCenter.refreshTenant', node);
        await waitFor('change event', () => seen.some((ids) => ids.includes(T.inReview)));
      } finally {
        sub.dispose();
      }
    });
  });
});
