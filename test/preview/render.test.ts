/**
 * The article preview renderer (client/src/preview/render), in Node: the document's structure,
 * dates in both calendars, the sources box, the share card, the problems marked in place, the
 * address policy for links and images, escaping, and what happens with broken frontmatter.
 * tests in xss.test.ts load the same output in Chromium.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderArticle, buildCsp, cutForCard, graphemes, type RenderOptions, type PreviewDiagnostic } from '../../client/src/preview/render';
import { lint } from '../../server/src/engine';
import { CORPUS } from './xssCorpus';

const FIXTURES = join(__dirname, '..', 'fixtures', 'preview');
const ARTICLE = readFileSync(join(FIXTURES, 'article.md'), 'utf8');
const NONCE = 'TestNonce0123456789abcdef';
const ORIGIN = 'https://preview.test';

function options(o: Partial<RenderOptions> = {}): RenderOptions {
  return {
    nonce: NONCE,
    cspSource: ORIGIN,
    fontUri: `${ORIGIN}/media/arabic-400.woff2`,
    baseUri: `${ORIGIN}/articles/2025/`,
    allowRemoteImages: false,
    width: 'desktop',
    view: 'article',
    showDiagnostics: true,
    locale: 'ar',
    now: new Date('2025-06-10T12:00:00Z'),
    ...o,
  };
}

function render(text: string, o: Partial<RenderOptions> = {}) {
  return renderArticle(text, options(o));
}

function article(fm: string, body = 'نص الخبر.'): string {
  return `---\n${fm}\n---\n\n${body}\n`;
}

/** The engine's own diagnostics, converted as the webview will convert the language server's. */
function diagnosticsOf(text: string): PreviewDiagnostic[] {
  return lint(text, { locale: 'ar', now: new Date('2025-06-10T12:00:00Z'), machineTimeZone: 'Asia/Riyadh' }).diagnostics.map((d) => ({
    range: d.range,
    message: d.message,
    severity: d.severity,
    code: d.rule,
  }));
}

/** The text of the first element with this class (tags stripped, entities left as written). */
function textOf(html: string, className: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m ? m[2].replace(/<[^>]+>/g, '') : undefined;
}

function count(haystack: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return haystack.split(needle).length - 1;
  return (haystack.match(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g')) ?? []).length;
}

describe('document structure', () => {
  const r = render(ARTICLE);

  test('<html> and <article> carry dir="rtl" and lang="ar" by default, with the headline as <title>', () => {
    assert.match(r.html, /^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    assert.match(r.html, /<article class="article" lang="ar" dir="rtl">/);
    assert.equal(r.lang, 'ar');
    assert.equal(r.dir, 'rtl');
    assert.match(r.html, /<title>افتتاح مشروع توسعة محطة تحلية المياه في جدة بطاقة 600 ألف متر مكعب يومياً<\/title>/);
  });

  test('headline, standfirst, byline with every author, dateline, section', () => {
    assert.equal(textOf(r.html, 'headline'), 'افتتاح مشروع توسعة محطة تحلية المياه في جدة بطاقة 600 ألف متر مكعب يومياً');
    assert.equal(r.title, textOf(r.html, 'headline'));
    assert.match(textOf(r.html, 'standfirst')!, /^دشّنت الهيئة السعودية للمياه المرحلة الثانية/);
    assert.equal(textOf(r.html, 'byline'), 'بقلم سارة الأحمد وخالد يوسف');
    assert.equal(count(r.html, 'class="author"'), 2);
    assert.equal(textOf(r.html, 'dateline'), 'جدة');
    assert.equal(textOf(r.html, 'section'), 'محليات');
  });

  test('the body follows the header, with headings, lists and the pull quote', () => {
    const body = r.html.slice(r.html.indexOf('<div class="article-body">'));
    assert.match(body, /<h2 data-line="\d+" id="h-أرقام-المشروع">أرقام المشروع<\/h2>/);
    assert.equal(count(body, '<li data-line='), 3);
    assert.match(body, /<blockquote data-line="\d+">\s*<p data-line="\d+"/);
  });

  test('a single author string gets «بقلم» too; an English article gets English chrome and dir="ltr"', () => {
    assert.equal(textOf(render(article('title: خبر\nauthor: مكتب التحرير')).html, 'byline'), 'بقلم مكتب التحرير');
    const en = render(article('title: Water plant opens\nlanguage: en\nauthor: [Sara Ahmad, Khalid Yousef]\nsources: [SPA]', 'Text.'));
    assert.match(en.html, /<html lang="en" dir="ltr">/);
    assert.equal(textOf(en.html, 'byline'), 'By Sara Ahmad and Khalid Yousef');
    assert.match(en.html, /<h2 id="muharrir-sources-heading">Sources<\/h2>/);
  });

  test('other right-to-left languages are rtl; a value that is no language tag falls back to Arabic with a warning', () => {
    assert.equal(render(article('title: خبر\nlanguage: fa')).dir, 'rtl');
    assert.equal(render(article('title: خبر\nlanguage: ur-PK')).lang, 'ur-PK');
    const bad = render(article('title: خبر\nlanguage: \'ar" onload="x\''));
    assert.equal(bad.lang, 'ar');
    assert.ok(bad.warnings.some((w) => w.code === 'language-invalid'));
    assert.doesNotMatch(bad.html, /onload="/);
  });

  test('status: a badge for draft, review and approved (draft when absent), none once published', () => {
    assert.equal(textOf(r.html, 'status-badge'), 'قيد المراجعة');
    assert.equal(textOf(render(article('title: خبر')).html, 'status-badge'), 'مسودة');
    assert.equal(textOf(render(article('title: خبر\nstatus: approved'), { locale: 'en' }).html, 'status-badge'), 'Approved');
    assert.equal(textOf(render(article('title: خبر\nstatus: published')).html, 'status-badge'), undefined);
  });

  test('values that are names of object properties are only text (no prototype lookups)', () => {
    const r = render(article('title: خبر\nstatus: constructor\nsources:\n  - name: مصدر\n    type: __proto__'), { locale: '__proto__' as 'ar' });
    assert.equal(textOf(r.html, 'status-badge'), 'constructor');
    assert.match(r.html, /<li class="source" data-line="\d+">مصدر<\/li>/);
  });
});

describe('publication times in both calendars', () => {
  test('2025-06-02T18:00:00+03:00 is Monday 2 June 2025, 6 Dhu al-Hijjah 1446, at 18:00 in the article\'s own offset', () => {
    const r = render(ARTICLE);
    const published = /<p class="time published"[^>]*>([\s\S]*?)<\/p>/.exec(r.html)![1];
    assert.match(published, /<time datetime="2025-06-02T18:00:00\+03:00">/);
    assert.match(published, /<span class="gregorian">الاثنين، 2 يونيو 2025<\/span>/);
    assert.match(published, /<span class="clock">18:00<\/span>/);
    assert.match(published, /\(UTC\+03:00\)/);
    assert.match(published, /<span class="hijri">الموافق 6 ذو الحجة 1446 هـ<\/span>/);
    const updated = /<p class="time updated"[^>]*>([\s\S]*?)<\/p>/.exec(r.html)![1];
    assert.match(updated, /^<span class="label">آخر تحديث<\/span>/);
    assert.match(updated, /الثلاثاء، 3 يونيو 2025/);
    assert.match(updated, /7 ذو الحجة 1446 هـ/);
    assert.match(updated, /09:30/);
  });

  test('an article written in Arabic-Indic digits gets its dates in them; the option can force either', () => {
    const fm = 'title: افتتاح المحطة\ndate: 2025-06-02T18:00:00+03:00';
    const indic = render(article(fm, 'بلغت الطاقة ٦٠٠ ألف متر مكعب في ٢٠٢٥.'));
    assert.match(indic.html, /الاثنين، ٢ يونيو ٢٠٢٥/);
    assert.match(indic.html, /٦ ذو الحجة ١٤٤٦ هـ/);
    assert.match(indic.html, /<span class="clock">١٨:٠٠<\/span>/);
    assert.match(render(article(fm, 'بلغت ٦٠٠ ألف.'), { digits: 'latin' }).html, /الاثنين، 2 يونيو 2025/);
    assert.match(render(article(fm, 'بلغت 600 ألف.'), { digits: 'arabic-indic' }).html, /٦ ذو الحجة ١٤٤٦ هـ/);
  });

  test('the configured zone wins over the offset of `date` (the engine\'s order): 23:30Z is already 3 June in Riyadh', () => {
    const text = article('title: خبر\ndate: 2025-06-02T23:30:00Z');
    const own = render(text).html;
    assert.match(own, /الاثنين، 2 يونيو 2025/);
    assert.match(own, /<span class="clock">23:30<\/span>/);
    assert.match(own, /UTC\+00:00/);
    const riyadh = render(text, { timeZone: 'Asia/Riyadh' }).html;
    assert.match(riyadh, /<time datetime="2025-06-03T02:30:00\+03:00">/);
    assert.match(riyadh, /الثلاثاء، 3 يونيو 2025/);
    assert.match(riyadh, /7 ذو الحجة 1446 هـ/);
  });

  test('an impossible date is shown as written with a note, never as a wrong day', () => {
    const r = render(article('title: خبر\ndate: 2025-02-30T10:00:00+03:00'));
    assert.equal(textOf(r.html, 'invalid-date'), 'تاريخ غير صالح: 2025-02-30T10:00:00+03:00');
    assert.ok(r.warnings.some((w) => w.code === 'date-invalid' && w.line === 2));
  });

  test('a publication time still ahead, and an embargo, are flagged for the writer', () => {
    const r = render(article('title: خبر\ndate: 2025-07-01T08:00:00+03:00\nembargo: 2025-07-01T08:00:00+03:00'));
    assert.match(r.html, /موعد النشر لم يحن بعد/);
    assert.match(r.html, /محظور النشر حتى الثلاثاء، 1 يوليو 2025/);
    assert.doesNotMatch(render(article('title: خبر\ndate: 2025-06-01T08:00:00+03:00')).html, /موعد النشر لم يحن بعد/);
  });
});

describe('sources box and tags', () => {
  test('«المصادر» lists every source; only http(s) URLs become links; types are named', () => {
    const r = render(ARTICLE);
    const box = /<aside class="sources"[\s\S]*?<\/aside>/.exec(r.html)![0];
    assert.match(box, /<h2 id="muharrir-sources-heading">المصادر<\/h2>/);
    assert.equal(count(box, '<li class="source"'), 3);
    assert.match(box, /<a href="https:\/\/www\.swa\.gov\.sa\/" data-link="external" rel="noopener noreferrer">الهيئة السعودية للمياه<\/a> <span class="source-type">\(جهة رسمية\)<\/span>/);
    assert.match(box, /<li class="source" data-line="\d+">وكالة الأنباء السعودية<\/li>/);
    assert.match(box, /مقابلة مع مدير المشروع <span class="source-type">\(مقابلة\)<\/span>/);
  });

  test('a source URL that is not http(s) is shown as a name only', () => {
    const text = article(
      'title: خبر\nsources:\n  - name: ملف\n    url: file:///etc/passwd\n  - name: نص\n    url: "javascript:alert(1)"\n  - name: موقع\n    url: ftp://example.com/x',
    );
    const box = /<aside class="sources"[\s\S]*?<\/aside>/.exec(render(text).html)![0];
    assert.equal(count(box, '<a '), 0);
    assert.doesNotMatch(box, /passwd|javascript|ftp:/);
  });

  test('tags become a list', () => {
    const tags = /<ul class="tags"[^>]*aria-label="الوسوم">([\s\S]*?)<\/ul>/.exec(render(ARTICLE).html)![1];
    assert.equal(tags, '<li class="tag">مياه</li><li class="tag">جدة</li><li class="tag">بنية تحتية</li>');
  });
});

describe('share card and widths', () => {
  test('cutForCard counts grapheme clusters: harakat and emoji count once', () => {
    const voweled = 'مَرْحَبًا '.repeat(10).trim();
    assert.equal(voweled.length, 99);
    assert.deepEqual(cutForCard(voweled, 70), { text: voweled, length: 59, cut: false });
    assert.equal(graphemes('👩🏽‍💻أ').length, 2);
  });

  test('a long headline is cut at a word boundary within the limit, with an ellipsis', () => {
    const title = 'السلطات تعلن عن خطة شاملة لتطوير شبكة الطرق في محافظات الصعيد خلال العامين المقبلين بتكلفة كبيرة';
    const cut = cutForCard(title, 70);
    assert.equal(cut.cut, true);
    assert.ok(graphemes(cut.text).length <= 70, cut.text);
    assert.ok(cut.text.endsWith('\u2026'));
    const head = cut.text.slice(0, -1);
    assert.ok(title.startsWith(head) && title[head.length] === ' ', 'cut between words');
  });

  test('the social-card view shows the cut headline and summary, the first image, and the counts', () => {
    const r = render(ARTICLE, { view: 'social-card' });
    assert.match(r.bodyClass, /\bview-social-card\b/);
    const title = textOf(r.html, 'card-title')!;
    assert.ok(graphemes(title).length <= 70 && title.endsWith('\u2026'), title);
    assert.equal(textOf(r.html, 'card-summary'), 'دشّنت الهيئة السعودية للمياه المرحلة الثانية من مشروع التوسعة، وقالت إنها ستغطي احتياجات نحو مليوني نسمة مع حلول الصيف المقبل.');
    assert.match(r.html, /<div class="card-image"><img src="https:\/\/preview\.test\/articles\/2025\/images\/plant\.png"/);
    assert.match(r.html, /<dd class="over">72 حرفًا من 70 — سيُقطع<\/dd>/);
    assert.doesNotMatch(r.html, /<article /);
  });

  test('without a summary the card takes the first paragraph and says so; limits are options', () => {
    const r = render(article('title: خبر قصير', 'الفقرة الأولى من الخبر وهي طويلة بما يكفي لتُقطع.\n\nالثانية.'), {
      view: 'social-card',
      card: { summaryMax: 20 },
    });
    const summary = textOf(r.html, 'card-summary')!;
    assert.ok(summary.startsWith('الفقرة الأولى') && summary.endsWith('\u2026') && graphemes(summary).length <= 20);
    assert.match(r.html, /أُخذ من الفقرة الأولى/);
  });

  test('mobile width is a body class (a 390 px column in the stylesheet); desktop is the default', () => {
    const mobile = render(ARTICLE, { width: 'mobile' });
    assert.match(mobile.bodyClass, /\bwidth-mobile\b/);
    assert.match(mobile.html, /body\.width-mobile \.page \{ width: 390px; max-width: 390px;/);
    assert.match(render(ARTICLE).bodyClass, /\bwidth-desktop\b/);
  });
});

describe('typography and theme', () => {
  const r = render(ARTICLE, { fontBoldUri: `${ORIGIN}/media/arabic-700.woff2` });

  test('Noto Naskh Arabic from the given URIs, with Arabic line height, justified hyphen-free text', () => {
    assert.match(r.html, /@font-face\{font-family:'Noto Naskh Arabic';font-style:normal;font-weight:400;font-display:block;src:url\("https:\/\/preview\.test\/media\/arabic-400\.woff2"\) format\('woff2'\);unicode-range:U\+0600-06FF/);
    assert.match(r.html, /font-weight:700;font-display:block;src:url\("https:\/\/preview\.test\/media\/arabic-700\.woff2"\)/);
    assert.match(r.html, /font-family: 'Noto Naskh Arabic'/);
    assert.match(r.html, /line-height: 1\.9;/);
    assert.match(r.html, /\.article-body p, \.article-body li \{ text-align: justify; text-justify: inter-word; hyphens: none;/);
    assert.doesNotMatch(r.html, /font-variant-numeric: (?!normal)|font-feature-settings: (?!normal)/, 'numerals as written');
  });

  test('a font URI cannot break out of its CSS string or the <style> element', () => {
    const evil = render(ARTICLE, { fontUri: `${ORIGIN}/f.woff2");}body{background:red}</style><script>alert(1)</script>` }).html;
    assert.equal(count(evil, '</style>'), 1);
    assert.doesNotMatch(evil, /<script>alert/);
    assert.match(evil, /src:url\("https:\/\/preview\.test\/f\.woff2\\22 \);\}body\{background:red\}\\3c \/style\\3e \\3c script\\3e alert\(1\)\\3c \/script\\3e "\)/);
  });

  test('the palette follows VS Code\'s body classes unless a theme is forced on <html>', () => {
    assert.match(r.html, /body\.vscode-dark \{/);
    assert.match(r.html, /body\.vscode-high-contrast:not\(\.vscode-high-contrast-light\) \{/);
    assert.match(r.html, /<html lang="ar" dir="rtl">/);
    assert.match(render(ARTICLE, { theme: 'dark' }).html, /<html lang="ar" dir="rtl" class="theme-dark">/);
    const junk = render(ARTICLE, { theme: '"><script>x</script>' as RenderOptions['theme'] }).html;
    assert.match(junk, /<html lang="ar" dir="rtl">/, 'an unknown theme from a setting is ignored');
  });

  test('«quotes» and “quotes” are wrapped for styling; an unbalanced one is left alone', () => {
    const html = render(article('title: خبر', 'قال إن «الوضع مستقر» وأضاف “نحن مستعدون” ثم «بلا إغلاق.')).html;
    assert.match(html, /<span class="quote">«الوضع مستقر»<\/span>/);
    assert.match(html, /<span class="quote">“نحن مستعدون”<\/span>/);
    assert.match(html, /ثم «بلا إغلاق\./);
    assert.equal(count(html, '<span class="quote">'), 2);
  });

  test('a quote is wrapped only when it nests: across an emphasis edge it is not', () => {
    const html = render(article('title: خبر', '«قال *هذا» و* ذاك')).html;
    assert.equal(count(html, '<span class="quote">'), 0);
    assert.match(render(article('title: خبر', '«قال *هذا* وذاك»')).html, /<span class="quote">«قال <em>هذا<\/em> وذاك»<\/span>/);
  });
});

describe('problems in place', () => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'articles', 'aramco-first-quarter-results.md'), 'utf8');
  const diagnostics = diagnosticsOf(text);
  const r = render(text, { diagnostics });
  const marks = [...r.html.matchAll(/<mark class="muharrir-problem" data-severity="(\w+)" data-code="([^"]+)" title="([^"]*)">([^<]*)<\/mark>/g)];

  test('every body diagnostic of the language server wraps exactly the text it flags, with its message', () => {
    const body = diagnostics.filter((d) => d.range.start.line > 14);
    assert.ok(body.length >= 5, 'the fixture has body problems');
    for (const d of body) {
      const lines = text.split('\n');
      const flagged = lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
      const m = marks.find((x) => x[2] === d.code && x[4] === flagged);
      assert.ok(m, `${d.code} «${flagged}» is marked`);
      assert.ok(m[3].includes(d.message.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;')));
      assert.equal(m[1], d.severity);
    }
  });

  test('two identical flagged strings in one paragraph are both marked, each once', () => {
    const commas = marks.filter((m) => m[2] === 'arabic-punctuation');
    assert.equal(commas.length, 2);
    assert.match(r.html, /\(Saudi Aramco\)<mark[^>]*>,<\/mark> أكبر شركة منتجة للنفط في العالم<mark[^>]*>,<\/mark> تراجع/);
  });

  test('the second of two equal words is marked when the diagnostic is on the second', () => {
    const src = article('title: خبر', 'كتب الخبر ثم كتب الخبر مرة أخرى.');
    const second = src.split('\n').findIndex((l) => l.startsWith('كتب'));
    const at = src.split('\n')[second].lastIndexOf('الخبر');
    const d: PreviewDiagnostic = { range: { start: { line: second, character: at }, end: { line: second, character: at + 5 } }, message: 'ثانية', severity: 'warning', code: 'x' };
    assert.match(render(src, { diagnostics: [d] }).html, /كتب الخبر ثم كتب <mark[^>]*>الخبر<\/mark> مرة/);
  });

  test('text that does not appear as such in the rendering marks its whole block instead', () => {
    const src = article('title: خبر', 'فقرة فيها **تشديد** هنا.');
    const line = src.split('\n').findIndex((l) => l.startsWith('فقرة'));
    const d: PreviewDiagnostic = { range: { start: { line, character: 5 }, end: { line, character: 15 } }, message: 'رسالة', severity: 'error', code: 'y' };
    const html = render(src, { diagnostics: [d] }).html;
    assert.match(html, new RegExp(`<p data-line="${line}" class="muharrir-problem-block" data-severity="error" data-code="y" title="رسالة \\(y\\)">`));
  });

  test('frontmatter problems are listed at the top and mark the field they are on', () => {
    const src = article('title: ' + 'عنوان طويل جداً '.repeat(9) + '\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources: [واس]\nsubtitle: x');
    const diags = diagnosticsOf(src);
    assert.ok(diags.some((d) => d.code === 'unknown-field'));
    const html = render(src, { diagnostics: diags }).html;
    const list = /<section class="muharrir-problems[\s\S]*?<\/section>/.exec(html)![0];
    assert.match(list, /<h2>مشكلات البيانات الوصفية<\/h2>/);
    assert.match(list, /<li data-severity="\w+" data-line="5">.*\(unknown-field\).*السطر 6/);
    assert.ok(html.indexOf('muharrir-problems') < html.indexOf('<article'), 'above the article');
    const headline = diags.find((d) => d.range.start.line === 1)!;
    assert.match(html, new RegExp(`<h1 class="headline muharrir-problem-field" data-line="1" data-severity="${headline.severity}" data-code="${headline.code}" title="[^"]+">`));
  });

  test('a diagnostic with no rendered text under it (a blank line, a stale range) is listed, never lost', () => {
    const src = article('title: خبر', 'فقرة.\n\n\nفقرة ثانية.');
    const d = (line: number): PreviewDiagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, message: `m${line}`, severity: 'hint', code: 'z' });
    const r2 = render(src, { diagnostics: [d(6), d(500)] });
    const list = /<section class="muharrir-problems[\s\S]*?<\/section>/.exec(r2.html)![0];
    assert.match(list, /<h2>مشكلات لم تُعلَّم في النص<\/h2>/);
    const last = src.split('\n').length - 1;
    assert.match(list, /<li data-severity="hint" data-line="6">.*m6.*السطر 7<\/span><\/li>/);
    assert.match(list, new RegExp(`<li data-severity="hint" data-line="${last}">.*m500`), 'a stale line is clamped to the text');
    assert.deepEqual(r2.warnings.filter((w) => w.code === 'diagnostic-unplaced').map((w) => w.message), ['m6', 'm500']);
  });

  test('hidden problems: a body class, and the messages move to data-title so a clean read has no tooltips', () => {
    const hidden = render(text, { diagnostics, showDiagnostics: false });
    assert.match(hidden.bodyClass, /\bmuharrir-hide-problems\b/);
    assert.equal(count(hidden.html, /<mark class="muharrir-problem"[^>]* title=/), 0);
    assert.equal(count(hidden.html, /<mark class="muharrir-problem"[^>]* data-title=/), marks.length);
    assert.match(hidden.html, /body\.muharrir-hide-problems mark\.muharrir-problem \{ background: none; text-decoration: none;/);
  });

  test('malformed diagnostics from the message channel are ignored, not thrown on', () => {
    const junk = [{}, { range: null }, { range: { start: { line: 'a' } } }, { message: 1 }] as unknown as PreviewDiagnostic[];
    assert.doesNotThrow(() => render(text, { diagnostics: junk }));
  });
});

describe('links, images and raw HTML', () => {
  test('raw HTML is escaped, never passed through (html: false)', () => {
    const html = render(article('title: خبر', '<b>عريض</b> <script>alert(1)</script>\n\n<div onclick="x()">كتلة</div>')).fragment;
    assert.match(html, /&lt;b&gt;عريض&lt;\/b&gt; &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;div onclick=&quot;x\(\)&quot;&gt;كتلة&lt;\/div&gt;/);
    assert.doesNotMatch(html, /<script|<b>|<div onclick/);
  });

  test('links: http(s), mailto, fragments and relative paths only', () => {
    const html = render(
      article(
        'title: خبر',
        '[أ](https://a.example/x) [ب](mailto:desk@example.com) [ج](#h-x) [د](../other.md) [هـ](javascript:alert(1)) [و](JaVaScRiPt:alert(1)) [ز](&#106;avascript:alert(1)) [ح](data:text/html,x) [ط](vbscript:x) [ي](file:///etc/passwd) [ك](command:workbench.action.quit) <javascript:alert(1)> <https://b.example>',
      ),
    ).fragment;
    assert.match(html, /<a href="https:\/\/a\.example\/x" data-link="external" rel="noopener noreferrer">أ<\/a>/);
    assert.match(html, /<a href="mailto:desk@example\.com" data-link="mailto">ب<\/a>/);
    assert.match(html, /<a href="#h-x" data-link="fragment">ج<\/a>/);
    assert.match(html, /<a href="\.\.\/other\.md" data-link="relative">د<\/a>/);
    assert.match(html, /<a href="https:\/\/b\.example" data-link="external" rel="noopener noreferrer">https:\/\/b\.example<\/a>/);
    assert.equal(count(html, '<a '), 5);
    assert.doesNotMatch(html, /href="(?:javascript|data|vbscript|file|command)/i);
  });

  test('a raster data: image passes (no request, no script); a data: link does not', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const html = render(article('title: خبر', `![صغيرة](${png}) [رابط](${png}) ![svg](data:image/svg+xml,<svg onload=alert(1)>)`)).fragment;
    assert.match(html, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="صغيرة" data-image="data"/);
    assert.match(html, /<span class="muharrir-blocked-link" title="[^"]+">رابط<\/span>/);
    assert.doesNotMatch(html, /<img[^>]*svg/);
  });

  test('local images resolve against the article folder; remote ones are a placeholder unless allowed', () => {
    const text = article('title: خبر', '![أ](images/a.png) ![ب](../shared/b.jpg) ![ج](https://cdn.example/c.jpg) ![د](//cdn.example/d.jpg) ![هـ](http://cdn.example/e.jpg) ![و](/img/f.png)');
    const off = render(text);
    assert.match(off.fragment, /<img src="https:\/\/preview\.test\/articles\/2025\/images\/a\.png" alt="أ" data-image="local"/);
    assert.match(off.fragment, /<img src="https:\/\/preview\.test\/articles\/shared\/b\.jpg" alt="ب" data-image="local"/);
    assert.equal(count(off.fragment, 'data-image="remote-blocked"'), 2);
    assert.match(off.fragment, /صورة من cdn\.example: لا تُحمَّل الصور البعيدة/);
    assert.equal(count(off.fragment, 'data-image="insecure"'), 1);
    assert.equal(count(off.fragment, 'data-image="site-root"'), 1);
    assert.equal(off.warnings.filter((w) => w.code === 'remote-image').length, 3);
    assert.doesNotMatch(off.fragment, /<img[^>]*cdn\.example/);
    const on = render(text, { allowRemoteImages: true });
    assert.match(on.fragment, /<img src="https:\/\/cdn\.example\/c\.jpg" alt="ج" data-image="remote"/);
    assert.match(on.fragment, /<img src="https:\/\/cdn\.example\/d\.jpg" alt="د" data-image="remote"/);
    assert.equal(count(on.fragment, 'data-image="insecure"'), 1, 'http stays blocked: the CSP only allows https:');
    const noBase = render(text, { baseUri: undefined });
    assert.equal(count(noBase.fragment, 'data-image="no-base"'), 2);
  });
});

describe('CSP and the document shell', () => {
  test('the CSP is strict, in a <meta> first in <head>, and remote images add only https:', () => {
    const r = render(ARTICLE);
    assert.equal(
      r.csp,
      `default-src 'none'; img-src ${ORIGIN} data:; style-src ${ORIGIN} 'nonce-${NONCE}'; font-src ${ORIGIN}; script-src 'nonce-${NONCE}'; base-uri 'none'; form-action 'none'`,
    );
    assert.match(r.html, new RegExp(`<head>\\n<meta charset="utf-8">\\n<meta http-equiv="Content-Security-Policy" content="${r.csp.replace(/'/g, '&#39;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`));
    assert.match(buildCsp({ cspSource: ORIGIN, nonce: NONCE, allowRemoteImages: true }), /img-src https:\/\/preview\.test data: https:;/);
    assert.match(r.html, new RegExp(`<style nonce="${NONCE}">`));
  });

  test('the preview script is loaded with the nonce when given, and nothing else is a script', () => {
    const r = render(ARTICLE, { scriptUri: `${ORIGIN}/media/preview.js` });
    assert.match(r.html, new RegExp(`<script nonce="${NONCE}" src="https://preview\\.test/media/preview\\.js"></script>`));
    assert.equal(count(r.html, '<script'), 1);
    assert.equal(count(render(ARTICLE).html, '<script'), 0);
  });

  test('a malformed nonce or CSP source is the caller\'s bug and throws', () => {
    assert.throws(() => render(ARTICLE, { nonce: "short'" }), TypeError);
    assert.throws(() => render(ARTICLE, { cspSource: "x; script-src 'unsafe-inline'" }), TypeError);
  });

  test('the fragment is the content of #muharrir-root, for live updates without a reload', () => {
    const r = render(ARTICLE);
    assert.ok(r.html.includes(`<main class="page" id="muharrir-root">${r.fragment}</main>`));
    assert.match(r.html, new RegExp(`<body class="${r.bodyClass}" data-line-count="\\d+">`));
  });

  test('data-line gives each block its line in the document, and blocks lists them in order', () => {
    const r = render(ARTICLE);
    const lines = ARTICLE.split('\n');
    const para = lines.findIndex((l) => l.startsWith('أعلنت الهيئة'));
    assert.match(r.html, new RegExp(`<p data-line="${para}">أعلنت الهيئة`));
    assert.match(r.html, /<h1 class="headline" data-line="1">/);
    const heading = lines.findIndex((l) => l.startsWith('## '));
    assert.ok(r.blocks.some((b) => b.kind === 'heading' && b.line === heading && b.endLine === heading + 1));
    assert.ok(r.blocks.some((b) => b.kind === 'header' && b.line === 0));
    assert.deepEqual(r.blocks.map((b) => b.line), [...r.blocks.map((b) => b.line)].sort((a, b) => a - b));
    const crlf = render(ARTICLE.replace(/\n/g, '\r\n'));
    assert.match(crlf.html, new RegExp(`<p data-line="${para}">أعلنت الهيئة`));
  });
});

describe('broken or missing frontmatter', () => {
  test('no frontmatter: the body with a notice, no headline invented from it', () => {
    const r = render('# عنوان في المتن\n\nفقرة.\n', { diagnostics: diagnosticsOf('# عنوان في المتن\n\nفقرة.\n') });
    assert.match(r.html, /<div class="muharrir-notice muharrir-writer" role="note" lang="ar" dir="rtl">لا توجد بيانات وصفية/);
    assert.match(r.html, /<h1 data-line="0" id="h-عنوان-في-المتن">عنوان في المتن<\/h1>/);
    assert.match(r.html, /<p data-line="2">فقرة\.<\/p>/);
    assert.match(r.html, /\(frontmatter-missing\)/);
    assert.ok(r.warnings.some((w) => w.code === 'frontmatter-missing'));
  });

  test('broken YAML: the body still renders, the notice quotes the parser', () => {
    const r = render('---\ntitle: "غير مغلق\ndate: [\n---\n\nفقرة المتن.\n');
    assert.match(r.html, /تعذرت قراءة البيانات الوصفية/);
    assert.match(r.html, /<p data-line="5">فقرة المتن\.<\/p>/);
  });

  test('unclosed frontmatter: everything after the first line is shown rather than nothing', () => {
    const r = render('---\ntitle: خبر\n\nفقرة المتن.\n', { locale: 'en' });
    assert.match(r.html, /never closed with a `---` line/);
    assert.match(r.html, /<p data-line="3">فقرة المتن\.<\/p>/);
  });

  test('---js frontmatter is never run; the body renders', () => {
    const r = render('---js\n{ title: (() => { throw new Error("ran") })() }\n---\n\nفقرة.\n');
    assert.match(r.html, /«js» لا تُقرأ ولا تُنفَّذ أبدًا/);
    assert.match(r.html, /<p data-line="4">فقرة\.<\/p>/);
  });

  test('garbage in, a document out: no input makes the renderer throw', () => {
    const inputs = ['', '---', '---\n', '\uFEFF', '\uFEFF---\ntitle: x\n---\n', '\u0000\u0001\uFFFD'.repeat(50), 'a: [[[[[[[[', '---\n' + '['.repeat(5000) + '\n---\n', '---\n- 1\n- 2\n---\nx', '---\ntitle: &a x\nsummary: *a\n---\n'];
    for (const text of inputs) {
      const r = render(text);
      assert.match(r.html, /<\/html>\n$/, JSON.stringify(text.slice(0, 20)));
    }
  });
});

test('test/preview/README.md lists every case of the XSS corpus', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const missing = CORPUS.map((c) => c.id).filter((id) => !readme.includes('`' + id + '`'));
  assert.deepEqual(missing, []);
});
