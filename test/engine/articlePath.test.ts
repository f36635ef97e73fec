/**
 * Where the New Article command puts a new article: the path pattern expanded with the day and
 * the headline's slug, always inside the workspace folder.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_ARTICLE_PATH,
  expandArticlePath,
  suffixedArticlePath,
  type ArticlePathResult,
} from '../../server/src/engine/templates/articlePath';
import { slugify } from '../../server/src/engine/templates';

const JUNE_2 = { year: 2025, month: 6, day: 2 };

function ok(r: ArticlePathResult): string {
  assert.ok(r.ok, r.ok ? '' : r.message.en);
  return r.path;
}

function refused(r: ArticlePathResult): { en: string; ar: string } {
  assert.ok(!r.ok, `expected a refusal, got ${r.ok ? r.path : ''}`);
  return r.message;
}

describe('expandArticlePath', () => {
  test('an Arabic headline lands under articles/yyyy/mm with the date and its slug', () => {
    const slug = slugify('«أوبك+» تمدد خفض الإنتاج حتى نهاية 2025؟');
    assert.equal(
      ok(expandArticlePath(DEFAULT_ARTICLE_PATH, { ...JUNE_2, slug })),
      'articles/2025/06/2025-06-02-أوبك-تمدد-خفض-الإنتاج-حتى-نهاية-2025.md',
    );
  });

  test('months and days are two digits, years four; placeholders may repeat, any case', () => {
    assert.equal(ok(expandArticlePath('news/{YYYY}/{mm}{dd}/{slug}.md', { year: 987, month: 1, day: 9, slug: 'x' })), 'news/0987/0109/x.md');
    assert.equal(ok(expandArticlePath('{slug}.md', { ...JUNE_2, slug: 'قمة' })), 'قمة.md');
  });

  test('backslashes, doubled slashes and ./ are tidied into one relative path', () => {
    assert.equal(ok(expandArticlePath('./articles\\{yyyy}//{slug}.markdown', { ...JUNE_2, slug: 'a' })), 'articles/2025/a.markdown');
  });

  test('a path that climbs out of the folder with .. is refused, saying the article must stay inside', () => {
    for (const pattern of ['../{slug}.md', 'articles/../../{slug}.md', 'articles\\..\\..\\{slug}.md']) {
      const m = refused(expandArticlePath(pattern, { ...JUNE_2, slug: 'a' }));
      assert.match(m.en, /leaves the workspace folder/, pattern);
      assert.match(m.en, /inside the folder/);
      assert.match(m.ar, /داخل المجلد/);
    }
  });

  test('absolute paths are refused: /, a drive letter, ~, a URL', () => {
    for (const pattern of ['/tmp/{slug}.md', '\\\\server\\share\\{slug}.md', 'C:\\news\\{slug}.md', 'c:/news/{slug}.md', '~/news/{slug}.md', 'file:///tmp/{slug}.md']) {
      const m = refused(expandArticlePath(pattern, { ...JUNE_2, slug: 'a' }));
      assert.match(m.en, /must be relative to the workspace folder/, pattern);
    }
  });

  test('an unknown placeholder is named, with the ones that exist', () => {
    const m = refused(expandArticlePath('articles/{section}/{slug}.md', { ...JUNE_2, slug: 'a' }));
    assert.match(m.en, /\{section\}/);
    assert.match(m.en, /\{yyyy\} \{mm\} \{dd\} \{slug\}/);
    assert.match(refused(expandArticlePath('articles/{slug.md', { ...JUNE_2, slug: 'a' })).en, /unmatched \{/);
  });

  test('names no file system takes, and files that are not Markdown, are refused', () => {
    assert.match(refused(expandArticlePath('articles/a?b/{slug}.md', { ...JUNE_2, slug: 'a' })).en, /"a\?b"/);
    assert.match(refused(expandArticlePath('articles/draft./{slug}.md', { ...JUNE_2, slug: 'a' })).en, /not a valid file or folder name/);
    assert.match(refused(expandArticlePath('articles/{slug}', { ...JUNE_2, slug: 'a' })).en, /Markdown file ending in \.md/);
    assert.match(refused(expandArticlePath('articles/{slug}.txt', { ...JUNE_2, slug: 'a' })).en, /\.md/);
    assert.match(refused(expandArticlePath('articles/.md', { ...JUNE_2, slug: 'a' })).en, /\.md/);
    assert.match(refused(expandArticlePath('   ', { ...JUNE_2, slug: 'a' })).en, /is empty/);
  });
});

describe('suffixedArticlePath', () => {
  test('the second and third article of the same name get -2 and -3 before the extension', () => {
    const p = 'articles/2025/06/2025-06-02-قمة-الرياض.md';
    assert.equal(suffixedArticlePath(p, 1), p);
    assert.equal(suffixedArticlePath(p, 2), 'articles/2025/06/2025-06-02-قمة-الرياض-2.md');
    assert.equal(suffixedArticlePath(p, 3), 'articles/2025/06/2025-06-02-قمة-الرياض-3.md');
    assert.equal(suffixedArticlePath('v1.2/notes', 2), 'v1.2/notes-2', 'a dot in a folder name is not an extension');
  });
});
