// Turns MSAL failures into the client's error kinds, each with its next step. Never carries the raw
// server response (it may echo request parameters).
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { PartnerCenterError, isPartnerCenterError } from '../client/errors';
import { isAbort } from '../abort';
import { untrustedCertificate } from '../client/partnerCenterClient';

/** `transportFailure`: what the network module saw fail during this call, if anything (MSAL hides it). */
export function signInError(e: unknown, transportFailure?: PartnerCenterError): PartnerCenterError {
  if (isPartnerCenterError(e)) return e;
  if (isAbort(e)) return new PartnerCenterError('cancelled', 'Sign-in cancelled.');
  if (transportFailure && !(e instanceof ServerError)) return transportFailure;
  if (e instanceof InteractionRequiredAuthError || (e instanceof AuthError && /invalid_grant|interaction_required|login_required|consent_required/.test(e.errorCode))) {
    const mfa = /AADSTS50076|AADSTS50079|mfa/i.test(e.errorMessage);
    return mfa
      ? new PartnerCenterError('mfa-required', 'Multi-factor authentication is required: sign in again with MFA.', { code: e.errorCode })
      : new PartnerCenterError('auth-required', 'Your Partner Center sign-in has expired or was revoked: sign in again.', { code: e.errorCode });
  }
  if (e instanceof AuthError) {
    const aadsts = /AADSTS\d+/.exec(e.errorMessage)?.[0];
    if (e.errorCode === 'invalid_client' || e.errorCode === 'unauthorized_client') {
      return new PartnerCenterError('auth-required', `The app registration was refused (${aadsts ?? e.errorCode}): check the client id, secret or certificate.`, { code: e.errorCode });
    }
    if (/network|ENOTFOUND|ECONNREFUSED|ECONNRESET|timeout/i.test(`${e.errorCode} ${e.errorMessage}`)) {
      return new PartnerCenterError('network', 'Could not reach the sign-in service. Check the network and proxy settings.', { code: e.errorCode });
    }
    return new PartnerCenterError('auth-required', `Sign-in failed (${aadsts ?? e.errorCode}). Sign in again.`, { code: e.errorCode });
  }
  const code = (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return untrustedCertificate(code);
  return new PartnerCenterError('network', `Could not reach the sign-in service${code ? ` (${code})` : ''}. Check the network and proxy settings.`, { code });
}
