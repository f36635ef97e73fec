// A standalone report for editors who do not use VS Code: one HTML file, right to left, that opens
// from a disk or an e-mail with nothing to fetch (inline CSS, no script, a CSP that forbids the
// rest). Everything that comes from the articles — titles, paths, messages, text — goes through
// `text()`, so markup in a headline is shown as written and never runs. The output depends only on
// the report: no clock unless `--now` was given, so two runs over the same files are identical.
import { ruleById, ruleDocsUrl, STATUSES, type ArticleSummary, type Bilingual, type Locale, type Severity } from '../../engine';
import { HOMEPAGE, VERSION } from '../about';
import { BADGE_LABELS, NO_STATUS_LABEL, STATUS_LABELS } from '../../engine/data/statuses';
import type { Excerpt, FileReport, Report, ReportDiagnostic } from '../report';

type Labels = Record<keyof typeof LABELS, string>;

const LABELS = {
  docTitle: { ar: 'تقرير محرّر', en: 'Muharrir report' },
  heading: { ar: 'تقرير مراجعة الأخبار', en: 'Article review report' },
  asOf: { ar: 'بتوقيت الفحص', en: 'Checked as of' },
  articles: { ar: 'المقالات', en: 'Articles' },
  errors: { ar: 'أخطاء', en: 'Errors' },
  warnings: { ar: 'تحذيرات', en: 'Warnings' },
  notes: { ar: 'ملاحظات', en: 'Notes' },
  byStatus: { ar: 'بحسب الحالة', en: 'By status' },
  byRule: { ar: 'بحسب القاعدة', en: 'By rule' },
  notReady: { ar: 'مقالات فيها أخطاء', en: 'Articles with errors' },
  allReady: { ar: 'لا أخطاء في أي مقال.', en: 'No article has errors.' },
  title: { ar: 'العنوان', en: 'Title' },
  status: { ar: 'الحالة', en: 'Status' },
  withErrors: { ar: 'فيها أخطاء', en: 'With errors' },
  rule: { ar: 'القاعدة', en: 'Rule' },
  description: { ar: 'الوصف', en: 'Description' },
  noProblems: { ar: 'لا مشكلات.', en: 'No problems.' },
  noTitle: { ar: '(بلا عنوان)', en: '(no title)' },
  file: { ar: 'الملف', en: 'File' },
  section: { ar: 'القسم', en: 'Section' },
  words: { ar: 'الكلمات', en: 'Words' },
  reading: { ar: 'مدة القراءة', en: 'Reading time' },
  minutes: { ar: 'د', en: 'min' },
  checklist: { ar: 'قائمة التحقق', en: 'Checklist' },
  problems: { ar: 'المشكلات', en: 'Problems' },
  config: { ar: 'ملف إعدادات', en: 'Configuration file' },
  configRule: { ar: 'مشكلة في ملف الإعدادات .muharrir.yaml نفسه.', en: 'A problem in a .muharrir.yaml configuration file itself.' },
  nothing: { ar: 'لم يُفحص أي ملف.', en: 'No files were checked.' },
  generator: { ar: 'أعدّه', en: 'Made by' },
} satisfies Record<string, Bilingual>;


const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  error: { ar: 'خطأ', en: 'error' },
  warning: { ar: 'تحذير', en: 'warning' },
  information: { ar: 'معلومة', en: 'info' },
  hint: { ar: 'تلميح', en: 'hint' },
};

const CSS = `
:root{color-scheme:light dark;--err:#b3261e;--warn:#8a5300;--note:#2f5d99;--ok:#1e7b3c;--rule:#8884;--soft:#8881}
*{box-sizing:border-box}
body{font-family:"Noto Naskh Arabic","Amiri","Geeza Pro","Segoe UI",Tahoma,Arial,sans-serif;line-height:1.7;max-width:64rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{margin:.5rem 0}h2{margin:2rem 0 .5rem;border-bottom:2px solid var(--rule)}h3{margin:0 0 .25rem;font-size:1.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.25rem .5rem;text-align:start;vertical-align:top}
td.n,th.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.by-rule td:first-child,.not-ready code{white-space:nowrap}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0;padding:0}
.totals div{display:flex;gap:.4rem;align-items:baseline}.totals dt{font-weight:bold}.totals dd{margin:0;font-size:1.4rem}
.meta{display:flex;flex-wrap:wrap;gap:0 1.25rem;margin:0 0 .5rem}.meta div{display:flex;gap:.3rem}.meta dt{color:GrayText}.meta dd{margin:0}
.article{border-top:1px solid var(--rule);padding:.75rem 0;margin-top:.75rem}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;color:GrayText;margin:0 0 .25rem}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;margin-inline-end:.3rem;font-size:.8rem;color:#fff;background:var(--err)}
.checklist{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.checklist .ok::before{content:"\\2713  ";color:var(--ok)}.checklist .no::before{content:"\\2717  ";color:var(--err)}
.problems{padding-inline-start:1.25rem;margin:.25rem 0}.problems li{margin:.4rem 0}
.sev{font-weight:bold}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-information,.sev-hint{color:var(--note)}
code,.pos{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);border-inline-start:3px solid var(--rule);padding:.3rem .6rem;margin:.25rem 0;font-family:inherit}
mark{background:#ffd54f;color:#000;border-radius:2px}mark:empty::before{content:"\\25B4"}
.clip{color:GrayText}
.cc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75em;border:1px solid currentColor;border-radius:3px;padding:0 .15em;unicode-bidi:isolate;direction:ltr}
footer{margin-top:2rem;color:GrayText;font-size:.85rem}
@media print{.article{break-inside:avoid-page}a{color:inherit}}
`;

export function formatHtml(report: Report): string {
  const lang: Locale = report.language ?? 'ar';
  const t = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, v[lang]])) as Labels;
  const articles = report.files.filter((f) => f.kind === 'article');
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    `<html dir="${lang === 'ar' ? 'rtl' : 'ltr'}" lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Defence in depth: even if some markup got through, nothing may load or run.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="muharrir ${attr(VERSION)}">`,
    `<title>${t.docTitle}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${t.heading}</h1>`,
  );
  if (report.now) out.push(`<p>${t.asOf}: <time dir="ltr" datetime="${report.now.toISOString()}">${report.now.toISOString()}</time></p>`);
  const s = report.summary;
  out.push(
    '<dl class="totals">',
    total(t.articles, 'files', s.files),
    total(t.errors, 'errors', s.errors),
    total(t.warnings, 'warnings', s.warnings),
    total(t.notes, 'infos', s.infos),
    '</dl>',
    '</header>',
    '<main>',
  );
  if (report.files.length === 0) out.push(`<p>${t.nothing}</p>`);
  else {
    out.push(statusTable(articles, t, lang), ruleTable(report.files, t, lang), notReadyTable(report.files, t, lang));
    out.push(`<h2 id="articles">${t.articles}</h2>`);
    report.files.forEach((f, i) => out.push(fileSection(f, i + 1, t, lang)));
  }
  out.push('</main>', `<footer>${t.generator} <a href="${attr(HOMEPAGE)}">muharrir</a> ${text(VERSION)}</footer>`, '</body>', '</html>', '');
  return out.join('\n');
}

function total(label: string, key: string, n: number): string {
  return `<div><dt>${label}</dt><dd data-count="${key}">${n}</dd></div>`;
}

function statusTable(articles: readonly FileReport[], t: Labels, lang: Locale): string {
  const rows = new Map<string | null, { articles: number; withErrors: number }>();
  // Every workflow state has its row, even when empty: "none approved yet" is news to a desk.
  for (const st of STATUSES) rows.set(st, { articles: 0, withErrors: 0 });
  const others = new Set<string>();
  for (const f of articles) {
    const status = f.article?.status ?? null;
    if (status !== null && !rows.has(status)) others.add(status);
    const row = rows.get(status) ?? { articles: 0, withErrors: 0 };
    row.articles++;
    if (f.diagnostics.some((d) => d.severity === 'error')) row.withErrors++;
    rows.set(status, row);
  }
  const order: (string | null)[] = [...STATUSES, ...[...others].sort(), null];
  const body = order.map((st) => {
    const row = rows.get(st) ?? { articles: 0, withErrors: 0 };
    return `<tr data-status="${attr(st ?? 'none')}"><td>${statusName(st, lang)}</td><td class="n" data-count="articles">${row.articles}</td><td class="n" data-count="with-errors">${row.withErrors}</td></tr>`;
  });
  return [
    `<h2 id="by-status">${t.byStatus}</h2>`,
    '<table class="by-status">',
    `<thead><tr><th>${t.status}</th><th class="n">${t.articles}</th><th class="n">${t.withErrors}</th></tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function ruleTable(files: readonly FileReport[], t: Labels, lang: Locale): string {
  const rows = new Map<string, { errors: number; warnings: number; notes: number; files: Set<number> }>();
  files.forEach((f, i) => {
    for (const d of f.diagnostics) {
      let row = rows.get(d.rule);
      if (!row) rows.set(d.rule, (row = { errors: 0, warnings: 0, notes: 0, files: new Set() }));
      if (d.severity === 'error') row.errors++;
      else if (d.severity === 'warning') row.warnings++;
      else row.notes++;
      row.files.add(i);
    }
  });
  // Most problems first; ties by id so the order never depends on the files' order.
  const sorted = [...rows.entries()].sort(
    ([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || y.notes - x.notes || (a < b ? -1 : a > b ? 1 : 0),
  );
  const body = sorted.map(([id, row]) => {
    const rule = ruleById(id);
    return [
      `<tr data-rule="${attr(id)}">`,
      `<td>${ruleRef(id)}</td>`,
      `<td>${rule ? message(rule.description[lang]) : id === 'config' ? prose(t.configRule) : ''}</td>`,
      `<td class="n" data-count="errors">${row.errors}</td>`,
      `<td class="n" data-count="warnings">${row.warnings}</td>`,
      `<td class="n" data-count="infos">${row.notes}</td>`,
      `<td class="n" data-count="files">${row.files.size}</td>`,
      '</tr>',
    ].join('');
  });
  return [
    `<h2 id="by-rule">${t.byRule}</h2>`,
    '<table class="by-rule">',
    `<thead><tr><th>${t.rule}</th><th>${t.description}</th><th class="n">${t.errors}</th><th class="n">${t.warnings}</th><th class="n">${t.notes}</th><th class="n">${t.articles}</th></tr></thead>`,
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** The desk's to-do list: every file with an error, linked to its section, with the rules that failed it. */
function notReadyTable(files: readonly FileReport[], t: Labels, lang: Locale): string {
  const rows: string[] = [];
  files.forEach((f, i) => {
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return;
    const rules = [...new Set(errors.map((d) => d.rule))].map((r) => `<code dir="ltr">${text(r)}</code>`).join(' ');
    const name = f.kind === 'config' ? t.config : f.article?.title ? `<bdi>${text(f.article.title)}</bdi>` : `<bdi>${text(f.path)}</bdi>`;
    rows.push(
      `<tr data-file="${i + 1}"><td><a href="#file-${i + 1}">${name}</a></td><td>${f.article ? statusName(f.article.status, lang) : ''}</td><td class="n" data-count="errors">${errors.length}</td><td>${rules}</td></tr>`,
    );
  });
  const head = `<h2 id="not-ready">${t.notReady}</h2>`;
  if (rows.length === 0) return `${head}\n<p>${t.allReady}</p>`;
  return [
    head,
    '<table class="not-ready">',
    `<thead><tr><th>${t.title}</th><th>${t.status}</th><th class="n">${t.errors}</th><th>${t.rule}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function fileSection(f: FileReport, n: number, t: Labels, lang: Locale): string {
  const a = f.article;
  const out: string[] = [`<section class="article" id="file-${n}" data-problems="${f.diagnostics.length}">`];
  if (f.kind === 'config') out.push(`<h3>${t.config}</h3>`);
  else out.push(`<h3><bdi>${a?.title ? text(a.title) : t.noTitle}</bdi></h3>`);
  out.push(`<p class="path"><bdi>${text(f.path)}</bdi></p>`);
  if (a) out.push(articleMeta(a, t, lang));
  if (f.diagnostics.length === 0) out.push(`<p>${t.noProblems}</p>`);
  else {
    out.push(`<ol class="problems" aria-label="${t.problems}">`);
    for (const d of f.diagnostics) out.push(problem(d, lang));
    out.push('</ol>');
  }
  out.push('</section>');
  return out.join('\n');
}

function articleMeta(a: ArticleSummary, t: Labels, lang: Locale): string {
  const badges = (Object.keys(BADGE_LABELS) as (keyof typeof BADGE_LABELS)[])
    .filter((id) => a.badges[id])
    .map((id) => `<span class="badge">${BADGE_LABELS[id][lang]}</span>`);
  const meta = [
    metaItem(t.status, statusName(a.status, lang)),
    a.section !== null ? metaItem(t.section, `<bdi>${text(a.section)}</bdi>`) : '',
    metaItem(t.words, String(a.words)),
    metaItem(t.reading, `${a.readingMinutes} ${t.minutes}`),
  ].filter(Boolean);
  const checklist = a.checklist.map((c) => `<li class="${c.ok ? 'ok' : 'no'}" data-check="${c.id}" data-ok="${c.ok}">${text(c.label[lang])}</li>`);
  return [
    badges.length ? `<p class="badges">${badges.join('')}</p>` : '',
    `<dl class="meta">${meta.join('')}</dl>`,
    `<ul class="checklist" aria-label="${t.checklist}">${checklist.join('')}</ul>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function metaItem(label: string, value: string): string {
  return `<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function problem(d: ReportDiagnostic, lang: Locale): string {
  const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
  const parts = [
    `<li class="problem" data-rule="${attr(d.rule)}" data-severity="${d.severity}">`,
    `<span class="sev sev-${d.severity}">${SEVERITY_NAMES[d.severity][lang]}</span> `,
    `${ruleRef(d.rule)} `,
    `<span class="pos" dir="ltr">${pos}</span> `,
    `<span class="msg">${message(d.message)}</span>`,
  ];
  if (d.excerpt) parts.push(excerpt(d.excerpt));
  parts.push('</li>');
  return parts.join('');
}

function excerpt(e: Excerpt): string {
  const clip = '<span class="clip">\u2026</span>';
  return `<pre dir="auto"><code>${e.clippedStart ? clip : ''}${text(e.before)}<mark>${text(e.marked)}</mark>${text(e.after)}${e.clippedEnd ? clip : ''}</code></pre>`;
}

function ruleRef(id: string): string {
  const code = `<code dir="ltr">${text(id)}</code>`;
  return ruleById(id) ? `<a href="${attr(ruleDocsUrl(id))}">${code}</a>` : code;
}

function statusName(status: string | null, lang: Locale): string {
  if (status === null) return NO_STATUS_LABEL[lang];
  const known = (STATUS_LABELS as Record<string, Bilingual | undefined>)[status];
  return known ? known[lang] : `<bdi>${text(status)}</bdi>`;
}

/** A rule's message with its `code` spans, as the messages are written. */
function message(m: string): string {
  const parts = m.split('`');
  if (parts.length % 2 === 0) return prose(m);
  return parts.map((p, i) => (i % 2 === 1 ? `<code dir="auto">${text(p)}</code>` : prose(p))).join('');
}

/** A Latin token with punctuation inside it: a date-time, a file name, a code point. */
const LATIN_TOKEN = /[0-9A-Za-z][0-9A-Za-z:+\-./_@%=~]*[0-9A-Za-z]/g;

/**
 * Message text with each Latin token isolated left to right: in an Arabic sentence the bidi
 * algorithm would otherwise lay 2025-06-03T16:45:00+03:00 out as 03T16:45:00+00:00-06-2025.
 */
function prose(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(LATIN_TOKEN)) {
    if (/^[0-9A-Za-z]+$/.test(m[0])) continue;
    out += `${text(s.slice(last, m.index))}<bdi dir="ltr">${text(m[0])}</bdi>`;
    last = m.index! + m[0].length;
  }
  return out + text(s.slice(last));
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that change how text is read without being seen: the controls (not allowed in HTML
 * text), bidi embeddings, overrides and isolates (which could reorder the report around them),
 * the BOM, noncharacters and lone surrogates. Shown as their code point.
 */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPE = new RegExp(`[&<>"']|${HIDDEN.source}`, 'g');

/** Text from a file as element content: escaped, its hidden characters shown. */
function text(s: string): string {
  return s.replace(ESCAPE, (c) => ENTITIES[c] ?? `<span class="cc">${codePoint(c)}</span>`);
}

/** Text in a double-quoted attribute value, where no markup can show a hidden character: its code point stands in. */
function attr(s: string): string {
  return s.replace(ESCAPE, (c) => ENTITIES[c] ?? codePoint(c));
}

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
