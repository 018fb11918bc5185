import * as assert from 'assert';
import { request } from 'undici';
import { TIMELINE_TENANTS, timelineCustomers } from '../../src/core/simulator/customers';
import { startRig } from './fixture';

const T = '00000000-0000-4000-8000-0000000000aa';

describe('simulator: vetting timelines', () => {
  it('answers In Review for the first N requests, then the verdict with its reason', async () => {
    const rig = await startRig({
      sim: {
        customers: [{
          tenantId: T, name: 'Scripted', qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-27T08:12:00Z' }],
          vettingTimeline: { qualification: 'Education', steps: [{ afterRequests: 2, status: 'Denied', reason: 'Not an Academic Domain' }] },
        }],
      },
    });
    try {
      const seen = [];
      for (let i = 0; i < 4; i++) seen.push((await rig.client.getQualifications(T)).qualifications[0]);
      assert.deepStrictEqual(seen.map((q) => q?.status), ['InReview', 'InReview', 'Denied', 'Denied']);
      assert.strictEqual(seen[2]?.reason, 'Not an Academic Domain');
      assert.strictEqual(seen[2]?.createdAt, '2026-11-27T08:12:00Z', 'the vetting date stays');
    } finally {
      await rig.close();
    }
  });

  it('moves after T ms, set from code or through the test-only control endpoint (off unless asked for)', async () => {
    const rig = await startRig({ sim: { customers: [{ tenantId: T, name: 'Timed', qualifications: [] }], controlEndpoint: true } });
    const plain = await startRig();
    try {
      assert.deepStrictEqual((await rig.client.getQualifications(T)).qualifications, []);
      const post = (r: typeof rig, body: unknown) => request(`${r.sim.origin}/_simulator/vetting-timeline`, { method: 'POST', dispatcher: r.dispatcher, body: JSON.stringify(body) });
      const res = await post(rig, { tenantId: T, timeline: { qualification: 'Education', steps: [{ status: 'InReview' }, { afterMs: 300, status: 'Approved' }] } });
      assert.strictEqual(res.statusCode, 200, await res.body.text());
      assert.strictEqual((await rig.client.getQualifications(T)).qualifications[0]?.status, 'InReview', 'a step without condition applies at once: the qualification is added');
      await new Promise((r) => setTimeout(r, 350));
      assert.strictEqual((await rig.client.getQualifications(T)).qualifications[0]?.status, 'Approved');
      const bad = await post(rig, { tenantId: T, timeline: { steps: 'soon' } });
      assert.strictEqual(bad.statusCode, 400);
      await bad.body.text();
      const off = await post(plain, { tenantId: T, timeline: null });
      assert.strictEqual(off.statusCode, 404, 'no control endpoint by default');
      await off.body.text();
      rig.sim.setVettingTimeline(T, undefined);
      assert.deepStrictEqual((await rig.client.getQualifications(T)).qualifications, [], 'ended: back to the stored answer');
    } finally {
      await rig.close();
      await plain.close();
    }
  });

  it('the demo customers start their clock at the first sign-in', async () => {
    const customers = timelineCustomers().map((c) => ({ ...c, vettingTimeline: { ...c.vettingTimeline!, steps: c.vettingTimeline!.steps.map((s) => ({ ...s, afterMs: s.afterMs! / 600 })) } }));
    const rig = await startRig({ sim: { customers } });
    try {
      await new Promise((r) => setTimeout(r, 250)); // longer than both steps: but nobody signed in yet
      assert.strictEqual(rig.sim.identity.firstTokenAt, undefined);
      const first = await rig.client.getQualifications(TIMELINE_TENANTS.turnsApproved); // signs in now
      assert.strictEqual(first.qualifications[0]?.status, 'InReview');
      await new Promise((r) => setTimeout(r, 250));
      assert.strictEqual((await rig.client.getQualifications(TIMELINE_TENANTS.turnsApproved)).qualifications[0]?.status, 'Approved');
      const denied = (await rig.client.getQualifications(TIMELINE_TENANTS.turnsDenied)).qualifications[0];
      assert.deepStrictEqual([denied?.status, denied?.reason], ['Denied', 'Not an Education Customer']);
    } finally {
      await rig.close();
    }
  });
});
