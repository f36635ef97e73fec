/**
 * The XSS corpus of the preview (listed in test/preview/README.md). Every payload tries to call
 * `__pwned(id)` (a binding the test exposes), `alert(id)` and `fetch('/canary/id')`, or to load
 * something from `/canary/…`: any of these happening is a failure. `PWN(id)` writes that script.
 *
 * A case puts its payloads in the body, in frontmatter fields, or both. Frontmatter values are
 * written as JSON, which is valid YAML, so the payload reaches the field exactly as written.
 */

export function PWN(id: string): string {
  return `__pwned('${id}');alert('${id}');fetch('/canary/${id}')`;
}

export interface XssCase {
  id: string;
  body?: string;
  /** Frontmatter fields replacing the base article's (strings, lists and maps). */
  fm?: Record<string, unknown>;
  /** Text that must show on the page verbatim: proof the payload was escaped, not dropped. */
  literal?: string[];
}

const P = PWN;

export const CORPUS: XssCase[] = [
  // --- raw HTML in the body -------------------------------------------------------------------
  { id: 'script-tag', body: `<script>${P('script-tag')}</script>`, literal: [`<script>${P('script-tag')}</script>`] },
  { id: 'script-mixed-case', body: `<ScRiPt>${P('script-mixed-case')}</sCrIpT>` },
  { id: 'script-src', body: `<script src="/canary/script-src"></script>` },
  { id: 'img-onerror', body: `<img src=x onerror="${P('img-onerror')}">`, literal: ['<img src=x onerror='] },
  { id: 'img-onerror-upper', body: `<IMG SRC=x ONERROR="${P('img-onerror-upper')}">` },
  { id: 'svg-onload', body: `<svg onload="${P('svg-onload')}"><circle r="1"/></svg>` },
  { id: 'svg-script', body: `<svg><script>${P('svg-script')}</script></svg>` },
  { id: 'svg-animate', body: `<svg><animate onbegin="${P('svg-animate')}" attributeName="x" dur="1s"/></svg>` },
  { id: 'iframe-src', body: `<iframe src="/canary/iframe-src"></iframe>` },
  { id: 'iframe-srcdoc', body: `<iframe srcdoc="<script>${P('iframe-srcdoc')}</script>"></iframe>` },
  { id: 'iframe-javascript', body: `<iframe src="javascript:${P('iframe-javascript')}"></iframe>` },
  { id: 'object-embed', body: `<object data="/canary/object"></object>\n\n<embed src="/canary/embed">` },
  { id: 'form-action', body: `<form action="/canary/form"><button formaction="javascript:${P('form-action')}">أرسل</button></form>` },
  { id: 'input-autofocus', body: `<input autofocus onfocus="${P('input-autofocus')}">` },
  { id: 'details-ontoggle', body: `<details open ontoggle="${P('details-ontoggle')}"><summary>x</summary></details>` },
  { id: 'meta-refresh', body: `<meta http-equiv="refresh" content="0;url=/canary/meta-refresh">` },
  { id: 'base-href', body: `<base href="/canary/base/">\n\n![صورة](images/plant.png) [رابط](other.md)` },
  { id: 'link-stylesheet', body: `<link rel="stylesheet" href="/canary/link-stylesheet">` },
  { id: 'style-tag', body: `<style>@import '/canary/style-import'; body { background: url(/canary/style-bg) }</style>` },
  {
    id: 'css-expression',
    body: `<div style="width: expression(${P('css-expression')}); background: url('javascript:${P('css-expression')}')">نص</div>`,
  },
  { id: 'math-confusion', body: `<math><mtext><table><mglyph><style><img src=x onerror="${P('math-confusion')}">` },
  { id: 'noscript-confusion', body: `<noscript><p title="</noscript><img src=x onerror=${P('noscript-confusion')}>">` },
  { id: 'attribute-breakout', body: `"><script>${P('attribute-breakout')}</script>\n\n'><img src=x onerror=${P('attribute-breakout')}>` },
  { id: 'comment-breakout', body: `<!--><img src=x onerror="${P('comment-breakout')}">-->` },
  { id: 'html-block-indented', body: `<div>\n<img src=x onerror="${P('html-block-indented')}">\n</div>` },

  // --- Markdown links and images ----------------------------------------------------------------
  { id: 'md-link-javascript', body: `[اضغط](javascript:${P('md-link-javascript')})` },
  { id: 'md-link-mixed-case', body: `[اضغط](JaVaScRiPt:${P('md-link-mixed-case')})` },
  {
    id: 'md-link-entities',
    body: `[أ](&#106;avascript:${P('md-link-entities')}) [ب](&#x6A;&#x61;vascript:${P('md-link-entities')}) [ج](javascript&colon;${P('md-link-entities')})`,
  },
  {
    id: 'md-link-whitespace',
    body: `[أ](<java\tscript:${P('md-link-whitespace')}>) [ب](java&#x09;script:${P('md-link-whitespace')}) [ج](%6Aavascript:${P('md-link-whitespace')}) [د](<\u0001javascript:${P('md-link-whitespace')}>)`,
  },
  { id: 'md-link-data', body: `[أ](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [ب](data:text/html,<script>${P('md-link-data')}</script>)` },
  { id: 'md-link-vbscript', body: `[أ](vbscript:msgbox(1)) [ب](VBScript:msgbox(1))` },
  { id: 'md-link-file-command', body: `[أ](file:///etc/passwd) [ب](command:workbench.action.quit) [ج](vscode://file/etc/passwd)` },
  { id: 'md-link-title-breakout', body: `[أ](https://example.com "a\\" onmouseover=\\"${P('md-link-title-breakout')}")` },
  { id: 'md-reference-link', body: `[أ][r] [ب][s]\n\n[r]: javascript:${P('md-reference-link')}\n[s]: data:text/html,x` },
  { id: 'md-autolinks', body: `<javascript:${P('md-autolinks')}> <vbscript:x> <data:text/html,x> <file:///etc/passwd>` },
  { id: 'md-image-javascript', body: `![أ](javascript:${P('md-image-javascript')})` },
  { id: 'md-image-svg-data', body: `![أ](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj48L3N2Zz4=) ![ب](data:image/svg+xml,<svg onload=alert(1)>)` },
  { id: 'md-image-remote-canary', body: `![أ](/canary/md-image-root) ![ب](http://127.0.0.1:9/canary.png) ![ج](https://127.0.0.1:9/canary.png)` },
  { id: 'md-image-title-breakout', body: `![أ](images/plant.png "\\" onerror=\\"${P('md-image-title-breakout')}")` },
  { id: 'md-image-alt-breakout', body: `![" onerror="${P('md-image-alt-breakout')}](images/plant.png)` },
  { id: 'md-nested-image-link', body: `[![أ](images/plant.png)](javascript:${P('md-nested-image-link')})` },
  { id: 'md-fence-info', body: '```" onmouseover="' + P('md-fence-info') + '\n<script>' + P('md-fence-info') + '</script>\n```' },
  { id: 'md-heading-id', body: `## "><img src=x onerror=${P('md-heading-id')}>\n\n[انتقل](#h-img)` },
  { id: 'md-inline-code', body: '`<script>' + P('md-inline-code') + '</script>`' },
  { id: 'md-quote-mark-interplay', body: `«<img src=x onerror=${P('md-quote-mark-interplay')}>» *«<svg onload=${P('md-quote-mark-interplay')}>*»` },

  // --- template injection and entities ----------------------------------------------------------
  {
    id: 'template-injection',
    body: `\${${P('template-injection')}} {{constructor.constructor('${P('template-injection')}')()}} <%= ${P('template-injection')} %>`,
    literal: ['${__pwned(', '{{constructor.constructor('],
  },
  { id: 'entities', body: `&lt;script&gt;${P('entities')}&lt;/script&gt; &#60;img src=x onerror=${P('entities')}&#62;` },

  // --- frontmatter ------------------------------------------------------------------------------
  { id: 'fm-title-script', fm: { title: `<script>${P('fm-title-script')}</script>` }, literal: [`<script>${P('fm-title-script')}</script>`] },
  { id: 'fm-title-breakout', fm: { title: `"><img src=x onerror=${P('fm-title-breakout')}>` } },
  { id: 'fm-title-template', fm: { title: `\${${P('fm-title-template')}} {{${P('fm-title-template')}}}` }, literal: ['${__pwned('] },
  { id: 'fm-summary', fm: { summary: `<img src=x onerror="${P('fm-summary')}"></style><style>body{background:url(/canary/fm-summary-css)}</style>` } },
  { id: 'fm-author-list', fm: { author: [`<svg onload="${P('fm-author-list')}">`, `"><script>${P('fm-author-list')}</script>`] } },
  { id: 'fm-author-string', fm: { author: `<iframe src="javascript:${P('fm-author-string')}">` } },
  {
    id: 'fm-sources',
    fm: {
      sources: [
        { name: `<script>${P('fm-sources')}</script>`, url: `javascript:${P('fm-sources')}`, type: 'official' },
        { name: 'بيانات', url: `data:text/html,<script>${P('fm-sources')}</script>` },
        { name: 'مخلوط', url: `JaVaScRiPt:${P('fm-sources')}` },
        { name: 'مسافة', url: `  javascript:${P('fm-sources')}` },
        { name: 'سطر', url: `java\nscript:${P('fm-sources')}` },
        { name: 'كسر', url: `https://example.com/"><script>${P('fm-sources')}</script>` },
        { name: 'نوع', type: `"><img src=x onerror=${P('fm-sources')}>` },
        `<iframe src="/canary/fm-sources-iframe">`,
      ],
    },
  },
  { id: 'fm-tags', fm: { tags: [`<script>${P('fm-tags')}</script>`, `" onmouseover="${P('fm-tags')}`, `<a href="javascript:${P('fm-tags')}">x</a>`] } },
  { id: 'fm-section', fm: { section: `</style><script>${P('fm-section')}</script>` } },
  { id: 'fm-dateline', fm: { dateline: `<base href="/canary/fm-dateline/"><meta http-equiv="refresh" content="0;url=/canary/fm-dateline">` } },
  { id: 'fm-status', fm: { status: `<img src=x onerror="${P('fm-status')}">` } },
  { id: 'fm-language', fm: { language: `ar" onload="${P('fm-language')}` } },
  { id: 'fm-language-tag', fm: { language: `en><script>${P('fm-language-tag')}</script>` } },
  { id: 'fm-dates', fm: { date: `2025-06-02T18:00:00+03:00<script>${P('fm-dates')}</script>`, updated: `"><svg onload=${P('fm-dates')}>` } },
  { id: 'fm-unknown-key', fm: { [`<img src=x onerror=${P('fm-unknown-key')}>`]: 'x' } },

  // --- everything at once, body and frontmatter ------------------------------------------------
  {
    id: 'combined',
    body: `<script>${P('combined')}</script> [أ](javascript:${P('combined')}) ![ب](x" onerror="${P('combined')})\n\n> «<svg onload=${P('combined')}>» بحسب <img src=x onerror=${P('combined')}>`,
    fm: {
      title: `<script>${P('combined')}</script>`,
      summary: `"><img src=x onerror=${P('combined')}>`,
      author: `<svg onload=${P('combined')}>`,
      tags: [`<script>${P('combined')}</script>`],
      sources: [{ name: `<img src=x onerror=${P('combined')}>`, url: `javascript:${P('combined')}` }],
    },
  },
];

/** The article every case starts from: a real headline, so a blank page cannot pass. */
export const BASE_FRONTMATTER: Record<string, unknown> = {
  title: 'عنوان اختبار الأمان في المعاينة',
  summary: 'موجز قصير.',
  date: '2025-06-02T18:00:00+03:00',
  author: 'مكتب التحرير',
  sources: ['وكالة الأنباء'],
  tags: ['أمن'],
};

export const BASE_BODY = 'فقرة أولى عادية.';

export function caseArticle(c: XssCase): string {
  const fm = { ...BASE_FRONTMATTER, ...(c.fm ?? {}) };
  const yaml = Object.entries(fm)
    .map(([k, v]) => `${/^[\w-]+$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${BASE_BODY}\n\n${c.body ?? ''}\n`;
}

/** The headline each case must show (the payload title as text when the case sets one). */
export function expectedHeadline(c: XssCase): string {
  const t = c.fm?.title;
  return typeof t === 'string' ? t : (BASE_FRONTMATTER.title as string);
}
