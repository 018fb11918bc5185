// What the changes feature adds to the tree: "(was In review)" after a qualification row's status, "changed
// from In review" on the rows the latest refresh (or watch check since) changed, when the change was seen in the
// qualification's tooltip, and the last changes in the tenant tooltip.
import * as vscode from 'vscode';
import { l10n } from '../display/l10n';
import { joinMarkdown, markdownText, md } from '../../core/display/safeText';
import { VettingHistory } from '../../core/history/vettingHistory';
import { Qualification } from '../../core/model/qualification';
import { RowNotes } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { changeLine, seenText, statusText, wasText } from './wording';

const TOOLTIP_CHANGES = 5;

export function rowNotes(history: () => VettingHistory, tracker: ChangeTracker): RowNotes {
  /** The change that led to the status shown (none once the status moved on without a change seen). */
  const current = (tenantId: string, q: Qualification) => {
    const last = history().lastChange(tenantId, q.name);
    return last && last.to === q.status ? last : undefined;
  };
  return {
    qualification(tenantId: string, q: Qualification) {
      const last = current(tenantId, q);
      if (!last) return undefined;
      return { was: wasText(last), changed: tracker.isMarked(tenantId, q.name) ? vscode.l10n.t('changed from {0}', statusText(last.from)) : undefined };
    },
    qualificationTooltip(tenantId: string, q: Qualification) {
      const last = current(tenantId, q);
      if (!last) return undefined;
      const mark = tracker.isMarked(tenantId, q.name) ? md`${markdownText(vscode.l10n.t('Changed by the latest refresh (or a watch check since); the mark goes with the next refresh.'))}\n\n` : md``;
      return md`${markdownText(seenText(last))}\n\n${mark}`;
    },
    tenantChanged(tenantId: string, qualifications: readonly Qualification[]) {
      return qualifications.some((q) => tracker.isMarked(tenantId, q.name));
    },
    tenantTooltip(tenantId: string) {
      const changes = history().changes(tenantId);
      if (!changes.length) return undefined;
      // one list item per change: a reason is one line of text, never an icon ($( is broken, not escaped)
      const lines = changes.slice(-TOOLTIP_CHANGES).reverse().map((c) => md`- ${markdownText(changeLine(c), 512)}`);
      const more = changes.length > TOOLTIP_CHANGES ? md`\n\n${l10n.t('{0} more: Show History', changes.length - TOOLTIP_CHANGES)}` : md``;
      return md`**${l10n.t('Recent changes')}**\n\n${joinMarkdown(lines, '\n')}${more}\n\n`;
    },
  };
}
