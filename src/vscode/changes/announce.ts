// One message per batch that changed something: the changes most important first, a warning when an Approved
// qualification turned Denied, with "Show" to reveal the rows. Nothing changed: no message.
import * as vscode from 'vscode';
import { showInformation, showWarning } from '../display/window';
import { l10n } from '../display/l10n';
import { plainText, text as sentence } from '../../core/display/safeText';
import { NamedChange, isVerdict, summarize } from '../../core/history/changeSummary';
import { Logger } from '../../core/log';
import { CustomersTree, Node } from '../view/tree';
import { Collected } from './changeTracker';
import { revealChanges } from './reveal';
import { statusText, wording } from './wording';

export interface Shown {
  readonly severity: 'warning' | 'information';
  readonly text: string;
  readonly kind: Collected['kind'];
  readonly at: number;
}

export class Announcer {
  /** The messages shown, newest last (the last 20: for tests and the log). */
  readonly shown: Shown[] = [];
  private readonly fired = new vscode.EventEmitter<Shown>();
  readonly onDidShow = this.fired.event;

  constructor(private readonly tree: CustomersTree, private readonly view: vscode.TreeView<Node>, private readonly logger: Logger, private readonly onLooked: () => void) {}

  /** As the row names it (configured name, company name, domain, id). */
  nameOf(tenantId: string): string {
    return plainText(this.tree.tenantName(tenantId));
  }

  announce(batch: Collected): void {
    const named: NamedChange[] = batch.changes.map((change) => ({ change, customer: this.nameOf(change.tenantId) }));
    const summary = summarize(named, wording);
    if (!summary) return;
    const only = summary.changes.length === 1 ? summary.changes[0]! : undefined;
    // a lone verdict (what the watcher exists for) reads as a sentence
    // names and reasons from settings and the service: as text (no link, icon or second line)
    const text = only && isVerdict(only.change)
      ? l10n.t('{0}: {1} vetting is now {2}{3}.', plainText(only.customer), plainText(only.change.qualification), plainText(statusText(only.change.to)), only.change.reason ? sentence` (${plainText(only.change.reason)})` : sentence``)
      : plainText(summary.text, 1024);
    const shown: Shown = { severity: summary.severity, text, kind: batch.kind, at: Date.now() };
    this.shown.push(shown);
    if (this.shown.length > 20) this.shown.shift();
    this.logger.info(`vetting changes (${batch.kind}): ${summary.text}`);
    const show = l10n.t('Show');
    const message = summary.severity === 'warning' ? showWarning(text, show) : showInformation(text, show);
    this.fired.fire(shown);
    void message.then(async (picked) => {
      if (picked !== show) return;
      this.onLooked();
      await revealChanges(this.view, this.tree, summary.changes.map((c) => c.change));
    });
  }

  dispose(): void {
    this.fired.dispose();
  }
}
