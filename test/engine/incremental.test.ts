/**
 * Linting after a keystroke with the previous lint at hand (`LintOptions.previous`): paragraphs the
 * change did not touch are taken from it, and what comes out is exactly what a fresh lint says.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, lint, type LintResult } from '../../server/src/engine';
import { attributions, dateExpressions } from '../../server/src/engine/arabic';
import { bodyTokens } from '../../server/src/engine/arabic/bodyTokens';
import { changeBetween } from '../../server/src/engine/previous';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const NOW = new Date('2026-01-15T10:00:00Z');

/** Everything the rules and the editor's hover read, in one comparable value. */
function view(r: LintResult): unknown {
  return {
    tokens: bodyTokens(r.document).map((t) => [t.start, t.end, t.raw]),
    attributions: attributions(r.document, r.config.registry),
    dates: dateExpressions(r.document, r.timeZone),
    diagnostics: r.diagnostics,
  };
}

/** A small seeded generator, so every run makes the same edits. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What writers type, and what changes the shape of the text: new paragraphs, list items, fences, dates, attributions. */
const TYPED = ['ن', ' ', '،', '.', '\n', '\n\n', '\n- ', '\n## ', '«', '»', '`', '\n```\n', ' قال ', ' بحسب ', ' أمس ', ' الخميس 5 يونيو 2025 ', ' (رويترز) - ', ' في تصريح خاص ', 'وأكد وزير الخارجية '];

function articles(): string[] {
  const out: string[] = [];
  for (const dir of ['articles', 'corpus']) {
    for (const name of fs.readdirSync(path.join(FIXTURES, dir)).sort()) if (name.endsWith('.md')) out.push(path.join(FIXTURES, dir, name));
  }
  return out;
}

describe('linting with the previous lint', () => {
  test('gives what a fresh lint gives, over every fixture article and 16 edits each', () => {
    const files = articles();
    assert.ok(files.length >= 20, `fixture articles found: ${files.length}`);
    const config = defaultConfig();
    const next = random(7);
    let compared = 0;
    for (const file of files) {
      let text = fs.readFileSync(file, 'utf8');
      let previous = lint(text, { config, now: NOW, locale: 'ar', incremental: true });
      for (let k = 0; k < 16; k++) {
        const at = Math.floor(next() * text.length);
        text = next() < 0.25 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3)) : text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
        const incremental = lint(text, { config, now: NOW, locale: 'ar', previous, incremental: true });
        const fresh = lint(text, { config, now: NOW, locale: 'ar' });
        assert.deepEqual(view(incremental), view(fresh), `${path.basename(file)}, edit ${k + 1} at ${at}`);
        previous = incremental;
        compared++;
      }
    }
    assert.equal(compared, files.length * 16);
  });

  const ARTICLE = [
    '---',
    'title: "اجتماع وزاري"',
    'date: 2025-06-02T10:00:00+03:00',
    '---',
    '',
    'قال وزير الخارجية إن الاجتماع انعقد أمس الأحد في الرياض.',
    '',
    'وأضاف مصدر مطلع أن الجولة المقبلة في 9 يونيو 2025.',
    '',
    'بحسب رويترز، ارتفعت الأسعار.',
    '',
  ].join('\n');
  const config = defaultConfig();

  test('takes the untouched paragraphs from it instead of reading them again', () => {
    const before = lint(ARTICLE, { config, now: NOW, incremental: true });
    const edited = ARTICLE.replace('ارتفعت الأسعار', 'ارتفعت أسعار النفط');
    const after = lint(edited, { config, now: NOW, previous: before, incremental: true });
    // The first paragraph's words and attribution are the very objects found before.
    assert.equal(bodyTokens(after.document)[0], bodyTokens(before.document)[0]);
    assert.equal(attributions(after.document)[0], attributions(before.document)[0]);
    assert.notEqual(attributions(after.document).at(-1), attributions(before.document).at(-1));
    assert.deepEqual(view(after), view(lint(edited, { config, now: NOW })));
  });

  test('keeps nothing per paragraph for a lint that is not incremental (a CLI run)', () => {
    const before = lint(ARTICLE, { config, now: NOW });
    const after = lint(ARTICLE.replace('ارتفعت الأسعار', 'ارتفعت أسعار النفط'), { config, now: NOW, previous: before, incremental: true });
    assert.notEqual(attributions(after.document)[0], attributions(before.document)[0]);
    assert.deepEqual(attributions(after.document)[0], attributions(before.document)[0]);
  });

  test('reads everything again when the frontmatter or the config changed', () => {
    const before = lint(ARTICLE, { config, now: NOW, incremental: true });
    const retitled = lint(ARTICLE.replace('اجتماع وزاري', 'اجتماع'), { config, now: NOW, previous: before });
    assert.notEqual(bodyTokens(retitled.document)[0], bodyTokens(before.document)[0]);
    const reconfigured = lint(ARTICLE, { config: defaultConfig(), now: NOW, previous: before });
    assert.notEqual(bodyTokens(reconfigured.document)[0], bodyTokens(before.document)[0]);
  });

  test('takes the typography findings of untouched paragraphs from it, moved with the text', () => {
    const defects = [
      '---',
      'title: "اجتماع وزاري"',
      'date: 2025-06-02T10:00:00+03:00',
      'sources:',
      '  - وزارة الخارجية',
      '---',
      '',
      'أقر المجلس في الإجتماع خطة  جديدة في2025.',
      '',
      '???? تأهل المنتخب إلى المباراة النهائية.',
      '',
      'ارتفع خام برنت إلى \u202B82.5 دولار\u202C للبرميل.',
      '',
      'وقال الوزير إن الخطة تبدأ في28 يونيو،ثم  تتوسع.',
      '',
    ].join('\n');
    const rules = ['double-space', 'missing-space', 'hamza-common-error', 'mojibake', 'bidi-control'];
    const of = (r: LintResult) => r.diagnostics.filter((d) => rules.includes(d.rule));
    const before = lint(defects, { config, now: NOW, incremental: true });
    assert.deepEqual([...new Set(of(before).map((d) => d.rule))].sort(), [...rules].sort());
    // A letter typed in the third paragraph: the first two come before it, the last after it.
    const at = defects.indexOf('للبرميل');
    const edited = defects.slice(0, at) + 'ن' + defects.slice(at);
    const after = lint(edited, { config, now: NOW, previous: before, incremental: true });
    assert.deepEqual(after.diagnostics, lint(edited, { config, now: NOW }).diagnostics);
    const third = defects.indexOf('ارتفع خام');
    const last = defects.indexOf('وقال الوزير');
    for (const d of of(before)) {
      const same = of(after).find((x) => x.rule === d.rule && x.start === (d.start < at ? d.start : d.start + 1));
      assert.ok(same, `${d.rule} at ${d.start} is still found`);
      // In a paragraph before the edited one: the very fix reported last time; after it: moved by the letter typed.
      if (d.start < third && d.fix) assert.equal(same.fix, d.fix, `${d.rule} at ${d.start} taken as it was`);
      if (d.start >= last && d.fix) assert.deepEqual(same.fix!.edits, d.fix.edits.map((e) => ({ ...e, start: e.start + 1, end: e.end + 1 })));
    }
  });

  test('takes the frontmatter as read last time after a keystroke in the body, and reads it again when the block or its closing line changed', () => {
    const before = lint(ARTICLE, { config, now: NOW, incremental: true });
    assert.ok(before.document.frontmatter?.root);
    const inBody = ARTICLE.replace('ارتفعت الأسعار', 'ارتفعت أسعار النفط');
    assert.equal(lint(inBody, { config, now: NOW, previous: before }).document.frontmatter, before.document.frontmatter);
    const close = ARTICLE.indexOf('\n---\n') + 1;
    // Edited: a value, a field added on the line before the closing one, the closing line itself (`---x` no longer closes).
    for (const edited of [ARTICLE.replace('اجتماع وزاري', 'اجتماع'), ARTICLE.slice(0, close) + 'section: سياسة\n' + ARTICLE.slice(close), ARTICLE.slice(0, close + 3) + 'x' + ARTICLE.slice(close + 3)]) {
      const after = lint(edited, { config, now: NOW, previous: before });
      assert.notEqual(after.document.frontmatter, before.document.frontmatter);
      assert.deepEqual(after.document.frontmatter, lint(edited, { config, now: NOW }).document.frontmatter);
      assert.deepEqual(after.diagnostics, lint(edited, { config, now: NOW }).diagnostics);
    }
    // A frontmatter closed on the very last line, with no break after it: text typed after `---` could end the block there or not.
    const unterminated = ARTICLE.slice(0, close + 3);
    const last = lint(unterminated, { config, now: NOW, incremental: true });
    assert.ok(last.document.frontmatter?.root);
    const typed = lint(unterminated + 'x', { config, now: NOW, previous: last });
    assert.notEqual(typed.document.frontmatter, last.document.frontmatter);
    assert.equal(typed.document.frontmatter?.closeStart, -1);
  });

  test('does not keep the previous document once the lint is done', () => {
    const before = lint(ARTICLE, { config, now: NOW, incremental: true });
    const after = lint(ARTICLE + 'سطر جديد.\n', { config, now: NOW, previous: before, incremental: true });
    assert.equal(after.document.previous, undefined);
    assert.equal(after.document.incremental, undefined);
    for (const value of after.document.memo.values()) assert.notEqual(value, before.document);
  });
});

describe('changeBetween', () => {
  const cases: [string, string, { start: number; oldEnd: number; newEnd: number; delta: number }][] = [
    ['abc', 'abc', { start: 3, oldEnd: 3, newEnd: 3, delta: 0 }],
    ['abc', 'abxc', { start: 2, oldEnd: 2, newEnd: 3, delta: 1 }],
    ['abxc', 'abc', { start: 2, oldEnd: 3, newEnd: 2, delta: -1 }],
    ['aaa', 'aaaa', { start: 3, oldEnd: 3, newEnd: 4, delta: 1 }],
    ['', 'نص', { start: 0, oldEnd: 0, newEnd: 2, delta: 2 }],
    ['قال الوزير', 'قالت الوزيرة', { start: 3, oldEnd: 10, newEnd: 12, delta: 2 }],
  ];
  for (const [before, after, expected] of cases) test(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => assert.deepEqual(changeBetween(before, after), expected));

  test('long texts, compared in runs, find the same change as character by character', () => {
    const base = 'قال الوزير إن الاجتماع انعقد. '.repeat(400);
    for (const at of [0, 1, 255, 256, 257, 1000, base.length - 1, base.length]) {
      const after = base.slice(0, at) + 'ن' + base.slice(at);
      const change = changeBetween(base, after);
      assert.equal(base.slice(0, change.start) + after.slice(change.start, change.newEnd) + base.slice(change.oldEnd), after);
      assert.equal(change.newEnd - change.start, 1 + (change.oldEnd - change.start));
    }
  });
});
