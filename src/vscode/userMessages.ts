// Short, actionable, localized messages for failures, each with its next step.
import * as vscode from 'vscode';
import { PartnerCenterError, isPartnerCenterError } from '../core/client/errors';

export async function showFailure(e: unknown, context?: string): Promise<void> {
  const err: PartnerCenterError = isPartnerCenterError(e) ? e : new PartnerCenterError('network', String((e as Error)?.message ?? e));
  if (err.kind === 'cancelled') return;
  const signIn = vscode.l10n.t('Sign In');
  const showLog = vscode.l10n.t('Show Log');
  const openSettings = vscode.l10n.t('Open Settings');
  const prefix = context ? `${context}: ` : '';
  const actions: string[] =
    err.kind === 'auth-required' || err.kind === 'mfa-required' ? [signIn, showLog]
    : err.kind === 'configuration' ? [openSettings]
    : [showLog];
  const pick = await vscode.window.showErrorMessage(`${prefix}${err.message}`, ...actions);
  if (pick === signIn) await vscode.commands.executeCommand('partnerCenter.signIn');
  else if (pick === showLog) await vscode.commands.executeCommand('partnerCenter.showLog');
  else if (pick === openSettings) await vscode.commands.executeCommand('partnerCenter.openSettings');
}
