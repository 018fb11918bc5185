// App+user sign-in: a public client for the partner's own app registration, device-code or browser
// (loopback, PKCE) flow, silent refresh from the cached refresh token.
import { msalCacheKey } from './secretKeys';
import { AccountInfo, PublicClientApplication } from '@azure/msal-node';
import { abortError } from '../abort';
import { scopes } from '../client/clouds';
import { PartnerCenterError } from '../client/errors';
import { TokenProvider, TokenRequest } from '../client/tokenProvider';
import { signInError } from './authErrors';
import { SignInContext, msalConfiguration } from './msalConfig';
import { Serial } from './serial';
import { TokenMemo } from './tokenMemo';
import { MsalTransport, msalNetworkModule } from './msalNetwork';

export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly message: string;
}

export interface SignedInAccount {
  readonly username: string;
  readonly tenantId: string;
}

export class UserSignIn implements TokenProvider {
  readonly signInMode = 'user';
  private readonly pca: PublicClientApplication;
  private readonly serial = new Serial();
  private readonly memo = new TokenMemo();
  private readonly transport: MsalTransport;
  private readonly scopes: string[];

  constructor(private readonly ctx: SignInContext) {
    this.transport = msalNetworkModule(ctx.dispatcher);
    this.pca = new PublicClientApplication(msalConfiguration(ctx, this.transport, UserSignIn.cacheKey(ctx.clientId)));
    this.scopes = scopes.user(ctx.cloud);
  }

  static cacheKey(clientId: string): string {
    return msalCacheKey('user', clientId);
  }

  async signInWithDeviceCode(onPrompt: (p: DeviceCodePrompt) => void, signal?: AbortSignal): Promise<SignedInAccount> {
    return this.serial.run(async () => {
      const request = {
        scopes: this.scopes,
        cancel: false,
        deviceCodeCallback: (r: { userCode: string; verificationUri: string; message: string }) =>
          onPrompt({ userCode: r.userCode, verificationUri: r.verificationUri, message: r.message }),
      };
      const onAbort = () => { request.cancel = true; };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await this.pca.acquireTokenByDeviceCode(request);
        if (signal?.aborted) throw abortError(signal);
        return accountOf(result?.account);
      } catch (e) {
        throw signal?.aborted ? abortError(signal) : signInError(e, this.transport.takeFailure());
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  /** Browser sign-in: MSAL listens on a loopback port; `openBrowser` shows the sign-in page. */
  async signInWithBrowser(openBrowser: (url: string) => Promise<void>, signal?: AbortSignal): Promise<SignedInAccount> {
    return this.serial.run(async () => {
      if (signal?.aborted) throw abortError(signal);
      const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(abortError(signal)), { once: true }));
      try {
        const result = await Promise.race([
          this.pca.acquireTokenInteractive({
            scopes: this.scopes,
            openBrowser,
            successTemplate: '<h1>Signed in to Partner Center. You can close this page and return to VS Code.</h1>',
            errorTemplate: '<h1>Sign-in failed. Return to VS Code for details.</h1>',
          }),
          aborted,
        ]);
        return accountOf(result.account);
      } catch (e) {
        throw signInError(e, this.transport.takeFailure());
      }
    });
  }

  async account(): Promise<SignedInAccount | undefined> {
    const accounts = await this.serial.run(() => this.pca.getTokenCache().getAllAccounts());
    return accounts[0] ? accountOf(accounts[0]) : undefined;
  }

  getToken(request: TokenRequest): Promise<string> {
    return this.memo.obtain(request, this.serial, async (forceRefresh) => {
      const [account] = await this.pca.getTokenCache().getAllAccounts();
      if (!account) throw new PartnerCenterError('auth-required', 'Not signed in to Partner Center: run "Partner Center: Sign In".');
      try {
        return await this.pca.acquireTokenSilent({ account, scopes: this.scopes, forceRefresh });
      } catch (e) {
        throw signInError(e, this.transport.takeFailure());
      }
    });
  }

  async signOut(): Promise<void> {
    await this.serial.run(async () => {
      this.memo.clear();
      const cache = this.pca.getTokenCache();
      for (const a of await cache.getAllAccounts()) await cache.removeAccount(a);
      await this.ctx.secrets.delete(UserSignIn.cacheKey(this.ctx.clientId));
    });
  }
}

function accountOf(a: AccountInfo | null | undefined): SignedInAccount {
  if (!a) throw new PartnerCenterError('auth-required', 'Sign-in returned no account.');
  return { username: a.username, tenantId: a.tenantId };
}
