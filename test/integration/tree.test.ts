import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_TENANTS, getWorld, setCustomers, waitFor, writeCustomersFile } from './helpers';
import { PAGE_SIZE, type Node } from '../../src/vscode/view/tree';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('Customers tree from settings', () => {
  it('is empty (welcome view) with no tenants and lists configured tenants with names and normalized ids', async () => {
    const { api } = await getWorld();
    await setCustomers([]);
    await waitFor('empty tree', () => api.tree.getChildren().length === 0);
    const fresh = '1a2b3c4d-0000-4000-8000-0000000000ff'; // never fetched by another suite
    const unnamed = '2b3c4d5e-0000-4000-8000-0000000000fe'; // Partner Center has no name for it
    await setCustomers([{ tenantId: fresh, name: 'Contoso University' }, ` {${unnamed.toUpperCase()}} `]);
    const rows = await waitFor('two rows', () => { const r = api.tree.getChildren(); return r.length === 2 && r; });
    const items = rows.map((r) => api.tree.getTreeItem(r));
    assert.deepStrictEqual(items.map(label), [unnamed, 'Contoso University']);
    assert.strictEqual(items[1]!.description, 'not checked');
    assert.strictEqual(items[1]!.contextValue, 'tenant');
  });

  it('shows bad entries as warning rows naming the entry, and updates on live edits', async () => {
    const { api } = await getWorld();
    await setCustomers(['not-a-guid', DEMO_TENANTS.approved, DEMO_TENANTS.approved.toUpperCase(), 42, { name: 'no id' }]);
    const rows = await waitFor('problem rows', () => { const r = api.tree.getChildren(); return r.filter((n: Node) => n.kind === 'problem').length === 4 && r; });
    const problems = rows.filter((n) => n.kind === 'problem').map((n) => label(api.tree.getTreeItem(n)));
    assert.deepStrictEqual(problems, [
      'entry 1: "not-a-guid" is not a tenant id (GUID) or a domain',
      `entry 3: duplicate of entry 2 (${DEMO_TENANTS.approved})`,
      'entry 4: 42 is not a tenant id, a domain or {"tenantId", "name"}',
      'entry 5: missing "tenantId" or "domain"',
    ]);
    const item = api.tree.getTreeItem(rows[0]!);
    assert.strictEqual(item.command?.command, 'partnerCenter.openSettings');
    assert.strictEqual(rows.filter((n) => n.kind === 'tenant').length, 1);
    await setCustomers([DEMO_TENANTS.approved, DEMO_TENANTS.inReview]);
    await waitFor('fixed list', () => api.tree.getChildren().length === 2 && api.tree.getChildren().every((n) => n.kind === 'tenant'));
  });

  it('lists a large workspace in pages of 1,000, in name order, and cuts a million-character name with a note', async () => {
    const { api } = await getWorld();
    const n = PAGE_SIZE * 2 + 500;
    const id = (i: number) => `2a2b3c4d-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const entries: unknown[] = Array.from({ length: n }, (_, i) => ({ tenantId: id(i), name: `Customer ${n - i}` }));
    entries.push({ tenantId: id(n), name: 'Z'.repeat(1_000_000) });
    // in the settings file as a cloned workspace holds it (through update() VS Code itself needs a minute: issue 24)
    await writeCustomersFile(entries);
    const top = await waitFor('pages', () => { const r = api.tree.getChildren(); return r.some((x) => x.kind === 'page') && r; });
    const pages = top.filter((x) => x.kind === 'page');
    assert.deepStrictEqual(pages.map((p) => label(api.tree.getTreeItem(p))), ['Tenants 1–1,000', 'Tenants 1,001–2,000', 'Tenants 2,001–2,501']);
    const problems = top.filter((x) => x.kind === 'problem').map((p) => label(api.tree.getTreeItem(p)));
    assert.deepStrictEqual(problems, [`entry ${n + 1}: "name" is 1,000,000 characters; shown cut to 256`]);
    const firstPage = api.tree.getChildren(pages[0]);
    assert.strictEqual(firstPage.length, PAGE_SIZE);
    assert.deepStrictEqual(firstPage.slice(0, 3).map((t) => label(api.tree.getTreeItem(t))), ['Customer 1', 'Customer 2', 'Customer 3'], 'numeric name order');
    const last = api.tree.getChildren(pages[2]).at(-1)!;
    assert.strictEqual(label(api.tree.getTreeItem(last)).length, 256);
    assert.strictEqual(api.tree.getParent(last)?.kind, 'page');
    await writeCustomersFile([DEMO_TENANTS.approved]);
    await waitFor('small list again', () => api.tree.getChildren().length === 1);
  });
});
