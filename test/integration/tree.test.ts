import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_TENANTS, getWorld, setCustomers, waitFor } from './helpers';
import type { Node } from '../../src/vscode/tree';

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
});
