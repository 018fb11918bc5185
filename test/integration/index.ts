// Entry point VS Code loads in the extension host (extensionTestsPath): runs every *.test.js beside it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000 });
  // PCQ_GREP narrows a local run to matching tests (never set by npm test)
  if (process.env.PCQ_GREP) mocha.grep(process.env.PCQ_GREP);
  // the multi-root window runs only the suites written for it (see test/harness/runIntegration.js)
  const multiRoot = process.env.PCQ_WINDOW === 'multi-root';
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js') && f.endsWith('.multiRoot.test.js') === multiRoot) mocha.addFile(path.join(__dirname, f));
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
