// The live Partner Center connection of this window: cloud, dispatcher, sign-in and client, built from
// settings and SecretStorage on first use (never during activation) and rebuilt when they change.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { plainText } from '../../core/display/safeText';
import { showWarning } from '../display/window';
import { l10n } from '../display/l10n';
import { APP_CREDENTIAL_KEY } from '../../core/auth/appCredential';
import type { AppSignIn } from '../../core/auth/appSignIn';
import type { UserSignIn } from '../../core/auth/userSignIn';
import type { BatchRunner } from '../../core/batch/batchRunner';
import type { RateGate } from '../../core/batch/rateGate';
import { CLOUDS, Cloud, customCloud, isLoopback } from '../../core/client/clouds';
import type { PartnerCenterClient } from '../../core/client/partnerCenterClient';
import { PartnerCenterError } from '../../core/client/errors';
import { Logger } from '../../core/log';
import { ConnectionSettings, readConnectionSettings, readLimits, readNetworkSettings } from '../settings';

export interface Live {
  readonly cloud: Cloud;
  readonly settings: ConnectionSettings;
  readonly user?: UserSignIn;
  readonly app?: AppSignIn;
  readonly client: PartnerCenterClient;
  readonly runner: BatchRunner;
  readonly gate: RateGate;
  /** Aborted when the work on this connection must stop (sign-out, window closing). */
  readonly signal: AbortSignal;
  /** Work that uses this connection holds it: a rebuild lets it finish here. Returns the release. */
  hold(): () => void;
  /** Replaced: closes once no work holds it (`cancel`: stops that work first). Never waits. */
  retire(cancel: boolean): void;
}

const TRUSTED_ENDPOINTS_KEY = 'partnerCenter.confirmedEndpoints';

export class Connection implements vscode.Disposable {
  private live?: Promise<Live>;
  private builtFrom?: string;
  /** The request budget outlives each live connection: a rebuild in the same window gets no fresh budget. */
  private gate?: RateGate;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the connection was reset (settings, secrets, sign-in, sign-out). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly logger: Logger) {}

  /** Resets when the settings the connection was built from changed (config events can repeat). */
  async settingsChanged(): Promise<void> {
    if (this.outdated()) await this.reset();
  }

  /** Whether the settings changed since the connection was built (nothing built: nothing outdated). */
  private outdated(): boolean {
    return this.builtFrom !== undefined && this.builtFrom !== settingsFingerprint();
  }

  /**
   * The live connection, built on first use. `interactive` false (background checks such as the signed-in
   * state) never asks the user anything: an unconfirmed custom endpoint then fails instead of prompting.
   */
  get(interactive = true): Promise<Live> {
    // settings (including VS Code's http.*) are checked on every use, not only when the change event comes
    if (this.live && this.outdated()) void this.reset();
    if (!this.live) {
      this.builtFrom = settingsFingerprint();
      this.live = this.build(interactive);
      this.live.catch(() => (this.live = undefined));
    }
    return this.live;
  }

  /**
   * The next use builds a new connection. Work running on the old one finishes there (a settings change never
   * breaks a running batch) unless `cancel` (sign-out): then it stops and keeps what it had. Never waits for
   * requests in flight.
   */
  async reset(options: { cancel?: boolean } = {}): Promise<void> {
    const old = this.live;
    this.live = undefined;
    this.builtFrom = undefined;
    this.changed.fire();
    const live = await old?.catch(() => undefined);
    live?.retire(options.cancel === true);
  }

  /** An app credential appeared or went away (this or another window): rebuild if the live one disagrees. */
  async secretChanged(key: string): Promise<void> {
    if (key !== APP_CREDENTIAL_KEY || !this.live) return;
    const has = (await this.context.secrets.get(key)) !== undefined;
    const live = await this.live.catch(() => undefined);
    if (live && live.settings.mode === 'app' && (live.app !== undefined) !== has) await this.reset();
  }

  async isSignedIn(): Promise<boolean> {
    try {
      const live = await this.get(false);
      return live.app !== undefined || (await live.user?.account()) !== undefined;
    } catch {
      return false;
    }
  }

  private async build(interactive: boolean): Promise<Live> {
    const settings = readConnectionSettings();
    if (settings.workspaceOverrides.length) {
      this.logger.warn(`ignored workspace values of settings only the user may set: ${settings.workspaceOverrides.join(', ')}`);
    }
    const cloud = await this.resolveCloud(settings, interactive);
    const ca = settings.cloud === 'custom' && settings.customCloud.caFile ? [readCa(settings.customCloud.caFile)] : [];
    // MSAL and undici load here, on first use, not during activation (a separate bundle: see esbuild.mjs)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildLive } = require('./liveConnection') as typeof import('./liveConnection');
    const live = await buildLive(this.context.secrets, this.logger, settings, cloud, ca, this.gate);
    this.gate = live.gate;
    return live;
  }

  private async resolveCloud(settings: ConnectionSettings, interactive: boolean): Promise<Cloud> {
    if (settings.cloud !== 'custom') return CLOUDS[settings.cloud] ?? CLOUDS.global;
    const { apiBaseUrl, authority } = settings.customCloud;
    if (!apiBaseUrl || !authority) {
      throw new PartnerCenterError('configuration', vscode.l10n.t('partnerCenter.cloud is "custom" but partnerCenter.customCloud lacks "apiBaseUrl" or "authority".'));
    }
    let cloud: Cloud;
    try {
      cloud = customCloud(apiBaseUrl, authority);
    } catch (e) {
      throw new PartnerCenterError('configuration', (e as Error).message);
    }
    if (!isLoopback(cloud.apiBaseUrl) || !isLoopback(cloud.authorityHost)) await this.confirmEndpoint(cloud, interactive);
    return cloud;
  }

  /** A custom endpoint that is not a loopback simulator receives tokens only after the user agrees, once. */
  private async confirmEndpoint(cloud: Cloud, interactive: boolean): Promise<void> {
    const key = `${cloud.apiBaseUrl} ${cloud.authorityHost}`;
    const confirmed = this.context.globalState.get<string[]>(TRUSTED_ENDPOINTS_KEY, []);
    if (confirmed.includes(key)) return;
    if (!interactive) throw new PartnerCenterError('configuration', vscode.l10n.t('The custom Partner Center endpoint {0} is not confirmed yet: sign in or refresh to confirm it.', cloud.apiBaseUrl));
    const allow = l10n.t('Allow');
    const answer = await showWarning(
      l10n.t('Send your Partner Center sign-in to {0} (sign-in at {1})? Only allow an endpoint you run or trust.', plainText(cloud.apiBaseUrl), plainText(cloud.authorityHost)),
      { modal: true },
      allow,
    );
    if (answer !== allow) throw new PartnerCenterError('configuration', vscode.l10n.t('The custom Partner Center endpoint {0} was not confirmed.', cloud.apiBaseUrl));
    await this.context.globalState.update(TRUSTED_ENDPOINTS_KEY, [...confirmed, key]);
  }

  dispose(): void {
    void this.reset({ cancel: true });
    this.changed.dispose();
  }
}

function readCa(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new PartnerCenterError('configuration', vscode.l10n.t('Cannot read the CA file {0} named in partnerCenter.customCloud.caFile.', file));
  }
}

function settingsFingerprint(): string {
  return JSON.stringify([readConnectionSettings(), readNetworkSettings(), readLimits().requestsPerMinute]);
}
