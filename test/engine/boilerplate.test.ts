/** The table of web-page boilerplate (server/src/engine/data/boilerplate.ts) and how `web-boilerplate` reads it. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint } from '../../server/src/engine';
import { phraseWords } from '../../server/src/engine/arabic';
import { BOILERPLATE, SOCIAL_NETWORKS } from '../../server/src/engine/data/boilerplate';
import { BASE_OPTIONS } from './helpers';

const HEAD = '---\ntitle: خبر\ndate: 2025-06-02T12:00:00+03:00\nauthor: محرر\nsources:\n  - أمانة بغداد\n---\n\nافتتحت أمانة بغداد جسرًا جديدًا.\n\n';

function flagged(lines: string[]): string[] {
  const text = HEAD + lines.join('\n\n') + '\n';
  return lint(text, BASE_OPTIONS)
    .diagnostics.filter((d) => d.rule === 'web-boilerplate')
    .map((d) => text.slice(d.start, d.end));
}

describe('boilerplate table', () => {
  test('every phrase has words, and no two phrases are the same once normalized', () => {
    const seen = new Set<string>();
    for (const e of BOILERPLATE) {
      const key = phraseWords(e.phrase).join(' ');
      assert.ok(key.length > 0, e.phrase);
      assert.ok(!seen.has(key), `duplicate: ${e.phrase}`);
      seen.add(key);
    }
    for (const n of SOCIAL_NETWORKS) assert.ok(phraseWords(n).length > 0, n);
  });

  test('it holds the comment form, share and related-links text of the issue', () => {
    const want = [
      'اترك تعليقاً', 'أضف تعليقاً', 'لن يتم نشر عنوان بريدك الإلكتروني', 'الحقول الإلزامية مشار إليها بـ', 'حفظ اسمي',
      'اقرأ أيضاً', 'المزيد من الكاتب', 'المزيد للكاتب', 'مقالات ذات صلة', 'شارك هذا المقال', 'شارك على', 'تابعونا على',
      'اشترك في النشرة البريدية', 'التعليقات مغلقة', 'Share this', 'Leave a reply',
    ];
    const keys = new Set(BOILERPLATE.map((e) => phraseWords(e.phrase).join(' ')));
    for (const w of want) assert.ok(keys.has(phraseWords(w).join(' ')), w);
  });
});

describe('web-boilerplate', () => {
  test('whole lines, in any hamza, alef, taa or tanween spelling, with Markdown around them', () => {
    const lines = [
      'اترك تعليقاً',
      'اترك تعليقا',
      'أضف تعليقًا',
      'إقرأ أيضاً:',
      'اقرا ايضا',
      '## مقالات ذات صلة',
      '**المزيد للكاتب**',
      '- [شارك على فيسبوك](https://facebook.com/sharer?u=x)',
      'شارك هذا المقال',
      'تابعونا على تويتر وفيسبوك',
      'اشترك في النشرة البريدية',
      'التعليقات مغلقة.',
      'Share this:',
      'Leave a Reply',
      'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
      'احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.',
      '© 2025 جميع الحقوق محفوظة لوكالة الأنباء',
    ];
    assert.deepEqual(flagged(lines), lines);
  });

  test('«read also» with its linked headline after a colon', () => {
    const line = 'اقرأ أيضاً: [الحكومة تطلق برنامجًا لتشغيل الشباب](https://example.jo/n/1)';
    assert.deepEqual(flagged([line]), [line]);
  });

  test('the same words in a sentence stay quiet', () => {
    assert.deepEqual(
      flagged([
        'وقال إن على القراء أن يتركوا تعليقاً على صفحات التواصل.',
        'اترك تعليقاً على هذا القرار في صفحتنا، كتب أحد القراء ساخرًا.',
        'شارك على منصة فيسبوك أكثر من مليون مستخدم في الحملة.',
        'شارك في الاجتماع وزراء الخارجية العرب.',
        'اقرأ أيضاً ما كتبه الزميل عن الموازنة في عدد الأمس من الملحق.',
        'التعليقات على مشروع القانون كثيرة ومتباينة.',
        'المزيد من الكاتب نفسه في الصفحات الداخلية لهذا العدد يتناول الموضوع.',
      ]),
      [],
    );
  });

  test('a one-word line counts only as a block of its own', () => {
    assert.deepEqual(flagged(['شارك']), ['شارك']);
    assert.deepEqual(flagged(['شارك\nفي الحملة فنانون ورياضيون.']), []);
  });

  test('code is not read', () => {
    assert.deepEqual(flagged(['```html\n<p>اترك تعليقاً</p>\n```']), []);
  });

  test('the quick fix deletes the line and its line break, and is never applied by fix-all', () => {
    const text = HEAD + 'اترك تعليقاً\n\nوختم الخبر.\n';
    const d = lint(text, BASE_OPTIONS).diagnostics.find((x) => x.rule === 'web-boilerplate')!;
    assert.equal(d.fix!.safe, false);
    assert.equal(applyEdits(text, d.fix!.edits).text, HEAD + '\nوختم الخبر.\n');
    assert.equal(fixAll(text, BASE_OPTIONS).text, text);
    const last = HEAD + 'اترك تعليقاً';
    const dl = lint(last, BASE_OPTIONS).diagnostics.find((x) => x.rule === 'web-boilerplate')!;
    assert.equal(applyEdits(last, dl.fix!.edits).text, HEAD.replace(/\n$/, ''));
  });
});
