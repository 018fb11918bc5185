// What the changes feature adds to the tree: "since 3 Dec (was In Review)" on a qualification row, "changed"
// on the rows the latest refresh (or watch check since) changed, and the last changes in the tenant tooltip.
import * as vscode from 'vscode';
import { VettingHistory } from '../../core/history/vettingHistory';
import { Qualification } from '../../core/model/qualification';
import { RowNotes } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { changeLine, sinceText } from './wording';

const TOOLTIP_CHANGES = 5;

export function rowNotes(history: () => VettingHistory, tracker: ChangeTracker): RowNotes {
  return {
    qualification(tenantId: string, q: Qualification) {
      const last = history().lastChange(tenantId, q.name);
      if (!last || last.to !== q.status) return undefined;
      return { since: sinceText(last), changed: tracker.isMarked(tenantId, q.name) ? vscode.l10n.t('changed') : undefined };
    },
    tenantTooltip(tenantId: string) {
      const changes = history().changes(tenantId);
      if (!changes.length) return undefined;
      const lines = changes.slice(-TOOLTIP_CHANGES).reverse().map((c) => `- ${escape(changeLine(c))}`);
      const more = changes.length > TOOLTIP_CHANGES ? `\n\n${vscode.l10n.t('{0} more: Show History', changes.length - TOOLTIP_CHANGES)}` : '';
      return `**${vscode.l10n.t('Recent changes')}**\n\n${lines.join('\n')}${more}\n\n`;
    },
  };
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
