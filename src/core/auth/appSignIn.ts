// App-only sign-in: a confidential client with a client secret or a certificate (PEM private key and
// certificate; MSAL signs the assertion with the SHA-256 thumbprint), scope {resource}/.default.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { X509Certificate, createHash, createPrivateKey } from 'crypto';
import { abortError } from '../abort';
import { scopes } from '../client/clouds';
import { PartnerCenterError } from '../client/errors';
import { TokenProvider, TokenRequest } from '../client/tokenProvider';
import { signInError } from './authErrors';
import { SignInContext, msalConfiguration } from './msalConfig';
import { Serial } from './serial';
import { MsalTransport, msalNetworkModule } from './msalNetwork';

export type AppCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'certificate'; readonly pem: string };

export const APP_CREDENTIAL_KEY = 'partnerCenter.app.credential';

/** Reads a PEM bundle holding a certificate and its private key; the error names what is missing. */
export function certificateFromPem(pem: string): { privateKey: string; thumbprintSha256: string; x5c: string } {
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const keyPem = /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END \1?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certPem) throw new PartnerCenterError('configuration', 'The certificate file holds no certificate (PEM "BEGIN CERTIFICATE").');
  if (!keyPem) throw new PartnerCenterError('configuration', 'The certificate file holds no private key (PEM "BEGIN PRIVATE KEY").');
  let cert: X509Certificate;
  let privateKey: string;
  try {
    cert = new X509Certificate(certPem);
    privateKey = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new PartnerCenterError('configuration', 'The certificate file could not be read: expected a PEM certificate and an unencrypted private key.');
  }
  return { privateKey, thumbprintSha256: createHash('sha256').update(cert.raw).digest('hex'), x5c: certPem };
}

export class AppSignIn implements TokenProvider {
  private readonly cca: ConfidentialClientApplication;
  private readonly serial = new Serial();
  private readonly transport: MsalTransport;

  constructor(private readonly ctx: SignInContext, credential: AppCredential) {
    this.transport = msalNetworkModule(ctx.dispatcher);
    const auth = credential.kind === 'secret'
      ? { clientSecret: credential.secret }
      : { clientCertificate: certificateFromPem(credential.pem) };
    this.cca = new ConfidentialClientApplication(msalConfiguration(ctx, this.transport, AppSignIn.cacheKey(ctx.clientId), auth));
  }

  static cacheKey(clientId: string): string {
    return `partnerCenter.msalCache.app.${clientId}`;
  }

  getToken(request: TokenRequest): Promise<string> {
    return this.serial.run(async () => {
      if (request.signal?.aborted) throw abortError(request.signal);
      try {
        const result = await this.cca.acquireTokenByClientCredential({ scopes: scopes.app(this.ctx.cloud), skipCache: request.forceRefresh === true });
        if (!result) throw new PartnerCenterError('auth-required', 'Sign-in returned no token.');
        return result.accessToken;
      } catch (e) {
        throw signInError(e, this.transport.takeFailure());
      }
    });
  }

  async signOut(): Promise<void> {
    await this.serial.run(async () => {
      this.cca.clearCache();
      await this.ctx.secrets.delete(AppSignIn.cacheKey(this.ctx.clientId));
      await this.ctx.secrets.delete(APP_CREDENTIAL_KEY);
    });
  }
}
