// The demo's simulator holds more customers than its workspace lists (issue 19): Import has something to
// import, some of it interesting (Education Approved or In Review), and the printed next steps say so.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { demoDirectory, demoWorkspaceCustomers } from '../../src/core/simulator/customers';

describe('the demo directory', () => {
  it('holds about 40 customers, more than the demo workspace lists, some with Education Approved or In Review', () => {
    const all = demoDirectory();
    const listed = new Set(demoWorkspaceCustomers().map((c) => c.tenantId));
    const importable = all.filter((c) => !listed.has(c.tenantId));
    assert.ok(all.length >= 40, `${all.length} customers`);
    assert.ok(importable.length >= 20, `${importable.length} to import`);
    assert.strictEqual(new Set(all.map((c) => c.tenantId)).size, all.length, 'distinct ids');
    const domains = all.flatMap((c) => (c.domain ? [c.domain] : []));
    assert.strictEqual(new Set(domains).size, domains.length, 'distinct domains');
    const status = (s: string) => importable.filter((c) => c.qualifications.some((q) => q.qualification === 'Education' && q.vettingStatus === s)).length;
    assert.ok(status('Approved') >= 2 && status('InReview') >= 2, `Approved ${status('Approved')}, In Review ${status('InReview')}`);
  });

  it('the demo lists only the workspace customers, serves the whole directory and points at Import', () => {
    const demo = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'scripts', 'demo.js'), 'utf8');
    assert.match(demo, /startSimulator\(\{[^}]*customers: demoDirectory\(\)/);
    assert.match(demo, /const customers = demoWorkspaceCustomers\(\)/);
    assert.match(demo, /Import: "Import Customers\.\.\."/);
  });
});
