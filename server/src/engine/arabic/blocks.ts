import { memo, type ArticleDocument } from '../document';
import { MASK, proseMask } from './prose';
import { isSpaceCode } from './chars';

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

/**
 * A thematic break: `---`, `* * *`, `___` (what /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/ matches). Read
 * by hand: the expression overflows the stack on a line of millions of `- `.
 */
function isRuleLine(s: string): boolean {
  let i = 0;
  while (i < 3 && s[i] === ' ') i++;
  const mark = s[i];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let marks = 1;
  for (i++; i < s.length; i++) {
    if (s[i] === mark) marks++;
    else if (!/\s/.test(s[i])) return false;
  }
  return marks >= 3;
}

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
    // After a BOM, line 0 starts past it, so `\uFEFF# …` is a heading like `# …`.
    const ls = Math.max(lines.lineStart(line), doc.bodyStart);
    const le = lines.lineEnd(line);
    const content = mask.slice(ls, le);
    if (isBlank(content) || isRuleLine(content)) {
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

/** . ! ? ؟ … */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026;
}

/** » ” " ' ) ] */
function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d;
}

function isLatinDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Sentences of a span of prose: they end at . ! ? ؟ … (not a decimal point) or at the span's end. */
export function sentences(doc: ArticleDocument, span: Span): Span[] {
  const mask = proseMask(doc);
  const out: Span[] = [];
  let start = span.start;
  // A run of end marks ends a sentence when a space, a closing mark or the span's end follows it.
  for (let at = span.start; at < span.end; ) {
    if (!isSentenceEnd(mask.charCodeAt(at))) {
      at++;
      continue;
    }
    let runEnd = at;
    while (runEnd < span.end && isSentenceEnd(mask.charCodeAt(runEnd))) runEnd++;
    const next = mask.charCodeAt(runEnd);
    const ends = runEnd === span.end || isSpaceCode(next) || isCloser(next);
    const decimal = runEnd === at + 1 && mask[at] === '.' && isLatinDigitCode(mask.charCodeAt(at - 1)) && isLatinDigitCode(mask.charCodeAt(at + 1));
    if (ends && !decimal) {
      let end = runEnd;
      while (end < span.end && isCloser(mask.charCodeAt(end))) end++;
      out.push(trim(mask, start, end));
      start = end;
    }
    at = runEnd;
  }
  if (start < span.end) {
    const last = trim(mask, start, span.end);
    if (last.end > last.start) out.push(last);
  }
  return out.filter((s) => s.end > s.start);
}

function trim(mask: string, start: number, end: number): Span {
  while (start < end && (isSpaceCode(mask.charCodeAt(start)) || mask[start] === MASK)) start++;
  while (end > start && (isSpaceCode(mask.charCodeAt(end - 1)) || mask[end - 1] === MASK)) end--;
  return { start, end };
}
