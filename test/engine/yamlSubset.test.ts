/**
 * The one-pass frontmatter reader (server/src/engine/yamlSubset.ts) must agree with the YAML
 * library wherever it answers: same tree, same offsets, and only on text the library reads
 * without a single error. It may decline anything; these tests also prove it does not decline
 * the everyday frontmatter it exists for (else the speed-up silently disappears).
 */
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYamlText } from '../../server/src/engine/frontmatter';
import { parseYamlSubset } from '../../server/src/engine/yamlSubset';
import { article } from '../../bench/archive';
import { builtinTemplates } from '../../server/src/engine/templates/builtins';
import { fillDefaults } from '../../server/src/engine/templates/snippetSyntax';
import { newsroomVariables } from '../../server/src/engine/templates/variables';
import { FIXTURES, markdownFiles, ROOT } from './helpers';

const BUILTINS = builtinTemplates(JSON.parse(readFileSync(join(ROOT, 'snippets', 'news.code-snippets'), 'utf8')) as unknown);

/** The YAML between the first two `---` lines, or undefined. */
function frontmatterOf(text: string): string | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)^---[ \t]*$/m.exec(text);
  return m ? m[1] : undefined;
}

/** Both readers on `yaml`; asserts agreement when the subset reader answers. Returns whether it did. */
function agree(yaml: string, label: string): boolean {
  const fast = parseYamlSubset(yaml, 0);
  if (fast === undefined) return false;
  const slow = parseYamlText(yaml, { subset: false });
  assert.deepEqual(slow.problems, [], `${label}: the subset reader accepted YAML the library has problems with:\n${yaml}`);
  assert.deepEqual(fast, slow.root, `${label}: trees differ for:\n${yaml}`);
  return true;
}

describe('yaml subset reader', () => {
  test('agrees with the library on every fixture frontmatter, and reads the everyday ones itself', (t: TestContext) => {
    const files = [...markdownFiles(join(FIXTURES, 'articles')), ...markdownFiles(join(FIXTURES, 'rules')), ...markdownFiles(join(ROOT, 'examples'))];
    let seen = 0;
    let read = 0;
    for (const f of files) {
      const yaml = frontmatterOf(readFileSync(f, 'utf8'));
      if (yaml === undefined) continue;
      seen++;
      if (agree(yaml, f)) read++;
    }
    t.diagnostic(`yaml subset: ${read} of ${seen} fixture frontmatters read by the subset reader, all equal to the library's`);
    assert.ok(seen > 100, `only ${seen} fixtures with frontmatter`);
    // Fixtures exist to exercise odd YAML, yet most are everyday shapes.
    assert.ok(read / seen > 0.6, `the subset reader declined too many fixtures: ${read}/${seen}`);
  });

  test('reads every generated archive article itself (the benchmark shape)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const yaml = frontmatterOf(article(seed));
      assert.ok(yaml !== undefined);
      assert.ok(agree(yaml, `archive article ${seed}`), `declined archive article ${seed}:\n${yaml}`);
    }
  });

  test('reads every built-in template filled with its defaults', () => {
    assert.ok(BUILTINS.length >= 8);
    for (const t of BUILTINS) {
      const vars = newsroomVariables({ now: new Date('2025-06-02T15:00:00Z'), timeZone: 'Asia/Riyadh' });
      const yaml = frontmatterOf(fillDefaults(t.body, vars));
      assert.ok(yaml !== undefined, t.id);
      assert.ok(agree(yaml, t.id), `declined template ${t.id}:\n${yaml}`);
    }
  });

  test('CRLF frontmatter gives the same tree shape at CRLF offsets', () => {
    const lf = 'title: خبر\nsources:\n  - name: واس\n    type: agency\ntags: [a, "b c"]\n';
    assert.ok(agree(lf, 'lf'));
    assert.ok(agree(lf.replace(/\n/g, '\r\n'), 'crlf'));
  });

  test('declines what it does not fully understand', () => {
    const declined = [
      'title: a # comment',
      '# comment\ntitle: a',
      'title: |\n  block',
      'title: &a x\nb: *a',
      'title: !!js/function x',
      'count: 5',
      'draft: true',
      'title: ~',
      'title: "escaped \\" quote"',
      'title: a\n  continued',
      'title:\ttab',
      'meta: {a: b}',
      'title: a: b',
      'tags: [a,\n  b]',
      '"title": a',
      '- a\n- b',
      '  title: a',
      'title: x\n   bad: indent',
      'title: [a] tail',
    ];
    for (const yaml of declined) assert.equal(parseYamlSubset(yaml, 0), undefined, JSON.stringify(yaml));
  });

  // Lines assembled from pieces that are valid, nearly valid and plainly wrong YAML; where the
  // subset reader answers, the library must have read the same thing without complaint.
  const KEYS = ['title', 'date', 'sources', 'name', 'url', 'tags', 'true', 'a-b', 'x_1', 'قسم', '"q"', 'k k'];
  const VALUES = [
    'خبر عاجل',
    'https://example.com/a?b=c#d',
    '2025-06-02T18:00:00+03:00',
    '"مقتبس"',
    "'it''s'",
    '"',
    "'",
    '[a, b]',
    '[]',
    '[ "x, y" , z ]',
    '[a,]',
    '[a, [b]]',
    '12',
    '1.5e3',
    'null',
    '~',
    'a: b',
    'a #b',
    'a#b',
    'x:',
    '-x',
    '- x',
    '?x',
    ':x',
    '@x',
    '`x`',
    '%x',
    '&x y',
    '*x',
    '!x y',
    '{a: 1}',
    '|',
    '>',
    'ok  spaced',
    '\u200Frtl',
    'emoji 📰',
    '"a\\nb"',
    '',
    ' ',
  ];
  const INDENTS = ['', ' ', '  ', '    ', '   '];
  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([i, k, v]) => `${i}${k}: ${v}`),
    fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...KEYS)).map(([i, k]) => `${i}${k}:`),
    fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...VALUES)).map(([i, v]) => `${i}- ${v}`),
    fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([i, k, v]) => `${i}- ${k}: ${v}`),
    fc.constantFrom('', '   ', '-', '# c', '\t- x'),
  );

  // Well-formed documents (fields, nested fields, lists of values and of fields, at varied
  // indentation) with, now and then, one line replaced by any of the pieces above.
  const mostly = <T,>(good: readonly T[], all: readonly T[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 19 }, { arbitrary: fc.constantFrom(...all), weight: 1 });
  const GOOD_VALUES = ['خبر عاجل', 'https://example.com/a?b=c#d', '2025-06-02T18:00:00+03:00', '"مقتبس"', "'it''s'", 'ok  spaced', '\u200Frtl', 'emoji 📰', 'a#b'];
  const scalar = mostly(GOOD_VALUES, VALUES.filter((v) => !/^[[{|>]/.test(v)));
  const inlineValue = mostly([...GOOD_VALUES, '[a, b]', '[]', '[ "x, y" , z ]'], VALUES);
  const key = mostly(['title', 'date', 'sources', 'name', 'url', 'tags', 'a-b', 'x_1'], KEYS);
  const step = fc.constantFrom(1, 2, 4);
  type Block = (indent: number) => fc.Arbitrary<string[]>;
  const fields: Block = (indent) =>
    fc.array(
      fc.oneof(
        fc.tuple(key, inlineValue).map(([k, v]) => [`${' '.repeat(indent)}${k}: ${v}`]),
        fc.tuple(key, step, fc.boolean(), fc.array(fc.oneof(scalar.map((v) => ({ v })), fc.tuple(key, scalar, key, scalar)), { minLength: 1, maxLength: 3 })).map(
          ([k, s, compact, items]) => {
            const at = compact ? indent : indent + s;
            const out = [`${' '.repeat(indent)}${k}:`];
            for (const item of items) {
              if ('v' in item) out.push(`${' '.repeat(at)}- ${item.v}`);
              else {
                out.push(`${' '.repeat(at)}- ${item[0]}: ${item[1]}`);
                out.push(`${' '.repeat(at + 2)}${item[2]}: ${item[3]}`);
              }
            }
            return out;
          },
        ),
        fc.tuple(key, step, key, scalar).map(([k, s, k2, v]) => [`${' '.repeat(indent)}${k}:`, `${' '.repeat(indent + s)}${k2}: ${v}`]),
        fc.tuple(key).map(([k]) => [`${' '.repeat(indent)}${k}:`]),
        fc.constant(['']),
      ),
      { minLength: 1, maxLength: 8 },
    ).map((parts) => parts.flat());
  const document = fc.tuple(fields(0), fc.option(fc.tuple(fc.nat(), line), { freq: 2 })).map(([lines, mutation]) => {
    if (mutation) lines[mutation[0] % lines.length] = mutation[1];
    return lines;
  });

  test('agrees with the library on generated frontmatter (fast-check, fixed seed)', (t: TestContext) => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(document, fc.array(line, { minLength: 1, maxLength: 12 })), fc.constantFrom('\n', '\r\n'), fc.boolean(), (lines, eol, trailing) => {
        runs++;
        const yaml = lines.join(eol) + (trailing ? eol : '');
        if (agree(yaml, 'generated')) accepted++;
      }),
      { seed: 424242, numRuns: 5000 },
    );
    t.diagnostic(`yaml subset: ${runs} generated frontmatters, ${accepted} read by the subset reader and equal to the library's`);
    assert.ok(accepted > 500, `the generator hardly reaches the subset (${accepted})`);
  });
});
