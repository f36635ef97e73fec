/** Which Markdown files are articles: the globs, or a frontmatter that looks like one. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ARTICLE_GLOBS, globToRegExp, isArticle, matchesAny } from '../../server/src/engine';

const G = DEFAULT_ARTICLE_GLOBS;

describe('globs', () => {
  test('the default globs match article folders at any depth', () => {
    for (const p of ['articles/2025/x.md', 'articles/x.md', 'site/articles/2025/06/x.md', 'news/breaking.md', 'desk/news/a/b.md', 'drafts/oil.article.md', 'oil.article.md']) {
      assert.ok(matchesAny(p, G), p);
    }
  });

  test('and nothing else', () => {
    for (const p of ['README.md', 'docs/articles.md', 'articles/2025/x.txt', 'articles/2025/x.mdx', 'newsletter/x.md', 'x.article.md.bak']) {
      assert.ok(!matchesAny(p, G), p);
    }
  });

  test('Windows separators and a leading ./ are accepted', () => {
    assert.ok(matchesAny('articles\\2025\\06\\x.md', G));
    assert.ok(matchesAny('./articles/x.md', G));
    assert.ok(matchesAny('x.md', ['./*.md']));
  });

  test('*, **, ? and {a,b}', () => {
    assert.ok(globToRegExp('stories/*.md').test('stories/a.md'));
    assert.ok(!globToRegExp('stories/*.md').test('stories/2025/a.md'));
    assert.ok(globToRegExp('stories/**').test('stories/2025/a.md'));
    assert.ok(globToRegExp('20??/*.md').test('2025/a.md'));
    assert.ok(globToRegExp('{news,akhbar}/**/*.{md,markdown}').test('akhbar/x/y.markdown'));
    assert.ok(!globToRegExp('{news,akhbar}/*.md').test('other/y.md'));
    assert.ok(globToRegExp('a.b/(x)+.md').test('a.b/(x)+.md'), 'regex characters are literal');
    assert.ok(!globToRegExp('a.b/*.md').test('aXb/y.md'));
  });
});

describe('isArticle', () => {
  const ARTICLE = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\n---\nنص\n';

  test('a file under the globs is an article whatever it holds', () => {
    assert.ok(isArticle('articles/2025/x.md', '', G));
    assert.ok(isArticle('articles/2025/x.md', '# بلا بيانات وصفية\n', G));
  });

  test('a README without frontmatter stays quiet', () => {
    assert.ok(!isArticle('README.md', '# Muharrir\n\nمحرّر: مدقق للأخبار.\n', G));
    assert.ok(!isArticle('docs/guide.md', '---\n', G));
  });

  test('title plus one of date, sources, author makes any file an article', () => {
    assert.ok(isArticle('notes/draft.md', ARTICLE, G));
    assert.ok(isArticle('x.md', '---\ntitle: خبر\nsources: [رويترز]\n---\n', G));
    assert.ok(isArticle('x.md', '---\ntitle: خبر\nauthor: سارة\n---\n', G));
    assert.ok(isArticle('x.md', '\uFEFF' + ARTICLE, G), 'after a BOM');
    assert.ok(isArticle('x.md', ARTICLE.replace(/\n/g, '\r\n'), G), 'in CRLF');
  });

  test('frontmatter that is not an article’s stays quiet', () => {
    assert.ok(!isArticle('docs/page.md', '---\ntitle: دليل الاستخدام\nlayout: page\n---\n', G), 'title alone');
    assert.ok(!isArticle('docs/page.md', '---\ndate: 2025-06-02\nauthor: سارة\n---\n', G), 'no title');
    assert.ok(!isArticle('docs/page.md', '---\ntitle: "خبر\ndate: x\n---\n', G), 'unreadable');
    assert.ok(!isArticle('docs/page.md', '\n---\ntitle: خبر\ndate: x\n---\n', G), 'not on the first line');
  });

  test('custom globs replace the defaults', () => {
    assert.ok(isArticle('akhbar/x.md', '', ['akhbar/**/*.md']));
    assert.ok(!isArticle('articles/x.md', '', ['akhbar/**/*.md']));
  });
});
