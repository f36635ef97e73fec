import type { FmEntry, FmMap, FmNode, FmScalar, FmSeq } from './frontmatter';

/**
 * A reader for the YAML nearly every article's frontmatter is written in: `key: value` lines,
 * nested fields, block lists (also of fields) and one-line `[a, b]` lists, with plain and quoted
 * one-line strings. Parsing that with the full YAML library was a fifth of the time spent on an
 * article; this reader takes one pass over the lines.
 *
 * It is exact or it declines: anything outside that subset (comments, tabs, anchors, tags,
 * multi-line or escaped strings, numbers, booleans, nulls, flow maps, odd indentation, any
 * syntax error) returns `undefined` and the caller parses with the library. Where it answers,
 * the tree equals the library's, offsets included (test/engine/yamlSubset.test.ts compares the
 * two on real and generated frontmatter).
 */
export function parseYamlSubset(content: string, base: number): FmMap | undefined {
  const lines = splitLines(content);
  if (!lines) return undefined;
  const reader = new SubsetReader(content, base, lines);
  return reader.document();
}

interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset after the last non-space character (equals `start + indent` for a blank line). */
  end: number;
  indent: number;
  blank: boolean;
}

class Decline extends Error {}
const DECLINE = new Decline();

/** Lines with their indentation; null when a character rules the subset out for the whole text. */
function splitLines(content: string): Line[] | null {
  const lines: Line[] = [];
  const n = content.length;
  let pos = 0;
  while (pos <= n) {
    let i = pos;
    while (i < n && content.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    let end = i;
    let eol = i;
    for (; eol < n; eol++) {
      const c = content.charCodeAt(eol);
      if (c === 10) break;
      if (c === 13) {
        if (content.charCodeAt(eol + 1) !== 10) return null;
        break;
      }
      // Control characters (tabs included), C1 controls, BOM and non-characters are the library's to judge.
      if (c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0xfffe || c === 0xffff) return null;
      if (c !== 32) end = eol + 1;
    }
    const blank = end === i;
    if (!blank) {
      const first = content.charCodeAt(i);
      // Comments, directives and document markers.
      if (first === 35 || (indent === 0 && (first === 37 || content.startsWith('---', i) || content.startsWith('...', i)))) return null;
    }
    lines.push({ start: pos, end, indent, blank });
    if (eol >= n) break;
    pos = eol + (content.charCodeAt(eol) === 13 ? 2 : 1);
  }
  return lines;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The core schema's non-string plain scalars (yaml/dist/schema/core): the library resolves these. */
const RESOLVED = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** Characters that give a plain scalar's first character a YAML meaning. */
const INDICATOR_START = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

function isResolved(text: string): boolean {
  const c = text.charCodeAt(0);
  // Only these can start a null, a boolean or a number.
  if (!(c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57))) return false;
  return RESOLVED.some((r) => r.test(text));
}

/** Deeper nesting is no article's; the library path reports it (and this reader never recurses far). */
const MAX_DEPTH = 32;

class SubsetReader {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly lines: Line[],
  ) {}

  document(): FmMap | undefined {
    try {
      this.skipBlank();
      if (this.i >= this.lines.length) return undefined;
      if (this.lines[this.i].indent !== 0) return undefined;
      const root = this.map(0);
      this.skipBlank();
      return this.i >= this.lines.length ? root : undefined;
    } catch (err) {
      if (err === DECLINE) return undefined;
      throw err;
    }
  }

  private skipBlank(): void {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
  }

  /** Fields at exactly `indent`, starting at the current line; `first` is an entry already read from a `- key: value` line. */
  private map(indent: number, first?: { entry: FmEntry; end: number; start: number }): FmMap {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const entries: FmEntry[] = [];
    let start = -1;
    let end = -1;
    if (first) {
      entries.push(first.entry);
      start = first.start;
      end = first.end;
    }
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent) throw DECLINE;
      const at = line.start + line.indent;
      const field = this.field(at, line.end, indent);
      if (!field) throw DECLINE;
      entries.push(field.entry);
      if (start < 0) start = at;
      end = field.end;
    }
    if (start < 0) throw DECLINE;
    this.depth--;
    return { kind: 'map', entries, flow: false, start: this.base + start, end: this.base + end };
  }

  /**
   * `key: value` or `key:` (and what is nested under it) from `at` to `lineEnd` on the current
   * line; consumes the lines it reads. Undefined when the text there is not a field.
   */
  private field(at: number, lineEnd: number, indent: number): { entry: FmEntry; end: number } | undefined {
    const text = this.text;
    let colon = at;
    while (colon < lineEnd && text.charCodeAt(colon) !== 58) colon++;
    if (colon >= lineEnd) return undefined;
    const after = colon + 1;
    if (after < lineEnd && text.charCodeAt(after) !== 32) return undefined;
    const key = text.slice(at, colon);
    if (!KEY.test(key) || isResolved(key)) return undefined;
    this.i++;
    let v = after;
    while (v < lineEnd && text.charCodeAt(v) === 32) v++;
    let value: FmNode | null;
    let end: number;
    if (v < lineEnd) {
      value = this.inline(v, lineEnd);
      end = lineEnd;
      this.noContinuation(indent);
    } else {
      value = this.nested(indent);
      end = value ? value.end - this.base : after;
    }
    return { entry: { key, keyStart: this.base + at, keyEnd: this.base + colon, value }, end };
  }

  /** A plain string continued on a more indented line is a multi-line scalar: the library's job. */
  private noContinuation(indent: number): void {
    let j = this.i;
    while (j < this.lines.length && this.lines[j].blank) j++;
    if (j < this.lines.length && this.lines[j].indent > indent) throw DECLINE;
  }

  /** What follows `key:` on the next lines: a list, nested fields, or nothing. */
  private nested(indent: number): FmNode | null {
    let j = this.i;
    while (j < this.lines.length && this.lines[j].blank) j++;
    if (j >= this.lines.length) return null;
    const line = this.lines[j];
    const dash = this.isDash(line);
    if (line.indent > indent) return dash ? this.seq(line.indent) : this.map(line.indent);
    if (line.indent === indent && dash) return this.seq(indent);
    return null;
  }

  private isDash(line: Line): boolean {
    return this.isDashAt(line.start + line.indent, line.end);
  }

  /** `- item` lines at exactly `indent`. */
  private seq(indent: number): FmSeq {
    if (++this.depth > MAX_DEPTH) throw DECLINE;
    const items: FmNode[] = [];
    const text = this.text;
    let start = -1;
    let end = -1;
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) break;
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent || !this.isDash(line)) {
        if (line.indent > indent) throw DECLINE;
        break;
      }
      const dashAt = line.start + line.indent;
      let at = dashAt + 1;
      while (at < line.end && text.charCodeAt(at) === 32) at++;
      // `-` alone (item on the next lines) and `- - x` are left to the library.
      if (at >= line.end || this.isDashAt(at, line.end)) throw DECLINE;
      const itemIndent = at - line.start;
      const field = this.field(at, line.end, itemIndent);
      let item: FmNode;
      if (field) {
        item = this.map(itemIndent, { entry: field.entry, start: at, end: field.end });
      } else {
        item = this.inline(at, line.end);
        this.i++;
        this.noContinuation(indent);
      }
      items.push(item);
      if (start < 0) start = dashAt;
      end = item.end - this.base;
    }
    if (start < 0) throw DECLINE;
    this.depth--;
    return { kind: 'seq', items, flow: false, start: this.base + start, end: this.base + end };
  }

  private isDashAt(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  /** A one-line value from `at` to the end of the line's text. */
  private inline(at: number, end: number): FmNode {
    const c = this.text.charCodeAt(at);
    if (c === 91 /* [ */) return this.flowSeq(at, end);
    const s = c === 34 || c === 39 ? this.quoted(at, end) : this.plain(at, end, false);
    if (!s || s.end - this.base !== end) throw DECLINE;
    return s;
  }

  /** `[a, "b", c]` on one line. */
  private flowSeq(at: number, end: number): FmSeq {
    const text = this.text;
    const items: FmNode[] = [];
    let p = at + 1;
    const skip = () => {
      while (p < end && text.charCodeAt(p) === 32) p++;
    };
    skip();
    if (text.charCodeAt(p) === 93 /* ] */) {
      p++;
    } else {
      for (;;) {
        skip();
        if (p >= end) throw DECLINE;
        const c = text.charCodeAt(p);
        let stop = p;
        if (c !== 34 && c !== 39) {
          while (stop < end && text.charCodeAt(stop) !== 44 && text.charCodeAt(stop) !== 93) stop++;
          while (stop > p && text.charCodeAt(stop - 1) === 32) stop--;
        }
        const item = c === 34 || c === 39 ? this.quoted(p, end) : this.plain(p, stop, true);
        if (!item) throw DECLINE;
        items.push(item);
        p = item.end - this.base;
        skip();
        const sep = text.charCodeAt(p);
        p++;
        if (sep === 93) break;
        if (sep !== 44) throw DECLINE;
      }
    }
    if (p !== end) throw DECLINE;
    return { kind: 'seq', items, flow: true, start: this.base + at, end: this.base + end };
  }

  /** A plain (unquoted) string from `at` to `end`; undefined when YAML would read it otherwise. */
  private plain(at: number, end: number, inFlow: boolean): FmScalar | undefined {
    if (at >= end || INDICATOR_START.has(this.text.charCodeAt(at))) return undefined;
    const source = this.text.slice(at, end);
    // `: ` makes a field, ` #` a comment, a final `:` an empty field; in a `[…]` list brackets, braces and `:` mean structure.
    if (source.includes(': ') || source.includes(' #') || source.endsWith(':')) return undefined;
    if (inFlow && /[[\]{}:#]/.test(source)) return undefined;
    if (isResolved(source)) return undefined;
    return { kind: 'scalar', value: source, source, start: this.base + at, end: this.base + end };
  }

  /** A one-line quoted string starting at `at` (no escapes); its end is after the closing quote. */
  private quoted(at: number, lineEnd: number): FmScalar | undefined {
    const text = this.text;
    const q = text.charCodeAt(at);
    let p = at + 1;
    let value = '';
    let from = p;
    for (;;) {
      if (p >= lineEnd) return undefined;
      const c = text.charCodeAt(p);
      if (c === 92 && q === 34) return undefined;
      if (c === q) {
        if (q === 39 && text.charCodeAt(p + 1) === 39) {
          value += text.slice(from, p + 1);
          p += 2;
          from = p;
          continue;
        }
        break;
      }
      p++;
    }
    value += text.slice(from, p);
    // Runs of spaces inside quotes are folded by YAML only across lines; one line keeps them, but
    // leading/trailing spaces before a line end are not an issue on one line either.
    return { kind: 'scalar', value, source: text.slice(at, p + 1), start: this.base + at, end: this.base + p + 1 };
  }
}
