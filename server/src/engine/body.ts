import type { ArticleDocument } from './document';
import { SOURCE_LINE_LABELS } from './arabicData';

export interface BodyLine {
  line: number;
  start: number;
  text: string;
}

/** Lines of the Markdown body outside fenced code blocks. */
export function* bodyLines(doc: ArticleDocument): Generator<BodyLine> {
  const first = doc.lines.positionAt(doc.bodyStart).line;
  if (doc.bodyStart >= doc.text.length && doc.frontmatter) return;
  let fence: string | null = null;
  for (let line = first; line < doc.lines.lineCount; line++) {
    // After a BOM, line 0 starts past it, as an editor shows it.
    const start = Math.max(doc.lines.lineStart(line), doc.bodyStart);
    const text = doc.text.slice(start, doc.lines.lineEnd(line));
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === null) fence = f[1][0].repeat(f[1].length);
      else if (f[1].startsWith(fence)) fence = null;
      continue;
    }
    if (fence === null) yield { line, start, text };
  }
}

/** The first ATX heading of the body, as a default headline for fixes. */
export function firstHeading(doc: ArticleDocument): { text: string; line: number } | undefined {
  for (const l of bodyLines(doc)) {
    const m = /^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(l.text);
    if (m) return { text: m[1], line: l.line };
  }
  return undefined;
}

/**
 * Names from the body's source lines (`المصدر: وكالة الأنباء الليبية`), the way wire copy credits
 * its sources. Used to prefill the `sources:` fix; reading attributions in running text is the
 * body-analysis layer's job.
 */
export function sourceLineNames(doc: ArticleDocument): string[] {
  const names: string[] = [];
  const label = new RegExp(`^\\s*[*_]{0,2}(?:${SOURCE_LINE_LABELS.join('|')})[*_]{0,2}\\s*[:\\uFF1A]\\s*[*_]{0,2}(.+?)[*_]{0,2}\\s*$`);
  for (const l of bodyLines(doc)) {
    const m = label.exec(l.text);
    if (!m) continue;
    for (const part of m[1].split(/[،,؛;]/)) {
      const name = part.replace(/[.\u06D4]+$/, '').trim();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
