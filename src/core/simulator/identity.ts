// A minimal Entra ID for the simulator: OpenID metadata, device code, authorize (auth code + PKCE, signs in
// at once), and the token endpoint for client credentials (secret or certificate assertion), device code,
// authorization code and refresh token. Tokens are JWT-shaped and verified by the API side.
import { X509Certificate, createHash, createVerify, randomBytes, randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { Claims, TokenSigner, decodeJwt } from './jwt';
import { form, readBody, send } from './http';

export interface ConfidentialApp {
  readonly clientId: string;
  readonly secret?: string;
  /** PEM certificate whose key signs client assertions. */
  readonly certificate?: string;
}

export interface IdentityOptions {
  readonly origin: () => string;
  readonly apiResource: () => string;
  readonly signer: TokenSigner;
  readonly confidentialApps: ConfidentialApp[];
  /** Whether app+user sign-ins carry MFA (amr contains "mfa"). */
  mfa: boolean;
  accessTokenLifetimeSec: number;
  /** Device codes are approved on the first poll (tests, demo); else approveDeviceCode() is needed. */
  autoApproveDeviceCodes: boolean;
  readonly user: { readonly oid: string; readonly upn: string; readonly name: string; readonly tid: string };
}

interface Grant {
  readonly clientId: string;
  readonly tenant: string;
  readonly scope: string;
  approved: boolean;
  readonly nonce?: string;
  readonly codeChallenge?: string;
  readonly redirectUri?: string;
}

const oidcError = (res: ServerResponse, status: number, error: string, description: string) =>
  send(res, status, { error, error_description: description, error_codes: [], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() });

export class IdentityService {
  private readonly deviceCodes = new Map<string, Grant & { userCode: string; expires: number }>();
  private readonly authCodes = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  /** Refresh tokens issued before this are refused (revocation). */
  revokedBefore = 0;
  tokenRequests = 0;
  /** When the first access token was issued (epoch ms). */
  firstTokenAt?: number;

  constructor(private readonly o: IdentityOptions) {}

  approveDeviceCode(userCode: string): boolean {
    for (const g of this.deviceCodes.values()) if (g.userCode === userCode && g.expires > Date.now()) return (g.approved = true);
    return false;
  }

  /** Handles /{tenant}/... identity paths; false when the path is not one of them. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/(token|devicecode|authorize)|discovery\/instance|devicelogin)$/.exec(url.pathname);
    if (!m) return false;
    const tenant = decodeURIComponent(m[1]!);
    const what = m[2]!;
    if (what.startsWith('v2.0/')) {
      const base = `${this.o.origin()}/${tenant}`;
      send(res, 200, {
        issuer: `${this.o.origin()}/${tenant}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'tid', 'oid', 'preferred_username', 'name'],
        tenant_region_scope: 'WW',
        cloud_instance_name: new URL(this.o.origin()).host,
        msgraph_host: new URL(this.o.origin()).host,
        rbac_url: this.o.origin(),
      });
      return true;
    }
    if (what === 'discovery/instance') {
      const host = new URL(this.o.origin()).host;
      send(res, 200, { tenant_discovery_endpoint: `${this.o.origin()}/${tenant}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }] });
      return true;
    }
    if (what === 'devicelogin') return this.deviceLogin(res, url), true;
    if (what.endsWith('authorize')) return this.authorize(res, url, tenant), true;
    const params = form(await readBody(req));
    if (what.endsWith('devicecode')) return this.deviceCode(res, params, tenant), true;
    this.tokenRequests++;
    this.token(res, params, tenant);
    return true;
  }

  /** The page a person opens to enter the device code: a form, or the answer to it (?code=...). */
  private deviceLogin(res: ServerResponse, url: URL): void {
    const code = url.searchParams.get('code')?.trim().toUpperCase();
    const page = (status: number, body: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!DOCTYPE html><html><head><title>Partner Center simulator: sign in</title></head><body style="font-family:sans-serif;margin:3em">${body}</body></html>`);
    if (code && this.approveDeviceCode(code)) return void page(200, '<h1>Signed in to the Partner Center simulator</h1><p>You can close this page and go back to VS Code.</p>');
    // the action is relative: the page also works behind a proxy path (code-server's /proxy/<port>/)
    page(code ? 404 : 200, `<h1>Enter the code</h1>${code ? `<p id="error">Unknown or expired code "${escapeHtml(code)}".</p>` : ''}`
      + '<form method="GET" action="devicelogin"><label>Code <input name="code" autofocus autocomplete="off"></label> <button>Next</button></form>'
      + '<p>The Partner Center simulator signs you in as Partner Admin (admin@partner.onmicrosoft.com).</p>');
  }

  private deviceCode(res: ServerResponse, p: Record<string, string>, tenant: string): void {
    if (!p.client_id) return oidcError(res, 400, 'invalid_request', 'AADSTS900144: client_id is missing.');
    const deviceCode = randomBytes(24).toString('base64url');
    const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
    this.deviceCodes.set(deviceCode, { clientId: p.client_id, tenant, scope: p.scope ?? '', approved: false, userCode, expires: Date.now() + 900_000 });
    const verificationUri = `${this.o.origin()}/${tenant}/devicelogin`;
    send(res, 200, {
      device_code: deviceCode, user_code: userCode, verification_uri: verificationUri, expires_in: 900, interval: 1,
      message: `To sign in, use a web browser to open the page ${verificationUri}?code=${userCode} and enter the code ${userCode} to authenticate.`,
    });
  }

  private authorize(res: ServerResponse, url: URL, tenant: string): void {
    const q = url.searchParams;
    const redirect = q.get('redirect_uri');
    if (!redirect || !q.get('client_id') || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return oidcError(res, 400, 'invalid_request', 'AADSTS9002325: Proof Key for Code Exchange (S256) and redirect_uri are required.');
    }
    const target = new URL(redirect);
    if (!['localhost', '127.0.0.1'].includes(target.hostname)) return oidcError(res, 400, 'invalid_request', 'AADSTS50011: redirect_uri must be a loopback address.');
    const code = randomBytes(24).toString('base64url');
    this.authCodes.set(code, {
      clientId: q.get('client_id')!, tenant, scope: q.get('scope') ?? '', approved: true,
      nonce: q.get('nonce') ?? undefined, codeChallenge: q.get('code_challenge')!, redirectUri: redirect,
    });
    const response: Record<string, string> = { code, client_info: this.clientInfo(), ...(q.get('state') ? { state: q.get('state')! } : {}) };
    if (q.get('response_mode') === 'form_post') {
      // what Entra ID does for form_post: a page whose form posts the response to the redirect URI
      const inputs = Object.entries(response).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!DOCTYPE html><html><body onload="document.forms[0].submit()"><form method="POST" action="${escapeHtml(redirect)}">${inputs}<noscript><button>Continue</button></noscript></form></body></html>`);
      return;
    }
    for (const [k, v] of Object.entries(response)) target.searchParams.set(k, v);
    res.writeHead(302, { location: target.toString() }).end();
  }

  private token(res: ServerResponse, p: Record<string, string>, tenant: string): void {
    switch (p.grant_type) {
      case 'client_credentials': {
        const app = this.o.confidentialApps.find((a) => a.clientId === p.client_id);
        if (!app) return oidcError(res, 400, 'unauthorized_client', `AADSTS700016: Application with identifier '${p.client_id}' was not found in the directory.`);
        if (!this.clientAuthenticated(app, p, tenant)) return oidcError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret or assertion provided.');
        if (!/\/\.default$/.test(p.scope ?? '')) return oidcError(res, 400, 'invalid_scope', 'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default.');
        return send(res, 200, this.tokens({ clientId: app.clientId, tenant, scope: p.scope!, approved: true }, 'app'));
      }
      case 'device_code':
      case 'urn:ietf:params:oauth:grant-type:device_code': {
        const g = this.deviceCodes.get(p.device_code ?? '');
        if (!g || g.expires < Date.now()) return oidcError(res, 400, 'expired_token', 'AADSTS70020: The provided value for the input parameter device_code is not valid.');
        if (!g.approved && this.o.autoApproveDeviceCodes) g.approved = true;
        else if (!g.approved) return oidcError(res, 400, 'authorization_pending', 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.');
        this.deviceCodes.delete(p.device_code!);
        return send(res, 200, this.tokens(g, 'user'));
      }
      case 'authorization_code': {
        const g = this.authCodes.get(p.code ?? '');
        this.authCodes.delete(p.code ?? '');
        if (!g || g.clientId !== p.client_id || g.redirectUri !== p.redirect_uri) return oidcError(res, 400, 'invalid_grant', 'AADSTS70000: The provided authorization code is invalid.');
        const challenge = createHash('sha256').update(p.code_verifier ?? '').digest('base64url');
        if (challenge !== g.codeChallenge) return oidcError(res, 400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge.');
        return send(res, 200, this.tokens({ ...g, scope: p.scope ?? g.scope }, 'user'));
      }
      case 'refresh_token': {
        const g = this.refreshTokens.get(p.refresh_token ?? '');
        if (!g || (g as Grant & { issued?: number }).issued! < this.revokedBefore) {
          return oidcError(res, 400, 'invalid_grant', 'AADSTS700082: The refresh token has expired or been revoked. Sign in again.');
        }
        this.refreshTokens.delete(p.refresh_token!);
        return send(res, 200, this.tokens({ ...g, scope: p.scope ?? g.scope }, 'user'));
      }
      default:
        return oidcError(res, 400, 'unsupported_grant_type', `AADSTS70003: grant_type '${p.grant_type}' is not supported.`);
    }
  }

  private clientAuthenticated(app: ConfidentialApp, p: Record<string, string>, tenant: string): boolean {
    if (p.client_secret !== undefined) return app.secret !== undefined && p.client_secret === app.secret;
    if (p.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !p.client_assertion || !app.certificate) return false;
    const jwt = decodeJwt(p.client_assertion);
    if (!jwt || jwt.header.alg !== 'PS256' && jwt.header.alg !== 'RS256') return false;
    const cert = new X509Certificate(app.certificate);
    const thumbprint256 = createHash('sha256').update(cert.raw).digest('base64url');
    const thumbprint1 = createHash('sha1').update(cert.raw).digest('base64url');
    if (jwt.header['x5t#S256'] !== thumbprint256 && jwt.header.x5t !== thumbprint1) return false;
    const verifier = createVerify('RSA-SHA256').update(jwt.signingInput);
    const ok = jwt.header.alg === 'PS256'
      ? verifier.verify({ key: cert.publicKey, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }, jwt.signature)
      : verifier.verify(cert.publicKey, jwt.signature);
    const claims = jwt.payload as { aud?: string; iss?: string; exp?: number };
    return ok && claims.iss === app.clientId && (claims.exp ?? 0) * 1000 > Date.now() && typeof claims.aud === 'string' && claims.aud.includes(`/${tenant}/`);
  }

  private clientInfo(): string {
    return Buffer.from(JSON.stringify({ uid: this.o.user.oid, utid: this.o.user.tid })).toString('base64url');
  }

  private tokens(g: Grant, kind: 'app' | 'user'): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    this.firstTokenAt ??= Date.now();
    const resource = this.o.apiResource();
    const tid = kind === 'user' ? this.o.user.tid : g.tenant;
    const claims: Claims = {
      aud: resource, iss: `${this.o.origin()}/${tid}/v2.0`, iat: now, nbf: now, exp: now + this.o.accessTokenLifetimeSec,
      tid, appid: g.clientId, idtyp: kind, ver: '1.0', jti: randomUUID(), issued_ms: Date.now(),
      ...(kind === 'user' ? { oid: this.o.user.oid, upn: this.o.user.upn, name: this.o.user.name, amr: this.o.mfa ? ['pwd', 'mfa'] : ['pwd'], scp: 'user_impersonation' } : { oid: g.clientId, roles: [] }),
    };
    const out: Record<string, unknown> = {
      token_type: 'Bearer', scope: g.scope.split(' ').filter((s) => s.startsWith(resource)).join(' ') || g.scope,
      expires_in: this.o.accessTokenLifetimeSec, ext_expires_in: this.o.accessTokenLifetimeSec, access_token: this.o.signer.sign(claims),
    };
    if (kind === 'user') {
      const refresh = randomBytes(32).toString('base64url');
      this.refreshTokens.set(refresh, Object.assign({ ...g }, { issued: Date.now() }));
      out.refresh_token = refresh;
      out.client_info = this.clientInfo();
      out.id_token = this.o.signer.sign({
        aud: g.clientId, iss: `${this.o.origin()}/${tid}/v2.0`, iat: now, nbf: now, exp: now + 3600, tid, oid: this.o.user.oid, sub: this.o.user.oid,
        preferred_username: this.o.user.upn, name: this.o.user.name, ver: '2.0', ...(g.nonce ? { nonce: g.nonce } : {}),
      });
    }
    return out;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
