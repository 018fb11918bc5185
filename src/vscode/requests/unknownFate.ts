// A qualification request whose answer was lost (the connection reset or the deadline passed after the body
// was sent, or the user cancelled while it was on its way): Partner Center may have acted on it. Never
// resend blindly: read the tenant again at once and show what Partner Center holds; offer to send again only
// when that read shows nothing was created.
import * as vscode from 'vscode';
import { PartnerCenterError } from '../../core/client/errors';
import { QualificationsResult } from '../../core/model/qualification';
import { landedRequest } from '../../core/requests/qualificationRequest';
import { plainText } from '../../core/display/safeText';
import type { Live } from '../connection/connection';
import { statusLabel } from '../view/presentation';

export type FateOutcome =
  | { readonly fate: 'received'; readonly read: QualificationsResult }
  | { readonly fate: 'not-received'; readonly read: QualificationsResult; readonly sendAgain: boolean }
  | { readonly fate: 'unknown'; readonly message: string };

/** `ask` false (scripted runs under tests) shows the offer to send again without waiting for an answer. */
export async function checkFate(live: Live, tenantId: string, who: string, kind: string, before: QualificationsResult, lost: PartnerCenterError, ask: boolean): Promise<FateOutcome> {
  let read: QualificationsResult;
  try {
    // the client, not the batch runner: a GET started before the POST must not answer for after it
    read = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Partner Center may have received the request; checking…'), cancellable: true },
      (_p, token) => {
        const ac = new AbortController();
        const sub = token.onCancellationRequested(() => ac.abort());
        return live.client.getQualifications(tenantId, { signal: ac.signal }).finally(() => sub.dispose());
      },
    );
  } catch (e) {
    const message = vscode.l10n.t('{0}: Partner Center may have received the {1} request, and reading the customer again failed ({2}). Refresh the customer before sending it again.', who, kind, (e as Error).message);
    void vscode.window.showWarningMessage(plainText(message, 512));
    return { fate: 'unknown', message };
  }
  const landed = landedRequest(before.qualifications, read.qualifications, kind);
  if (landed) {
    void vscode.window.showInformationMessage(plainText(vscode.l10n.t('{0}: the answer to the {1} request was lost, but Partner Center received it: it now holds {1} {2}.', who, kind, statusLabel(landed.status, landed.rawStatus)), 512));
    return { fate: 'received', read };
  }
  const again = vscode.l10n.t('Send Again');
  const shown = vscode.window.showWarningMessage(
    plainText(vscode.l10n.t('{0}: the {1} request got no answer ({2}), and reading the customer again shows nothing was created: Partner Center did not receive it.', who, kind, lost.code ?? lost.kind), 512),
    again,
  );
  return { fate: 'not-received', read, sendAgain: ask && (await shown) === again };
}
