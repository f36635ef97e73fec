/**
 * Where each diagnostic is shown. Body diagnostics are marked in the rendered text (markdown.ts);
 * diagnostics in the frontmatter are listed at the top and also mark the header element of the
 * field they are on (headline, byline, dates…), so the writer sees them where the reader would.
 */
import type { ArticleDocument } from '../../../../server/src/engine/document';
import { escapeHtml } from './escape';
import type { BodyProblem } from './markdown';
import { label, type WriterLabels } from './strings';
import type { PreviewDiagnostic, PreviewSeverity } from './types';

const SEVERITY_RANK: Record<PreviewSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * Messages go in `title` (the hover) while problems are shown, and in `data-title` while they are
 * hidden, so a clean read has no tooltips either; the preview script swaps them when toggling.
 */
export type TitleAttr = 'title' | 'data-title';

export function worstSeverity(diags: readonly PreviewDiagnostic[]): PreviewSeverity {
  let worst: PreviewSeverity = 'hint';
  for (const d of diags) if ((SEVERITY_RANK[d.severity] ?? 3) < SEVERITY_RANK[worst]) worst = d.severity;
  return worst;
}

export function problemTitle(diags: readonly PreviewDiagnostic[]): string {
  return diags.map((d) => (d.code ? `${d.message} (${d.code})` : d.message)).join('\n');
}

export function problemCodes(diags: readonly PreviewDiagnostic[]): string {
  return [...new Set(diags.map((d) => d.code).filter((c): c is string => !!c))].join(' ');
}

/** ` data-severity=… data-code=… title=…` for an element that carries problems. */
export function problemAttrs(diags: readonly PreviewDiagnostic[], titleAttr: TitleAttr): string {
  const codes = problemCodes(diags);
  return (
    ` data-severity="${worstSeverity(diags)}"` +
    (codes ? ` data-code="${escapeHtml(codes)}"` : '') +
    ` ${titleAttr}="${escapeHtml(problemTitle(diags))}"`
  );
}

export interface SortedDiagnostics {
  /** In the frontmatter (or about the whole document): listed at the top. */
  listed: { diagnostic: PreviewDiagnostic; start: number; end: number }[];
  body: BodyProblem[];
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Drops what is not a diagnostic at all (the webview gets them over a message channel). */
function wellFormed(d: PreviewDiagnostic): boolean {
  const pos = (p: unknown) =>
    !!p && typeof p === 'object' && Number.isFinite((p as { line: unknown }).line) && Number.isFinite((p as { character: unknown }).character);
  return !!d && typeof d.message === 'string' && SEVERITIES.has(d.severity) && !!d.range && pos(d.range.start) && pos(d.range.end);
}

export function sortDiagnostics(
  doc: ArticleDocument,
  diagnostics: readonly PreviewDiagnostic[],
  bodyStart: number,
): SortedDiagnostics {
  const listed: SortedDiagnostics['listed'] = [];
  const body: BodyProblem[] = [];
  const bodyLine = doc.lines.positionAt(bodyStart).line;
  for (const d of diagnostics) {
    if (!wellFormed(d)) continue;
    const start = doc.lines.offsetAt(d.range.start);
    const end = Math.max(start, doc.lines.offsetAt(d.range.end));
    if (start < bodyStart || d.code === 'frontmatter-missing') {
      listed.push({ diagnostic: d, start, end });
      continue;
    }
    const flagged = doc.text.slice(start, end).split(/\r\n|\r|\n/)[0];
    body.push({
      diagnostic: d,
      line: doc.lines.positionAt(start).line - bodyLine,
      docLine: doc.lines.positionAt(start).line,
      flagged,
      occurrenceIn(blockStartLine) {
        if (!flagged) return 0;
        const from = doc.lines.lineStart(bodyLine + blockStartLine);
        const before = doc.text.slice(from, start);
        let n = 0;
        for (let at = before.indexOf(flagged); at !== -1; at = before.indexOf(flagged, at + 1)) n++;
        return n;
      },
      placed: null,
    });
  }
  return { listed, body };
}

/** The diagnostics that touch a field's source (an empty range touches the character after it). */
export function problemsIn(
  listed: SortedDiagnostics['listed'],
  field: { start: number; end: number } | undefined,
): PreviewDiagnostic[] {
  if (!field) return [];
  return listed
    .filter(({ start, end }) => start < field.end && Math.max(end, start + 1) > field.start)
    .map((l) => l.diagnostic);
}

export interface ListedProblem {
  diagnostic: PreviewDiagnostic;
  line: number;
}

export function problemsList(
  frontmatter: ListedProblem[],
  other: ListedProblem[],
  labels: WriterLabels,
  lang: string,
  dir: string,
): string {
  if (frontmatter.length === 0 && other.length === 0) return '';
  const items = (list: ListedProblem[]) =>
    [...list]
      .sort((a, b) => a.line - b.line)
      .map(({ diagnostic: d, line }) => {
        const sev = label(labels.severity, d.severity) ?? d.severity;
        return (
          `<li data-severity="${d.severity}" data-line="${line}">` +
          `<span class="sev">${escapeHtml(sev)}</span> ` +
          `<span class="msg">${escapeHtml(d.message)}</span>` +
          (d.code ? ` <span class="code">(${escapeHtml(d.code)})</span>` : '') +
          ` <span class="where">${escapeHtml(labels.line(line + 1))}</span></li>`
        );
      })
      .join('');
  const section = (heading: string, list: ListedProblem[]) =>
    list.length ? `<h2>${escapeHtml(heading)}</h2><ul>${items(list)}</ul>` : '';
  return (
    `<section class="muharrir-problems muharrir-writer" lang="${lang}" dir="${dir}">` +
    section(labels.problemsHeading, frontmatter) +
    section(labels.otherProblemsHeading, other) +
    `</section>`
  );
}
