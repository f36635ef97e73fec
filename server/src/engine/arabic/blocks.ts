import { memo, type ArticleDocument } from '../document';
import { MASK, proseMask } from './prose';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote';

/** A block of running prose: offsets into the document, from its first to its last visible character. */
export interface Paragraph {
  start: number;
  end: number;
  kind: BlockKind;
  firstLine: number;
  lastLine: number;
}

export interface Span {
  start: number;
  end: number;
}

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+/;
const QUOTE = /^ {0,3}>/;
const RULE_LINE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;

/**
 * The body's paragraphs, headings, list items and block quotes, in order. Blank lines end a
 * paragraph; a heading or a list item is a block of its own, as a reader sees it.
 */
export function paragraphs(doc: ArticleDocument): Paragraph[] {
  return memo(doc, 'paragraphs', () => split(doc));
}

function isBlank(s: string): boolean {
  for (const ch of s) if (ch !== ' ' && ch !== '\t' && ch !== MASK) return false;
  return true;
}

function split(doc: ArticleDocument): Paragraph[] {
  const mask = proseMask(doc);
  const { lines } = doc;
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  const first = doc.bodyStart >= doc.text.length ? lines.lineCount : lines.positionAt(doc.bodyStart).line;
  for (let line = first; line < lines.lineCount; line++) {
    const ls = lines.lineStart(line);
    const le = lines.lineEnd(line);
    const content = mask.slice(ls, le);
    if (isBlank(content) || RULE_LINE.test(content)) {
      flush();
      continue;
    }
    let kind: BlockKind = 'paragraph';
    if (HEADING.test(content)) kind = 'heading';
    else if (LIST_ITEM.test(content)) kind = 'list-item';
    else if (QUOTE.test(content)) kind = 'quote';
    let s = ls;
    while (s < le && (mask[s] === ' ' || mask[s] === '\t' || mask[s] === MASK)) s++;
    let e = le;
    while (e > s && (mask[e - 1] === ' ' || mask[e - 1] === '\t' || mask[e - 1] === MASK)) e--;
    const continues =
      current !== null &&
      kind !== 'heading' &&
      kind !== 'list-item' &&
      (current as Paragraph).kind !== 'heading' &&
      ((current as Paragraph).kind !== 'quote' || kind === 'quote');
    if (continues) {
      (current as unknown as Paragraph).end = e;
      (current as unknown as Paragraph).lastLine = line;
    } else {
      flush();
      current = { start: s, end: e, kind, firstLine: line, lastLine: line };
    }
  }
  flush();
  return out;
}

/** Sentences of a span of prose: they end at . ! ? ؟ … (not a decimal point) or at the span's end. */
export function sentences(doc: ArticleDocument, span: Span): Span[] {
  const mask = proseMask(doc);
  const out: Span[] = [];
  let start = span.start;
  const re = /[.!?\u061F\u2026]+(?=[\s\u00BB\u201D"')\]]|$)/g;
  re.lastIndex = 0;
  const text = mask.slice(span.start, span.end);
  for (const m of text.matchAll(re)) {
    const at = span.start + m.index;
    if (m[0] === '.' && /\d/.test(mask[at - 1] ?? '') && /\d/.test(mask[at + 1] ?? '')) continue;
    let end = at + m[0].length;
    while (end < span.end && /[\u00BB\u201D"')\]]/.test(mask[end])) end++;
    out.push(trim(mask, start, end));
    start = end;
  }
  if (start < span.end) {
    const last = trim(mask, start, span.end);
    if (last.end > last.start) out.push(last);
  }
  return out.filter((s) => s.end > s.start);
}

function trim(mask: string, start: number, end: number): Span {
  while (start < end && /[\s\uE000]/.test(mask[start])) start++;
  while (end > start && /[\s\uE000]/.test(mask[end - 1])) end--;
  return { start, end };
}
