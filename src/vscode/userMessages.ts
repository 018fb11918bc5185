// Short, actionable, localized messages for failures, each with its next step.
import * as vscode from 'vscode';
import { PartnerCenterError, isPartnerCenterError } from '../core/client/errors';
import { Shown, plainText } from '../core/display/safeText';
import { l10n } from './display/l10n';
import { showError } from './display/window';

export async function showFailure(e: unknown, context?: string): Promise<void> {
  const err: PartnerCenterError = isPartnerCenterError(e) ? e : new PartnerCenterError('network', String((e as Error)?.message ?? e));
  if (err.kind === 'cancelled') return;
  const signIn = l10n.t('Sign In');
  const showLog = l10n.t('Show Log');
  const openSettings = l10n.t('Open Settings');
  const prefix = context ? `${context}: ` : '';
  const actions: Shown[] =
    err.kind === 'auth-required' || err.kind === 'mfa-required' ? [signIn, showLog]
    : err.kind === 'configuration' ? [openSettings]
    : [showLog];
  // the message may quote the service: shown as text (no icon, no link)
  const pick = await showError(plainText(`${prefix}${err.message}`, 512), ...actions);
  if (pick === signIn) await vscode.commands.executeCommand('partnerCenter.signIn');
  else if (pick === showLog) await vscode.commands.executeCommand('partnerCenter.showLog');
  else if (pick === openSettings) await vscode.commands.executeCommand('partnerCenter.openSettings');
}
