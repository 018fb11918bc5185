// npm run simulator: starts the Partner Center simulator with the demo customers and prints what a client
// needs (API base URL, authority, CA file). Ctrl+C stops it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSimulator } from './simulator';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const sim = await startSimulator({
    port: Number(arg('port') ?? 0) || undefined,
    latencyMs: Number(arg('latency') ?? 0),
    rateLimitPerMinute: Number(arg('rate-limit') ?? 0),
    // --limiter fixed|bucket changes how --rate-limit applies; a bucket holds --bucket-capacity (default 100)
    rateLimiter: arg('limiter') === 'fixed' ? { kind: 'fixed-window', limit: Number(arg('rate-limit') ?? 500) }
      : arg('limiter') === 'bucket' ? { kind: 'token-bucket', capacity: Number(arg('bucket-capacity') ?? 100), refillPerMinute: Number(arg('rate-limit') ?? 500) }
      : undefined,
  });
  const caPath = arg('ca-file') ?? path.join(os.tmpdir(), `partner-center-simulator-ca-${process.pid}.pem`);
  fs.writeFileSync(caPath, sim.caCert);
  const info = { apiBaseUrl: sim.apiBaseUrl, authority: sim.authorityHost, partnerTenantId: sim.partnerTenantId, caFile: caPath, customers: [...sim.api.customers.values()].map((c) => ({ tenantId: c.tenantId, name: c.name })) };
  if (arg('info-file')) fs.writeFileSync(arg('info-file')!, JSON.stringify(info, null, 2));
  console.log(`Partner Center simulator
  API base URL: ${sim.apiBaseUrl}
  authority:    ${sim.authorityHost}
  partner:      ${sim.partnerTenantId}
  CA file:      ${caPath}
  customers:    ${info.customers.length}
Press Ctrl+C to stop.`);
  const stop = async () => { await sim.close(); fs.rmSync(caPath, { force: true }); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => { console.error(e); process.exit(1); });
