// Refresh All and Refresh Tenant: the core batch under a cancellable progress notification, rows updated
// as results arrive; a second Refresh All while one runs joins it.
import * as vscode from 'vscode';
import { showInformation, showWarning, withProgress } from '../display/window';
import { l10n } from '../display/l10n';
import { TenantOutcome } from '../../core/batch/batchRunner';
import { Logger } from '../../core/log';
import { abortSignalOf } from '../cancellation';
import { Connection, Live } from '../connection/connection';
import { readLimits } from '../settings';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { showFailure } from '../userMessages';

export interface RefreshReport {
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly correlationId?: string;
}

const EMPTY: RefreshReport = { succeeded: 0, failed: 0, cancelled: 0 };

/** Work that goes with every Refresh All (the customers feature: domain entries, company names). */
export interface RefreshAllExtras {
  /** Before the batch, inside its progress: may add tenants (resolved domains). */
  before(live: Live, signal: AbortSignal): Promise<void>;
  /** Alongside the batch, through the same gate; awaited before the refresh ends. */
  alongside(live: Live, signal: AbortSignal): Promise<void>;
  /** Whether there is something to refresh besides the listed tenant ids. */
  pending(): boolean;
}

export class Refresher implements vscode.Disposable {
  private running?: Promise<RefreshReport>;
  /** The failures the last warning was about (tenant and kind), so a refresh failing the same way stays quiet. */
  private lastFailures = '';
  extras?: RefreshAllExtras;
  private readonly started = new vscode.EventEmitter<readonly string[]>();
  private readonly finished = new vscode.EventEmitter<RefreshReport>();
  /** A batch starts fetching these tenants (status bar spinner, change summary). */
  readonly onDidStart = this.started.event;
  readonly onDidFinish = this.finished.event;
  private readonly signInNeeded = new vscode.EventEmitter<void>();
  /** A refresh found nobody signed in (the view says so, besides the notification). */
  readonly onDidNeedSignIn = this.signInNeeded.event;

  constructor(
    private readonly connection: Connection,
    private readonly store: StatusStore,
    private readonly tree: CustomersTree,
    private readonly logger: Logger,
  ) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  refreshAll(): Promise<RefreshReport> {
    this.running ??= this.run(this.tree.tenantIds, undefined, this.extras)
      // a full refresh is when tenants no longer listed (past their grace period) leave the book
      .then((r) => (this.store.prune(this.tree.tenantIds), r))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  refreshTenants(tenantIds: string[], cancel?: vscode.CancellationToken): Promise<RefreshReport> {
    return this.run(tenantIds, cancel);
  }

  /** `cancel`: a second way to stop the batch besides the notification's Cancel button (scripts, tests). */
  private async run(tenantIds: string[], cancel?: vscode.CancellationToken, extras?: RefreshAllExtras): Promise<RefreshReport> {
    if (tenantIds.length === 0 && !extras?.pending()) {
      void showInformation(l10n.t('No customer tenants to refresh: add one first.'));
      return EMPTY;
    }
    let live;
    try {
      live = await this.connection.get();
    } catch (e) {
      void showFailure(e);
      return EMPTY;
    }
    if (!(await this.connection.isSignedIn())) {
      this.signInNeeded.fire();
      void this.offerSignIn(() => (extras ? this.refreshAll() : this.run(tenantIds, cancel)));
      return EMPTY;
    }
    this.started.fire(tenantIds);
    let report = EMPTY;
    try {
      return (report = await this.fetch(live, tenantIds, cancel, extras));
    } finally {
      this.finished.fire(report);
    }
  }

  private async fetch(live: Live, tenantIds: string[], cancel: vscode.CancellationToken | undefined, extras: RefreshAllExtras | undefined): Promise<RefreshReport> {
    let total = tenantIds.length;
    const started = Date.now();
    const failures: TenantOutcome[] = [];
    let done = 0;
    const summary = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Partner Center'), cancellable: true },
      async (progress, token) => {
        const abort = abortSignalOf(token);
        const external = cancel?.onCancellationRequested(() => abort.abort());
        // a rebuild lets this batch finish on its connection; sign-out stops it (the rows keep their answers)
        const release = live.hold();
        const stop = () => abort.abort();
        if (live.signal.aborted) stop();
        live.signal.addEventListener('abort', stop);
        let alongside: Promise<void> | undefined;
        try {
          if (extras) {
            progress.report({ message: l10n.t('Resolving domains...') });
            await extras.before(live, abort.signal);
            tenantIds = this.tree.tenantIds;
            total = tenantIds.length;
            alongside = extras.alongside(live, abort.signal);
          }
          progress.report({ message: l10n.t('{0} / {1} tenants', 0, total) });
          return await live.runner.run(tenantIds, {
            concurrency: readLimits().concurrency,
            signal: abort.signal,
            onOutcome: (o) => {
              if (!o.ok) failures.push(o);
              this.store.record(o);
              this.tree.resultsArrived();
              done++;
              progress.report({ message: l10n.t('{0} / {1} tenants', done, total), increment: 100 / total });
            },
          });
        } finally {
          await alongside;
          live.signal.removeEventListener('abort', stop);
          release();
          external?.dispose();
          abort.dispose();
        }
      },
    );
    await this.store.flush();
    const report = { succeeded: summary.outcomes.length - failures.length, failed: failures.length, cancelled: summary.cancelled.length, correlationId: summary.correlationId };
    this.logger.info(`refresh: ${report.succeeded} ok, ${report.failed} failed, ${report.cancelled} cancelled of ${total} in ${Date.now() - started} ms (correlation ${summary.correlationId})`);
    this.reportFailures(failures, total);
    return report;
  }

  /**
   * Nobody signed in is a step still to take, not an error: an information message (an error with an action
   * would stay on screen after the user signed in elsewhere), and the refresh the user asked for runs once
   * the sign-in started from it succeeds.
   */
  private async offerSignIn(again: () => Promise<RefreshReport>): Promise<void> {
    const signIn = l10n.t('Sign In');
    const pick = await showInformation(l10n.t('Sign in to Partner Center to check qualifications.'), signIn);
    if (pick === signIn && (await vscode.commands.executeCommand<boolean>('partnerCenter.signIn'))) await again();
  }

  dispose(): void {
    this.started.dispose();
    this.finished.dispose();
    this.signInNeeded.dispose();
  }

  /** One message per batch: sign-in problems first (they affect every tenant), else a count. */
  private reportFailures(failures: TenantOutcome[], total: number): void {
    const errors = failures.flatMap((f) => (f.ok ? [] : [f.error]));
    const signIn = errors.find((e) => e.kind === 'auth-required' || e.kind === 'mfa-required');
    if (signIn) return void showFailure(signIn);
    // the same tenants failing the same way as last time are on their rows already: no new warning for them
    const signature = failures.map((f) => `${f.tenantId}:${f.ok ? '' : f.error.kind}`).sort().join(',');
    const repeated = signature === this.lastFailures;
    this.lastFailures = signature;
    if (errors.length && !repeated) {
      const showLog = l10n.t('Show Log');
      void showWarning(l10n.t('{0} of {1} tenants could not be checked; the tree shows why.', errors.length, total), showLog)
        .then((p) => p === showLog && vscode.commands.executeCommand('partnerCenter.showLog'));
    }
  }
}
