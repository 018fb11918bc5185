// Remove Tenant (row menu, or the palette with a tenant pick) and its Undo: the removed entries go back to
// where they were in the setting, with the tenant's remembered status. Each removal keeps its own Undo (the
// notification's restores the tenant it names); the palette's restores the most recent, then earlier ones.
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
  /** The name the row showed, for the messages (the row is gone once removed). */
  readonly name: string;
  /** The removed entries, as written, with their index in the setting and the entry that followed them. */
  readonly entries: readonly { readonly index: number; readonly value: unknown; readonly next?: unknown }[];
  readonly status?: TenantStatus;
}

const CAN_UNDO = 'partnerCenter.canUndoRemove';
/** Removals remembered for Undo, newest last. */
const KEPT = 20;

const entryId = (e: unknown) => normalizeTenantId(typeof e === 'string' ? e : (e as { tenantId?: unknown } | null)?.tenantId);
const entryDomain = (e: unknown) => {
  const d = typeof e === 'string' ? e : (e as { domain?: unknown } | null)?.domain;
  return typeof d === 'string' ? d.trim().toLowerCase() : undefined;
};
/** The entries that list this tenant: by its id, or by the domain entry it was resolved from. */
const listsTenant = (tenant: TenantNode['tenant']) => (e: unknown) =>
  entryId(e) === tenant.tenantId || (tenant.domain !== undefined && entryDomain(e) === tenant.domain);

export function registerRemoveTenant(tree: CustomersTree, store: StatusStore, tenantOf: (node?: Node) => TenantNode | undefined): vscode.Disposable {
  const removals: Removal[] = [];
  const forget = (r: Removal) => {
    const i = removals.indexOf(r);
    if (i >= 0) removals.splice(i, 1);
    void vscode.commands.executeCommand('setContext', CAN_UNDO, removals.length > 0);
  };

  const remove = async (node?: Node): Promise<boolean> => {
    const target = tenantOf(node) ?? (await pickTenant(tree));
    if (!target) return false;
    const name = tree.displayName(target.tenant);
    const { config, target: scope, entries } = settingAt(target.folder);
    const isOurs = listsTenant(target.tenant);
    // the entry after each: other removals may shift indexes, the neighbour says where it goes back
    const removed = entries.flatMap((value, index) => (isOurs(value) ? [{ index, value, next: entries.slice(index + 1).find((e) => !isOurs(e)) }] : []));
    if (!removed.length) {
      void showWarning(l10n.t('{0} is not set in this workspace\'s settings; remove it where it is configured.', plainText(name)));
      return false;
    }
    const status = store.book.get(target.tenant.tenantId);
    await config.update('customers', entries.filter((_, i) => !removed.some((r) => r.index === i)), scope);
    store.forget(target.tenant.tenantId);
    const removal: Removal = { node: target, name, entries: removed, status };
    removals.push(removal);
    if (removals.length > KEPT) removals.shift();
    void vscode.commands.executeCommand('setContext', CAN_UNDO, true);
    const undo = l10n.t('Undo');
    void showInformation(l10n.t('Removed {0} from the list. "Partner Center: Undo Remove Tenant" puts it back.', plainText(name)), undo)
      .then((pick) => pick === undo && undoRemoval(removal));
    return true;
  };

  /** Puts one removal back, or says why it cannot. */
  const undoRemoval = async (r: Removal): Promise<boolean> => {
    const wasKept = removals.includes(r);
    forget(r);
    const { config, target: scope, entries } = settingAt(r.node.folder);
    if (entries.some(listsTenant(r.node.tenant))) {
      // added again since (or undone already): nothing to put back, and the user is told so
      void showInformation(l10n.t('{0} is listed again already.', plainText(r.name)));
      return false;
    }
    if (!wasKept) {
      void showInformation(l10n.t('{0} can no longer be put back: only the last {1} removals are kept.', plainText(r.name), KEPT));
      return false;
    }
    // back at their old places: before the entry that followed, else at the old index
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const { index, value, next } of r.entries) {
      const before = next === undefined ? entries.length : entries.findIndex((e) => same(e, next));
      entries.splice(before >= 0 ? before : Math.min(index, entries.length), 0, value);
    }
    await config.update('customers', entries, scope);
    if (r.status && !store.book.get(r.node.tenant.tenantId)) store.restore(r.node.tenant.tenantId, r.status);
    return true;
  };

  /** The palette's Undo: the most recent removal; run again for earlier ones. */
  const undoLatest = async (): Promise<boolean> => {
    const r = removals[removals.length - 1];
    return r ? undoRemoval(r) : false;
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('partnerCenter.removeTenant', remove),
    vscode.commands.registerCommand('partnerCenter.undoRemoveTenant', undoLatest),
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
    nodes.map((node) => {
      const label = plainText(tree.displayName(node.tenant));
      return { label, description: label !== node.tenant.tenantId ? plainText(node.tenant.tenantId) : undefined, detail: multiRoot ? plainText(node.folder?.name ?? vscode.workspace.name ?? '') : undefined, node };
    }),
    { title: l10n.t('Partner Center: Remove Tenant'), placeHolder: l10n.t('Tenant to remove from the list'), matchOnDescription: true },
  );
  return chosen?.node;
}
