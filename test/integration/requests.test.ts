// Request Qualification in the real extension host against the simulator: each kind, app-only refused,
// the service's 400 and 409, no validation code left, held and excluded kinds; the row turns In Review.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { customerId } from '../../src/core/simulator/customers';
import type { RequestOutcome } from '../../src/vscode/requests/requestQualification';
import { USER_CLIENT_ID, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';

const SCHOOL = customerId(701);
const AGENCY = customerId(702);
const COUNTY = customerId(703);
const HELD_GCC = customerId(704);
const BUSY = customerId(705);
const request = (args: Record<string, unknown>) => vscode.commands.executeCommand<RequestOutcome>('partnerCenter.requestQualification', { confirm: false, ...args });

describe('Request Qualification', () => {
  let w: World;
  const posts = (tenantId: string) => w.sim.api.stats.log.filter((l) => l.tenantId === tenantId && l.method === 'POST');
  const held = (tenantId: string) => w.api.store.book.get(tenantId)?.lastGood?.qualifications.map((q) => `${q.name} ${q.status}`);
  const signInUser = async () => assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.signIn', { mode: 'user', flow: 'deviceCode', clientId: USER_CLIENT_ID, tenantId: w.sim.partnerTenantId }));

  before(async () => {
    w = await getWorld();
    for (const [tenantId, name, qualifications] of [
      [SCHOOL, 'Contoso Primary School', []], [AGENCY, 'Tailspin Water Authority', []], [COUNTY, 'Fourth Coffee County', []],
      [HELD_GCC, 'City of Tailspin', [{ qualification: 'GovernmentCommunityCloud', vettingStatus: 'Approved', vettingCreateDate: '2026-06-30T12:00:00Z' }]],
      [BUSY, 'Busy Bee College', []],
    ] as const) w.sim.api.upsert({ tenantId, name, qualifications: [...qualifications] });
    await setCustomers([SCHOOL, AGENCY, COUNTY, HELD_GCC, BUSY].map((tenantId) => ({ tenantId, name: w.sim.api.customers.get(tenantId)!.name })));
    await signInUser();
  });
  after(async () => { for (const id of [SCHOOL, AGENCY, COUNTY, HELD_GCC, BUSY]) w.sim.api.customers.delete(id); await signInApp(w); });

  it('is on the tenant row menu and in the palette', () => {
    const pkg = vscode.extensions.getExtension('csp-tools.partner-center-qualifications')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    assert.ok(pkg.contributes.menus['view/item/context']!.some((m) => m.command === 'partnerCenter.requestQualification' && /viewItem == tenant/.test(m.when ?? '')));
    assert.ok(!pkg.contributes.menus.commandPalette!.some((m) => m.command === 'partnerCenter.requestQualification' && m.when === 'false'));
  });

  it('requests Education (segment, website) and the row shows it In Review at once', async () => {
    const outcome = await request({ tenantId: SCHOOL, qualification: 'Education', educationSegment: 'K12', website: 'contoso-primary.edu' });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.strictEqual(outcome.qualification?.status, 'InReview');
    assert.deepStrictEqual(held(SCHOOL), ['Education InReview']);
    assert.deepStrictEqual(posts(SCHOOL).map((p) => p.status), [201]);
    const row = w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === SCHOOL)!;
    const child = w.api.tree.getChildren(row)[0]!;
    const item = w.api.tree.getTreeItem(child);
    // a new qualification is a change: its label may come highlighted (history marks changed rows)
    assert.strictEqual(typeof item.label === 'string' ? item.label : item.label?.label, 'Education');
    assert.match(String(item.description), /^In review/);
    // and it was read again after the request
    await waitFor('read again', () => w.sim.api.stats.log.filter((l) => l.tenantId === SCHOOL && l.method === 'GET').length >= 2);
  });

  it('requests StateOwnedEntity (held without vetting) and GCC with a validation code', async () => {
    const soe = await request({ tenantId: AGENCY, qualification: 'StateOwnedEntity' });
    assert.ok(soe.ok, JSON.stringify(soe));
    assert.deepStrictEqual(held(AGENCY), ['StateOwnedEntity NotVetted']);
    const code = w.sim.api.validations.find((v) => v.remainingCreates > 0)!;
    const before = code.remainingCreates;
    const gcc = await request({ tenantId: AGENCY, qualification: 'GovernmentCommunityCloud', validationCode: code.validationId });
    assert.ok(gcc.ok, JSON.stringify(gcc));
    assert.deepStrictEqual(held(AGENCY), ['StateOwnedEntity NotVetted', 'GovernmentCommunityCloud InReview']);
    assert.strictEqual(code.remainingCreates, before - 1);
  });

  it('explains a held or excluded kind instead of sending it', async () => {
    const edu = await request({ tenantId: HELD_GCC, qualification: 'Education', educationSegment: 'HigherEducation', website: 'tailspin.gov' });
    assert.deepStrictEqual([edu.ok, !edu.ok && edu.reason], [false, 'not-available']);
    assert.match((edu as { message: string }).message, /^Not with GovernmentCommunityCloud, which the customer holds \(the two exclude each other\)\.$/);
    const again = await request({ tenantId: HELD_GCC, qualification: 'GovernmentCommunityCloud', validationCode: 'x' });
    assert.match((again as { message: string }).message, /already holds GovernmentCommunityCloud/);
    assert.strictEqual(posts(HELD_GCC).length, 0);
  });

  it('says so when no validation code has creates left, and sends nothing', async () => {
    const saved = w.sim.api.validations.map((v) => v.remainingCreates);
    w.sim.api.validations.forEach((v) => (v.remainingCreates = 0));
    try {
      const outcome = await request({ tenantId: COUNTY, qualification: 'GovernmentCommunityCloud' });
      assert.deepStrictEqual([outcome.ok, !outcome.ok && outcome.reason], [false, 'no-validation-code']);
      assert.match((outcome as { message: string }).message, /None of your 2 GCC validation codes has creates left/);
      assert.strictEqual(posts(COUNTY).length, 0);
    } finally {
      w.sim.api.validations.forEach((v, i) => (v.remainingCreates = saved[i]!));
    }
  });

  it('shows the service\'s own text for 400 and 409 and keeps the row as it was', async () => {
    w.sim.setCustomerFault(BUSY, { fault: 'bare-string-error', method: 'POST', times: 1 });
    const bad = await request({ tenantId: BUSY, qualification: 'Education', educationSegment: 'HigherEducation', website: 'busybee.edu' });
    assert.deepStrictEqual([bad.ok, !bad.ok && bad.reason], [false, 'failed']);
    assert.strictEqual((bad as { message: string }).message, 'Partner Center refused the request (400): Customer tagging denied.');
    w.sim.setCustomerFault(BUSY, { fault: 'conflict', method: 'POST', times: 1 });
    const conflict = await request({ tenantId: BUSY, qualification: 'Education', educationSegment: 'HigherEducation', website: 'busybee.edu' });
    assert.strictEqual((conflict as { message: string }).message, 'Partner Center refused the request (409): A qualification request for this customer is already being processed.');
    assert.deepStrictEqual(posts(BUSY).map((p) => p.status), [400, 409], 'each sent once, never retried');
    assert.deepStrictEqual(held(BUSY), []);
    w.sim.setCustomerFault(BUSY, undefined);
  });

  it('refuses app-only sign-in with an offer to sign in as a user, and sends nothing', async () => {
    await signInApp(w);
    try {
      const outcome = await request({ tenantId: COUNTY, qualification: 'StateOwnedEntity' });
      assert.deepStrictEqual([outcome.ok, !outcome.ok && outcome.reason], [false, 'app-only']);
      assert.match((outcome as { message: string }).message, /needs an app \+ user sign-in/);
      assert.strictEqual(posts(COUNTY).length, 0);
    } finally {
      await signInUser();
    }
  });

  it('settles a request whose answer was lost by reading the tenant again, never by sending it twice', async () => {
    const soe = () => w.sim.api.customers.get(BUSY)!.qualifications.filter((q) => String(q.qualification).toLowerCase() === 'stateownedentity').length;
    try {
      // the connection breaks before the service acted: the fresh read shows nothing, so sending again is offered
      w.sim.setCustomerFault(BUSY, { fault: 'reset', method: 'POST', times: 1 });
      const lost = await request({ tenantId: BUSY, qualification: 'StateOwnedEntity' });
      assert.deepStrictEqual([lost.ok, !lost.ok && lost.reason], [false, 'not-received']);
      assert.match((lost as { message: string }).message, /may have received the request/);
      assert.strictEqual(soe(), 0);
      // the service acted, then the answer was lost: the row shows what Partner Center holds, nothing is resent
      w.sim.setCustomerFault(BUSY, { fault: 'reset-after-write', method: 'POST', times: 1 });
      const received = await request({ tenantId: BUSY, qualification: 'StateOwnedEntity' });
      assert.deepStrictEqual([received.ok, received.ok && received.confirmedByRead], [true, true]);
      assert.strictEqual(soe(), 1, 'created once');
      await waitFor('the row shows the request', () => held(BUSY)?.some((q) => q.startsWith('StateOwnedEntity')));
    } finally {
      w.sim.setCustomerFault(BUSY, undefined);
    }
  });

  it('checks a website before sending', async () => {
    const outcome = await request({ tenantId: COUNTY, qualification: 'Education', educationSegment: 'K12', website: 'not a website' });
    assert.deepStrictEqual([outcome.ok, !outcome.ok && outcome.reason], [false, 'invalid']);
    assert.strictEqual(posts(COUNTY).length, 0);
  });
});
