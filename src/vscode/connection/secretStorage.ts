// SecretStorage as the core's SecretStore: every credential and MSAL token cache lives here only.
import * as vscode from 'vscode';
import { SecretStore } from '../../core/auth/secretStore';

export function secretStorageStore(secrets: vscode.SecretStorage): SecretStore {
  return {
    get: async (key) => secrets.get(key),
    store: async (key, value) => secrets.store(key, value),
    delete: async (key) => secrets.delete(key),
  };
}

/** Keys this extension owns, so other windows' changes to them reset the connection here. */
export const isOurSecret = (key: string) => key.startsWith('partnerCenter.');

/** This extension's keys where SecretStorage can list them (newer VS Code; not 1.100's API): otherwise none. */
export async function listSecretKeys(secrets: vscode.SecretStorage): Promise<string[]> {
  const list = (secrets as { keys?: () => Thenable<string[]> }).keys;
  try {
    return list ? (await list.call(secrets)).filter(isOurSecret) : [];
  } catch {
    return [];
  }
}
