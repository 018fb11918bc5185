// Finds the rows of changed qualifications and reveals them in the Customers view.
import * as vscode from 'vscode';
import { VettingChange } from '../../core/history/vettingHistory';
import { CustomersTree, Node, TenantNode } from '../view/tree';

/** The tenant's rows (one per group listing it in a multi-root window). */
export function tenantRows(tree: CustomersTree, tenantId: string): TenantNode[] {
  const id = tenantId.toLowerCase();
  const out: TenantNode[] = [];
  for (const n of tree.getChildren()) {
    const level = n.kind === 'folder' ? tree.getChildren(n) : [n];
    for (const t of level) if (t.kind === 'tenant' && t.tenant.tenantId.toLowerCase() === id) out.push(t);
  }
  return out;
}

/** The qualification's row, else the tenant's (a removed qualification has no row). */
export function changeRows(tree: CustomersTree, c: VettingChange): Node[] {
  return tenantRows(tree, c.tenantId).map((t) =>
    tree.getChildren(t).find((n) => n.kind === 'qualification' && n.qualification.name.toLowerCase() === c.qualification.toLowerCase()) ?? t);
}

/** Reveals every changed row (expanding its tenant) and leaves the most important one selected. */
export async function revealChanges(view: vscode.TreeView<Node>, tree: CustomersTree, ordered: readonly VettingChange[]): Promise<number> {
  await vscode.commands.executeCommand('partnerCenter.customers.focus');
  let shown = 0;
  for (const c of [...ordered].reverse()) {
    for (const row of changeRows(tree, c)) {
      // a row hidden by the filter cannot be revealed: the others still are
      await Promise.resolve(view.reveal(row, { select: true, focus: true, expand: true })).then(() => shown++, () => undefined);
    }
  }
  return shown;
}
