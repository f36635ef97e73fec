/** The body's date finder: what it reads as a date, what it leaves alone, and what each date means. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTimeZone, defaultConfig, parseArticle } from '../../server/src/engine';
import { dateExpressions, describeResolution, gregorianOf, type BodyDates } from '../../server/src/engine/arabic';

function read(body: string, date: string | null = '2025-06-02T10:00:00+03:00', zone?: string): BodyDates & { text: string } {
  const text = date === null ? body : `---\ntitle: خبر\ndate: ${date}\n---\n\n${body}\n`;
  const doc = parseArticle(text);
  const config = defaultConfig();
  if (zone) config.timezone = zone;
  return { ...dateExpressions(doc, chooseTimeZone(doc, config, 'Asia/Riyadh')), text };
}

const iso = (e: number) => {
  const g = gregorianOf(e);
  return `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
};

/** Each expression as [text, resolved day or first day of the span]. */
function days(body: string, date?: string | null, zone?: string): [string, string | null][] {
  return read(body, date, zone).list.map((e) => [e.text, e.resolved ? iso(e.resolved.from) : null]);
}

describe('explicit dates', () => {
  test('both Gregorian families, variants, double forms, م suffixes and Arabic-Indic digits', () => {
    assert.deepEqual(
      days(
        'في 4 ديسمبر 2025 و٥ حزيران ٢٠٢٥ و7 أبريل/نيسان 2025م و8 نيسان (أبريل) 2025 م و9 يونيه 2025 و10 تموز 2025 و11 آب 2025 و12 كانون الثاني 2026 و13 إبريل 2025 و14 يونيو حزيران 2025.',
      ),
      [
        ['4 ديسمبر 2025', '2025-12-04'],
        ['٥ حزيران ٢٠٢٥', '2025-06-05'],
        ['7 أبريل/نيسان 2025م', '2025-04-07'],
        ['8 نيسان (أبريل) 2025 م', '2025-04-08'],
        ['9 يونيه 2025', '2025-06-09'],
        ['10 تموز 2025', '2025-07-10'],
        ['11 آب 2025', '2025-08-11'],
        ['12 كانون الثاني 2026', '2026-01-12'],
        ['13 إبريل 2025', '2025-04-13'],
        ['14 يونيو حزيران 2025', '2025-06-14'],
      ],
    );
  });

  test('Hijri dates with هـ attached or apart, ذو and ذي, converted with Umm al-Qura', () => {
    assert.deepEqual(days('من 1 رمضان 1446هـ إلى 10 ذي الحجة 1446 هـ ثم 1 محرم 1447 هجرية و15 جمادى الآخرة ١٤٤٦هـ.'), [
      ['1 رمضان 1446هـ', '2025-03-01'],
      ['10 ذي الحجة 1446 هـ', '2025-06-06'],
      ['1 محرم 1447 هجرية', '2025-06-26'],
      ['15 جمادى الآخرة ١٤٤٦هـ', '2024-12-16'],
    ]);
  });

  test('ordinal days in words, a year after عام, and a weekday before the date', () => {
    const r = read('في الرابع من ديسمبر عام 2024، وفي يوم الخميس 5 يونيو، والسبت، 7 يونيو 2025.');
    assert.deepEqual(r.list.map((e) => [e.text, e.weekday?.index ?? null]), [
      ['الرابع من ديسمبر عام 2024', null],
      ['يوم الخميس 5 يونيو', 4],
      ['السبت، 7 يونيو 2025', 6],
    ]);
  });

  test('numeric dates only when they read one way', () => {
    assert.deepEqual(days('في 15/6/2025 و2025/6/2 و1446/12/6هـ، لا 2/6/2025 ولا 1/2/3/2025 ولا 3.5 مليون.'), [
      ['15/6/2025', '2025-06-15'],
      ['2025/6/2', '2025-06-02'],
      ['1446/12/6هـ', '2025-06-02'],
    ]);
  });

  test('a yearless date takes the nearest year, the side a direction word gives, or the year its weekday fits', () => {
    assert.deepEqual(days('في 4 ديسمبر، و4 ديسمبر الماضي، و16 ديسمبر الجاري، والخميس 4 ديسمبر، و3 يوليو المقبل.'), [
      ['4 ديسمبر', '2024-12-04'],
      ['4 ديسمبر الماضي', '2024-12-04'],
      ['16 ديسمبر الجاري', '2025-12-16'],
      ['الخميس 4 ديسمبر', '2025-12-04'],
      ['3 يوليو المقبل', '2025-07-03'],
    ]);
    assert.deepEqual(days('في 4 ديسمبر', null), [['4 ديسمبر', null]], 'no year and no date: unresolved');
  });

  test('not dates: a number before a word that only looks like a month, a month without a day', () => {
    assert.deepEqual(days('سجل 3 أهداف في مارس، وحضر 12 ألفًا، ومارس الضغط. رمضان صبحي لاعب.'), []);
  });
});

describe('blocks', () => {
  test('a date is read within its paragraph: a heading’s weekday is not the weekday of the line under it', () => {
    assert.deepEqual(read('## الخميس\n4 يونيو 2025 افتتح المعرض.').list.map((e) => [e.text, e.weekday?.index]), [['4 يونيو 2025', undefined]]);
    // A soft line break inside one paragraph still joins them.
    assert.deepEqual(read('الخميس\n4 يونيو 2025 افتتح المعرض.').list.map((e) => [e.text, e.weekday?.index]), [['الخميس\n4 يونيو 2025', 4]]);
  });
});

describe('pairs', () => {
  test('«الموافق» in either order, with «لـ», and a yearless side taking the other side’s year', () => {
    const r = read('يوافق 6 ذو الحجة 1446هـ الموافق 2 يونيو 2025م، و2 يونيو 2025 الموافق لـ 6 ذي الحجة 1446هـ، و10 ذو الحجة الموافق 6 يونيو 2025.');
    assert.deepEqual(r.list.map((e) => [e.text, e.pair?.with ?? null, e.resolved ? iso(e.resolved.from) : null]), [
      ['6 ذو الحجة 1446هـ', 1, '2025-06-02'],
      ['2 يونيو 2025م', 0, '2025-06-02'],
      ['2 يونيو 2025', 3, '2025-06-02'],
      ['6 ذي الحجة 1446هـ', 2, '2025-06-02'],
      ['10 ذو الحجة', 5, '2025-06-06'],
      ['6 يونيو 2025', 4, '2025-06-06'],
    ]);
    assert.equal(r.list[4].yearFrom, 'pair');
  });

  test('«غرة» is the first of the month; «يوم» joins two dates when both years are written', () => {
    const r = read('وتوافق غرة محرم 1447هـ يوم 28 يونيو 2025م، ويبدأ الصيام 1 شهر رمضان 1446هـ يوم السبت 1 مارس 2025م، وعاد يوم 5 يونيو.');
    assert.deepEqual(r.list.map((e) => [e.text, e.pair?.with ?? null, e.resolved ? iso(e.resolved.from) : null]), [
      ['غرة محرم 1447هـ', 1, '2025-06-26'],
      ['28 يونيو 2025م', 0, '2025-06-28'],
      ['1 شهر رمضان 1446هـ', 3, '2025-03-01'],
      ['يوم السبت 1 مارس 2025م', 2, '2025-03-01'],
      ['5 يونيو', null, '2025-06-05'],
    ]);
  });

  test('side by side with a slash or in brackets, only when both years are written', () => {
    const r = read('الاثنين 6 ذو الحجة 1446هـ / 2 يونيو 2025م، و6 ذو الحجة 1446هـ (2 يونيو 2025م)، و6 ذو الحجة / 2 يونيو.');
    assert.deepEqual(r.list.map((e) => [e.text, e.pair?.link ?? null]), [
      ['الاثنين 6 ذو الحجة 1446هـ', 'adjacent'],
      ['2 يونيو 2025م', 'adjacent'],
      ['6 ذو الحجة 1446هـ', 'adjacent'],
      ['2 يونيو 2025م', 'adjacent'],
      ['6 ذو الحجة', null],
      ['2 يونيو', null],
    ]);
  });
});

describe('the dateline', () => {
  const dateline = (body: string) => read(body).list.filter((e) => e.dateline).map((e) => [e.kind, e.text]);
  test('the forms newsrooms use', () => {
    assert.deepEqual(dateline('الرياض - 2 يونيو 2025 (واس) - افتتح الوزير المعرض.'), [['date', '2 يونيو 2025']]);
    assert.deepEqual(dateline('القاهرة، الاثنين 2 يونيو (رويترز) - قال مسؤول.'), [['date', 'الاثنين 2 يونيو']]);
    assert.deepEqual(dateline('أبوظبي في 2 يونيو / وام / أعلنت الهيئة.'), [['date', '2 يونيو']]);
    assert.deepEqual(dateline('الرياض 06 ذو الحجة 1446 هـ الموافق 02 يونيو 2025 م واس\nأعلنت الوزارة.'), [['date', '06 ذو الحجة 1446 هـ']]);
    assert.deepEqual(dateline('**دبي** – 2 يونيو 2025: أعلنت الهيئة.'), [['date', '2 يونيو 2025']]);
    assert.deepEqual(dateline('القاهرة، الاثنين (رويترز) - قال مسؤول.'), [['weekday', 'الاثنين']]);
  });
  test('not a dateline: a sentence, a date further in, a later paragraph, a heading', () => {
    assert.deepEqual(dateline('أعلنت الوزارة في 2 يونيو 2025 عن خطة.'), []);
    assert.deepEqual(dateline('منذ 2 يونيو 2025 (وفق البيان) تغير الوضع.'), []);
    assert.deepEqual(dateline('طرابلس – قال المجلس إن الجلسة عقدت.\n\nالرياض - 2 يونيو 2025 (واس) - نص.'), []);
    assert.deepEqual(dateline('# الرياض - 2 يونيو 2025 (واس) - عنوان\n\nنص الخبر.'), []);
  });
});

describe('relative expressions', () => {
  test('days, with their times of day, resolved from `date`', () => {
    assert.deepEqual(
      days('اليوم وأمس ومساء أمس ويوم أمس وأول أمس وأول من أمس وأمس الأول وغداً ويوم غد وصباح الغد وبعد غد والليلة الماضية وبالأمس.'),
      [
        ['اليوم', '2025-06-02'],
        ['أمس', '2025-06-01'],
        ['مساء أمس', '2025-06-01'],
        ['يوم أمس', '2025-06-01'],
        ['أول أمس', '2025-05-31'],
        ['أول من أمس', '2025-05-31'],
        ['أمس الأول', '2025-05-31'],
        ['غداً', '2025-06-03'],
        ['يوم غد', '2025-06-03'],
        ['صباح الغد', '2025-06-03'],
        ['بعد غد', '2025-06-04'],
        ['الليلة الماضية', '2025-06-01'],
        ['بالأمس', '2025-06-01'],
      ],
    );
  });

  test('weekdays and periods', () => {
    const r = read('الخميس الماضي ويوم الجمعة المقبل والأسبوع الماضي والشهر المقبل والعام الماضي والسنة المقبلة وهذا العام والشهر الجاري.');
    assert.deepEqual(
      r.list.map((e) => [e.text, e.resolved!.unit, iso(e.resolved!.from), iso(e.resolved!.to)]),
      [
        ['الخميس الماضي', 'day', '2025-05-29', '2025-05-29'],
        ['يوم الجمعة المقبل', 'day', '2025-06-06', '2025-06-06'],
        ['الأسبوع الماضي', 'week', '2025-05-25', '2025-05-31'],
        ['الشهر المقبل', 'month', '2025-07-01', '2025-07-31'],
        ['العام الماضي', 'year', '2024-01-01', '2024-12-31'],
        ['السنة المقبلة', 'year', '2026-01-01', '2026-12-31'],
        ['هذا العام', 'year', '2025-01-01', '2025-12-31'],
        ['الشهر الجاري', 'month', '2025-06-01', '2025-06-30'],
      ],
    );
  });

  test('the weekday after a relative day, and the date it introduces', () => {
    const r = read('أعلنت اليوم الاثنين، وقالت أمس الأحد 1 يونيو إنها ستقرر.');
    assert.deepEqual(r.list.map((e) => [e.kind, e.text, e.weekday?.index ?? null, e.claim ?? null]), [
      ['relative', 'اليوم', 1, null],
      ['relative', 'أمس', null, null],
      ['date', 'الأحد 1 يونيو', 0, -1],
    ]);
    assert.equal(r.list[1].explicit, 2);
    const set = read('حددت الوزارة اليوم 15 يونيو موعدًا لبدء الاختبارات، وقالت أمس، 1 يونيو، إنها جاهزة.');
    assert.deepEqual(set.list.map((e) => [e.kind, e.text, e.claim ?? null]), [
      ['relative', 'اليوم', null],
      ['date', '15 يونيو', null],
      ['relative', 'أمس', null],
      ['date', '1 يونيو', -1],
    ]);
  });

  test('«اليوم» that is not today, and words that only look relative', () => {
    assert.deepEqual(
      days(
        'ما زال قائمًا حتى اليوم. وفي اليوم العالمي للصحة، وفي اليوم التالي، وفي اليوم نفسه، قالت صحيفة العالم اليوم والمصري اليوم وروسيا اليوم ونحن اليوم أمام تحدٍ. غدا المشهد أوضح. حلفاء الأمس خصوم. جيل الغد. الأمين العام المقبل للأمم المتحدة. في اليوم الثالث. اليوم السابع.',
      ),
      [],
    );
  });

  test('«غدا» without tanween is tomorrow only before a weekday or punctuation', () => {
    assert.deepEqual(days('تبدأ القمة غدا الثلاثاء، وتختتم غدا.'), [
      ['غدا', '2025-06-03'],
      ['غدا', '2025-06-03'],
    ]);
  });

  test('no `date`: found, not resolved', () => {
    assert.deepEqual(days('قال أمس إن الأسبوع المقبل حاسم.', null), [
      ['أمس', null],
      ['الأسبوع المقبل', null],
    ]);
  });

  test('«و» before a word is not part of what is flagged', () => {
    assert.deepEqual(days('وأمس وغداً والأسبوع الماضي و5 يونيو 2025'), [
      ['أمس', '2025-06-01'],
      ['غداً', '2025-06-03'],
      ['الأسبوع الماضي', '2025-05-25'],
      ['5 يونيو 2025', '2025-06-05'],
    ]);
  });
});

describe('the anchor: the day of `date` in the article’s time zone', () => {
  test('01:30 in Riyadh is that day, though UTC is still the day before', () => {
    const r = read('اليوم', '2025-06-03T01:30:00+03:00');
    assert.equal(iso(r.anchor!.epoch), '2025-06-03');
    assert.equal(iso(r.list[0].resolved!.from), '2025-06-03');
  });
  test('the newsroom’s zone from the config wins over the offset written in `date`', () => {
    const r = read('أمس', '2025-06-02T23:30:00+00:00', 'Asia/Riyadh');
    assert.equal(iso(r.anchor!.epoch), '2025-06-03');
    assert.equal(iso(r.list[0].resolved!.from), '2025-06-02');
  });
  test('a date with no offset is the day written', () => {
    assert.equal(iso(read('اليوم', '2025-06-02 23:30').anchor!.epoch), '2025-06-02');
  });
  test('no anchor without a valid `date`', () => {
    assert.equal(read('اليوم', '2025-02-30T10:00:00+03:00').anchor, null);
    assert.equal(read('اليوم', null).anchor, null);
  });
});

describe('descriptions and scale', () => {
  test('a day in both calendars and both languages', () => {
    const r = read('أمس');
    assert.deepEqual(describeResolution(r.list[0].resolved!), {
      ar: 'الأحد 1 يونيو 2025 / 5 ذو الحجة 1446هـ',
      en: 'Sunday 1 June 2025 / 5 Dhu al-Hijjah 1446 AH',
    });
  });

  test('computed once per run and per zone', () => {
    const doc = parseArticle('---\ndate: 2025-06-02T10:00:00+03:00\n---\n\nأمس\n');
    const tz = chooseTimeZone(doc, defaultConfig(), 'Asia/Riyadh');
    assert.equal(dateExpressions(doc, tz), dateExpressions(doc, tz));
  });

  test('a 5 MB line of prose is read whole: every date in it found, at its place', () => {
    const unit =
      'وأوضح المتحدث باسم الوزارة أمس أن الحكومة ماضية في خطتها لتحسين الخدمات، مشيرا إلى أن المرحلة الأولى شملت 12 محافظة، ' +
      'وأن العمل يستكمل اعتبارا من 15 يونيو 2025 الموافق 19 ذو الحجة 1446هـ وحتى نهاية العام الجاري، بحسب بيان صدر الأحد 1 يونيو. ';
    const units = Math.ceil(5_000_000 / unit.length);
    const doc = parseArticle(`---\ndate: 2025-06-02T10:00:00+03:00\n---\n\n${unit.repeat(units)}\n`);
    const r = dateExpressions(doc, chooseTimeZone(doc, defaultConfig(), 'Asia/Riyadh'));
    assert.equal(r.list.length, 5 * units);
    const last = r.list[r.list.length - 1];
    assert.equal(last.text, 'الأحد 1 يونيو');
    assert.equal(doc.text.slice(last.start, last.end), 'الأحد 1 يونيو');
    assert.equal(last.end, doc.text.length - 3, 'the last date ends the last sentence, before its period, space and line break');
    assert.equal(iso(last.resolved!.from), '2025-06-01');
  });
});
