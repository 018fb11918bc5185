// Mocha root hooks for the integration and UI tiers: print the ten slowest tests at the end of a run, so a
// test that creeps towards its timeout is seen before a busy machine makes it fail (issue 24).
'use strict';
const times = [];

exports.mochaHooks = {
  afterEach() {
    const t = this.currentTest;
    if (t && typeof t.duration === 'number') times.push({ title: t.fullTitle(), ms: t.duration, state: t.state });
  },
  afterAll() {
    if (!times.length) return;
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 10);
    console.log(`\nslowest ${slowest.length} of ${times.length} tests:`);
    for (const t of slowest) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.title}${t.state === 'failed' ? ' (failed)' : ''}`);
  },
};
