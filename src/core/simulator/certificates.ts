// The simulator's TLS: a CA and a 127.0.0.1/localhost server certificate made at every start, never
// committed. Clients trust it by adding the CA (NetworkOptions.ca, or the file the CLI writes).
import { generate } from 'selfsigned';

export interface SimulatorTls {
  readonly caCert: string;
  readonly cert: string;
  readonly key: string;
}

export async function makeSimulatorTls(): Promise<SimulatorTls> {
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: 'Partner Center Simulator CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    curve: 'P-256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    curve: 'P-256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { caCert: ca.cert, cert: server.cert, key: server.private };
}
