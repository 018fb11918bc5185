// MSAL's HTTP through the client's undici dispatcher, so proxy, CA and timeout settings apply to sign-in too.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { Dispatcher } from 'undici';
import { PartnerCenterError } from '../client/errors';
import { toPartnerCenterError } from '../client/partnerCenterClient';

/** MSAL hides transport failures behind its own codes; the module keeps the last one so sign-in can say what really failed. */
export interface MsalTransport {
  readonly module: INetworkModule;
  takeFailure(): PartnerCenterError | undefined;
}

export function msalNetworkModule(dispatcher: Dispatcher, defaultTimeoutMs = 30_000): MsalTransport {
  let failure: PartnerCenterError | undefined;
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> => {
    const u = new URL(url);
    const res = await dispatcher.request({
      origin: u.origin,
      path: u.pathname + u.search,
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body ?? '' : undefined,
      headersTimeout: timeout ?? defaultTimeoutMs,
      bodyTimeout: timeout ?? defaultTimeoutMs,
    }).catch((e: unknown) => {
      failure = toPartnerCenterError(e, {});
      throw e;
    });
    const text = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: `The sign-in service sent a body that is not JSON (HTTP ${res.statusCode}).` };
    }
    return { headers, body: body as T, status: res.statusCode };
  };
  return {
    module: {
      sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
      sendPostRequestAsync: (url, options) => send('POST', url, options),
    },
    takeFailure() {
      const f = failure;
      failure = undefined;
      return f;
    },
  };
}
