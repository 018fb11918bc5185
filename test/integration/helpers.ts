// Shared set-up for the suites inside the real extension host: the simulator (in this process), the
// extension's API, and small waits.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { generate } from 'selfsigned';
import * as vscode from 'vscode';
import type { PartnerCenterApi } from '../../src/start';
import { Simulator, startSimulator } from '../../src/core/simulator/simulator';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';

export const EXTENSION_ID = 'csp-tools.partner-center-qualifications';
export const APP_CLIENT_ID = 'c0c0c0c0-0000-4000-8000-00000000000c';
export const USER_CLIENT_ID = 'd0d0d0d0-0000-4000-8000-00000000000d';
export const CERT_CLIENT_ID = 'e0e0e0e0-0000-4000-8000-00000000000e';

export interface World {
  sim: Simulator;
  api: PartnerCenterApi;
  appSecret: string;
  caFile: string;
  /** PEM file with the certificate and private key of the CERT_CLIENT_ID app registration. */
  certificateFile: string;
  /** The same certificate without its key (sign-in must refuse it). */
  certificateOnlyFile: string;
  /** The private key's PEM, to look for where it must not be. */
  certificateKey: string;
}

let world: Promise<World> | undefined;

/** One simulator and one activated extension for the whole run. */
export function getWorld(): Promise<World> {
  world ??= (async () => {
    const appSecret = `sim-${randomBytes(18).toString('base64url')}`;
    const cert = await generate([{ name: 'commonName', value: 'partner-app' }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' });
    const sim = await startSimulator({ confidentialApps: [{ clientId: APP_CLIENT_ID, secret: appSecret }, { clientId: CERT_CLIENT_ID, certificate: cert.cert }] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-ca-'));
    const caFile = path.join(dir, 'ca.pem');
    fs.writeFileSync(caFile, sim.caCert);
    const certificateFile = path.join(dir, 'partner-app.pem');
    fs.writeFileSync(certificateFile, `${cert.cert}\n${cert.private}`);
    const certificateOnlyFile = path.join(dir, 'certificate-only.pem');
    fs.writeFileSync(certificateOnlyFile, cert.cert);
    const config = vscode.workspace.getConfiguration('partnerCenter');
    await config.update('cloud', 'custom', vscode.ConfigurationTarget.Global);
    await config.update('customCloud', { apiBaseUrl: sim.apiBaseUrl, authority: sim.authorityHost, caFile }, vscode.ConfigurationTarget.Global);
    const ext = vscode.extensions.getExtension<PartnerCenterApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    return { sim, api, appSecret, caFile, certificateFile, certificateOnlyFile, certificateKey: cert.private };
  })();
  return world;
}

/**
 * Writes partnerCenter.customers straight into the folder's .vscode/settings.json, as a cloned workspace
 * holds it, and waits until VS Code has read it. For large lists: `update()` goes through the workbench's
 * settings-file editing, which takes VS Code itself 15 s for 2,500 entries and a minute with a 1 MB name
 * on a 2-core machine (issue 24); reading the same file from disk takes it about 1-3 s.
 */
export async function writeCustomersFile(entries: unknown[]): Promise<void> {
  const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.vscode', 'settings.json').fsPath;
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete (settings as { partnerCenter?: unknown }).partnerCenter; // the nested form would win over the dotted one
  settings['partnerCenter.customers'] = entries;
  fs.writeFileSync(file, JSON.stringify(settings));
  const seen = () => vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceFolderValue ?? vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceValue;
  await waitFor('VS Code to read the settings file', () => seen()?.length === entries.length, 60_000);
}

export async function setCustomers(entries: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration('partnerCenter').update('customers', entries, vscode.ConfigurationTarget.Workspace);
}

/** Polls until `probe` gives a value; the bound only ends a hung test (a busy 2-core machine is slow, not wrong). */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function signInApp(w: World): Promise<void> {
  const ok = await vscode.commands.executeCommand<boolean>('partnerCenter.signIn', { mode: 'app', clientId: APP_CLIENT_ID, tenantId: w.sim.partnerTenantId, secret: w.appSecret });
  if (!ok) throw new Error('app sign-in failed');
}

export const ALL_DEMO = Object.values(DEMO_TENANTS);
export { DEMO_TENANTS };
