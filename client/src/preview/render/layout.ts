/**
 * The article around the body, as an Arabic news site lays it out: kicker (section and, for the
 * writer, the status), headline, standfirst, byline, dateline and times in both calendars; after
 * the body the sources box and the tags. Every value from the frontmatter is escaped here.
 */
import type { ArticleDocument } from '../../../../server/src/engine/document';
import { formatTime, type TimeFormatContext } from './articleDates';
import { escapeHtml } from './escape';
import type { ArticleMeta, Field } from './metadata';
import { problemAttrs, problemsIn, type SortedDiagnostics, type TitleAttr } from './problems';
import { label, type ReaderLabels, type WriterLabels } from './strings';
import { cutForCard } from './cardText';
import { schemeOf } from './urls';
import type { BlockLine, RenderWarning } from './types';

export interface LayoutContext {
  doc: ArticleDocument;
  meta: ArticleMeta;
  reader: ReaderLabels;
  writer: WriterLabels;
  /** The article's language and direction, and the writer's. */
  lang: string;
  dir: 'rtl' | 'ltr';
  writerLang: string;
  writerDir: 'rtl' | 'ltr';
  times: TimeFormatContext;
  now: Date;
  listed: SortedDiagnostics['listed'];
  titleAttr: TitleAttr;
  blocks: BlockLine[];
  warnings: RenderWarning[];
}

function lineOf(ctx: LayoutContext, field: Field<unknown> | { start: number; end: number }): number {
  return ctx.doc.lines.positionAt(field.start).line;
}

/**
 * `class="…" data-line=… [problem attributes]` for an element showing a field. Text gets a wavy
 * underline; a box (sources, tags) a bar at its side, for the problems none of its items show.
 */
function fieldAttrs(
  ctx: LayoutContext,
  className: string,
  field: Field<unknown> | { start: number; end: number },
  kind: string,
  box?: { items: readonly { start: number; end: number }[] },
): string {
  const line = lineOf(ctx, field);
  ctx.blocks.push({ line, endLine: ctx.doc.lines.positionAt(Math.max(field.start, field.end - 1)).line + 1, kind });
  const inItems = new Set((box?.items ?? []).flatMap((item) => problemsIn(ctx.listed, item)));
  const problems = problemsIn(ctx.listed, field).filter((d) => !inItems.has(d));
  const marker = box ? 'muharrir-problem-block' : 'muharrir-problem-field';
  const cls = problems.length ? `${className} ${marker}` : className;
  return `class="${cls}" data-line="${line}"${problems.length ? problemAttrs(problems, ctx.titleAttr) : ''}`;
}

function writerNote(ctx: LayoutContext, text: string): string {
  return `<span class="writer-note muharrir-writer" lang="${ctx.writerLang}" dir="${ctx.writerDir}">${escapeHtml(text)}</span>`;
}

/** A URL worth a link in the sources box: http(s) only, re-serialised by the URL parser. */
export function sourceHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const scheme = schemeOf(url);
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function byline(ctx: LayoutContext, authors: string[]): string {
  let parts: { type: string; value: string }[];
  try {
    parts = new Intl.ListFormat(ctx.lang, { type: 'conjunction' }).formatToParts(authors);
  } catch {
    parts = authors.flatMap((a, i) => (i ? [{ type: 'literal', value: '، ' }] : []).concat({ type: 'element', value: a }));
  }
  const names = parts
    .map((p) => (p.type === 'element' ? `<span class="author">${escapeHtml(p.value)}</span>` : escapeHtml(p.value)))
    .join('');
  return `${escapeHtml(ctx.reader.byline)} ${names}`;
}

function timeLine(ctx: LayoutContext, field: Field<string>, label: string, className: string): string {
  const t = formatTime(field.value, ctx.times);
  const attrs = fieldAttrs(ctx, `time ${className}`, field, className);
  if (t.kind === 'invalid') {
    ctx.warnings.push({ code: 'date-invalid', message: ctx.writer.invalidDate(field.value), line: lineOf(ctx, field) });
    return `<p ${attrs}><span class="label">${escapeHtml(label)}</span> <span class="invalid-date">${escapeHtml(ctx.writer.invalidDate(field.value))}</span></p>`;
  }
  const clock = t.clock ? `${escapeHtml(ctx.reader.timeSeparator)}<span class="clock">${escapeHtml(t.clock)}</span> <span class="offset">(${escapeHtml(t.offset)})</span>` : '';
  const hijri = t.hijri
    ? ` — <span class="hijri">${ctx.reader.corresponding ? escapeHtml(ctx.reader.corresponding) + ' ' : ''}${escapeHtml(t.hijri)}</span>`
    : '';
  return (
    `<p ${attrs}><span class="label">${escapeHtml(label)}</span> ` +
    `<time datetime="${escapeHtml(t.iso)}"><span class="gregorian">${escapeHtml(t.gregorian)}</span>${clock}</time>${hijri}</p>`
  );
}

export function articleHeader(ctx: LayoutContext): string {
  const { meta, writer } = ctx;
  const fm = ctx.doc.frontmatter;
  const kicker: string[] = [];
  if (meta.section) kicker.push(`<span ${fieldAttrs(ctx, 'section', meta.section, 'section')}>${escapeHtml(meta.section.value)}</span>`);
  const status = meta.status?.value ?? (fm?.root ? 'draft' : undefined);
  if (status !== undefined && status !== 'published') {
    const text = label(writer.status, status) ?? status;
    const attrs = meta.status ? fieldAttrs(ctx, 'status-badge muharrir-writer', meta.status, 'status') : 'class="status-badge muharrir-writer"';
    kicker.push(`<span ${attrs} data-status="${escapeHtml(status)}" lang="${ctx.writerLang}" dir="${ctx.writerDir}">${escapeHtml(text)}</span>`);
  }
  const out: string[] = [];
  const headerLine = fm ? ctx.doc.lines.positionAt(fm.start).line : 0;
  const headerEnd = fm ? ctx.doc.lines.positionAt(fm.end).line + 1 : 0;
  ctx.blocks.push({ line: headerLine, endLine: headerEnd, kind: 'header' });
  out.push(`<header class="article-header" data-line="${headerLine}">`);
  if (kicker.length) out.push(`<div class="kicker">${kicker.join('')}</div>`);
  if (meta.title) out.push(`<h1 ${fieldAttrs(ctx, 'headline', meta.title, 'title')}>${escapeHtml(meta.title.value)}</h1>`);
  else out.push(`<h1 class="headline untitled muharrir-writer" lang="${ctx.writerLang}" dir="${ctx.writerDir}">${escapeHtml(writer.untitled)}</h1>`);
  if (meta.summary) out.push(`<p ${fieldAttrs(ctx, 'standfirst', meta.summary, 'summary')}>${escapeHtml(meta.summary.value)}</p>`);

  const metaLines: string[] = [];
  if (meta.authors) metaLines.push(`<p ${fieldAttrs(ctx, 'byline', meta.authors, 'author')}>${byline(ctx, meta.authors.value)}</p>`);
  if (meta.dateline) metaLines.push(`<p ${fieldAttrs(ctx, 'dateline', meta.dateline, 'dateline')}>${escapeHtml(meta.dateline.value)}</p>`);
  if (meta.date) metaLines.push(timeLine(ctx, meta.date, ctx.reader.published, 'published'));
  if (meta.updated) metaLines.push(timeLine(ctx, meta.updated, ctx.reader.updated, 'updated'));
  const published = meta.date ? formatTime(meta.date.value, ctx.times) : undefined;
  if (published?.kind === 'ok' && published.instant > ctx.now.getTime()) metaLines.push(`<p>${writerNote(ctx, writer.scheduled)}</p>`);
  if (meta.embargo) {
    const e = formatTime(meta.embargo.value, ctx.times);
    if (e.kind === 'ok' && e.instant > ctx.now.getTime()) {
      metaLines.push(`<p ${fieldAttrs(ctx, 'embargo', meta.embargo, 'embargo')}>${writerNote(ctx, `${writer.embargoed} ${e.gregorian} ${e.clock} (${e.offset})`)}</p>`);
    }
  }
  if (metaLines.length) out.push(`<div class="meta">${metaLines.join('')}</div>`);
  out.push('</header>');
  return out.join('');
}

export function articleFooter(ctx: LayoutContext): string {
  const { meta } = ctx;
  const out: string[] = [];
  if (meta.sources) {
    const items = meta.sources.value.map((s) => {
      const href = sourceHref(s.url);
      const name = escapeHtml(s.name);
      const shown = href ? `<a href="${escapeHtml(href)}" data-link="external" rel="noopener noreferrer">${name}</a>` : name;
      const type = s.type ? label(ctx.reader.sourceTypes, s.type) : undefined;
      return `<li ${fieldAttrs(ctx, 'source', s, 'source')}>${shown}${type ? ` <span class="source-type">(${escapeHtml(type)})</span>` : ''}</li>`;
    });
    out.push(
      `<aside ${fieldAttrs(ctx, 'sources', meta.sources, 'sources', { items: meta.sources.value })} aria-labelledby="muharrir-sources-heading">` +
        `<h2 id="muharrir-sources-heading">${escapeHtml(ctx.reader.sources)}</h2><ul>${items.join('')}</ul></aside>`,
    );
  }
  if (meta.tags) {
    out.push(
      `<ul ${fieldAttrs(ctx, 'tags', meta.tags, 'tags', { items: [] })} aria-label="${escapeHtml(ctx.reader.tags)}">` +
        meta.tags.value.map((t) => `<li class="tag">${escapeHtml(t)}</li>`).join('') +
        `</ul>`,
    );
  }
  return out.length ? `<footer class="article-footer">${out.join('')}</footer>` : '';
}

export interface CardInput {
  firstImage?: string;
  firstParagraph?: string;
  titleMax: number;
  summaryMax: number;
}

export function socialCard(ctx: LayoutContext, input: CardInput): string {
  const { meta, writer } = ctx;
  const title = cutForCard(meta.title?.value ?? '', input.titleMax);
  const summarySource = meta.summary?.value ?? input.firstParagraph ?? '';
  const summary = cutForCard(summarySource, input.summaryMax);
  const line = meta.title ? lineOf(ctx, meta.title) : 0;
  ctx.blocks.push({ line, endLine: line + 1, kind: 'social-card' });
  const card =
    `<div class="social-card" lang="${ctx.lang}" dir="${ctx.dir}" data-line="${line}">` +
    `<div class="card-image">${input.firstImage ?? `<span class="card-no-image muharrir-writer" lang="${ctx.writerLang}" dir="${ctx.writerDir}">${escapeHtml(writer.cardNoImage)}</span>`}</div>` +
    `<div class="card-text">` +
    (meta.section ? `<div class="card-site">${escapeHtml(meta.section.value)}</div>` : '') +
    `<div class="card-title"${title.cut ? ' data-cut="true"' : ''}>${escapeHtml(title.text || writer.untitled)}</div>` +
    (summary.text ? `<div class="card-summary"${summary.cut ? ' data-cut="true"' : ''}>${escapeHtml(summary.text)}</div>` : '') +
    `</div></div>`;
  const count = (label: string, c: { length: number }, max: number) =>
    `<dt>${escapeHtml(label)}</dt><dd${c.length > max ? ' class="over"' : ''}>${escapeHtml(writer.cardCount(c.length, max))}</dd>`;
  const counts =
    `<div class="card-counts muharrir-writer" lang="${ctx.writerLang}" dir="${ctx.writerDir}"><dl>` +
    count(writer.cardTitle, title, input.titleMax) +
    (summarySource ? count(writer.cardSummary, summary, input.summaryMax) : '') +
    `</dl>` +
    (!meta.summary && input.firstParagraph ? `<p>${escapeHtml(writer.cardSummaryFromBody)}</p>` : '') +
    `</div>`;
  return card + counts;
}
