// A qualification request whose answer was lost (the connection reset or the deadline passed after the body
// was sent, or the user cancelled while it was on its way): Partner Center may have acted on it. Never
// resend blindly: read the tenant again at once and show what Partner Center holds; offer to send again only
// when that read shows nothing was created.
import * as vscode from 'vscode';
import { PartnerCenterError } from '../../core/client/errors';
import { QualificationsResult } from '../../core/model/qualification';
import { landedRequest } from '../../core/requests/qualificationRequest';
import { Shown, plainText } from '../../core/display/safeText';
import { l10n } from '../display/l10n';
import { showInformation, showWarning, withProgress } from '../display/window';
import type { Live } from '../connection/connection';
import { statusLabel } from '../view/presentation';

export type FateOutcome =
  | { readonly fate: 'received'; readonly read: QualificationsResult }
  | { readonly fate: 'not-received'; readonly read: QualificationsResult; readonly sendAgain: boolean }
  | { readonly fate: 'unknown'; readonly message: string };

/** `ask` false (scripted runs under tests) shows the offer to send again without waiting for an answer. */
export async function checkFate(live: Live, tenantId: string, who: Shown, kind: string, before: QualificationsResult, lost: PartnerCenterError, ask: boolean): Promise<FateOutcome> {
  let read: QualificationsResult;
  try {
    // the client, not the batch runner: a GET started before the POST must not answer for after it
    read = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Partner Center may have received the request; checking…'), cancellable: true },
      (_p, token) => {
        const ac = new AbortController();
        const sub = token.onCancellationRequested(() => ac.abort());
        return live.client.getQualifications(tenantId, { signal: ac.signal }).finally(() => sub.dispose());
      },
    );
  } catch (e) {
    const message = l10n.t('{0}: Partner Center may have received the {1} request, and reading the customer again failed ({2}). Refresh the customer before sending it again.', who, plainText(kind), plainText((e as Error).message));
    void showWarning(message);
    return { fate: 'unknown', message };
  }
  const landed = landedRequest(before.qualifications, read.qualifications, kind);
  if (landed) {
    void showInformation(l10n.t('{0}: the answer to the {1} request was lost, but Partner Center received it: it now holds {1} {2}.', who, plainText(kind), plainText(statusLabel(landed.status, landed.rawStatus))));
    return { fate: 'received', read };
  }
  const again = l10n.t('Send Again');
  const shown = showWarning(
    l10n.t('{0}: the {1} request got no answer ({2}), and reading the customer again shows nothing was created: Partner Center did not receive it.', who, plainText(kind), plainText(lost.code ?? lost.kind)),
    again,
  );
  return { fate: 'not-received', read, sendAgain: ask && (await shown) === again };
}
