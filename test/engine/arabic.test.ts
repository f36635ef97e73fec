/** The Arabic text layer: prose masking, blocks, sentences, normalization and phrase matching. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/engine';
import { findPhrase, nameKey, normalize, paragraphs, phraseWords, proseMask, sentences, stems, tokenize, MASK } from '../../server/src/engine/arabic';

const ARTICLE = [
  '---',
  'title: خبر',
  '---',
  '',
  '# عنوان الخبر',
  '',
  'قال الوزير إن «الاتفاق نهائي». وأضاف أن النسبة 3.5 في المئة.',
  'انظر https://example.com/a?b=1, ثم <!-- ملاحظة -->تابع `code, here` و[الرابط](https://x.org/y?z).',
  '',
  '```',
  'قال شيئا, في الشيفرة',
  '```',
  '',
  '- بند أول',
  '- بند ثان',
].join('\n');

describe('prose mask', () => {
  const doc = parseArticle(ARTICLE);
  const mask = proseMask(doc);
  test('keeps offsets: same length, same line breaks', () => {
    assert.equal(mask.length, ARTICLE.length);
    assert.deepEqual([...mask].map((c, i) => (c === '\n') === (ARTICLE[i] === '\n')).every(Boolean), true);
  });
  test('hides frontmatter, URLs, comments, inline code, link targets and fenced code; keeps prose', () => {
    const visible = mask.split(MASK).join('');
    for (const hidden of ['title', 'example.com', 'ملاحظة', 'code, here', 'x.org', 'الشيفرة']) assert.ok(!visible.includes(hidden), hidden);
    for (const kept of ['قال الوزير', 'الرابط', 'تابع', 'بند أول']) assert.ok(visible.includes(kept), kept);
  });
});

describe('blocks and sentences', () => {
  const doc = parseArticle(ARTICLE);
  test('a heading, a paragraph of two lines, and two list items', () => {
    const ps = paragraphs(doc);
    assert.deepEqual(
      ps.map((p) => [p.kind, p.firstLine, p.lastLine]),
      [
        ['heading', 4, 4],
        ['paragraph', 6, 7],
        ['list-item', 13, 13],
        ['list-item', 14, 14],
      ],
    );
  });
  test('sentences end at full stops but not at a decimal point', () => {
    const p = paragraphs(doc)[1];
    const s = sentences(doc, p).map((x) => ARTICLE.slice(x.start, x.end));
    assert.equal(s[0], 'قال الوزير إن «الاتفاق نهائي».');
    assert.ok(s[1].startsWith('وأضاف أن النسبة 3.5 في المئة.'));
  });
});

describe('normalization', () => {
  test('hamza seats, final yaa, taa marbuta, diacritics, tatweel and digits', () => {
    assert.equal(normalize('إنشاء'), normalize('انشاء'));
    assert.equal(normalize('مُسْتَشْفَى'), normalize('مستشفي'));
    assert.equal(normalize('الوكالـــة'), normalize('الوكاله'));
    assert.equal(normalize('٢٠٢٥'), '2025');
  });
  test('clitics come off one at a time, the word itself first', () => {
    assert.deepEqual(stems(normalize('وبالوكالة')), ['وبالوكاله', 'بالوكاله', 'الوكاله', 'وكاله']);
    assert.equal(stems(normalize('لبنان'))[0], 'لبنان');
  });
  test('phrases match with clitics on the first word and map back to the source', () => {
    const text = 'وبحسب مصادر مطلعة فإن الاجتماع تأجل';
    const tokens = tokenize(text, 100);
    const [i] = findPhrase(tokens, phraseWords('بحسب'));
    assert.equal(tokens[i].start, 100);
    assert.equal(text.slice(tokens[i].start - 100, tokens[i].end - 100), 'وبحسب');
    assert.equal(findPhrase(tokens, phraseWords('المصادر المطلعة')).length, 1);
  });
  test('source names compare without the article or an organisation word', () => {
    assert.equal(nameKey('وكالة رويترز'), nameKey('رويترز'));
    assert.equal(nameKey('صحيفة المرصد الليبية'), nameKey('المرصد الليبيه'));
    assert.notEqual(nameKey('المرصد الليبي'), nameKey('المرصد الليبية'));
  });
});
