// Remove Tenant (row menu, or the palette with a tenant pick) and its Undo: the removed entries go back to
// where they were in the setting, with the tenant's remembered status.
import * as vscode from 'vscode';
import { pick, showInformation, showWarning } from '../display/window';
import { l10n } from '../display/l10n';
import { plainText } from '../../core/display/safeText';
import { normalizeTenantId } from '../../core/model/tenantId';
import { TenantStatus } from '../../core/model/tenantStatus';
import { StatusStore } from '../statusStore';
import { settingAt } from '../customers/customersSetting';
import { CustomersTree, Node, TenantNode } from '../view/tree';

interface Removal {
  readonly node: TenantNode;
  /** The removed entries, as written, with their index in the setting. */
  readonly entries: readonly { readonly index: number; readonly value: unknown }[];
  readonly status?: TenantStatus;
}

const CAN_UNDO = 'partnerCenter.canUndoRemove';

const entryId = (e: unknown) => normalizeTenantId(typeof e === 'string' ? e : (e as { tenantId?: unknown } | null)?.tenantId);

export function registerRemoveTenant(tree: CustomersTree, store: StatusStore, tenantOf: (node?: Node) => TenantNode | undefined): vscode.Disposable {
  let last: Removal | undefined;
  const setLast = (r: Removal | undefined) => {
    last = r;
    void vscode.commands.executeCommand('setContext', CAN_UNDO, !!r);
  };

  const remove = async (node?: Node): Promise<boolean> => {
    const target = tenantOf(node) ?? (await pickTenant(tree));
    if (!target) return false;
    const { config, target: scope, entries } = settingAt(target.folder);
    const removed = entries.flatMap((value, index) => (entryId(value) === target.tenant.tenantId ? [{ index, value }] : []));
    if (!removed.length) {
      void showWarning(l10n.t('{0} is not set in this workspace\'s settings; remove it where it is configured.', plainText(target.tenant.tenantId)));
      return false;
    }
    const status = store.book.get(target.tenant.tenantId);
    await config.update('customers', entries.filter((_, i) => !removed.some((r) => r.index === i)), scope);
    store.forget(target.tenant.tenantId);
    setLast({ node: target, entries: removed, status });
    const undo = l10n.t('Undo');
    void showInformation(l10n.t('Removed {0} from the list. "Partner Center: Undo Remove Tenant" puts it back.', plainText(target.tenant.name ?? target.tenant.tenantId)), undo)
      .then((pick) => pick === undo && vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'));
    return true;
  };

  const undoRemove = async (): Promise<boolean> => {
    const r = last;
    if (!r) return false;
    setLast(undefined);
    const { config, target: scope, entries } = settingAt(r.node.folder);
    // back at their old places (as far as the list still has them), unless the tenant was added again since
    if (!entries.some((e) => entryId(e) === r.node.tenant.tenantId)) {
      for (const { index, value } of r.entries) entries.splice(Math.min(index, entries.length), 0, value);
      await config.update('customers', entries, scope);
    }
    if (r.status && !store.book.get(r.node.tenant.tenantId)) store.restore(r.node.tenant.tenantId, r.status);
    return true;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('partnerCenter.removeTenant', remove),
    vscode.commands.registerCommand('partnerCenter.undoRemoveTenant', undoRemove),
  );
}

async function pickTenant(tree: CustomersTree): Promise<TenantNode | undefined> {
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const nodes = tree.getChildren().flatMap((n) => (n.kind === 'folder' ? tree.getChildren(n) : [n])).filter((n): n is TenantNode => n.kind === 'tenant');
  if (!nodes.length) {
    void showInformation(l10n.t('No customer tenants to remove.'));
    return undefined;
  }
  const chosen = await pick(
    nodes.map((node) => ({ label: plainText(node.tenant.name ?? node.tenant.tenantId), description: node.tenant.name ? plainText(node.tenant.tenantId) : undefined, detail: multiRoot ? plainText(node.folder?.name ?? vscode.workspace.name ?? '') : undefined, node })),
    { title: l10n.t('Partner Center: Remove Tenant'), placeHolder: l10n.t('Which tenant do you want to remove from the list?'), matchOnDescription: true },
  );
  return chosen?.node;
}
