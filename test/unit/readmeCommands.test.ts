import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// Every command the README names works on a fresh clone after `npm ci`: those that launch VS Code install
// the runtime first (`npm run bench` once failed with "VS Code 1.139.1 is not installed").
const root = path.resolve(__dirname, '..', '..', '..');
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The script's own text plus the shell scripts it runs. */
function expanded(name: string): string {
  const own = scripts[name] ?? '';
  const files = [...own.matchAll(/bash (scripts\/[\w.-]+\.sh)/g)].map((m) => fs.readFileSync(path.join(root, m[1]!), 'utf8'));
  return [own, ...files].join('\n');
}

describe('commands the README names', () => {
  const named = [...new Set([...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/npm (?:run )?([a-z][\w:-]*)/g)].map((m) => m[1]!))]
    .filter((n) => n in scripts);

  it('exist in package.json', () => {
    assert.ok(named.includes('bench') && named.includes('demo') && named.includes('test'), named.join(', '));
  });

  it('install dependencies and the VS Code runtime before launching VS Code', () => {
    const launchesVsCode = /runIntegration|runBenchHost|bench\/run\.js|codeServer|test\/ui/;
    for (const name of named) {
      const text = expanded(name);
      if (!launchesVsCode.test(text) && !/demo\.js/.test(text)) continue;
      const deps = text.indexOf('ensure-deps.sh');
      const runtime = text.indexOf('setup-vscode-runtime.sh');
      assert.ok(deps >= 0 && runtime >= 0, `npm run ${name} must run scripts/ensure-deps.sh and scripts/setup-vscode-runtime.sh`);
      assert.ok(deps < runtime, `npm run ${name}: dependencies first, then the runtime`);
    }
  });
});
