/**
 * The seed corpus: two Arabic news pages as scraped from the web (defects and all), given frontmatter.
 * `*-complete.md` has good metadata, `*-broken.md` the mistakes real copy arrives with. The bodies
 * keep their own defects (repeated title, `28أبريل`, `إقرأ أيضاً`, lost emoji, comment-form text),
 * which the body rules must find in both.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { applyEdits, fixAll, lint } from '../../server/src/engine';
import { FIXTURES, ROOT, listFiles, lintFixture, loadFixture } from './helpers';
import { SOURCE_BODY_RULES } from '../../server/src/rules/sources';
import { DATE_BODY_RULES } from '../../server/src/rules/dates';
import { TYPOGRAPHY_RULES } from '../../server/src/rules/typography';

/** Rules that read the body: the metadata verdicts below leave them out. */
const BODY_RULES = new Set([...SOURCE_BODY_RULES, ...DATE_BODY_RULES, ...TYPOGRAPHY_RULES].map((r) => r.id));

const CORPUS = join(FIXTURES, 'corpus');
const SEEDS = ['lavrov-fidan-libya', 'libya-russia-foreign-ministry'];
/** Where the scraped pages live in the shared workspace; the check is skipped where it is absent. */
// Copies of ../shared/corpus/seeds, kept in the repo so a clean clone can check against them.
const SEED_DIR = join(ROOT, 'test', 'fixtures', 'corpus', 'seeds');

describe('seed corpus', () => {
  test('each seed has a complete and a broken article, each with its expectations', () => {
    for (const seed of SEEDS) {
      for (const kind of ['complete', 'broken']) {
        assert.ok(existsSync(join(CORPUS, `${seed}-${kind}.md`)), `${seed}-${kind}.md`);
        assert.ok(existsSync(join(CORPUS, `${seed}-${kind}.json`)), `${seed}-${kind}.json`);
      }
    }
  });

  for (const path of listFiles(CORPUS, '.md')) {
    const f = loadFixture(path);
    test(basename(path), () => {
      assert.deepEqual(lintFixture(f), f.expected);
      if (path.endsWith('-complete.md')) assert.deepEqual(f.expected!.filter((e) => !BODY_RULES.has(e.rule)), [], 'a complete article passes every metadata rule');
    });
  }

  test('the bodies are kept exactly as scraped', () => {
    for (const path of listFiles(CORPUS, '.md')) {
      const seed = SEEDS.find((s) => basename(path).startsWith(s + '-'))!;
      const scraped = readFileSync(join(SEED_DIR, `${seed}.txt`), 'utf8');
      const doc = lint(readFileSync(path, 'utf8')).document;
      assert.equal(doc.text.slice(doc.bodyStart).replace(/^\n/, ''), scraped, basename(path));
    }
  });

  test('the complete articles list the source named on the body’s المصدر: line', () => {
    const text = readFileSync(join(CORPUS, 'lavrov-fidan-libya-complete.md'), 'utf8');
    assert.match(text, /\nالمصدر: صحيفة المرصد الليبية$/m);
    assert.match(text, /^ {2}- name: صحيفة المرصد الليبية$/m);
  });

  test('the sources-missing fix on the broken article pre-fills the name from the المصدر: line', () => {
    const f = loadFixture(join(CORPUS, 'lavrov-fidan-libya-broken.md'));
    const d = lint(f.text, f.options).diagnostics.find((x) => x.rule === 'sources-missing');
    assert.ok(d?.fix, 'sources-missing offers a fix');
    assert.equal(d.fix.safe, true, 'a name taken from the article itself is a safe fix');
    assert.deepEqual(d.fix.edits.map((e) => e.newText), ['sources:\n  - name: صحيفة المرصد الليبية\n']);
    const fixed = applyEdits(f.text, d.fix.edits).text;
    assert.ok(fixed.includes('status: Published\nsources:\n  - name: صحيفة المرصد الليبية\n---\n'), 'the block goes just before the closing ---');
    assert.ok(!lint(fixed, f.options).diagnostics.some((x) => x.rule === 'sources-missing'));
  });

  test('fix-all on the broken article fixes what is safe and leaves the guesses to the writer', () => {
    const f = loadFixture(join(CORPUS, 'lavrov-fidan-libya-broken.md'));
    const fixed = fixAll(f.text, f.options).text;
    const left = lint(fixed, f.options).diagnostics.map((d) => [d.rule, fixed.slice(d.start, d.end)]);
    // The offset of a page dated "GMT" cannot be guessed from this machine's zone: that stays a question.
    assert.deepEqual(left.filter(([rule]) => !BODY_RULES.has(rule)), [['date-timezone', '2025-06-02 14:30']]);
    assert.match(fixed, /^status: published$/m);
    assert.equal(fixAll(fixed, f.options).text, fixed);
  });

  test('the page without a source line gets a blank source to fill in, never applied by fix-all', () => {
    const f = loadFixture(join(CORPUS, 'libya-russia-foreign-ministry-broken.md'));
    const d = lint(f.text, f.options).diagnostics.find((x) => x.rule === 'sources-missing');
    assert.equal(d?.fix?.safe, false);
    assert.deepEqual(d.fix.edits.map((e) => e.newText), ['sources:\n  - name: ""\n']);
    assert.ok(!fixAll(f.text, f.options).text.includes('sources:'));
  });
});

describe('seed corpus: the copy defects the typography and hygiene rules must find', () => {
  const found = (name: string, rule: string) =>
    lintFixture(loadFixture(join(CORPUS, name))).filter((d) => d.rule === rule).map((d) => d.text);
  const ALL = listFiles(CORPUS, '.md').map((p) => basename(p));
  const LAVROV = ALL.filter((n) => n.startsWith('lavrov-fidan-libya-'));
  const MINISTRY = ALL.filter((n) => n.startsWith('libya-russia-foreign-ministry-'));

  test('web-boilerplate: the comment form, «more from the author» and «read also» lines', () => {
    for (const n of MINISTRY) {
      assert.deepEqual(found(n, 'web-boilerplate'), [
        'المزيد من الكاتب',
        'اترك تعليقاً',
        'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
      ], n);
    }
    for (const n of LAVROV) assert.deepEqual(found(n, 'web-boilerplate'), ['إقرأ أيضاً:'], n);
  });

  test('missing-space on 28أبريل (and not on 2025م)', () => {
    for (const n of MINISTRY) assert.deepEqual(found(n, 'missing-space'), ['28أبريل'], n);
  });

  test('mojibake on every run of question marks where emoji were lost', () => {
    const scraped = readFileSync(join(SEED_DIR, 'lavrov-fidan-libya.txt'), 'utf8');
    const runs = [...scraped.matchAll(/\?+\uFE0F?/g)].map((m) => m[0]);
    assert.equal(runs.length, 8);
    for (const n of LAVROV) assert.deepEqual(found(n, 'mojibake'), runs, n);
  });

  test('duplicate-headline on the repeated title, wherever the body starts with it', () => {
    assert.deepEqual(found('lavrov-fidan-libya-broken.md', 'duplicate-headline'), ['مساعٍ دبلوماسية بين لافروف وفيدان لتطويق الأزمة الليبية']);
    assert.deepEqual(found('lavrov-fidan-libya-complete.md', 'duplicate-headline'), ['مساعٍ دبلوماسية بين لافروف وفيدان لتطويق الأزمة الليبية']);
    const title = 'أهمية وتعزيز العلاقات الليبية الروسية: دور محوري لوزارة الخارجية في دعم الاستقرار والتنمية';
    // The page pasted its headline twice: both copies go.
    assert.deepEqual(found('libya-russia-foreign-ministry-broken.md', 'duplicate-headline'), [title, title]);
    assert.deepEqual(found('libya-russia-foreign-ministry-complete.md', 'duplicate-headline'), [title, title]);
    // With unreadable YAML there is no title to compare with: the rule does not guess.
    assert.deepEqual(found('libya-russia-foreign-ministry-broken-yaml.md', 'duplicate-headline'), []);
  });

  test('hamza-common-error on إقرأ أيضاً', () => {
    for (const n of LAVROV) assert.deepEqual(found(n, 'hamza-common-error'), ['إقرأ'], n);
  });

  test('fix-all removes the repeated titles, adds the space and fixes the hamza; lost emoji and web text stay for the writer', () => {
    const f = loadFixture(join(CORPUS, 'libya-russia-foreign-ministry-complete.md'));
    const fixed = fixAll(f.text, f.options).text;
    const body = fixed.slice(fixed.indexOf('\n---\n', 4) + 5);
    assert.ok(body.startsWith('\n28 أبريل 2025م في خطوة'), JSON.stringify(body.slice(0, 40)));
    assert.equal(fixAll(fixed, f.options).text, fixed);
    const left = lint(fixed, f.options).diagnostics.filter((d) => TYPOGRAPHY_RULES.some((r) => r.id === d.rule));
    assert.deepEqual(left.map((d) => [d.rule, d.fix?.safe ?? null]), [
      ['web-boilerplate', false],
      ['web-boilerplate', false],
      ['web-boilerplate', false],
    ]);
    const lavrov = loadFixture(join(CORPUS, 'lavrov-fidan-libya-complete.md'));
    const fixedLavrov = fixAll(lavrov.text, lavrov.options).text;
    assert.ok(fixedLavrov.includes('\nاقرأ أيضاً:\n'));
    assert.equal((fixedLavrov.match(/\?\?\?\?/g) ?? []).length, 8, 'lost characters are never deleted by a fix');
  });
});
