import { memo, type ArticleDocument } from '../document';
import { isSpaceCode } from './chars';

/**
 * The character that stands in for everything that is not prose. It is not a letter, a digit,
 * a space or punctuation, so no rule matches on it or across it by accident.
 */
export const MASK = '\uE000';

/**
 * The document's text with everything that is not running prose replaced by MASK, character for
 * character, so every offset found in it is an offset in the document: the frontmatter, fenced and
 * indented code, inline code, HTML comments and tags, URLs, link targets and reference definitions.
 * Line breaks are kept so lines and paragraphs stay where they are.
 */
export function proseMask(doc: ArticleDocument): string {
  return memo(doc, 'prose', () => buildMask(doc));
}

function buildMask(doc: ArticleDocument): string {
  const { text } = doc;
  const masked = new Ranges(text.length);
  masked.add(0, doc.bodyStart);

  // Block level: fences and indented code, line by line.
  const { lines } = doc;
  const first = lines.positionAt(doc.bodyStart).line;
  let fence: string | null = null;
  let previousBlank = true;
  for (let line = doc.bodyStart >= text.length ? lines.lineCount : first; line < lines.lineCount; line++) {
    // Line 0 of a file with a BOM starts after it: `\uFEFF\t…` is indented code like `\t…`.
    const start = Math.max(lines.lineStart(line), doc.bodyStart);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence !== null) {
      masked.add(start, end);
      if (f && f[1].startsWith(fence)) fence = null;
      continue;
    }
    if (f) {
      fence = f[1][0].repeat(f[1].length);
      masked.add(start, end);
      continue;
    }
    const blank = content.trim() === '';
    if (previousBlank && /^( {4}|\t)/.test(content) && !blank) masked.add(start, end);
    else if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(content)) masked.add(start, end);
    previousBlank = blank;
  }

  const body = text.slice(doc.bodyStart);
  const at = doc.bodyStart;
  // Each finder returns what the regular expression in its comment would match with matchAll,
  // in one pass: the expressions themselves backtrack over long runs (quadratic time on a line of
  // `](` or of Latin letters), so the ones that can are written out by hand.
  const spans: [number, number][][] = [
    comments(body), // <!--[\s\S]*?(?:-->|$)
    regexSpans(body, /(`+)[^`]*?\1/g), // inline code
    linkTargets(body), // \]\([^)\s]*(?:\s+"[^"]*")?\), masked from the `(`
    autolinks(body), // <(?:https?:|mailto:)[^>\s]*>
    regexSpans(body, /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g), // HTML tags
    regexSpans(body, /\b(?:https?:\/\/|www\.)[^\s<>()\u00AB\u00BB\u201C\u201D"]+[^\s<>()\u00AB\u00BB\u201C\u201D".,;:!?\u060C\u061B\u061F]/g), // bare URLs
    emails(body), // [\w.+-]+@[\w-]+\.[\w.-]+
  ];
  for (const list of spans) for (const [s, e] of list) masked.add(at + s, at + e);
  return masked.apply(text);
}

/** Spans of the text to mask, in any order and overlapping, applied in one pass at the end. */
class Ranges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly length: number) {}

  add(start: number, end: number): void {
    start = Math.max(0, start);
    end = Math.min(end, this.length);
    if (end <= start) return;
    this.starts.push(start);
    this.ends.push(end);
  }

  /** The text with every character in a span, line breaks excepted, replaced by MASK. */
  apply(text: string): string {
    const order = this.starts.map((_, k) => k).sort((a, b) => this.starts[a] - this.starts[b]);
    const parts: string[] = [];
    let pos = 0;
    for (const k of order) {
      const start = Math.max(pos, this.starts[k]);
      const end = this.ends[k];
      if (end <= start) continue;
      parts.push(text.slice(pos, start));
      masked(text, start, end, parts);
      pos = end;
    }
    parts.push(text.slice(pos));
    return parts.join('');
  }
}

/** `text[start, end)` with every character but line breaks as MASK, pushed onto `parts` in pieces. */
function masked(text: string, start: number, end: number, parts: string[]): void {
  let run = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (i > run) parts.push(MASK.repeat(i - run));
    parts.push(c === 10 ? '\n' : '\r');
    run = i + 1;
  }
  if (end > run) parts.push(MASK.repeat(end - run));
}

function regexSpans(text: string, re: RegExp): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** HTML comments, an unclosed one running to the end. */
function comments(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let open = text.indexOf('<!--'); open !== -1; ) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) {
      out.push([open, text.length]);
      break;
    }
    out.push([open, close + 3]);
    open = text.indexOf('<!--', close + 3);
  }
  return out;
}


/**
 * Link targets, `](url)` or `](url "title")`, from the `(` on: the `]` that closes the visible
 * text stays. Where a target is not closed, every `](` up to the same stop fails the same way,
 * so the stop is remembered and the text is read once.
 */
function linkTargets(text: string): [number, number][] {
  const out: [number, number][] = [];
  let failedUpTo = -1;
  let noQuoteAfter = -1;
  for (let i = text.indexOf(']('); i !== -1; i = text.indexOf('](', i + 1)) {
    if (i + 2 <= failedUpTo) continue;
    let j = i + 2;
    while (j < text.length && text.charCodeAt(j) !== 0x29 && !isSpaceCode(text.charCodeAt(j))) j++;
    if (text[j] === ')') {
      out.push([i + 1, j + 1]);
      i = j;
      continue;
    }
    let end = -1;
    if (j < text.length) {
      let k = j;
      while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
      if (text[k] === '"' && (noQuoteAfter === -1 || k < noQuoteAfter)) {
        const close = text.indexOf('"', k + 1);
        if (close === -1) noQuoteAfter = k;
        else if (text[close + 1] === ')') end = close + 2;
      }
    }
    if (end === -1) {
      failedUpTo = j;
      continue;
    }
    out.push([i + 1, end]);
    i = end - 1;
  }
  return out;
}

const AUTOLINK_SCHEMES = ['<https:', '<http:', '<mailto:'];

/** `<https://…>` and `<mailto:…>`; a `<` not closed before a space or the end fails like every other up to there. */
function autolinks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let failedUpTo = -1;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const scheme = AUTOLINK_SCHEMES.find((s) => text.startsWith(s, i));
    if (!scheme || i < failedUpTo) continue;
    let j = i + scheme.length;
    while (j < text.length && text.charCodeAt(j) !== 0x3e && !isSpaceCode(text.charCodeAt(j))) j++;
    if (text[j] !== '>') {
      failedUpTo = j;
      continue;
    }
    out.push([i, j + 1]);
    i = j;
  }
  return out;
}

/** `\w` without the u flag: A-Z a-z 0-9 _. */
function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isEmailLocal(c: number): boolean {
  return isWordCode(c) || c === 0x2e || c === 0x2b || c === 0x2d; // . + -
}

/** E-mail addresses, found from their `@`: the name before it as far back as it goes, then `domain.tld`. */
function emails(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && isEmailLocal(text.charCodeAt(start - 1))) start--;
    if (start === at) {
      from = at + 1;
      continue;
    }
    let j = at + 1;
    while (j < text.length && (isWordCode(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2d)) j++;
    if (j === at + 1 || text[j] !== '.') {
      from = at + 1;
      continue;
    }
    let e = j + 1;
    while (e < text.length && (isWordCode(text.charCodeAt(e)) || text.charCodeAt(e) === 0x2e || text.charCodeAt(e) === 0x2d)) e++;
    if (e === j + 1) {
      from = at + 1;
      continue;
    }
    out.push([start, e]);
    from = e;
    at = e - 1;
  }
  return out;
}
