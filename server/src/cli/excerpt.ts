import type { LineIndex, Range } from '../engine';
import type { Excerpt } from './report';

/** Code units shown on either side of a flagged span: enough to read the sentence around it. */
const CONTEXT = 80;
/** Longest flagged text shown; a flagged 5 MB line would otherwise be copied into the report whole. */
const MAX_MARKED = 200;

/**
 * The line a problem starts on, cut around its range. A range that runs onto later lines is
 * marked to the end of its first line. Cuts never split a surrogate pair.
 */
export function excerptAt(lines: LineIndex, range: Range): Excerpt {
  const text = lines.text;
  const line = Math.max(0, Math.min(range.start.line, lines.lineCount - 1));
  let lineStart = lines.lineStart(line);
  const lineEnd = lines.lineEnd(line);
  // The BOM is not part of what the writer sees on line 0.
  if (line === 0 && text.charCodeAt(0) === 0xfeff) lineStart = Math.min(1, lineEnd);
  const start = clamp(lines.offsetAt(range.start), lineStart, lineEnd);
  const end = range.end.line === line ? clamp(lines.offsetAt(range.end), start, lineEnd) : lineEnd;

  const markEnd = end - start > MAX_MARKED ? safeCut(text, start + MAX_MARKED) : end;
  const from = start - CONTEXT > lineStart ? safeCut(text, start - CONTEXT) : lineStart;
  const to = markEnd < end ? markEnd : markEnd + CONTEXT < lineEnd ? safeCut(text, markEnd + CONTEXT) : lineEnd;
  return {
    before: text.slice(from, start),
    marked: text.slice(start, markEnd),
    after: text.slice(markEnd, to),
    clippedStart: from > lineStart,
    clippedEnd: to < lineEnd,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(n, hi));
}

/** `i`, or one past it when `i` falls between the halves of a surrogate pair. */
function safeCut(text: string, i: number): number {
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff ? i + 1 : i;
}
