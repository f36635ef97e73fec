import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { articleSummary, lint, WORDS_PER_MINUTE, type ArticleSummary, type ResolvedConfig } from '../../server/src/engine';
import { BASE_OPTIONS, configFromText } from './helpers';

/** Lints `text` and summarizes it the way the Newsroom view and the HTML report do. */
function desk(text: string, config?: ResolvedConfig): ArticleSummary {
  const result = lint(text, { ...BASE_OPTIONS, config });
  return articleSummary(result.document, result.diagnostics, config?.profile);
}

function checklist(s: ArticleSummary): Record<string, boolean> {
  return Object.fromEntries(s.checklist.map((c) => [c.id, c.ok]));
}

const READY = `---
title: وزير المالية يعلن موازنة العام المقبل
summary: الموازنة الجديدة تخفض العجز وترفع الإنفاق على التعليم.
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
section: اقتصاد
status: review
sources:
  - وكالة الأنباء الرسمية
  - name: مسؤول في وزارة المالية
    type: anonymous
    reason: غير مخوّل بالتصريح قبل إقرار الموازنة
---
أعلن وزير المالية موازنة عام 2026 في مؤتمر صحفي عقده في العاصمة.
`;

describe('articleSummary', () => {
  test('an article ready for the desk: its fields, every checklist item ticked, no badges', () => {
    const s = desk(READY);
    assert.equal(s.title, 'وزير المالية يعلن موازنة العام المقبل');
    assert.equal(s.status, 'review');
    assert.equal(s.section, 'اقتصاد');
    assert.deepEqual(s.counts, { errors: 0, warnings: 0, infos: 0 });
    assert.deepEqual(s.badges, { sourcesMissing: false, dateMissing: false, dateBroken: false });
    assert.deepEqual(checklist(s), { sources: true, date: true, summary: true, headline: true, anonymous: true });
    for (const item of s.checklist) {
      assert.ok(item.label.ar && item.label.en && item.label.ar !== item.label.en, `${item.id} is labelled in both languages`);
    }
  });

  test('words are the body prose only, and reading time is at 200 words a minute, rounded, at least one', () => {
    assert.equal(WORDS_PER_MINUTE, 200);
    const s = desk(READY);
    // أعلن وزير المالية موازنة عام 2026 في مؤتمر صحفي عقده في العاصمة: 12 words; the frontmatter is not counted.
    assert.equal(s.words, 12);
    assert.equal(s.readingMinutes, 1);
    const fenced = READY + '\n```\nكود لا يقرأه القارئ\n```\n';
    assert.equal(desk(fenced).words, 12, 'fenced code is not prose');
    const long = READY + '\n' + 'كلمة '.repeat(500) + '\n';
    assert.equal(desk(long).words, 512);
    assert.equal(desk(long).readingMinutes, 3, '512 words at 200 a minute round to 3');
    const empty = READY.slice(0, READY.indexOf('أعلن'));
    assert.equal(desk(empty).words, 0);
    assert.equal(desk(empty).readingMinutes, 0);
  });

  test('missing sources and date: badges and checklist come from sources-missing and date-missing', () => {
    const s = desk('---\ntitle: خبر\nauthor: سارة\n---\nنص الخبر.\n');
    assert.equal(s.badges.sourcesMissing, true);
    assert.equal(s.badges.dateMissing, true);
    assert.equal(s.badges.dateBroken, false);
    assert.equal(checklist(s).sources, false);
    assert.equal(checklist(s).date, false);
    assert.equal(s.counts.errors, 2, 'sources-missing and date-missing are errors');
    assert.equal(s.status, 'draft', 'no status is a draft (DESIGN §2)');
    assert.equal(s.section, null);
  });

  test('an impossible, an offset-less or an out-of-order date is a broken date', () => {
    const head = '---\ntitle: خبر\nauthor: سارة\nsources: [رويترز]\n';
    for (const dates of ['date: 2025-02-30T10:00:00+02:00', 'date: 2025-05-10 14:30', 'date: 2025-06-02T18:00:00+03:00\nupdated: 2025-06-01T18:00:00+03:00']) {
      const s = desk(`${head}${dates}\n---\nنص.\n`);
      assert.equal(s.badges.dateBroken, true, dates);
      assert.equal(s.badges.dateMissing, false, dates);
      assert.equal(checklist(s).date, false, dates);
    }
  });

  test('a body source the frontmatter does not list fails "sources listed"', () => {
    const s = desk(READY.replace('أعلن وزير المالية', 'ذكرت وكالة الأنباء الفرنسية أن وزير المالية أعلن'));
    assert.equal(s.badges.sourcesMissing, false, 'the list is there');
    assert.equal(checklist(s).sources, false);
  });

  test('headline and summary length follow field-type with the profile limits, and the labels say the limit', () => {
    const long = 'ا'.repeat(120);
    const s = desk(READY.replace('title: وزير المالية يعلن موازنة العام المقبل', `title: ${long}`));
    assert.deepEqual(checklist(s), { sources: true, date: true, summary: true, headline: false, anonymous: true });
    const headline = s.checklist.find((c) => c.id === 'headline')!;
    assert.match(headline.label.en, /110/);
    assert.match(headline.label.ar, /110/);

    const summary = desk(READY.replace(/^summary: .*$/m, `summary: ${'ب'.repeat(301)}`));
    assert.equal(checklist(summary).summary, false);
    assert.equal(checklist(summary).headline, true);

    // Diacritics and tatweel do not count (the rule's letterLength): 110 letters with marks stay within bounds.
    const marked = desk(READY.replace('title: وزير المالية يعلن موازنة العام المقبل', `title: ${'بَ'.repeat(110)}`));
    assert.equal(checklist(marked).headline, true);
  });

  test('the newsroom profile sets the limits: a tighter title limit fails a headline the default passes', () => {
    const { config } = configFromText('fields:\n  title:\n    maxLength: 20\n  summary:\n    required: true\n');
    const s = desk(READY, config);
    assert.equal(checklist(s).headline, false);
    assert.match(s.checklist.find((c) => c.id === 'headline')!.label.en, /within 20 letters/);
    const noSummary = desk(READY.replace(/^summary: .*\n/m, ''), config);
    assert.equal(checklist(noSummary).summary, false, 'a required summary that is missing is not within bounds');
    assert.equal(checklist(desk(READY.replace(/^summary: .*\n/m, ''))).summary, true, 'an optional summary may be absent');
  });

  test('a rule turned off passes its item: the checklist reads rule results, it does not re-check', () => {
    const long = READY.replace('title: وزير المالية يعلن موازنة العام المقبل', `title: ${'ا'.repeat(120)}`);
    const { config } = configFromText('rules:\n  field-type: off\n');
    assert.equal(checklist(desk(long, config)).headline, true);
  });

  test('anonymous sources: a phrase with no declared reason, or a declared anonymous source without a reason, fails', () => {
    const phrase = READY.replace(/  - name: مسؤول[\s\S]*?reason: .*\n/, '').replace('أعلن وزير المالية', 'قالت مصادر مطلعة إن وزير المالية أعلن');
    assert.equal(checklist(desk(phrase)).anonymous, false);

    const noReason = READY.replace(/^    reason: .*\n/m, '');
    const s = desk(noReason);
    assert.equal(checklist(s).anonymous, false);
    assert.equal(checklist(s).sources, true);

    // source-incomplete about something else (a bad link) is not an unjustified anonymous source.
    const badLink = READY.replace('  - وكالة الأنباء الرسمية', '  - name: وكالة الأنباء الرسمية\n    url: www.example.com');
    const bl = desk(badLink);
    assert.ok(lint(badLink, BASE_OPTIONS).diagnostics.some((d) => d.rule === 'source-incomplete'), 'the bad link is reported');
    assert.equal(checklist(bl).anonymous, true);
  });

  test('status: allowed values as written, anything else unknown (null)', () => {
    assert.equal(desk(READY.replace('status: review', 'status: published')).status, 'published');
    assert.equal(desk(READY.replace('status: review', 'status: Published')).status, null);
    assert.equal(desk(READY.replace('status: review', 'status: [a, b]')).status, null);
    const { config } = configFromText('fields:\n  status:\n    enum: [draft, ready]\n');
    assert.equal(desk(READY.replace('status: review', 'status: ready'), config).status, 'ready');
  });

  test('no or unreadable frontmatter: nothing can be confirmed, every metadata item fails', () => {
    const cases: [string, number][] = [
      ['# عنوان\n\nنص الخبر هنا.\n', 4],
      ['---\ntitle: "غير مغلق\ndate: x\n---\nنص الخبر هنا.\n', 3],
    ];
    for (const [text, words] of cases) {
      const s = desk(text);
      assert.equal(s.title, null);
      assert.equal(s.status, null);
      assert.deepEqual(s.badges, { sourcesMissing: true, dateMissing: true, dateBroken: false });
      assert.deepEqual(checklist(s), { sources: false, date: false, summary: false, headline: false, anonymous: false });
      assert.ok(s.counts.errors >= 1);
      assert.equal(s.words, words, 'the body is still read');
    }
  });

  test('counts follow severities: information and hints are infos', () => {
    // A double space is information; a relative date anchored by `date` is a hint.
    const s = desk(READY.replace('في مؤتمر صحفي', 'في  مؤتمر صحفي أمس'));
    assert.equal(s.counts.errors, 0);
    assert.equal(s.counts.infos, 2);
  });
});
