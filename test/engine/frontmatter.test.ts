/**
 * What the frontmatter reader refuses (aliases, anchors, tags, other languages, bombs, deep nesting)
 * and where it points when a writer makes an ordinary YAML mistake.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, parseFrontmatter } from '../../server/src/engine';
import { BASE_OPTIONS } from './helpers';

const FIELDS = 'date: 2025-06-02T18:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - وكالة الأنباء السعودية\n';

function run(text: string) {
  const r = lint(text, BASE_OPTIONS);
  assert.deepEqual(r.internalErrors, []);
  return {
    all: r.diagnostics.map((d) => ({ rule: d.rule, line: d.range.start.line + 1, text: text.slice(d.start, d.end), message: d.message })),
    diagnostics: r.diagnostics,
  };
}

function syntax(text: string) {
  return run(text).all.filter((d) => d.rule === 'frontmatter-syntax');
}

/**
 * These inputs are built to make parsers hang or blow up. A hang fails the test through its
 * timeout; how fast they are read is measured by `npm run bench`, not asserted here.
 */
const HANG = { timeout: 30_000 };

describe('refused YAML features', () => {
  test('an anchor and an alias are reported and never expanded', () => {
    const text = `---\ntitle: &t مجلس الأمن يعقد جلسة طارئة\nsummary: *t\n${FIELDS}---\n`;
    assert.deepEqual(
      syntax(text).map((d) => [d.line, d.text]),
      [
        [2, '&t مجلس الأمن يعقد جلسة طارئة'],
        [3, '*t'],
      ],
    );
    const fm = parseFrontmatter(text, 0)!;
    const summary = fm.root!.entries.find((e) => e.key === 'summary')!;
    assert.equal(summary.value?.kind, 'alias', 'the alias stays an alias, its target is not copied in');
  });

  test('a tag such as !!js/function is refused as written, and nothing is evaluated', () => {
    (globalThis as Record<string, unknown>).__muharrirEvaluated = false;
    const text = `---\ntitle: !!js/function "function () { globalThis.__muharrirEvaluated = true }"\n${FIELDS}---\n`;
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[2, '!!js/function "function () { globalThis.__muharrirEvaluated = true }"']]);
    assert.match(found[0].message, /`!!js\/function`/);
    assert.equal((globalThis as Record<string, unknown>).__muharrirEvaluated, false);
    const title = parseFrontmatter(text, 0)!.root!.entries[0].value;
    assert.equal(title?.kind === 'scalar' && typeof title.value, 'string', 'the value is read as plain text');
  });

  test('custom tags and tags on keys are refused too', () => {
    const text = `---\ntitle: !include secrets.yaml\n!!str author: سارة\n${FIELDS.replace('author: سارة أحمد\n', '')}---\n`;
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [
      [2, '!include secrets.yaml'],
      [3, '!!str author'],
    ]);
  });

  test('`---js` frontmatter is reported on its opening line and not read at all', () => {
    const text = '---js\n{ title: require("fs").readFileSync("/etc/passwd", "utf8") }\n---\nنص\n';
    const r = run(text);
    assert.deepEqual(r.all.map((d) => [d.rule, d.line, d.text]), [['frontmatter-syntax', 1, '---js']]);
    const fm = parseFrontmatter(text, 0)!;
    assert.equal(fm.language, 'js');
    assert.equal(fm.root, null);
  });

  test('`---yaml` is YAML', () => {
    const text = `---yaml\ntitle: خبر\n${FIELDS}---\n`;
    assert.deepEqual(run(text).all, []);
  });

  test('unclosed frontmatter: frontmatter-syntax on line 1, and no guesses from the other rules', () => {
    const text = '---\ntitle: خبر\nauthor: سارة\n\nنص الخبر بلا سطر إغلاق.\n';
    assert.deepEqual(run(text).all.map((d) => [d.rule, d.line, d.text]), [['frontmatter-syntax', 1, '---']]);
  });

  test('20,000 nested [ give one "too deep" diagnostic, without crashing the process', HANG, () => {
    const text = `---\ntitle: ${'['.repeat(20_000)}\n---\nنص\n`;
    const found = run(text).all;
    assert.deepEqual(found.map((d) => [d.rule, d.line, d.text]), [['frontmatter-syntax', 2, '[']]);
    assert.match(found[0].message, /nested too deeply/);
  });

  test('deep block nesting is refused too', HANG, () => {
    const text = `---\n${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n`;
    const found = syntax(text);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /nested too deeply/);
  });

  test('a "billion laughs" alias bomb gives diagnostics and expands nothing', HANG, () => {
    let bomb = 'lol0: &lol0 ["ها", "ها", "ها", "ها", "ها", "ها", "ها", "ها", "ها"]\n';
    for (let i = 1; i < 10; i++) bomb += `lol${i}: &lol${i} [${Array(9).fill(`*lol${i - 1}`).join(', ')}]\n`;
    const text = `---\ntitle: ضحك\n${FIELDS}${bomb}---\n`;
    const r = run(text);
    const refused = r.all.filter((d) => d.rule === 'frontmatter-syntax');
    // A few of each kind say it; 81 would bury the editor.
    const listed = refused.filter((d) => !/more problems like this/.test(d.message));
    const aliases = listed.filter((d) => d.text.startsWith('*lol'));
    assert.equal(aliases.length, 5, 'the first aliases are reported where they are written');
    assert.equal(aliases[0].line, text.split('\n').findIndex((l) => l.startsWith('lol1:')) + 1, 'reported from the first alias on');
    assert.equal(listed.filter((d) => d.text.startsWith('&lol')).length, 5, 'the first anchors are reported');
    // And what is not listed is counted: 81 aliases, 5 listed.
    const more = refused.filter((d) => /more problems like this/.test(d.message)).map((d) => d.message);
    assert.ok(more.some((m) => m.startsWith('76 more problems like this one are not listed (5 of each kind are): YAML aliases')), more.join('\n'));
    assert.ok(JSON.stringify(parseFrontmatter(text, 0)).length < 100_000, 'the parsed form stays the size of the text');
  });

  test('a huge frontmatter is not parsed', HANG, () => {
    const text = `---\ntitle: خبر\nsummary: ${'ن'.repeat(300_000)}\n---\n`;
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[1, '---']]);
    assert.match(found[0].message, /larger than 256 KB/);
  });

  test('thousands of keys are all read and reported', HANG, () => {
    const text = `---\ntitle: خبر\n${FIELDS}${Array.from({ length: 3000 }, (_, i) => `extra${i}: قيمة`).join('\n')}\n---\n`;
    const r = run(text);
    assert.equal(r.all.filter((d) => d.rule === 'unknown-field').length, 3000);
  });

  test('frontmatter that is not a mapping is reported', () => {
    const text = '---\n- خبر\n- سارة\n---\nنص\n';
    assert.deepEqual(run(text).all.map((d) => [d.rule, d.line, d.text]), [['frontmatter-syntax', 2, '- خبر\n- سارة']]);
  });
});

describe('common YAML mistakes point at the line a writer would look at', () => {
  test('an unclosed double quote: the line where the quote opens, not the closing ---', () => {
    const text = `---\ntitle: "وزير الخارجية يلتقي نظيره التركي\n${FIELDS}---\nنص\n`;
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[2, '"وزير الخارجية يلتقي نظيره التركي']]);
    assert.match(found[0].message, /Close the quote/);
  });

  test('an unclosed single quote in a later field', () => {
    const text = `---\ntitle: خبر\nsummary: 'ملخص الخبر\n${FIELDS}---\n`;
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[3, "'ملخص الخبر"]]);
  });

  test('an unclosed quote inside a list item', () => {
    const text = `---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources:\n  - "وكالة الأنباء السعودية\n  - رويترز\n---\n`;
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[6, '"وكالة الأنباء السعودية']]);
  });

  test('an unclosed [ list: the line where it opens', () => {
    const text = `---\ntitle: خبر\ntags: [اقتصاد, نفط\n${FIELDS}---\n`;
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, '[اقتصاد, نفط']]);
    assert.match(found[0].message, /never closed/);
  });

  test('tab indentation: the line with the tab', () => {
    const text = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources:\n\t- رويترز\n---\n';
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[6, '\t- رويترز']]);
    assert.match(found[0].message, /spaces, not tabs/);
  });

  test('`key value` without a colon in the middle of the block: that line', () => {
    const text = '---\ntitle: خبر\nauthor سارة أحمد\ndate: 2025-06-02T18:00:00+03:00\nsources: [رويترز]\n---\n';
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, 'author سارة أحمد']]);
    assert.match(found[0].message, /colon missing/);
  });

  test('a field indented under the one above: the indented line', () => {
    const text = '---\ntitle: خبر\n  author: سارة\ndate: 2025-06-02T18:00:00+03:00\nsources: [رويترز]\n---\n';
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[3, 'author: سارة']]);
    assert.match(found[0].message, /indented more than the field above/);
  });

  test('a source key indented deeper than its siblings: that key', () => {
    const text = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources:\n- name: رويترز\n   url: https://www.reuters.com\n---\n';
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[7, 'url: https://www.reuters.com']]);
  });

  test('a missing colon inside a source: the source line', () => {
    const text = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources:\n  - name رويترز\n    url: https://www.reuters.com\n---\n';
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[6, 'name رويترز']]);
  });

  test('an unquoted value containing ": ": that value, with the advice to quote it', () => {
    const text = `---\ntitle: عاجل: زلزال يضرب جنوب تركيا\n${FIELDS}---\n`;
    const found = syntax(text);
    assert.deepEqual(found.map((d) => [d.line, d.text]), [[2, 'عاجل: زلزال يضرب جنوب تركيا']]);
    assert.match(found[0].message, /must be put in quotes/);
    const ar = lint(text, { ...BASE_OPTIONS, locale: 'ar' }).diagnostics[0].message;
    assert.match(ar, /بين علامتَي تنصيص/);
  });

  test('text after a closing quote', () => {
    const text = `---\ntitle: "قمة الرياض" تختتم أعمالها\n${FIELDS}---\n`;
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[2, 'تختتم أعمالها']]);
  });

  test('one mistake, one diagnostic: the parser’s follow-on complaints are not repeated', () => {
    const text = `---\ntitle: خبر\ntags: [اقتصاد]]\n${FIELDS}---\n`;
    assert.equal(syntax(text).length, 1);
  });

  test('the same mistakes in a CRLF file point at the same lines', () => {
    const text = `---\ntitle: "وزير الخارجية\n${FIELDS}---\n`.replace(/\n/g, '\r\n');
    assert.deepEqual(syntax(text).map((d) => [d.line, d.text]), [[2, '"وزير الخارجية']]);
  });

  test('broken YAML stops the field rules: the writer sees the syntax error alone', () => {
    const text = '---\ntitle: "خبر\n---\nنص\n';
    assert.deepEqual(run(text).all.map((d) => d.rule), ['frontmatter-syntax']);
  });
});
