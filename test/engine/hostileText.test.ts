/**
 * Hostile bodies through the whole lint: megabytes on one line, walls of one mark, invisible
 * controls. None may throw or lose a rule to an internal error, every diagnostic must lie inside
 * the document, and what the writer sees must still make sense: the problems after the wall are
 * found at their place, and a flood of one problem is listed up to the cap with one summary.
 * (How long each takes is the benchmark's business, not this test's.)
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type EngineDiagnostic, type LintResult } from '../../server/src/engine';
import { MAX_REPORTS_PER_RULE } from '../../server/src/engine/lint';
import { BASE_OPTIONS } from './helpers';

const FRONTMATTER = '---\ntitle: خبر\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء السعودية\n---\n\n';

/** Lints the text and checks what must hold for any input: no crash, every range inside the text and right. */
function lintHostile(body: string, frontmatter = FRONTMATTER): LintResult & { text: string } {
  const text = frontmatter + body;
  const result = lint(text, BASE_OPTIONS);
  assert.deepEqual(result.internalErrors.map((e) => `${e.rule}: ${e.error.split('\n')[0]}`), []);
  const { lines } = result.document;
  for (const d of result.diagnostics) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${d.rule} at ${d.start}-${d.end}`);
    assert.deepEqual(d.range, lines.rangeOf(d.start, d.end), `${d.rule}: its range is its offsets`);
    for (const e of d.fix?.edits ?? []) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${d.rule} fix at ${e.start}-${e.end}`);
  }
  return { ...result, text };
}

function ofRule(r: LintResult, rule: string): EngineDiagnostic[] {
  return r.diagnostics.filter((d) => d.rule === rule);
}

/** The flagged text of each diagnostic of a rule. */
function flagged(r: LintResult & { text: string }, rule: string): string[] {
  return ofRule(r, rule).map((d) => r.text.slice(d.start, d.end));
}

/** A flood is listed up to the cap, then one diagnostic says how many more there are. */
function assertCapped(r: LintResult, rule: string, total: number): void {
  const list = ofRule(r, rule);
  assert.equal(list.length, MAX_REPORTS_PER_RULE + 1, `${rule}: ${list.length} diagnostics`);
  const summaries = list.filter((d) => !d.fix && /more .* not listed/.test(d.messages.en));
  assert.equal(summaries.length, 1, `${rule}: one summary`);
  assert.match(summaries[0].messages.en, new RegExp(`^${total - MAX_REPORTS_PER_RULE} more ${rule} problems`));
  assert.match(summaries[0].messages.ar, new RegExp(`${total - MAX_REPORTS_PER_RULE}`));
}

describe('hostile bodies', () => {
  test('a single 5,000,000-letter word: read as no word of any table, and the words after it keep their places', () => {
    const r = lintHostile('ب'.repeat(5_000_000) + ' وعقد المجلس الإجتماع أمس.\n');
    assert.deepEqual(flagged(r, 'hamza-common-error'), ['الإجتماع']);
    assert.deepEqual(flagged(r, 'relative-date'), ['أمس']);
    assert.deepEqual(new Set(r.diagnostics.map((d) => d.rule)), new Set(['hamza-common-error', 'relative-date']));
  });

  test('a 5 MB line of Arabic prose: nothing to report in it, and a slip at its very end is found', () => {
    const unit = 'وأوضح المتحدث باسم الوزارة أن الحكومة ماضية في خطتها لتحسين الخدمات، مشيرا إلى أن المرحلة الأولى شملت المحافظات. ';
    const r = lintHostile(unit.repeat(Math.ceil(5_000_000 / unit.length)) + 'وعقد المجلس الإجتماع.\n');
    assert.deepEqual(r.diagnostics.map((d) => [d.rule, r.text.slice(d.start, d.end)]), [['hamza-common-error', 'الإجتماع']]);
    assert.equal(r.diagnostics[0].end, r.text.length - 2);
  });

  test('100,000 short «quotes» are names, not speech; an unattributed quote after them is still reported', () => {
    const quote = '«لا أحد يعرف متى تنتهي الأزمة»';
    const r = lintHostile('أطلقت الحملات ' + '«نعم» '.repeat(100_000) + 'في المدينة.\n\n' + quote + '.\n');
    assert.deepEqual(flagged(r, 'quote-unattributed'), [quote]);
  });

  test('100,000 Latin commas in Arabic text: the first ones listed with their fixes, the rest counted', () => {
    const r = lintHostile('الحكومة, '.repeat(100_000) + 'انتهى\n');
    assertCapped(r, 'arabic-punctuation', 100_000);
    const listed = ofRule(r, 'arabic-punctuation').filter((d) => d.fix);
    assert.ok(listed.every((d) => r.text.slice(d.start, d.end) === ',' && d.fix!.edits[0].newText === '\u060C'));
  });

  test('100,000 straight double quotes: empty quotes say nothing, and the paragraph after them is read', () => {
    const r = lintHostile('قال الوزير ' + '"'.repeat(100_000) + '\n\nانطلقت فعاليــات المهرجان.\n');
    assert.deepEqual(flagged(r, 'quote-unattributed'), []);
    assert.deepEqual(flagged(r, 'tatweel'), ['فعاليــات']);
  });

  test('50,000 lines of «قال مصدر مطلع»: one report per unnamed source up to the cap, then a count', () => {
    const r = lintHostile('قال مصدر مطلع إن الاجتماع «انتهى دون اتفاق».\n'.repeat(50_000));
    assertCapped(r, 'source-anonymous', 50_000);
    assert.ok(flagged(r, 'source-anonymous').every((t) => t === 'مصدر مطلع'));
  });

  test('a body full of bidi controls and U+FFFD: both reported, each report on the characters themselves', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    let body = '';
    for (let i = 0; i < 20_000; i++) body += `الحكومة${controls[i % controls.length]} و\uFFFD\uFFFD `;
    const r = lintHostile(body + '\n');
    assertCapped(r, 'bidi-control', 20_000);
    assertCapped(r, 'mojibake', 20_000);
    for (const d of ofRule(r, 'bidi-control').filter((x) => x.fix)) assert.match(r.text.slice(d.start, d.end), /^[\u202A-\u202E\u2066-\u2069]+$/);
    for (const d of ofRule(r, 'mojibake').slice(0, MAX_REPORTS_PER_RULE)) assert.equal(r.text.slice(d.start, d.end), '\uFFFD\uFFFD');
  });

  test('1 MB of `?` is one run of lost characters, not a million questions', () => {
    const r = lintHostile('?'.repeat(1_000_000) + '\n');
    assert.deepEqual(r.diagnostics.map((d) => [d.rule, d.end - d.start]), [['mojibake', 1_000_000]]);
  });

  test('a 2 MB line of digits glued to letters: missing spaces listed up to the cap, the digits themselves consistent', () => {
    const r = lintHostile('12ب3ك'.repeat(400_000) + '\n');
    // A letter before a number may be a clitic («ب12», «ك3»); a letter after it is a word glued on: two per group.
    assertCapped(r, 'missing-space', 2 * 400_000);
    assert.deepEqual(flagged(r, 'mixed-digits'), []);
  });

  test('200,000 tatweel in one word: one report, whose fix leaves the plain word', () => {
    const r = lintHostile('قال إن ال' + 'ـ'.repeat(200_000) + 'كلام انتهى.\n');
    const [d] = ofRule(r, 'tatweel');
    assert.equal(ofRule(r, 'tatweel').length, 1);
    const edits = d.fix!.edits;
    let fixed = '';
    let at = d.start;
    for (const e of edits) {
      fixed += r.text.slice(at, e.start) + e.newText;
      at = e.end;
    }
    fixed += r.text.slice(at, d.end);
    assert.equal(fixed, 'الكلام');
  });
});
