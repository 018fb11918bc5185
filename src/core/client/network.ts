// The one undici dispatcher a client owns (never the global one): timeouts, proxy, TLS, extra CAs, and the
// retry interceptor carrying the Partner Center retry policy. MSAL's HTTP goes through the same dispatcher.
import * as tls from 'tls';
import { Agent, Dispatcher, EnvHttpProxyAgent, interceptors } from 'undici';
import { RetryPolicyOptions, partnerCenterRetry } from './retryPolicy';

export interface NetworkOptions {
  /** http(s) proxy URL (VS Code `http.proxy`); empty means none. */
  readonly proxy?: string;
  /** Hosts that bypass the proxy (VS Code `http.noProxy`). */
  readonly noProxy?: readonly string[];
  /** Verify TLS certificates (VS Code `http.proxyStrictSSL`); default true. */
  readonly strictSSL?: boolean;
  /** Value of the Proxy-Authorization header (VS Code `http.proxyAuthorization`). */
  readonly proxyAuthorization?: string;
  /** Extra PEM CA certificates trusted on top of Node's roots (corporate CA, the simulator's CA). */
  readonly ca?: readonly string[];
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
}

export const DEFAULT_TIMEOUTS = { connectTimeoutMs: 10_000, headersTimeoutMs: 30_000, bodyTimeoutMs: 30_000 };

export function createDispatcher(options: NetworkOptions, retry?: RetryPolicyOptions): Dispatcher {
  // One secure context for all connections: building it parses every root certificate (~40 ms of blocked
  // event loop each time, measured), which a `ca` option on each connection would repeat.
  const tlsOptions = {
    rejectUnauthorized: options.strictSSL !== false,
    ...(options.ca && options.ca.length ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ...options.ca] }) } : {}),
  };
  const common = {
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs ?? DEFAULT_TIMEOUTS.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs ?? DEFAULT_TIMEOUTS.bodyTimeoutMs,
    keepAliveTimeout: 10_000,
    connections: 32,
  };
  const base: Dispatcher = options.proxy
    ? new EnvHttpProxyAgent({
        ...common,
        httpProxy: options.proxy,
        httpsProxy: options.proxy,
        noProxy: (options.noProxy ?? []).join(','),
        ...(options.proxyAuthorization ? { token: options.proxyAuthorization } : {}),
        requestTls: tlsOptions,
        proxyTls: tlsOptions,
        connect: tlsOptions,
      })
    : new Agent({ ...common, connect: tlsOptions });
  return retry ? base.compose(interceptors.retry({ throwOnError: false, retry: partnerCenterRetry(retry) })) : base;
}
