// The VSIX ships only what users need: the bundle, media, manifest, nls and l10n bundle, README, CHANGELOG, LICENSE, SECURITY.
// Reads the packaged file's own listing (a VSIX is a zip) and vsce's view of what would ship.
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const vsix = path.join(root, 'artifacts', 'partner-center-qualifications.vsix');

/** Names in a zip's central directory. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLength = buf.readUInt16LE(offset + 28);
    const extra = buf.readUInt16LE(offset + 30);
    const comment = buf.readUInt16LE(offset + 32);
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extra + comment;
  }
  return names;
}

describe('VSIX contents', function () {
  this.timeout(60_000);
  it('holds only shipping files', () => {
    const names = zipEntries(vsix).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    assert.deepStrictEqual(names.filter((n) => /^(src|test|node_modules|out|\.ci|scripts)\//.test(n) || n.endsWith('.map') || n.endsWith('.ts')), []);
    for (const must of ['dist/extension.js', 'dist/start.js', 'dist/liveConnection.js', 'package.json', 'package.nls.json', 'l10n/bundle.l10n.json', 'media/icon.png', 'media/partner-center.svg', 'readme.md', 'changelog.md', 'LICENSE.txt', 'SECURITY.md']) {
      assert.ok(names.includes(must), `${must} ships (have: ${names.join(', ')})`);
    }
    assert.ok(fs.statSync(vsix).size < 1024 * 1024, 'VSIX under 1 MB');
  });

  it('vsce ls agrees: no sources, tests, dependencies or source maps', () => {
    const out = cp.execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('dist/extension.js'), out);
    assert.deepStrictEqual(files.filter((f) => /^(src|test|node_modules|out)\//.test(f) || f.endsWith('.map')), []);
  });

  it('the shipped bundles are minified and have no source map reference', () => {
    for (const file of fs.readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.js'))) {
      const bundle = fs.readFileSync(path.join(root, 'dist', file), 'utf8');
      assert.doesNotMatch(bundle, /sourceMappingURL/, file);
      // minified: long lines, no indentation (the few line breaks left are inside template strings)
      assert.ok(bundle.length / bundle.split('\n').length > 300, `${file} minified`);
      assert.doesNotMatch(bundle, /\n {4}[a-z]/, file);
    }
  });

  it('activation loads neither MSAL nor undici, nor the rest of the extension: each is its own lazily required bundle', () => {
    const read = (file) => fs.readFileSync(path.join(root, 'dist', file), 'utf8');
    const [main, start, live] = ['extension.js', 'start.js', 'liveConnection.js'].map(read);
    for (const [name, bundle] of [['extension.js', main], ['start.js', start]]) assert.doesNotMatch(bundle, /msal-node|ConfidentialClientApplication|EnvHttpProxyAgent/, name);
    assert.match(live, /ConfidentialClientApplication/);
    assert.match(main, /require\("\.\/start\.js"\)/, 'activation requires the rest of the extension lazily');
    assert.ok(main.length < 8 * 1024, `the activation bundle stays small (${main.length} bytes)`);
    assert.match(start, /require\("\.\/liveConnection\.js"\)/);
  });
});
