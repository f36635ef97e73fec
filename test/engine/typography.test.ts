/**
 * The typography and copy-hygiene rules on small cases, both ways, and fix-all over a paragraph
 * that has many of their defects at once. The per-rule fixtures (test/fixtures/rules/) hold the
 * realistic articles; these pin the edges.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lint, type LintOptions } from '../../server/src/engine';
import { BASE_OPTIONS, configFromText } from './helpers';

const HEAD = '---\ntitle: خبر عاجل\ndate: 2025-06-02T12:00:00+03:00\nauthor: محرر\nsources:\n  - رويترز\n---\n\n';

function found(rule: string, body: string, options: LintOptions = BASE_OPTIONS): string[] {
  const text = HEAD + body + '\n';
  return lint(text, options)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => text.slice(d.start, d.end));
}

describe('fix-all over a paragraph with many defects', () => {
  const before =
    HEAD +
    '# خبر عاجل\n\n' +
    'أعلنت الحكومة في28أبريل,بعد الإجتماع الأسبوعي للمجلس،  نتائج الإنتخابات البلدية\u202e في فعاليــات رسمية. فهل تقبل المعارضة النتائج?\n';
  const after =
    HEAD +
    'أعلنت الحكومة في 28 أبريل، بعد الاجتماع الأسبوعي للمجلس، نتائج الانتخابات البلدية في فعاليات رسمية. فهل تقبل المعارضة النتائج؟\n';

  test('every safe fix is applied, and a second run changes nothing', () => {
    const once = fixAll(before, BASE_OPTIONS);
    assert.equal(once.text, after);
    assert.equal(fixAll(once.text, BASE_OPTIONS).text, once.text);
    const left = lint(once.text, BASE_OPTIONS).diagnostics.filter((d) => d.fix?.safe);
    assert.deepEqual(left.map((d) => d.rule), []);
  });

  test('each rule found its defect before the fix', () => {
    const rules = new Set(lint(before, BASE_OPTIONS).diagnostics.map((d) => d.rule));
    for (const r of ['duplicate-headline', 'missing-space', 'arabic-punctuation', 'hamza-common-error', 'double-space', 'bidi-control', 'tatweel']) {
      assert.ok(rules.has(r), r);
    }
  });
});

describe('arabic-punctuation', () => {
  test('Latin marks between Arabic words, and a question mark that ends an Arabic question', () => {
    assert.deepEqual(found('arabic-punctuation', 'قال الوزير, إن الخطة جاهزة; ثم سأل: متى التنفيذ?'), [',', ';', '?']);
    assert.deepEqual(found('arabic-punctuation', 'في عام 2020, قال الوزير إن «الخطة جاهزة?»'), [',', '?']);
  });

  test('a bracketed aside or a quotation is stepped over: the mark after it belongs to the Arabic sentence', () => {
    assert.deepEqual(found('arabic-punctuation', 'أعلنت أرامكو السعودية (Saudi Aramco), أكبر شركة للنفط, أرباحها.'), [',', ',']);
    assert.deepEqual(found('arabic-punctuation', 'رفعوا لافتة “Stop the war”, ثم تفرقوا. فهل يعودون? (AFP)'), [',', '?']);
    assert.deepEqual(found('arabic-punctuation', 'قالت الوكالتان (Reuters, AP) إن “Yes, we can” شعار قديم.'), []);
  });

  test('numbers, URLs, code, Latin runs, English quotes and lost emoji stay', () => {
    assert.deepEqual(
      found(
        'arabic-punctuation',
        'بلغ العدد 1,250 بنسبة 3,5 و٣,٥ عبر https://x.com/a?b=1 و`a, b; c?` (Reuters, AP) وسأل “Why not?” وقال Reuters? ثم ???? و?\uFE0F و&amp; بعدها.',
      ),
      [],
    );
  });
});

describe('missing-space', () => {
  test('a number glued to a word, a word glued after punctuation', () => {
    assert.deepEqual(found('missing-space', 'في28أبريل قال،إن الخبر.وقال ٢٨أبريل'), ['في28', '28أبريل', 'قال،إن', 'الخبر.وقال', '٢٨أبريل']);
  });

  test('year markers, one-letter prefixes, the article, abbreviations, decimals and percentages stay', () => {
    assert.deepEqual(
      found('missing-space', 'عام 2025م و1446هـ و١٤٤٦هـ و1446ه ب20 مليون و3 أشخاص لـ5 سنوات الـ20 ال20 للـ3 وبـ4 ص.ب 12 د.محمد أ.د.علي بي.في.إم 3.5 و20% و٢٠٪'),
      [],
    );
  });
});

describe('double-space', () => {
  test('between words, with a no-break space too; one report per run', () => {
    assert.deepEqual(found('double-space', 'قال  الوزير   إن \u00A0الخطة جاهزة.'), ['  ', '   ', ' \u00A0']);
  });

  test('indentation, a Markdown line break, list markers, tables and code stay', () => {
    assert.deepEqual(found('double-space', 'سطر أول  \nسطر ثان\n\n-   بند\n\n| أ  | ب  |\n|----|----|\n| 1  | 2  |\n\n`a  b`\n\n    شيفرة  مزاحة'), []);
  });
});

describe('mixed-digits', () => {
  test('the minority system is flagged and converted; a tie goes to Latin digits', () => {
    assert.deepEqual(found('mixed-digits', 'بلغ 10 ثم 20 ثم ٣٠.'), ['٣٠']);
    assert.deepEqual(found('mixed-digits', 'بلغ ١٠ ثم ٢٠ ثم 30.'), ['30']);
    assert.deepEqual(found('mixed-digits', 'بلغ ١٠ ثم 20.'), ['١٠']);
    const text = HEAD + 'بلغ 10 ثم 20 ثم ٣٠٫٥.\n';
    assert.equal(fixAll(text, BASE_OPTIONS).text, HEAD + 'بلغ 10 ثم 20 ثم 30.5.\n');
  });

  test('option prefer: arabic-indic wins over the majority', () => {
    const { config } = configFromText('rules:\n  mixed-digits:\n    options:\n      prefer: arabic-indic\n');
    const options = { ...BASE_OPTIONS, config };
    assert.deepEqual(found('mixed-digits', 'بلغ 10 ثم 20 ثم ٣٠.', options), ['10', '20']);
    assert.equal(fixAll(HEAD + 'بلغ 10 ثم ٣٠.\n', options).text, HEAD + 'بلغ ١٠ ثم ٣٠.\n');
  });

  test('one system only, Latin names (G20, F-16, COP28), code and URLs stay', () => {
    assert.deepEqual(found('mixed-digits', 'بلغ ١٠ ثم ٢٠ في قمة G20 وطائرات F-16 ومؤتمر COP28 وهاتف iPhone 16 وشبكة 5G و`v2` و https://x.com/2025'), []);
  });
});

describe('tatweel', () => {
  test('inside a word, one report per word', () => {
    assert.deepEqual(found('tatweel', 'فعاليــات الســلام عـــاجـــل'), ['فعاليــات', 'الســلام', 'عـــاجـــل']);
    assert.equal(fixAll(HEAD + 'فعاليــات الســلام.\n', BASE_OPTIONS).text, HEAD + 'فعاليات السلام.\n');
  });

  test('هـ, and الـ/لـ before a number, a Latin word or a quote, stay', () => {
    assert.deepEqual(found('tatweel', '1446هـ و١٤٤٦ هـ والـ20 والـ«فيفا» والـ GPS ولـ«رويترز» وبـ5'), []);
  });
});

describe('bidi-control', () => {
  test('every embedding, override and isolate control, wherever it is', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    const text = '---\ntitle: خبر\u202E\ndate: 2025-06-02T12:00:00+03:00\nauthor: محرر\nsources:\n  - رويترز\n---\n\nنص' + controls + ' و`code\u2067`\n';
    const ds = lint(text, BASE_OPTIONS).diagnostics.filter((d) => d.rule === 'bidi-control');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['\u202E', controls, '\u2067']);
    assert.equal(fixAll(text, BASE_OPTIONS).text, text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
  });

  test('LRM, RLM, ALM, ZWJ and ZWNJ are normal', () => {
    assert.deepEqual(found('bidi-control', 'سعر\u200E 5% و\u200Fنص\u061C و\u200Cو\u200D'), []);
  });
});

describe('mojibake', () => {
  test('runs of question marks, replacement characters, UTF-8 read as Latin-1, Windows-1256 read as Latin-1', () => {
    assert.deepEqual(found('mojibake', '???? ليبيا ?\uFE0F تقرير ????\uFE0F وم\uFFFDالي وØ§Ù„Ø±ÙŠØ§Ø¶ و ÇáÚÑÈíÉ'), [
      '????',
      '?\uFE0F',
      '????\uFE0F',
      '\uFFFD',
      'Ø§Ù„Ø±ÙŠØ§Ø¶',
      'ÇáÚÑÈíÉ',
    ]);
  });

  test('a single ?, emphasis after a word, Arabic ؟؟, code and URLs, names with Ø stay', () => {
    assert.deepEqual(found('mojibake', 'Really?? وماذا؟؟ و`a ?? b` و https://x.com/?q=??&lang=ar ومدينة Øresund وكلمة café'), []);
  });
});

describe('duplicate-headline', () => {
  test('the first line repeats the title: deleted with its line break and the blank after it', () => {
    assert.equal(fixAll(HEAD + '## خَبَرٌ عاجل\n\nالنص.\n', BASE_OPTIONS).text, HEAD + 'النص.\n');
    assert.equal(fixAll(HEAD + 'خبر عاجل\nالنص.\n', BASE_OPTIONS).text, HEAD + 'النص.\n');
  });

  test('the title followed by the site’s name is a repeat too, but deleting it is the writer’s call', () => {
    const text = HEAD + 'خبر عاجل - الخليج الثقافي\n\nالنص.\n';
    const d = lint(text, BASE_OPTIONS).diagnostics.find((x) => x.rule === 'duplicate-headline');
    assert.equal(d?.fix?.safe, false);
    assert.deepEqual(found('duplicate-headline', 'خبر عاجل - تقرير مطول عن الأوضاع في العاصمة\n\nالنص.'), []);
    assert.deepEqual(found('duplicate-headline', 'خبر عاجل من الخليج الثقافي\n\nالنص.'), []);
  });

  test('CRLF documents keep their line breaks', () => {
    const crlf = (HEAD + 'خبر عاجل\n\nالنص.\n').replace(/\n/g, '\r\n');
    assert.equal(fixAll(crlf, BASE_OPTIONS).text, (HEAD + 'النص.\n').replace(/\n/g, '\r\n'));
  });

  test('a heading that only shares words, or the title further down, stays', () => {
    assert.deepEqual(found('duplicate-headline', '## خبر عاجل من العاصمة\n\nالنص.'), []);
    assert.deepEqual(found('duplicate-headline', 'النص.\n\nخبر عاجل'), []);
  });
});
