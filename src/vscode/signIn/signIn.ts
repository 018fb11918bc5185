// Sign In / Sign Out. App+user: the partner's app registration, device code or browser. App-only: client
// id, tenant and a secret or certificate file, asked through input boxes; the secret goes to SecretStorage.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { askText, link, pick, showInformation, ShownItem, withProgress } from '../display/window';
import { l10n } from '../display/l10n';
import { APP_CREDENTIAL_KEY, AppCredential, certificateFromPem } from '../../core/auth/appCredential';
import { removeAllKeys, signInKeys } from '../../core/auth/secretKeys';
import { PartnerCenterError } from '../../core/client/errors';
import { icon, plainText, Shown, text } from '../../core/display/safeText';
import { normalizeTenantId } from '../../core/model/tenantId';
import { Logger } from '../../core/log';
import { abortSignalOf } from '../cancellation';
import { Connection } from '../connection/connection';
import { listSecretKeys, secretStorageStore } from '../connection/secretStorage';
import { SECTION, readConnectionSettings } from '../settings';
import { showFailure } from '../userMessages';

/** Arguments for scripted sign-in (tests, automation); without them the user is asked. */
export interface SignInArgs {
  readonly mode?: 'user' | 'app';
  readonly flow?: 'deviceCode' | 'browser';
  readonly clientId?: string;
  readonly tenantId?: string;
  readonly secret?: string;
  readonly certificateFile?: string;
}

type Method = 'deviceCode' | 'browser' | 'secret' | 'certificate';

export async function setSignedInContext(connection: Connection): Promise<boolean> {
  const signedIn = await connection.isSignedIn();
  await vscode.commands.executeCommand('setContext', 'partnerCenter.signedIn', signedIn);
  return signedIn;
}

async function pickMethod(args: SignInArgs): Promise<Method | undefined> {
  if (args.mode === 'app') return args.certificateFile ? 'certificate' : 'secret';
  if (args.mode === 'user') return args.flow ?? 'deviceCode';
  const items: (ShownItem & { method: Method })[] = [
    { label: text`${icon('device-mobile')} ${l10n.t('App + user: device code')}`, detail: l10n.t('Sign in as yourself (MFA) on any device with a code.'), method: 'deviceCode' },
    { label: text`${icon('globe')} ${l10n.t('App + user: browser')}`, detail: l10n.t('Sign in as yourself (MFA) in your browser.'), method: 'browser' },
    { label: text`${icon('key')} ${l10n.t('App only: client secret')}`, detail: l10n.t('Your app registration with a client secret.'), method: 'secret' },
    { label: text`${icon('file-binary')} ${l10n.t('App only: certificate')}`, detail: l10n.t('Your app registration with a PEM certificate and key.'), method: 'certificate' },
  ];
  return (await pick(items, { title: l10n.t('Partner Center: Sign In'), placeHolder: l10n.t('How do you sign in?') }))?.method;
}

async function askGuid(title: Shown, prompt: Shown, value: string, optional = false): Promise<string | undefined> {
  const answer = await askText({
    title, prompt, value, ignoreFocusOut: true, placeHolder: text`00000000-0000-0000-0000-000000000000`,
    validateInput: (v) => (optional && !v.trim()) || normalizeTenantId(v) ? undefined : l10n.t('Enter a GUID.'),
  });
  return answer === undefined ? undefined : normalizeTenantId(answer) ?? '';
}

export async function signIn(connection: Connection, secrets: vscode.SecretStorage, logger: Logger, args: SignInArgs = {}): Promise<boolean> {
  const method = await pickMethod(args);
  if (!method) return false;
  const current = readConnectionSettings();
  const app = method === 'secret' || method === 'certificate';
  const title = l10n.t('Partner Center: Sign In');
  const clientId = args.clientId ?? (await askGuid(title, l10n.t('Application (client) id of your app registration'), current.clientId));
  if (!clientId) return false;
  const tenantId = args.tenantId ?? (await askGuid(title, app ? l10n.t('Your partner tenant id') : l10n.t('Your partner tenant id (leave empty for your home tenant)'), current.tenantId, !app));
  if (tenantId === undefined || (app && !tenantId)) return false;

  let credential: AppCredential | undefined;
  try {
    if (method === 'secret') {
      const secret = args.secret ?? (await askText({ title, prompt: l10n.t('Client secret (stored in VS Code secret storage)'), password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : l10n.t('Enter the secret.')) }));
      if (!secret) return false;
      credential = { kind: 'secret', secret: secret.trim() };
    } else if (method === 'certificate') {
      const file = args.certificateFile ?? (await vscode.window.showOpenDialog({ title, openLabel: vscode.l10n.t('Use Certificate'), canSelectMany: false, filters: { [vscode.l10n.t('PEM certificate and key')]: ['pem', 'crt', 'key'] } }))?.[0]?.fsPath;
      if (!file) return false;
      const pem = fs.readFileSync(file, 'utf8');
      certificateFromPem(pem); // refuse a file without certificate and key now, not at the first call
      credential = { kind: 'certificate', pem };
    }
  } catch (e) {
    void showFailure(e);
    return false;
  }

  const config = vscode.workspace.getConfiguration(SECTION);
  await config.update('signIn.mode', app ? 'app' : 'user', vscode.ConfigurationTarget.Global);
  await config.update('signIn.clientId', clientId, vscode.ConfigurationTarget.Global);
  await config.update('signIn.tenantId', tenantId || undefined, vscode.ConfigurationTarget.Global);
  // the secret goes nowhere but SecretStorage
  if (credential) await secrets.store(APP_CREDENTIAL_KEY, JSON.stringify(credential));
  await connection.reset();

  let deviceCommand: (vscode.Disposable & { id: string }) | undefined;
  try {
    const live = await connection.get();
    const who = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Partner Center: signing in'), cancellable: true },
      async (progress, token) => {
        const abort = abortSignalOf(token);
        try {
          if (live.app) {
            await live.app.getToken({ signal: abort.signal, forceRefresh: true });
            return vscode.l10n.t('app {0}', clientId);
          }
          if (!live.user) throw new PartnerCenterError('configuration', vscode.l10n.t('Set partnerCenter.signIn.clientId to your app registration.'));
          const account = method === 'browser'
            ? await live.user.signInWithBrowser(async (url) => { await vscode.env.openExternal(vscode.Uri.parse(url)); }, abort.signal)
            : await live.user.signInWithDeviceCode((p) => {
                // the code and the page live in this progress notification, so they go when sign-in ends or is
                // cancelled (as VS Code's own account sign-ins do); a separate message would outlive it
                deviceCommand?.dispose();
                deviceCommand = registerDeviceCodeCommand(p.userCode, p.verificationUri);
                progress.report({ message: deviceCodeMessage(deviceCommand.id, p.userCode, p.verificationUri) });
                logger.info(`sign-in: device code shown, waiting for ${p.verificationUri}`);
              }, abort.signal);
          return account.username;
        } finally {
          deviceCommand?.dispose();
          abort.dispose();
        }
      },
    );
    logger.info(`signed in (${app ? 'app-only' : 'app+user'}) as ${who}`);
    await setSignedInContext(connection);
    void showInformation(l10n.t('Signed in to Partner Center as {0}.', plainText(who)));
    return true;
  } catch (e) {
    if (credential) await secrets.delete(APP_CREDENTIAL_KEY);
    await connection.reset();
    await setSignedInContext(connection);
    logger.warn(`sign-in failed: ${(e as Error).message}`);
    void showFailure(e, vscode.l10n.t('Sign-in failed'));
    return false;
  }
}

let deviceCommands = 0;

/** A command for the notification's "Copy Code and Open" link, alive while this sign-in waits. */
function registerDeviceCodeCommand(userCode: string, verificationUri: string): vscode.Disposable & { id: string } {
  const id = `partnerCenter.signIn.copyDeviceCode.${++deviceCommands}`;
  const registration = vscode.commands.registerCommand(id, async () => {
    // the clipboard may be refused (VS Code for the Web on plain HTTP): the code stays in the notification
    await vscode.env.clipboard.writeText(userCode).then(undefined, () => undefined);
    // VS Code for the Web forwards a loopback page through its own /proxy/<port>/ path
    await vscode.env.openExternal(await vscode.env.asExternalUri(vscode.Uri.parse(verificationUri)));
  });
  return { id, dispose: () => registration.dispose() };
}

function deviceCodeMessage(commandId: string, userCode: string, verificationUri: string): Shown {
  const open = link(l10n.t('Copy Code and Open'), `command:${commandId}`);
  return l10n.t('enter the code {0} at {1}. {2}', plainText(userCode, 32), link(plainText(verificationUri), verificationUri), open);
}

export async function signOut(connection: Connection, secrets: vscode.SecretStorage, logger: Logger): Promise<void> {
  try {
    const live = await connection.get(false);
    // running work stops first (its tenants keep their answers, marked from before sign-out), so none of it
    // fails "Not signed in" once the tokens are gone
    await connection.reset({ cancel: true });
    await live.user?.signOut();
    await live.app?.signOut();
  } catch (e) {
    logger.warn(`sign-out: ${(e as Error).message}`);
  }
  // whatever the connection could do, nothing of any sign-in stays behind: the caches of every client id and
  // mode ever used (an earlier client's refresh token would sign in silently when it is current again)
  const removed = await removeAllKeys(secretStorageStore(secrets), [...signInKeys(readConnectionSettings().clientId), ...(await listSecretKeys(secrets))]);
  await connection.reset();
  await setSignedInContext(connection);
  // names only (they hold client ids, which are not secrets), never values
  logger.info(`signed out: removed ${removed.length} secret storage entries${removed.length ? ` (${removed.join(', ')})` : ''}`);
  void showInformation(l10n.t('Signed out of Partner Center.'));
}
