// Partner Center clouds: API host, sign-in authority and the token audience. The bearer token is only ever
// sent to the API host of the cloud in use.
export type CloudName = 'global' | 'china' | 'custom';

export interface Cloud {
  readonly name: CloudName;
  /** e.g. https://api.partnercenter.microsoft.com (no trailing slash) */
  readonly apiBaseUrl: string;
  /** Authority host, e.g. https://login.microsoftonline.com; the tenant is appended. */
  readonly authorityHost: string;
  /** Token audience (resource) for scopes. */
  readonly resource: string;
}

export const CLOUDS: Record<Exclude<CloudName, 'custom'>, Cloud> = {
  global: {
    name: 'global',
    apiBaseUrl: 'https://api.partnercenter.microsoft.com',
    authorityHost: 'https://login.microsoftonline.com',
    resource: 'https://api.partnercenter.microsoft.com',
  },
  china: {
    name: 'china',
    apiBaseUrl: 'https://partner.partnercenterapi.microsoftonline.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    resource: 'https://partner.partnercenterapi.microsoftonline.cn',
  },
};

/** A custom cloud (the local simulator, tests). Its resource is its API base URL. */
export function customCloud(apiBaseUrl: string, authorityHost: string): Cloud {
  const api = checkedUrl(apiBaseUrl, 'apiBaseUrl');
  const auth = checkedUrl(authorityHost, 'authority');
  return { name: 'custom', apiBaseUrl: api, authorityHost: auth, resource: api };
}

function checkedUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Custom cloud: "${what}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new Error(`Custom cloud: "${what}" must use https`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const scopes = {
  user: (c: Cloud) => [`${c.resource}/user_impersonation`],
  app: (c: Cloud) => [`${c.resource}/.default`],
};

export function authority(c: Cloud, tenant: string): string {
  return `${c.authorityHost}/${encodeURIComponent(tenant)}`;
}
