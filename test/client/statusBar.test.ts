/**
 * The status bar item for the active article: the worst severity's icon and the number of
 * problems, the words and the reading time, in the writer's language; the tooltip's breakdown.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleSummary } from '../../server/src/engine/desk';
import { statusBarText, statusBarTooltip } from '../../client/src/newsroom/labels';

function summary(o: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    title: 'ارتفاع أسعار الذهب',
    status: 'draft',
    section: null,
    words: 1240,
    readingMinutes: 6,
    counts: { errors: 0, warnings: 3, infos: 0 },
    badges: { sourcesMissing: false, dateMissing: false, dateBroken: false },
    checklist: [],
    ...o,
  };
}

describe('status bar: text', () => {
  test('problems, words and reading time', () => {
    assert.equal(statusBarText(summary(), 'en'), '$(warning) 3  ·  1,240 words · 6 min');
    // Marked right to left, so that the numbers stay before their nouns on VS Code's left-to-right bar.
    assert.equal(statusBarText(summary(), 'ar'), '$(warning) 3  ·  \u200E\u200F1,240 كلمةً · 6 د');
  });

  test('the icon is the worst severity; the number counts every problem', () => {
    assert.match(statusBarText(summary({ counts: { errors: 1, warnings: 2, infos: 4 } }), 'en'), /^\$\(error\) 7 /);
    assert.match(statusBarText(summary({ counts: { errors: 0, warnings: 0, infos: 2 } }), 'en'), /^\$\(info\) 2 /);
    assert.match(statusBarText(summary({ counts: { errors: 0, warnings: 0, infos: 0 } }), 'en'), /^\$\(check\) 0 /);
  });

  test('an empty body: no reading time; one word, two words in Arabic', () => {
    assert.equal(statusBarText(summary({ words: 0, readingMinutes: 0 }), 'en'), '$(warning) 3  ·  0 words');
    assert.equal(statusBarText(summary({ words: 1, readingMinutes: 1 }), 'ar'), '$(warning) 3  ·  \u200E\u200Fكلمة واحدة · 1 د');
    assert.equal(statusBarText(summary({ words: 2, readingMinutes: 1 }), 'ar'), '$(warning) 3  ·  \u200E\u200Fكلمتان · 1 د');
  });
});

describe('status bar: tooltip', () => {
  test('the breakdown: headline, counts by severity, length and reading time, what a click does', () => {
    const tip = statusBarTooltip(summary({ counts: { errors: 2, warnings: 1, infos: 0 } }), 'en').split('\n\n');
    assert.deepEqual(tip, [
      '**ارتفاع أسعار الذهب**',
      '2 errors · 1 warning',
      '1,240 words · about 6 minutes of reading',
      'Click to show the Problems panel.',
    ]);
  });

  test('in Arabic, with the badges', () => {
    const tip = statusBarTooltip(summary({ badges: { sourcesMissing: true, dateMissing: true, dateBroken: false } }), 'ar');
    assert.match(tip, /3 تحذيرات/);
    assert.match(tip, /نحو 6 دقائق من القراءة/);
    assert.match(tip, /\$\(book\) لا تذكر البيانات الوصفية المصادر/);
    assert.match(tip, /\$\(calendar\) لا تاريخ نشر للخبر/);
  });

  test('no headline: Untitled; a headline with Markdown is shown as written', () => {
    assert.match(statusBarTooltip(summary({ title: null }), 'en'), /^\*\*Untitled\*\*/);
    const tip = statusBarTooltip(summary({ title: '<img src=x> $(bug) **bold**' }), 'en');
    assert.ok(tip.startsWith('**\\<img src=x\\> \\$\\(bug\\) \\*\\*bold\\*\\***'), tip);
  });
});
