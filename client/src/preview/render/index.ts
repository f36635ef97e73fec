/**
 * The article preview renderer: article text + options → the webview's whole HTML document.
 * Pure (no vscode, no fs), so the tests run it in Node and load its output in real Chromium.
 * It never throws on article text: broken or missing frontmatter still renders the body with a
 * notice. It does throw on a malformed nonce or cspSource, which are the caller's bugs.
 */
import { parseArticle } from '../../../../server/src/engine/document';
import { chooseZone, dominantNumbering, type Numbering } from './articleDates';
import { baseLanguage, articleLanguage } from './direction';
import { escapeHtml } from './escape';
import { articleFooter, articleHeader, socialCard, type LayoutContext } from './layout';
import { renderBody, type BodyEnv } from './markdown';
import { readMeta } from './metadata';
import { problemsList, sortDiagnostics, type ListedProblem } from './problems';
import { READER_LABELS, WRITER_LABELS } from './strings';
import { stylesheet } from './styles';
import type { BlockLine, RenderOptions, RenderResult, RenderWarning } from './types';

export type * from './types';
export { cutForCard, graphemes } from './cardText';
export { classifyLink, classifyImage } from './urls';

const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;
/**
 * `webview.cspSource` is one or more source expressions: VS Code 1.139 gives
 * `'self' https://*.vscode-cdn.net`. Hosts and schemes, and the one keyword 'self'; nothing that
 * could end the directive or add a keyword such as 'unsafe-inline'.
 */
const CSP_SOURCE = /^(?:'self'|[^\s;,'"<>]+)(?: (?:'self'|[^\s;,'"<>]+))*$/;

export const CARD_TITLE_MAX = 70;
export const CARD_SUMMARY_MAX = 200;
const THEMES = new Set(['light', 'dark', 'high-contrast']);

function limit(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 1 ? value : fallback;
}

/** Frontmatter problems after which only part of it (or none) could be read. */
const BROKEN = new Set(['yaml', 'not-a-map', 'too-deep', 'too-large']);

export function buildCsp(o: Pick<RenderOptions, 'cspSource' | 'nonce' | 'allowRemoteImages'>): string {
  return [
    "default-src 'none'",
    // data: carries no request (nothing to track) and an <img> never runs script.
    `img-src ${o.cspSource} data:${o.allowRemoteImages ? ' https:' : ''}`,
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderArticle(text: string, options: RenderOptions): RenderResult {
  if (!NONCE.test(options.nonce)) throw new TypeError('renderArticle: the nonce must be at least 16 characters of [A-Za-z0-9+/=_-]');
  if (!CSP_SOURCE.test(options.cspSource)) throw new TypeError('renderArticle: cspSource must be CSP source expressions (hosts, schemes or \'self\')');
  const source = typeof text === 'string' ? text : '';
  const writerLang = options.locale === 'en' ? 'en' : 'ar';
  const writer = WRITER_LABELS[writerLang];
  const writerDir = writerLang === 'en' ? 'ltr' : 'rtl';
  const warnings: RenderWarning[] = [];
  const blocks: BlockLine[] = [];
  const notices: string[] = [];

  const doc = parseArticle(source);
  const fm = doc.frontmatter;
  let bodyStart = doc.bodyStart;
  if (!fm) {
    notices.push(writer.noFrontmatter);
    warnings.push({ code: 'frontmatter-missing', message: writer.noFrontmatter, line: 0 });
  } else if (fm.closeStart === -1) {
    // Where the body would start is unknown: show everything after the opening line rather than nothing.
    bodyStart = doc.lines.lineStart(doc.lines.positionAt(fm.start).line + 1);
    if (bodyStart <= fm.start) bodyStart = source.length;
    notices.push(writer.unclosedFrontmatter);
    warnings.push({ code: 'frontmatter-unclosed', message: writer.unclosedFrontmatter, line: 0 });
  } else if (fm.language !== '' && fm.language !== 'yaml') {
    const message = writer.foreignFrontmatter(fm.language);
    notices.push(message);
    warnings.push({ code: 'frontmatter-foreign', message, line: 0 });
  } else if (!fm.root || fm.problems.some((p) => BROKEN.has(p.kind))) {
    const problem = fm.problems.find((p) => BROKEN.has(p.kind));
    const where = problem ? doc.lines.positionAt(problem.start).line : 0;
    const detail = problem?.detail ? ` ${writer.line(where + 1)}: ${problem.detail}` : '';
    notices.push(writer.brokenFrontmatter + detail);
    warnings.push({ code: 'frontmatter-broken', message: writer.brokenFrontmatter + detail, line: where });
  }

  const meta = readMeta(doc);
  const language = articleLanguage(meta.language?.value);
  if (!language.valid && meta.language) {
    const message = writer.invalidLanguage(meta.language.value);
    notices.push(message);
    warnings.push({ code: 'language-invalid', message, line: doc.lines.positionAt(meta.language.start).line });
  }
  const { lang, dir } = language;
  const reader = baseLanguage(lang) === 'ar' ? READER_LABELS.ar : READER_LABELS.en;

  const body = source.slice(bodyStart);
  const numbering: Numbering =
    options.digits === 'latin'
      ? 'latn'
      : options.digits === 'arabic-indic'
        ? 'arab'
        : dominantNumbering(body + (meta.title?.value ?? '') + (meta.summary?.value ?? ''));
  const times = { zone: chooseZone(meta.date?.value, options.timeZone, options.machineTimeZone), lang, numbering };
  if (meta.date && !hijriAvailable()) warnings.push({ code: 'hijri-unavailable', message: writer.hijriUnavailable });

  const sorted = sortDiagnostics(doc, options.diagnostics ?? [], bodyStart);
  const titleAttr = options.showDiagnostics ? 'title' : 'data-title';
  const env: BodyEnv = {
    lineOffset: doc.lines.positionAt(bodyStart).line,
    baseUri: options.baseUri,
    allowRemoteImages: options.allowRemoteImages,
    labels: writer,
    problems: sorted.body,
    blocks,
    warnings,
    linkStack: [],
    titleAttr,
  };
  const bodyHtml = renderBody(body, env);

  const ctx: LayoutContext = {
    doc,
    meta,
    reader,
    writer,
    lang,
    dir,
    writerLang,
    writerDir,
    times,
    now: options.now ?? new Date(),
    listed: sorted.listed,
    titleAttr,
    blocks,
    warnings,
  };

  const unplaced: ListedProblem[] = sorted.body
    .filter((p) => p.placed === null)
    .map((p) => ({ diagnostic: p.diagnostic, line: p.docLine }));
  for (const p of unplaced) warnings.push({ code: 'diagnostic-unplaced', message: p.diagnostic.message, line: p.line });
  const listed: ListedProblem[] = sorted.listed.map((l) => ({ diagnostic: l.diagnostic, line: doc.lines.positionAt(l.start).line }));

  const writerArea =
    notices.map((n) => `<div class="muharrir-notice muharrir-writer" role="note" lang="${writerLang}" dir="${writerDir}">${escapeHtml(n)}</div>`).join('') +
    problemsList(listed, unplaced, writer, writerLang, writerDir);

  let fragment: string;
  if (options.view === 'social-card') {
    fragment =
      writerArea +
      socialCard(ctx, {
        firstImage: env.firstImage,
        firstParagraph: env.firstParagraph,
        titleMax: limit(options.card?.titleMax, CARD_TITLE_MAX),
        summaryMax: limit(options.card?.summaryMax, CARD_SUMMARY_MAX),
      });
  } else {
    const header = articleHeader(ctx);
    const footer = articleFooter(ctx);
    fragment =
      writerArea +
      `<article class="article" lang="${lang}" dir="${dir}">${header}<div class="article-body">${bodyHtml}</div>${footer}</article>`;
  }
  blocks.sort((a, b) => a.line - b.line || a.endLine - b.endLine);

  const csp = buildCsp(options);
  const bodyClass = [
    'muharrir-preview',
    `view-${options.view === 'social-card' ? 'social-card' : 'article'}`,
    `width-${options.width === 'mobile' ? 'mobile' : 'desktop'}`,
    options.showDiagnostics ? '' : 'muharrir-hide-problems',
  ]
    .filter(Boolean)
    .join(' ');
  // Options arrive from settings and messages: anything but the known values is ignored.
  const theme = THEMES.has(options.theme as string) ? ` class="theme-${options.theme}"` : '';
  const title = meta.title?.value ?? '';
  const nonce = escapeHtml(options.nonce);
  const html =
    `<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}"${theme}>\n<head>\n` +
    `<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${escapeHtml(title || writer.untitled)}</title>\n` +
    `<style nonce="${nonce}">${stylesheet(options)}</style>\n` +
    `</head>\n<body class="${bodyClass}" data-line-count="${doc.lines.lineCount}">\n` +
    `<main class="page" id="muharrir-root">${fragment}</main>\n` +
    (options.scriptUri ? `<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>\n` : '') +
    `</body>\n</html>\n`;

  return { html, fragment, bodyClass, csp, lang, dir, title, blocks, warnings };
}

let hijri: boolean | undefined;
function hijriAvailable(): boolean {
  if (hijri === undefined) {
    try {
      hijri = new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura').resolvedOptions().calendar === 'islamic-umalqura';
    } catch {
      hijri = false;
    }
  }
  return hijri;
}
