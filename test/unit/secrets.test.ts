import * as assert from 'assert';
import { inspect } from 'util';
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { UserSignIn } from '../../src/core/auth/userSignIn';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { startRig } from './fixture';

describe('no secret or token leaks', () => {
  it('scans every log line and error of a faulty run for the secret and the tokens used', async () => {
    const rig = await startRig();
    try {
      const tokens = new Set<string>();
      const recordTokens = { getToken: async (r: Parameters<typeof rig.auth.getToken>[0]) => { const t = await rig.auth.getToken(r); tokens.add(t); return t; } };
      const user = new UserSignIn({ cloud: rig.cloud, tenantId: rig.sim.partnerTenantId, clientId: 'd0d0d0d0-0000-4000-8000-00000000000d', dispatcher: rig.dispatcher, secrets: new MemorySecretStore(), logger: rig.logger });
      await user.signInWithDeviceCode(() => undefined);
      tokens.add(await user.getToken({}));
      const client = new PartnerCenterClient({ cloud: rig.cloud, tokens: recordTokens, dispatcher: rig.dispatcher, logger: rig.logger });
      rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'expired-token' });
      rig.sim.setCustomerFault(DEMO_TENANTS.denied, { fault: 'html-error' });
      const summary = await new BatchRunner(client).run(Object.values(DEMO_TENANTS));
      const errors = summary.outcomes.flatMap((o) => (o.ok ? [] : [o.error]));
      assert.ok(errors.length >= 4, 'the run had failures to scan');
      assert.ok(tokens.size >= 2, 'tokens were issued (and refreshed)');
      const haystack = [
        ...rig.logger.lines,
        ...errors.flatMap((e) => [e.message, String(e), JSON.stringify(e), inspect(e), e.stack ?? '']),
      ].join('\n');
      assert.ok(rig.logger.lines.length > 10, 'the run logged');
      for (const secret of [rig.appSecret, ...tokens]) {
        assert.strictEqual(haystack.includes(secret), false, 'a secret or token appears in a log line or error');
        assert.strictEqual(haystack.includes(secret.slice(-24)), false, 'part of a secret or token appears');
      }
      assert.doesNotMatch(haystack, /Bearer\s+ey/);
    } finally {
      await rig.close();
    }
  });
});
