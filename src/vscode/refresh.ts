// Refresh All and Refresh Tenant: the core batch under a cancellable progress notification, rows updated
// as results arrive; a second Refresh All while one runs joins it.
import * as vscode from 'vscode';
import { TenantOutcome } from '../core/batch/batchRunner';
import { PartnerCenterError } from '../core/client/errors';
import { Logger } from '../core/log';
import { abortSignalOf } from './cancellation';
import { Connection } from './connection';
import { readLimits } from './settings';
import { StatusStore } from './statusStore';
import { CustomersTree } from './tree';
import { showFailure } from './userMessages';

export interface RefreshReport {
  readonly succeeded: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly correlationId?: string;
}

const EMPTY: RefreshReport = { succeeded: 0, failed: 0, cancelled: 0 };

export class Refresher {
  private running?: Promise<RefreshReport>;

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
    this.running ??= this.run(this.tree.tenantIds).finally(() => (this.running = undefined));
    return this.running;
  }

  refreshTenants(tenantIds: string[], cancel?: vscode.CancellationToken): Promise<RefreshReport> {
    return this.run(tenantIds, cancel);
  }

  /** `cancel`: a second way to stop the batch besides the notification's Cancel button (scripts, tests). */
  private async run(tenantIds: string[], cancel?: vscode.CancellationToken): Promise<RefreshReport> {
    if (tenantIds.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No customer tenants to refresh: add one first.'));
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
      void showFailure(new PartnerCenterError('auth-required', vscode.l10n.t('Sign in to Partner Center to check qualifications.')));
      return EMPTY;
    }
    const total = tenantIds.length;
    const started = Date.now();
    const failures: TenantOutcome[] = [];
    let done = 0;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Partner Center'), cancellable: true },
      async (progress, token) => {
        const abort = abortSignalOf(token);
        const external = cancel?.onCancellationRequested(() => abort.abort());
        progress.report({ message: vscode.l10n.t('{0} / {1} tenants', 0, total) });
        try {
          return await live.runner.run(tenantIds, {
            concurrency: readLimits().concurrency,
            signal: abort.signal,
            onOutcome: (o) => {
              if (o.ok) this.store.succeeded(o.result);
              else {
                failures.push(o);
                this.store.failed(o.tenantId, { kind: o.error.kind, message: o.error.message, at: Date.now(), requestId: o.error.requestId, correlationId: o.error.correlationId });
              }
              this.tree.resultsArrived();
              done++;
              progress.report({ message: vscode.l10n.t('{0} / {1} tenants', done, total), increment: 100 / total });
            },
          });
        } finally {
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

  /** One message per batch: sign-in problems first (they affect every tenant), else a count. */
  private reportFailures(failures: TenantOutcome[], total: number): void {
    const errors = failures.flatMap((f) => (f.ok ? [] : [f.error]));
    const signIn = errors.find((e) => e.kind === 'auth-required' || e.kind === 'mfa-required');
    if (signIn) return void showFailure(signIn);
    if (errors.length) {
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} of {1} tenants could not be checked; the tree shows why.', errors.length, total), showLog)
        .then((p) => p === showLog && vscode.commands.executeCommand('partnerCenter.showLog'));
    }
  }
}
