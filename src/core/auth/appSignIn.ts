// App-only sign-in: a confidential client with a client secret or a certificate (PEM private key and
// certificate; MSAL signs the assertion with the SHA-256 thumbprint), scope {resource}/.default.
export { APP_CREDENTIAL_KEY, certificateFromPem } from './appCredential';
export type { AppCredential } from './appCredential';
import { msalCacheKey } from './secretKeys';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { scopes } from '../client/clouds';
import { PartnerCenterError } from '../client/errors';
import { TokenProvider, TokenRequest } from '../client/tokenProvider';
import { signInError } from './authErrors';
import { SignInContext, msalConfiguration } from './msalConfig';
import { Serial } from './serial';
import { TokenMemo } from './tokenMemo';
import { APP_CREDENTIAL_KEY, AppCredential, certificateFromPem } from './appCredential';
import { MsalTransport, msalNetworkModule } from './msalNetwork';

export class AppSignIn implements TokenProvider {
  readonly signInMode = 'app';
  private readonly cca: ConfidentialClientApplication;
  private readonly serial = new Serial();
  private readonly memo = new TokenMemo();
  private readonly transport: MsalTransport;

  constructor(private readonly ctx: SignInContext, credential: AppCredential) {
    this.transport = msalNetworkModule(ctx.dispatcher);
    const auth = credential.kind === 'secret'
      ? { clientSecret: credential.secret }
      : { clientCertificate: certificateFromPem(credential.pem) };
    this.cca = new ConfidentialClientApplication(msalConfiguration(ctx, this.transport, AppSignIn.cacheKey(ctx.clientId), auth));
  }

  static cacheKey(clientId: string): string {
    return msalCacheKey('app', clientId);
  }

  getToken(request: TokenRequest): Promise<string> {
    return this.memo.obtain(request, this.serial, async (forceRefresh) => {
      try {
        const result = await this.cca.acquireTokenByClientCredential({ scopes: scopes.app(this.ctx.cloud), skipCache: forceRefresh });
        if (!result) throw new PartnerCenterError('auth-required', 'Sign-in returned no token.');
        return result;
      } catch (e) {
        throw signInError(e, this.transport.takeFailure());
      }
    });
  }

  async signOut(): Promise<void> {
    await this.serial.run(async () => {
      this.memo.clear();
      this.cca.clearCache();
      await this.ctx.secrets.delete(AppSignIn.cacheKey(this.ctx.clientId));
      await this.ctx.secrets.delete(APP_CREDENTIAL_KEY);
    });
  }
}
