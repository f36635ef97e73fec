/** The calendar word tables (server/src/engine/data/calendar.ts) and the Umm al-Qura arithmetic. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as CAL from '../../server/src/engine/data/calendar';
import { normalize } from '../../server/src/engine/arabic';
import { epochDay, fromHijri, gregorianOf, hijriOf, isUmmAlQuraDay, weekdayOf } from '../../server/src/engine/arabic/hijri';

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C]/;

describe('calendar tables', () => {
  const all: string[] = [
    ...CAL.WEEKDAYS.flatMap((w) => [w.ar, ...w.forms]),
    ...CAL.GREGORIAN_MONTH_FORMS.flat(),
    ...CAL.HIJRI_MONTHS.flatMap((m) => [m.ar, ...m.forms]),
    ...CAL.GREGORIAN_YEAR_SUFFIXES,
    ...CAL.HIJRI_YEAR_SUFFIXES,
    ...CAL.YEAR_WORDS,
    ...CAL.ORDINAL_DAYS.map(([w]) => w),
    ...CAL.CORRESPONDING,
    ...CAL.FIRST_OF_MONTH,
    ...CAL.MONTH_WORD,
    ...Object.keys(CAL.MONTH_DIRECTION),
    ...CAL.TIME_OF_DAY,
    ...CAL.RELATIVE_DAYS.map(([w]) => w),
    ...CAL.TOMORROW_AFTER_TIME,
    ...CAL.YESTERDAY_AFTER_TIME,
    ...CAL.PERIODS.map(([w]) => w),
    ...CAL.THIS,
    ...CAL.TODAY_NOT_AFTER,
    ...CAL.TODAY_NOT_BEFORE,
    ...CAL.DATELINE_AGENCIES,
  ];

  test('every entry is Arabic text, trimmed, with no invisible characters', () => {
    for (const w of all) {
      assert.equal(w, w.trim(), JSON.stringify(w));
      assert.ok(!INVISIBLE.test(w), JSON.stringify(w));
      assert.match(w, /^[\u0600-\u06FF ]+$/, JSON.stringify(w));
    }
  });

  test('seven weekdays from Sunday, twelve months of each calendar', () => {
    assert.deepEqual(
      CAL.WEEKDAYS.map((w) => w.en),
      ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    );
    assert.equal(CAL.GREGORIAN_MONTH_FORMS.length, 12);
    assert.equal(CAL.HIJRI_MONTHS.length, 12);
    assert.deepEqual(
      CAL.HIJRI_MONTHS.map((m) => m.ar),
      ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'],
    );
  });

  test('both Gregorian families and the variants the brief names are there, each under its month', () => {
    const monthOf = (name: string) => CAL.GREGORIAN_MONTH_FORMS.findIndex((forms) => forms.some((f) => normalize(f) === normalize(name))) + 1;
    const expect: [string, number][] = [
      ['يناير', 1], ['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['أبريل', 4], ['إبريل', 4], ['ابريل', 4], ['نيسان', 4],
      ['مايو', 5], ['أيار', 5], ['يونيو', 6], ['يونيه', 6], ['حزيران', 6], ['يوليو', 7], ['يوليه', 7], ['تموز', 7],
      ['أغسطس', 8], ['اغسطس', 8], ['آب', 8], ['أيلول', 9], ['تشرين الأول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12], ['ديسمبر', 12],
    ];
    for (const [name, month] of expect) assert.equal(monthOf(name), month, name);
  });

  test('no spelling belongs to two months, no Hijri spelling to two Hijri months', () => {
    const seen = new Map<string, number>();
    CAL.GREGORIAN_MONTH_FORMS.forEach((forms, i) => forms.forEach((f) => {
      const n = normalize(f);
      assert.ok(!seen.has(n) || seen.get(n) === i, f);
      seen.set(n, i);
    }));
    const hseen = new Map<string, number>();
    CAL.HIJRI_MONTHS.forEach((m, i) => m.forms.forEach((f) => {
      const n = normalize(f);
      assert.ok(!hseen.has(n) || hseen.get(n) === i, f);
      hseen.set(n, i);
    }));
    // ذو/ذي الحجة and ربيع الآخر/الثاني, جمادى الآخرة/الثانية
    for (const f of ['ذي الحجة', 'ذو القعدة', 'ذي القعدة', 'ربيع الثاني', 'جمادى الثانية']) assert.ok(hseen.has(normalize(f)), f);
  });

  test('ordinal days run 1 to 31 without gaps', () => {
    assert.deepEqual(CAL.ORDINAL_DAYS.map(([, n]) => n), Array.from({ length: 31 }, (_, i) => i + 1));
  });

  test('relative days are the offsets a reader counts', () => {
    const m = new Map(CAL.RELATIVE_DAYS);
    assert.equal(m.get('اليوم'), 0);
    assert.equal(m.get('أمس'), -1);
    assert.equal(m.get('أول من أمس'), -2);
    assert.equal(m.get('غداً'), 1);
    assert.equal(m.get('بعد غد'), 2);
    assert.equal(m.get('الليلة الماضية'), -1);
  });

  test('the «اليوم» exclusions hold the fixed phrases the brief names', () => {
    assert.ok(CAL.TODAY_NOT_AFTER.includes('حتى'));
    assert.ok(CAL.TODAY_NOT_AFTER.includes('العالم'));
    assert.ok(CAL.TODAY_NOT_BEFORE.includes('العالمي'));
    assert.ok(CAL.TODAY_NOT_BEFORE.includes('التالي'));
    for (const w of [...CAL.TODAY_NOT_AFTER, ...CAL.TODAY_NOT_BEFORE]) {
      assert.ok(!CAL.WEEKDAYS.some((d) => d.forms.includes(w)), `${w} is a weekday`);
    }
  });
});

describe('Umm al-Qura arithmetic', () => {
  // Published Umm al-Qura dates (Saudi announcements), checked against an independent table too.
  const KNOWN: [number, number, number, string][] = [
    [1446, 9, 1, '2025-03-01'], // 1 Ramadan 1446
    [1446, 12, 10, '2025-06-06'], // Eid al-Adha 1446
    [1447, 1, 1, '2025-06-26'], // Hijri new year 1447
    [1446, 12, 6, '2025-06-02'],
    [1446, 10, 1, '2025-03-30'], // Eid al-Fitr 1446
    [1445, 9, 1, '2024-03-11'], // 1 Ramadan 1445
    [1445, 12, 9, '2024-06-15'], // Arafah 1445
    [1446, 1, 1, '2024-07-07'], // Hijri new year 1446
  ];
  const iso = (e: number) => {
    const g = gregorianOf(e);
    return `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
  };

  for (const [y, m, d, g] of KNOWN) {
    test(`${d}/${m}/${y} AH is ${g}, both ways`, () => {
      const e = fromHijri(y, m, d);
      assert.ok(e !== null);
      assert.equal(iso(e), g);
      assert.deepEqual(hijriOf(e), { year: y, month: m, day: d });
    });
  }

  test('weekdays: 2 June 2025 is a Monday, 1 January 1970 a Thursday', () => {
    assert.equal(weekdayOf(epochDay(2025, 6, 2)), 1);
    assert.equal(weekdayOf(0), 4);
    assert.equal(weekdayOf(-1), 3);
  });

  test('a round trip over four years lands on the same day', () => {
    for (let e = epochDay(2023, 1, 1); e < epochDay(2027, 1, 1); e += 1) {
      const h = hijriOf(e)!;
      assert.equal(fromHijri(h.year, h.month, h.day), e, iso(e));
    }
  });

  test('day 30 of a 29-day month is the day after the 29th; impossible days are no date', () => {
    // Ramadan 1446 has 29 days under Umm al-Qura (Eid al-Fitr on 30 March 2025).
    assert.equal(isUmmAlQuraDay(1446, 9, 30), false);
    assert.equal(iso(fromHijri(1446, 9, 30)!), '2025-03-30');
    assert.equal(fromHijri(1446, 13, 1), null);
    assert.equal(fromHijri(1446, 12, 31), null);
  });
});
