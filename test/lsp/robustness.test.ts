import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ARTICLE_NO_SOURCES, codes, open, serverForSuite } from './helpers';

function aliasBomb(): string {
  const lines = ['---', 'title: قنبلة', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = name;
  }
  lines.push('date: 2025-06-02T10:00:00+03:00', '---', '', 'نص', '');
  return lines.join('\n');
}

function binaryish(seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const pick = x % 7;
    // Control characters, NUL, lone surrogates, CR without LF, and YAML punctuation.
    s += pick === 0 ? '\u0000' : pick === 1 ? String.fromCharCode(0xd800 + (x % 0x800)) : pick === 2 ? '\r' : pick === 3 ? '-:[{&*!|>' [x % 9] : String.fromCharCode(x % 0x700);
  }
  return s;
}

const NASTY: Record<string, string> = {
  'deep-brackets.md': `---\ntitle: ${'['.repeat(20000)}\ndate: 2025-06-02T10:00:00+03:00\n---\n\nنص\n`,
  'js-frontmatter.md': '---js\nmodule.exports = { title: require("child_process").execSync("touch /tmp/muharrir-pwned") }\n---\n\nنص\n',
  'alias-bomb.md': aliasBomb(),
  'binary.md': '---\n' + binaryish(7, 3000) + '\n---\n' + binaryish(11, 3000),
  'unclosed.md': '---\ntitle: بلا نهاية\ndate: 2025-06-02\n',
  'tags.md': '---\ntitle: !!js/function "function(){}"\ndate: !!timestamp 2025-06-02\n---\n',
  'crlf-bom.md': '\uFEFF---\r\ntitle: خبر\r\ndate: 2025-06-02T10:00:00+03:00\r\nauthor: س\r\n---\r\n\r\nنص\r\n',
  'many-keys.md': '---\ntitle: x\n' + Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join('\n') + '\n---\n',
};

describe('one bad document never takes the server down', () => {
  const suite = serverForSuite();

  for (const [name, text] of Object.entries(NASTY)) {
    test(`${name}: diagnostics published, every request answered`, async () => {
      const uri = suite.ws.write(`articles/${name}`, text);
      open(suite.client, uri, text);
      const diagnostics = await suite.client.waitForDiagnostics(uri, () => true, 0, 10000);
      for (const d of diagnostics) {
        assert.equal(d.source, 'muharrir');
        assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, JSON.stringify(d.range));
      }
      const at = { line: 1, character: 3 };
      const range = { start: at, end: at };
      const answers = await Promise.all([
        suite.client.request('textDocument/completion', { textDocument: { uri }, position: at }),
        suite.client.request('textDocument/hover', { textDocument: { uri }, position: at }),
        suite.client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } }),
        suite.client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['source.fixAll.muharrir'] } }),
        suite.client.request('textDocument/documentSymbol', { textDocument: { uri } }),
        suite.client.request('textDocument/foldingRange', { textDocument: { uri } }),
      ]);
      assert.equal(answers.length, 6);
      assert.equal(suite.client.exited, undefined);
    });
  }

  test('the ---js frontmatter was reported, never executed', async () => {
    const uri = suite.ws.uriOf('articles/js-frontmatter.md');
    const diagnostics = suite.client.published(uri).at(-1)!.diagnostics;
    assert.ok(codes(diagnostics).includes('frontmatter-syntax'), JSON.stringify(codes(diagnostics)));
    assert.ok(!fs.existsSync('/tmp/muharrir-pwned'));
  });

  test('the alias bomb is refused as aliases, not expanded', async () => {
    const uri = suite.ws.uriOf('articles/alias-bomb.md');
    const diagnostics = suite.client.published(uri).at(-1)!.diagnostics;
    assert.ok(diagnostics.length > 0 && diagnostics.length < 200, `${diagnostics.length} diagnostics`);
  });

  test('a document over 5 MB gets one information diagnostic instead of a lint', async () => {
    const text = '---\ntitle: ضخم\n---\n' + 'ا'.repeat(5 * 1024 * 1024 + 10) + '\n';
    const uri = suite.ws.write('articles/huge.md', text);
    open(suite.client, uri, text);
    const diagnostics = await suite.client.waitForDiagnostics(uri, (d) => d.length > 0, 0, 20000);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'file-too-large');
    assert.equal(diagnostics[0].severity, 3);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.match(diagnostics[0].message, /5 MB/);
  });

  test('afterwards a normal article is still checked and the process is alive', async () => {
    const uri = suite.ws.write('articles/normal.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    const diagnostics = await suite.client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(codes(diagnostics).includes('sources-missing'));
    assert.equal(suite.client.exited, undefined);
    assert.equal(suite.client.proc.exitCode, null);
    assert.doesNotMatch(suite.client.stderr, /FATAL|heap out of memory/i);
  });
});
