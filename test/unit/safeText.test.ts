import * as assert from 'assert';
import { MAX_SHOWN, markdownText, plainText, singleLine } from '../../src/core/display/safeText';

describe('Text from settings and the service is shown as text', () => {
  const hostile = 'Contoso $(pass-filled) Approved\nhttps://evil.example/x [click](command:rm) www.evil.example a@b.example **bold** <img src=x> | cell';

  it('markdown: no icon, link, autolink, markup or line break survives', () => {
    const md = markdownText(hostile);
    assert.doesNotMatch(md, /\$\(/, 'no theme icon');
    assert.doesNotMatch(md, /\n/, 'no line break');
    assert.doesNotMatch(md, /https?:\/\//, 'no autolink scheme');
    assert.doesNotMatch(md, /www\./, 'no www autolink');
    assert.doesNotMatch(md, /\]\(/, 'no link');
    assert.doesNotMatch(md, /[^\\][*<|@]/, 'markup characters are escaped');
  });

  it('plain text: no icon, no notification link, one line, the words kept', () => {
    const p = plainText(hostile);
    assert.doesNotMatch(p, /\$\(|\]\(|\n/);
    assert.match(p, /^Contoso \$\u200b\(pass-filled\) Approved https:\/\/evil/);
  });

  it('cuts absurd text to size with an ellipsis', () => {
    const s = singleLine('x'.repeat(1_000_000));
    assert.strictEqual(s.length, MAX_SHOWN);
    assert.ok(s.endsWith('…'));
  });

  it('1 MB of hostile text: every display function answers one short neutral line, fast', () => {
    const big = `${'[x](command:workbench.action.terminal.sendSequence) $(pass-filled) **b** <a href=x>y</a>\n'.repeat(12_000)}`.padEnd(1_000_000, 'x');
    const started = Date.now();
    for (const shown of [plainText(big), markdownText(big)]) {
      assert.ok(shown.length <= MAX_SHOWN * 2, `${shown.length}`);
      assert.doesNotMatch(shown, /\$\(|\]\(|\n/);
    }
    assert.ok(Date.now() - started < 200, `${Date.now() - started} ms`);
  });

  it('leaves ordinary names alone', () => {
    assert.strictEqual(plainText('Fabrikam School District'), 'Fabrikam School District');
    assert.strictEqual(singleLine('  Northwind \r\n Traders  '), 'Northwind Traders');
  });
});
