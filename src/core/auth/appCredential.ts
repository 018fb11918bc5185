// The app-only credential as kept in the secret store, and reading a PEM certificate bundle. Kept apart
// from MSAL so the VS Code layer can validate a certificate without loading the sign-in library.
import { X509Certificate, createHash, createPrivateKey } from 'crypto';
import { PartnerCenterError } from '../client/errors';

export type AppCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | { readonly kind: 'certificate'; readonly pem: string };

export { APP_CREDENTIAL_KEY } from './secretKeys';

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

