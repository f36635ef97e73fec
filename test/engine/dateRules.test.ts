/** The body date rules' messages, severities and quick fixes (the fixtures check where they fire). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../server/src/engine';
import { BASE_OPTIONS, configFromText } from './helpers';

const article = (body: string, date = '2025-06-02T10:00:00+03:00') =>
  `---\ntitle: خبر\ndate: ${date}\nauthor: سارة أحمد\nsources:\n  - وكالة الأنباء السعودية\n---\n\n${body}\n`;

const MINE = new Set(['weekday-mismatch', 'hijri-mismatch', 'date-body-mismatch', 'relative-date']);
function run(text: string, options = BASE_OPTIONS) {
  return lint(text, options).diagnostics.filter((d) => MINE.has(d.rule));
}

describe('weekday-mismatch', () => {
  test('names the real weekday, in both languages, and offers it as a quick fix only', () => {
    const text = article('وعقد الاجتماع الخميس 4 ديسمبر 2024 في الرياض.');
    const [d] = run(text);
    assert.equal(d.rule, 'weekday-mismatch');
    assert.equal(text.slice(d.start, d.end), 'الخميس');
    assert.match(d.messages.en, /4 December 2024 is a Wednesday/);
    assert.match(d.messages.ar, /الأربعاء/);
    assert.equal(d.fix?.safe, false);
    assert.ok(applyEdits(text, d.fix!.edits).text.includes('الأربعاء 4 ديسمبر 2024'));
    assert.equal(fixAll(text, BASE_OPTIONS).text, text, 'fix-all leaves it to the writer');
  });

  test('a weekday with «و» before it: the fix keeps the «و»', () => {
    const text = article('اجتمع المجلس الثلاثاء 3 يونيو 2025 والخميس 4 ديسمبر 2024.');
    const [d] = run(text);
    assert.equal(text.slice(d.start, d.end), 'الخميس');
    assert.ok(applyEdits(text, d.fix!.edits).text.includes('والأربعاء 4 ديسمبر 2024'));
  });

  test('«اليوم» and «أمس» with a weekday are checked against `date` in the article’s zone', () => {
    // 00:40 in Riyadh on Thursday 5 June is still Wednesday in UTC.
    const text = article('وأعلنت الوزارة اليوم الأربعاء، بعد اجتماع أمس الأربعاء، خطتها.', '2025-06-05T00:40:00+03:00');
    const ds = run(text).filter((d) => d.rule === 'weekday-mismatch');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['الأربعاء']);
    assert.equal(ds[0].start, text.indexOf('الأربعاء'));
    assert.match(ds[0].messages.en, /today is Thursday 5 June 2025/);
  });

  test('a Hijri date alone allows a day either way; a Gregorian date does not', () => {
    assert.deepEqual(run(article('صلى المسلمون العيد الاثنين 1 شوال 1446هـ.')), []);
    assert.equal(run(article('صلى المسلمون العيد الثلاثاء 1 شوال 1446هـ.')).length, 1);
    assert.equal(run(article('صلى المسلمون العيد الاثنين 30 مارس 2025.')).length, 1);
  });

  test('no frontmatter: explicit dates are still checked, «اليوم الخميس» is not', () => {
    const ds = lint('وعقد الاجتماع الخميس 4 ديسمبر 2024. وقال اليوم الخميس إنه راض.\n', BASE_OPTIONS).diagnostics;
    assert.deepEqual(ds.filter((d) => MINE.has(d.rule)).map((d) => d.rule), ['weekday-mismatch']);
  });
});

describe('hijri-mismatch', () => {
  test('gives the Umm al-Qura equivalent of both sides and no fix', () => {
    const text = article('يقف الحجاج بعرفة يوم 9 ذو الحجة 1446هـ الموافق 7 يونيو 2025م.');
    const [d] = run(text);
    assert.equal(d.rule, 'hijri-mismatch');
    assert.equal(text.slice(d.start, d.end), '9 ذو الحجة 1446هـ الموافق 7 يونيو 2025م');
    assert.match(d.messages.en, /9 Dhu al-Hijjah 1446 AH is Thursday 5 June 2025/);
    assert.match(d.messages.en, /7 June 2025 is 11 Dhu al-Hijjah 1446 AH/);
    assert.match(d.messages.ar, /أم القرى/);
    assert.equal(d.fix, undefined);
  });
  test('one day apart is a month begun by sighting, not an error', () => {
    assert.deepEqual(run(article('عيد الفطر 1 شوال 1446هـ الموافق 31 مارس 2025م.')), []);
  });
});

describe('date-body-mismatch', () => {
  test('the dateline against `date` in the article’s zone; the message gives both days', () => {
    const text = article('الكويت، 2 يونيو (كونا) - أغلقت مراكز الاقتراع.', '2025-06-03T01:30:00+03:00');
    const [d] = run(text);
    assert.equal(d.rule, 'date-body-mismatch');
    assert.match(d.messages.en, /dateline gives Monday 2 June 2025, but the article’s date is Tuesday 3 June 2025 \(UTC\+03:00\)/);
  });
  test('the newsroom’s zone from .muharrir.yaml decides the day', () => {
    const text = article('القاهرة - 2 يونيو 2025 (رويترز) - قال مسؤول.', '2025-06-02T22:30:00+00:00');
    assert.deepEqual(run(text), [], 'by its own offset it is 2 June');
    const { config } = configFromText('timezone: Asia/Riyadh\n');
    assert.deepEqual(run(text, { ...BASE_OPTIONS, config }).map((d) => d.rule), ['date-body-mismatch'], 'in Riyadh it is 3 June');
  });
  test('«أمس الأحد 1 يونيو» is checked as yesterday', () => {
    assert.deepEqual(run(article('وقال أمس الأحد 1 يونيو إنه راض.')), []);
    const [d] = run(article('وقال أمس السبت 31 مايو إنه راض.'));
    assert.equal(d.rule, 'date-body-mismatch');
    assert.match(d.messages.en, /it is Sunday 1 June 2025/);
  });
});

describe('relative-date', () => {
  test('a hint with the day in both calendars, and the weekday as a quick fix', () => {
    const text = article('وكانت الوزارة قد أعلنت أمس أنها ستفتح باب التسجيل.');
    const [d] = run(text);
    assert.equal(d.severity, 'hint');
    assert.equal(d.messages.ar, '«أمس» = الأحد 1 يونيو 2025 / 5 ذو الحجة 1446هـ (محسوبًا من تاريخ النشر `date`).');
    assert.equal(d.messages.en, '«أمس» = Sunday 1 June 2025 / 5 Dhu al-Hijjah 1446 AH (counted from `date`).');
    assert.equal(d.fix?.safe, false);
    assert.ok(applyEdits(text, d.fix!.edits).text.includes('أعلنت أمس الأحد أنها'));
  });
  test('no quick fix where a weekday would not read naturally, or is already there', () => {
    for (const body of ['وقعت الحادثة الليلة الماضية.', 'قال أمس الأحد إنه راض.', 'ارتفعت الأسعار الأسبوع الماضي.', 'وصل بالأمس.']) {
      const [d] = run(article(body));
      assert.equal(d.rule, 'relative-date', body);
      assert.equal(d.fix, undefined, body);
    }
  });
  test('a warning when there is no valid `date`; nothing at all without frontmatter', () => {
    const text = article('وقال أمس إنه راض.').replace('date: 2025-06-02T10:00:00+03:00\n', '');
    const [d] = run(text);
    assert.equal(d.severity, 'warning');
    assert.match(d.messages.en, /cannot be resolved/);
    assert.deepEqual(run('وقال أمس إنه راض.\n'), []);
  });
  test('a severity set in .muharrir.yaml applies to the hints too', () => {
    const { config } = configFromText('rules:\n  relative-date: information\n');
    const [d] = run(article('وقال أمس إنه راض.'), { ...BASE_OPTIONS, config });
    assert.equal(d.severity, 'information');
  });
});
