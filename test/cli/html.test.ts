import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, NOW, muharrir, parseJson, tempDir, write, type JsonReport } from './helpers';

/** The tags the report is made of; anything else in the output came from an article. */
const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'h1', 'h2', 'h3', 'p', 'time', 'dl', 'dt', 'dd',
  'div', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'section', 'bdi', 'ul', 'ol', 'li', 'span', 'a', 'code', 'pre', 'mark',
]);
const VOID = new Set(['meta']);

interface Element {
  name: string;
  attrs: Map<string, string>;
}

/**
 * A strict reading of the report: a doctype, then only tags with lower-case names and
 * double-quoted attributes, every non-void element closed in order, text with no raw `<` or `>`
 * and only the entities the escaper writes. Returns every element met, in order.
 */
function parseStrict(html: string): Element[] {
  assert.ok(html.startsWith('<!DOCTYPE html>\n'), 'starts with the HTML5 doctype');
  const elements: Element[] = [];
  const open: string[] = [];
  let i = '<!DOCTYPE html>\n'.length;
  const checkText = (s: string, where: number) => {
    assert.ok(!/[<>]/.test(s), `raw < or > in text at ${where}: ${JSON.stringify(s.slice(0, 80))}`);
    for (const m of s.matchAll(/&[^;\s]*;?/g)) {
      assert.ok(/^&(amp|lt|gt|quot|#39);$/.test(m[0]), `unknown entity ${m[0]} at ${where}`);
    }
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const end = lt === -1 ? html.length : lt;
    checkText(html.slice(i, end), i);
    if (lt === -1) break;
    const tag = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*>/.exec(html.slice(lt, lt + 4000));
    assert.ok(tag, `malformed tag at ${lt}: ${JSON.stringify(html.slice(lt, lt + 80))}`);
    const [whole, slash, name, attrText] = tag;
    if (slash) {
      assert.equal(open.pop(), name, `</${name}> closes what was opened, at ${lt}`);
      i = lt + whole.length;
      continue;
    }
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(/([a-z][a-z-]*)="([^"]*)"/g)) {
      assert.ok(!attrs.has(a[1]), `attribute ${a[1]} given twice on <${name}>`);
      checkText(a[2], lt);
      attrs.set(a[1], a[2]);
    }
    elements.push({ name, attrs });
    i = lt + whole.length;
    if (name === 'style') {
      // Raw text: it ends at the first </style>, so it must hold no markup.
      const close = html.indexOf('</style>', i);
      assert.ok(close > 0, '<style> is closed');
      assert.ok(!html.slice(i, close).includes('<'), 'no markup inside <style>');
      i = close + '</style>'.length;
      continue;
    }
    if (!VOID.has(name)) open.push(name);
  }
  assert.deepEqual(open, [], 'every element is closed');
  return elements;
}

function html(dir: string, extra: string[] = []) {
  const r = muharrir(['check', '--format', 'html', '--now', NOW, ...extra], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stderr, '');
  return r.stdout;
}

/** The numbers carried in `data-count` attributes inside the element that has `marker` (up to its end). */
function countsIn(page: string, marker: string): Record<string, number> {
  const at = page.indexOf(marker);
  assert.ok(at >= 0, `${marker} is in the report`);
  const row = page.slice(at, page.indexOf('</tr>', at) === -1 ? undefined : page.indexOf('</tr>', at));
  return Object.fromEntries([...row.matchAll(/data-count="([a-z-]+)">(\d+)</g)].map((m) => [m[1], Number(m[2])]));
}

const XSS_TITLE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>';
const XSS = `---
title: '${XSS_TITLE}'
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
section: '<b onmouseover=alert(3)>x</b>'
status: review
sources:
  - "\\"><img src=x onerror=alert(4)>"
---
قال الوزير "><img src=x onerror=alert(5)> <script>alert(6)</script> إن الاجتماع  انتهى.
`;

const FLAWED = `---
title: خبر بلا مصادر
date: 2025-02-30T10:00:00+02:00
author: سارة
status: published
---
ذكرت وكالة الأنباء الفرنسية أن الاجتماع  انتهى.
`;

function archive(): string {
  const dir = tempDir();
  write(dir, 'news/clean.md', CLEAN);
  write(dir, 'news/xss.md', XSS);
  write(dir, 'news/flawed.md', FLAWED);
  write(dir, 'news/no-frontmatter.md', '# عنوان\n\nنص الخبر.\n');
  write(dir, '.muharrir.yaml', 'rules:\n  no-such-rule: off\n');
  return dir;
}

test('--format html is one well-formed, right-to-left document made only of the report’s own tags', () => {
  const dir = archive();
  const page = html(dir);
  const elements = parseStrict(page);
  const root = elements.find((e) => e.name === 'html')!;
  assert.equal(root.attrs.get('dir'), 'rtl');
  assert.equal(root.attrs.get('lang'), 'ar');
  for (const e of elements) {
    assert.ok(ALLOWED_TAGS.has(e.name), `<${e.name}> is not one of the report's tags`);
    for (const name of e.attrs.keys()) assert.ok(!name.startsWith('on'), `event handler ${name} on <${e.name}>`);
  }
  assert.ok(page.includes('<meta charset="utf-8">'));
  const csp = elements.find((e) => e.name === 'meta' && e.attrs.get('http-equiv') === 'Content-Security-Policy');
  assert.ok(csp && csp.attrs.get('content')!.includes("default-src 'none'"), 'a CSP forbids every load');
  // Arabic labels, Arabic messages (the report's language, whatever LANG says).
  assert.ok(page.includes('بحسب القاعدة') && page.includes('بحسب الحالة'));
  assert.ok(page.includes('لا يذكر الخبر أي مصدر'), 'messages in Arabic');
});

test('nothing is fetched: no remote (or any) asset reference, no script, no @import or url()', () => {
  const page = html(archive());
  const elements = parseStrict(page);
  for (const e of elements) {
    if (e.name === 'a') continue; // links to the rule docs are for the reader to follow, not loaded
    for (const [name, value] of e.attrs) {
      assert.ok(!/^(src|href|srcset|poster|data|action)$/.test(name), `<${e.name} ${name}="${value}"> would load something`);
      assert.ok(!/https?:\/\//i.test(value), `<${e.name} ${name}="${value}"> names a remote address`);
    }
  }
  assert.ok(!/<(script|link|img|iframe|object|embed|source|video|audio)\b/i.test(page));
  const css = page.slice(page.indexOf('<style>'), page.indexOf('</style>'));
  assert.ok(!/@import|url\(|@font-face/i.test(css), 'the CSS loads nothing');
});

test('markup in a title, a section, a source and the body comes out as text', () => {
  const page = html(archive());
  parseStrict(page);
  assert.ok(!/<script/i.test(page), 'no <script> at all');
  assert.ok(!/<img/i.test(page), 'no <img> at all');
  assert.ok(!/<b\b/i.test(page), 'no <b> from the section');
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'), 'the title is shown as written');
  assert.ok(page.includes('&lt;b onmouseover=alert(3)&gt;x&lt;/b&gt;'), 'the section is shown as written');
  assert.ok(page.includes('&quot;&gt;&lt;img src=x onerror=alert(5)&gt; &lt;script&gt;alert(6)&lt;/script&gt;'), 'the body line around a problem is escaped');
  // The flagged double space sits in that escaped line, marked.
  assert.match(page, /&lt;\/script&gt; إن الاجتماع<mark>  <\/mark>انتهى/);
});

test('the summary’s counts are the JSON report’s counts for the same run', () => {
  const dir = archive();
  const page = html(dir);
  const json: JsonReport = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));

  const totals = Object.fromEntries([...page.matchAll(/<dd data-count="([a-z]+)">(\d+)<\/dd>/g)].map((m) => [m[1], Number(m[2])]));
  assert.equal(totals.files, json.summary.files);
  assert.equal(totals.errors, json.summary.errors);
  assert.equal(totals.warnings, json.summary.warnings);
  assert.ok(json.summary.errors > 0 && json.summary.warnings > 0, 'the archive has both');

  const byRule = new Map<string, { errors: number; warnings: number; infos: number; files: Set<string> }>();
  for (const f of json.files) {
    for (const d of f.diagnostics) {
      const row = byRule.get(d.rule) ?? { errors: 0, warnings: 0, infos: 0, files: new Set<string>() };
      if (d.severity === 'error') row.errors++;
      else if (d.severity === 'warning') row.warnings++;
      else row.infos++;
      row.files.add(f.path);
      byRule.set(d.rule, row);
    }
  }
  const rows = [...page.matchAll(/<tr data-rule="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual([...rows].sort(), [...byRule.keys()].sort(), 'one row per rule that reported');
  for (const [rule, want] of byRule) {
    const got = countsIn(page, `<tr data-rule="${rule}">`);
    assert.deepEqual(got, { errors: want.errors, warnings: want.warnings, infos: want.infos, files: want.files.size }, rule);
  }

  // Per file: the section lists exactly the JSON's diagnostics, in order.
  const sections = [...page.matchAll(/<section class="article"[^>]*data-problems="(\d+)">[\s\S]*?<p class="path"><bdi>([^<]*)<\/bdi>/g)];
  assert.deepEqual(
    sections.map((m) => [m[2], Number(m[1])]),
    json.files.map((f) => [f.path, f.diagnostics.length]),
  );
});

test('the status summary counts articles and articles with errors per status, with a row for none', () => {
  const page = html(archive());
  // clean.md and no-frontmatter.md: no status; clean is a draft (DESIGN §2), no-frontmatter cannot be known.
  assert.deepEqual(countsIn(page, '<tr data-status="draft">'), { articles: 1, 'with-errors': 0 });
  assert.deepEqual(countsIn(page, '<tr data-status="review">'), { articles: 1, 'with-errors': 0 });
  assert.deepEqual(countsIn(page, '<tr data-status="approved">'), { articles: 0, 'with-errors': 0 });
  assert.deepEqual(countsIn(page, '<tr data-status="published">'), { articles: 1, 'with-errors': 1 });
  assert.deepEqual(countsIn(page, '<tr data-status="none">'), { articles: 1, 'with-errors': 1 });
});

test('the files with errors are listed first, linked to their sections, with the rules that failed them', () => {
  const dir = archive();
  const page = html(dir);
  const json: JsonReport = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  const table = page.slice(page.indexOf('<h2 id="not-ready">'), page.indexOf('<h2 id="articles">'));
  const rows = [...table.matchAll(/<tr data-file="(\d+)"><td><a href="#file-(\d+)">[\s\S]*?data-count="errors">(\d+)<\/td><td>([\s\S]*?)<\/td><\/tr>/g)];
  const withErrors = json.files.map((f, i) => ({ f, n: i + 1 })).filter(({ f }) => f.diagnostics.some((d) => d.severity === 'error'));
  assert.ok(withErrors.length >= 2, 'flawed.md and no-frontmatter.md have errors');
  assert.deepEqual(rows.map((r) => Number(r[1])), withErrors.map((x) => x.n));
  for (const [i, r] of rows.entries()) {
    const { f, n } = withErrors[i];
    assert.equal(Number(r[2]), n, 'the link goes to the file’s section');
    assert.ok(page.includes(`<section class="article" id="file-${n}"`));
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(Number(r[3]), errors.length);
    assert.deepEqual([...r[4].matchAll(/<code dir="ltr">([a-z-]+)<\/code>/g)].map((m) => m[1]), [...new Set(errors.map((d) => d.rule))]);
  }
  assert.ok(!table.includes('news/clean.md') && !table.includes('وزير المالية'), 'a clean article is not listed');

  const clean = tempDir();
  write(clean, 'a.md', CLEAN);
  assert.ok(html(clean).includes('<p>لا أخطاء في أي مقال.</p>'));
});

test('each article shows its title, status, section, checklist and every problem with its line', () => {
  const page = html(archive());
  const flawed = page.slice(page.indexOf('news/flawed.md'));
  const section = flawed.slice(0, flawed.indexOf('</section>'));
  assert.ok(page.includes('<h3><bdi>خبر بلا مصادر</bdi></h3>'));
  assert.ok(section.includes('<dd>منشور</dd>'), 'status published, in Arabic');
  assert.ok(section.includes('بلا مصادر') && section.includes('تاريخ معطوب'), 'badges');
  assert.match(section, /data-check="sources" data-ok="false"/);
  assert.match(section, /data-check="date" data-ok="false"/);
  assert.match(section, /data-check="headline" data-ok="true"/);
  // date-invalid at 3:7, the value marked in its line.
  assert.match(section, /data-rule="date-invalid"[^>]*>[\s\S]*?<span class="pos" dir="ltr">3:7<\/span>[\s\S]*?<pre dir="auto"><code>date: <mark>2025-02-30T10:00:00\+02:00<\/mark><\/code><\/pre>/);
  assert.match(section, /<mark>  <\/mark>/, 'the double space is marked');
  const clean = page.slice(page.indexOf('news/clean.md'));
  assert.ok(clean.slice(0, clean.indexOf('</section>')).includes('لا مشكلات.'));
});

test('a date-time in an Arabic message is isolated left to right, so it is not laid out backwards', () => {
  const dir = tempDir();
  write(dir, 'a.md', CLEAN.replace('date: 2025-06-02T18:00:00+03:00', 'date: 2025-06-02 18:00'));
  const page = html(dir);
  parseStrict(page);
  assert.match(page, /<span class="msg">[^<]*<code dir="auto">date<\/code>[^<]*<bdi dir="ltr">2025-06-02T18:00:00\+0\d:00<\/bdi>/);
});

test('--lang en gives an English, left-to-right report with English messages', () => {
  const page = html(archive(), ['--lang', 'en']);
  const root = parseStrict(page).find((e) => e.name === 'html')!;
  assert.equal(root.attrs.get('dir'), 'ltr');
  assert.equal(root.attrs.get('lang'), 'en');
  assert.ok(page.includes('By rule') && page.includes('By status'));
  assert.ok(page.includes('Date present and valid'));
  assert.ok(!page.includes('لا يذكر الخبر أي مصدر'), 'no Arabic messages');
});

test('deterministic: two runs are byte-identical, and no time is printed unless --now is given', () => {
  const dir = archive();
  const a = muharrir(['check', '--format', 'html'], { cwd: dir });
  const b = muharrir(['check', '--format', 'html'], { cwd: dir });
  assert.equal(a.stdout, b.stdout);
  assert.ok(!/<time/.test(a.stdout) && !/\d{4}-\d\d-\d\dT\d\d:\d\d/.test(a.stdout.replace(/2025-0[26]-\d\dT\d\d:00:00\+0[23]:00/g, '')), 'no timestamp');
  const withNow = html(dir);
  assert.equal(withNow, html(dir));
  // Worker threads send the article summaries and excerpts back: the same report as one thread's.
  const threads = (n: string) => muharrir(['check', '--format', 'html', '--now', NOW], { cwd: dir, env: { MUHARRIR_WORKERS: n } }).stdout;
  assert.equal(threads('2'), threads('0'));
  assert.equal(threads('0'), withNow);
  assert.ok(withNow.includes('<time dir="ltr" datetime="2025-06-10T00:00:00.000Z">'));
});

test('hidden characters are shown, and a huge line is cut around its problem', () => {
  const dir = tempDir();
  // A right-to-left override in the title, a control character and a bidi isolate in the body, and a 400,000-character line.
  const huge = 'كلمة '.repeat(40_000) + 'نهاية,وبداية ' + 'كلمة '.repeat(40_000);
  write(dir, 'a.md', CLEAN.replace('title: وزير', 'title: \u202Eوزير') + `\nنص فيه \u0001 و\u2066عزل\u2069.\n\n${huge}\n`);
  const page = html(dir);
  parseStrict(page);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069\u0001]/.test(page), 'no raw bidi control or control character in the report');
  assert.ok(page.includes('<span class="cc">U+202E</span>'));
  assert.ok(page.includes('<span class="cc">U+0001</span>'));
  assert.ok(page.includes('<span class="cc">U+2066</span>'));
  assert.ok(page.length < 60_000, `the report stays small (${page.length} characters)`);
  assert.match(page, /<span class="clip">\u2026<\/span>(كلمة )+نهاية<mark>,<\/mark>وبداية (كلمة )+[^<]*<span class="clip">\u2026<\/span>/);
});

test('a folder with no articles is still a complete document that says so', () => {
  const dir = tempDir();
  const r = muharrir(['check', '--format', 'html'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  parseStrict(r.stdout);
  assert.ok(r.stdout.includes('<dd data-count="files">0</dd>'));
  assert.ok(r.stdout.includes('لم يُفحص أي ملف.'));
});
