// Maps an unsuccessful HTTP answer (any of the body forms partners meet) to a PartnerCenterError.
import { PartnerCenterError, PartnerCenterErrorKind } from './errors';

export interface ResponseIds {
  readonly requestId?: string;
  readonly correlationId?: string;
  readonly cv?: string;
}

interface ErrorBody {
  code?: string;
  description?: string;
}

/** Reads `{code, description}`, `{statusCode, message}`, `{error: {code, message}}`, a bare JSON string, or text. */
export function readErrorBody(body: string, contentType: string | undefined): ErrorBody {
  const text = body.trim();
  if (!text) return {};
  if (/html/i.test(contentType ?? '') || /^<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return { description: title ? `an HTML page ("${title}")` : 'an HTML page' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { description: oneLine(text) };
  }
  if (typeof parsed === 'string') return { description: oneLine(parsed) };
  if (parsed && typeof parsed === 'object') {
    const o = lowerKeys(parsed as Record<string, unknown>);
    const nested = o.error && typeof o.error === 'object' ? lowerKeys(o.error as Record<string, unknown>) : undefined;
    const code = o.code ?? nested?.code;
    const description = o.description ?? o.message ?? nested?.message ?? nested?.description;
    return {
      code: code === undefined || code === null ? undefined : String(code),
      description: typeof description === 'string' ? oneLine(description) : undefined,
    };
  }
  return {};
}

function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.toLowerCase()] = v;
  return out;
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

const MFA_CODES = new Set(['900421', '10001']);

export function errorFromResponse(status: number, body: string, contentType: string | undefined, ids: ResponseIds, tenantId?: string): PartnerCenterError {
  const { code, description } = readErrorBody(body, contentType);
  // the service's sentence loses its own full stop: ours follows it ("unavailable.. Try again" otherwise)
  const bare = description?.replace(/[\s.]+$/, '');
  const said = bare ? `: ${bare}` : '';
  const details = { status, code, description, ...ids };
  const customer = tenantId ? `customer ${tenantId}` : 'the customer';
  const make = (kind: PartnerCenterErrorKind, message: string) => new PartnerCenterError(kind, message, details);

  if (status === 401) {
    if ((code && MFA_CODES.has(code)) || /mfa/i.test(description ?? '')) {
      return make('mfa-required', 'Partner Center requires multi-factor authentication: sign in again with MFA.');
    }
    return make('auth-required', `Partner Center did not accept the sign-in${said}. Sign in again.`);
  }
  if (status === 403) {
    if (code === '20002' || /relationship/i.test(description ?? '')) {
      return make('no-relationship', `No reseller relationship between your partner account and ${customer}.`);
    }
    return make('forbidden-role', `Your account lacks the Partner Center role for this call${said}. Ask an admin agent.`);
  }
  if (status === 404) {
    if (code === '60003' || /tenant/i.test(description ?? '')) {
      return make('not-found', `Partner Center does not know ${customer}: check the tenant id.`);
    }
    return make('not-found', `Partner Center answered 404 Not Found for ${customer}${said}.`);
  }
  if (status === 429) return make('throttled', `Partner Center is throttling requests${said}. Try again later.`);
  if (status === 408) return make('timeout', `Partner Center timed out (408)${said}. Try again.`);
  if (status >= 500) return make('server', `Partner Center had a server error (${status})${said}. Try again later.`);
  return make('bad-request', `Partner Center refused the request (${status})${said}${/[!?]$/.test(said) ? '' : '.'}`);
}
