// Entry point VS Code loads in the extension host (extensionTestsPath): runs every *.test.js beside it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // the timeout is a safety net for a hung test on a busy 2-core machine, not a performance bound: the
  // slowest ten are printed at the end (test/harness/slowest.js) so a creeping test is seen
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90_000 });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS shared with the UI tier
  mocha.rootHooks(require(path.resolve(__dirname, '../../../test/harness/slowest.js')).mochaHooks);
  // PCQ_GREP narrows a local run to matching tests (never set by npm test)
  if (process.env.PCQ_GREP) mocha.grep(process.env.PCQ_GREP);
  // the multi-root and Restricted Mode windows run only the suites written for them (test/harness/runIntegration.js)
  const kinds: Record<string, string> = { 'multi-root': '.multiRoot.test.js', restricted: '.restricted.test.js' };
  const own = kinds[process.env.PCQ_WINDOW ?? ''];
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (!f.endsWith('.test.js')) continue;
    const special = Object.values(kinds).find((suffix) => f.endsWith(suffix));
    if (special === own) mocha.addFile(path.join(__dirname, f));
  }
  let passes = 0;
  let skipped = 0;
  return new Promise((resolve, reject) => {
    mocha
      .run((failures) => {
        console.log(`${passes} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      })
      .on('pass', () => passes++)
      .on('pending', () => skipped++);
  });
}
