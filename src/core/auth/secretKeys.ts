// Names of this extension's entries in the secret store. Kept apart from MSAL so sign-out can remove them
// even when no connection can be built (and without loading the sign-in library).
export const APP_CREDENTIAL_KEY = 'partnerCenter.app.credential';

export const msalCacheKey = (flow: 'user' | 'app', clientId: string) => `partnerCenter.msalCache.${flow}.${clientId}`;

/** Every key a sign-in with this client id may have written. */
export const signInKeys = (clientId: string) => [APP_CREDENTIAL_KEY, msalCacheKey('user', clientId), msalCacheKey('app', clientId)];
