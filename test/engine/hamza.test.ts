/** The table of common hamza errors (server/src/engine/data/hamza.ts) and how `hamza-common-error` reads it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../server/src/engine';
import { CORRECT_WITH_HAMZA, HAMZA_BY_WRONG, HAMZA_ERRORS, HAMZA_PHRASES, SUFFIXES } from '../../server/src/engine/data/hamza';
import { BASE_OPTIONS } from './helpers';

const HEAD = '---\ntitle: خبر\ndate: 2025-06-02T12:00:00+03:00\nauthor: محرر\nsources:\n  - مجلس الوزراء\n---\n\n';

function hits(body: string): { text: string; fixed: string; safe: boolean | undefined }[] {
  const text = HEAD + body + '\n';
  return lint(text, BASE_OPTIONS)
    .diagnostics.filter((d) => d.rule === 'hamza-common-error')
    .map((d) => ({ text: text.slice(d.start, d.end), fixed: applyEdits(text, d.fix!.edits).text.slice(d.start).split(/[^\p{L}\p{M}]/u)[0], safe: d.fix?.safe }));
}

describe('hamza table', () => {
  test('every entry is the right word with إ for its connecting alef, nothing else changed', () => {
    assert.ok(HAMZA_ERRORS.length > 150, `${HAMZA_ERRORS.length} entries`);
    for (const e of HAMZA_ERRORS) {
      assert.equal(e.wrong[0], '\u0625', e.wrong);
      assert.equal(e.right[0], '\u0627', e.right);
      assert.equal(e.wrong.slice(1), e.right.slice(1), e.wrong);
      assert.ok(!/[\u064B-\u065F\u0640]/.test(e.wrong), `${e.wrong}: no diacritics or tatweel in the table`);
    }
  });

  test('the masdars of أفعل, which do take a hamza, are never in it', () => {
    for (const w of CORRECT_WITH_HAMZA) {
      assert.ok(!HAMZA_BY_WRONG.has(w), w);
      for (const [wrong, entries] of HAMZA_BY_WRONG) {
        for (const e of entries) {
          for (const suffix of e.suffixes ?? SUFFIXES[e.kind]) assert.notEqual(wrong + suffix, w, `${wrong}+${suffix} would flag ${w}`);
        }
      }
    }
  });

  test('it holds the desk’s list of hamzat al-wasl words', () => {
    const wanted = [
      'إجتماع', 'إنتخابات', 'إستقبال', 'إستقبل', 'إتفاق', 'إقتصاد', 'إستثمار', 'إستخدام', 'إنتقال', 'إنسحاب', 'إحتلال',
      'إعتداء', 'إرتفاع', 'إنخفاض', 'إستقرار', 'إختيار', 'إحتفال', 'إنفجار', 'إتصال', 'إحتجاج', 'إعتراف', 'إستعداد',
      'إنطلاق', 'إبن', 'إسم', 'إثنان', 'إثنين', 'إمرأة', 'إقرأ',
    ];
    for (const w of wanted) assert.ok(HAMZA_BY_WRONG.has(w), w);
  });

  test('spellings are unique', () => {
    const keys = HAMZA_ERRORS.map((e) => `${e.wrong}/${(e.suffixes ?? []).join(',')}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  test('the phrase list only touches «إن شاء الله»', () => {
    for (const p of HAMZA_PHRASES) assert.ok(p.words.join(' ').includes('الله'), p.words.join(' '));
  });
});

describe('hamza-common-error', () => {
  test('flags the word with its clitics and fixes only the hamza, keeping the clitic', () => {
    assert.deepEqual(hits('عقد الإجتماع والإجتماعات بالإستثمار للإقتصاد وللإقتصاد فالإتفاق كالإنتخابات.'), [
      { text: 'الإجتماع', fixed: 'الاجتماع', safe: true },
      { text: 'والإجتماعات', fixed: 'والاجتماعات', safe: true },
      { text: 'بالإستثمار', fixed: 'بالاستثمار', safe: true },
      { text: 'للإقتصاد', fixed: 'للاقتصاد', safe: true },
      { text: 'وللإقتصاد', fixed: 'وللاقتصاد', safe: true },
      { text: 'فالإتفاق', fixed: 'فالاتفاق', safe: true },
      { text: 'كالإنتخابات', fixed: 'كالانتخابات', safe: true },
    ]);
  });

  test('verbs with their endings, nouns, the imperative', () => {
    assert.deepEqual(
      hits('إستقبل الوزير الوفد وإستقبلته الوزيرة ثم إنتهت الزيارة وإجتمعوا مع إبن المسؤول وإسمه معروف وحضر إثنان. إقرأ التفاصيل.').map((h) => h.text),
      ['إستقبل', 'وإستقبلته', 'إنتهت', 'وإجتمعوا', 'إبن', 'وإسمه', 'إثنان', 'إقرأ'],
    );
  });

  test('forms of ة words: استقالته، احتفاليات', () => {
    assert.deepEqual(hits('أعلن إستقالته بعد الإحتفاليات.').map((h) => h.fixed), ['استقالته', 'الاحتفاليات']);
  });

  test('matches through diacritics and tatweel, replaces exactly the hamza', () => {
    const text = HEAD + 'عُقِدَ الإِجْتِماعُ والإجتمـاع.\n';
    const ds = lint(text, BASE_OPTIONS).diagnostics.filter((d) => d.rule === 'hamza-common-error');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['الإِجْتِماعُ', 'والإجتمـاع']);
    for (const d of ds) {
      assert.equal(d.fix!.edits.length, 1);
      assert.equal(text.slice(d.fix!.edits[0].start, d.fix!.edits[0].end), '\u0625');
    }
    assert.equal(fixAll(text, BASE_OPTIONS).text, HEAD + 'عُقِدَ الاِجْتِماعُ والاجتمـاع.\n'.replace('الاجتمـاع', 'الاجتماع'));
  });

  test('إن شاء الله: the exact phrase only', () => {
    assert.deepEqual(hits('سنعود إنشاء الله، وانشاء الله، وان شاء الله، وإنشاءالله.').map((h) => h.text), ['إنشاء الله', 'وانشاء الله', 'وان شاء الله', 'وإنشاءالله']);
    const text = HEAD + 'سنعود إنشاء الله، وانشاء الله، وان شاء الله، وإنشاءالله.\n';
    assert.equal(fixAll(text, BASE_OPTIONS).text, HEAD + 'سنعود إن شاء الله، وإن شاء الله، وإن شاء الله، وإن شاء الله.\n');
    assert.deepEqual(hits('بدأ إنشاء المحطة، وإن شاء الله تكتمل، وقال إن الله وحده يعلم، وأكد ان الله رحيم.'), []);
  });

  test('every word written with a true hamza stays quiet', () => {
    const body = CORRECT_WITH_HAMZA.map((w, i) => (i % 3 === 0 ? 'و' : i % 3 === 1 ? 'بال' : '') + w).join(' و') + '.';
    assert.deepEqual(hits(body), []);
    assert.deepEqual(hits('أعلن الوزير إطلاق الإصلاحات وإنتاج الأسماء والأبناء وإعادة الإعمار.'), []);
  });

  test('words that only begin like a listed one are not taken for it', () => {
    assert.deepEqual(hits('إستراتيجية إنترنت إسمنت إبنيه.'), []);
  });

  test('code, URLs and the frontmatter are not read', () => {
    const text = '---\ntitle: الإجتماع\ndate: 2025-06-02T12:00:00+03:00\nauthor: محرر\nsources:\n  - مجلس الوزراء\n---\n\nانظر `الإجتماع` و https://example.com/الإجتماع\n';
    assert.deepEqual(lint(text, BASE_OPTIONS).diagnostics.filter((d) => d.rule === 'hamza-common-error'), []);
  });
});
