import { parseDocument, visit, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Bilingual } from './types';
import { parseYamlSubset } from './yamlSubset';

/** A frontmatter value, detached from the yaml library, with absolute document offsets. */
export type FmNode = FmScalar | FmMap | FmSeq | FmAlias;

interface FmBase {
  start: number;
  end: number;
}

export interface FmScalar extends FmBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The text as written (quotes included), for messages and fixes. */
  source: string;
}

export interface FmMap extends FmBase {
  kind: 'map';
  entries: FmEntry[];
  flow: boolean;
}

export interface FmSeq extends FmBase {
  kind: 'seq';
  items: FmNode[];
  flow: boolean;
}

/** Aliases are refused, never resolved: expanding them is how YAML bombs work. */
export interface FmAlias extends FmBase {
  kind: 'alias';
}

export interface FmEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** null when the key has no value at all (`sources:` followed by nothing). */
  value: FmNode | null;
}

export type FrontmatterProblemKind =
  | 'yaml'
  | 'unclosed'
  | 'language'
  | 'not-a-map'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'complex-key'
  | 'too-deep'
  | 'too-large';

export interface FrontmatterProblem {
  kind: FrontmatterProblemKind;
  start: number;
  end: number;
  /** The parser's own words, for `yaml` problems. */
  detail?: string;
  /** What to do about it, in plain words, when the mistake is a common one. */
  hint?: Bilingual;
}

export interface Frontmatter {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just after the closing delimiter line's text (before its line break). */
  end: number;
  contentStart: number;
  contentEnd: number;
  /** Offset of the closing delimiter, or -1 when the block is never closed. */
  closeStart: number;
  /** The word after the opening `---` (`js` in `---js`); empty for YAML. */
  language: string;
  /** Top-level map, or null when the content is not a usable mapping. */
  root: FmMap | null;
  problems: FrontmatterProblem[];
}

/** Frontmatter bigger than this is not parsed: no real article has one, and parsers can be made slow. */
export const MAX_FRONTMATTER_CHARS = 256 * 1024;
const MAX_FLOW_DEPTH = 100;
const MAX_NODE_DEPTH = 64;

const OPEN = /^---([A-Za-z0-9_-]*)[ \t]*(?:\r\n|\r|\n|$)/;

/** Finds and parses the frontmatter block starting at `from` (0, or 1 after a BOM). */
export function parseFrontmatter(text: string, from: number): Frontmatter | null {
  const head = OPEN.exec(text.slice(from, from + 64));
  if (!head) return null;
  const start = from;
  const contentStart = from + head[0].length;
  const language = head[1].toLowerCase();

  let closeStart = -1;
  let closeEnd = text.length;
  let pos = contentStart;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol).trimEnd();
    if (line === '---' || line === '...') {
      closeStart = pos;
      closeEnd = pos + line.length;
      break;
    }
    if (eol >= text.length) break;
    pos = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  const contentEnd = closeStart === -1 ? text.length : closeStart;
  const fm: Frontmatter = {
    start,
    end: closeStart === -1 ? text.length : closeEnd,
    contentStart,
    contentEnd,
    closeStart,
    language,
    root: null,
    problems: [],
  };
  const openEnd = start + 3 + head[1].length;
  if (closeStart === -1) fm.problems.push({ kind: 'unclosed', start, end: openEnd });
  if (language !== '' && language !== 'yaml') {
    fm.problems.push({ kind: 'language', start, end: openEnd, detail: head[1] });
    return fm;
  }
  if (closeStart === -1) return fm;
  const content = text.slice(contentStart, contentEnd);
  if (content.length > MAX_FRONTMATTER_CHARS) {
    fm.problems.push({ kind: 'too-large', start, end: openEnd });
    return fm;
  }
  const deep = findExcessiveFlowDepth(content);
  if (deep >= 0) {
    fm.problems.push({ kind: 'too-deep', start: contentStart + deep, end: contentStart + deep + 1 });
    return fm;
  }
  parseYaml(content, contentStart, fm);
  return fm;
}

/**
 * The yaml parser exhausts memory on tens of thousands of nested `[` (a fatal, uncatchable
 * abort), so depth is measured first with a scan that skips quoted strings and comments.
 */
function findExcessiveFlowDepth(content: string): number {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 92 /* \ */ && quote === 34) i++;
      continue;
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 35 /* # */ && (i === 0 || content.charCodeAt(i - 1) <= 32)) {
      while (i < content.length && content.charCodeAt(i) !== 10) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/** How frontmatter YAML is read; tests compare the two ways. */
export interface YamlReading {
  /** Try the one-pass reader for everyday frontmatter first (the default). */
  subset: boolean;
}

function parseYaml(text: string, base: number, fm: Frontmatter, reading: YamlReading = { subset: true }): void {
  // The YAML reader only breaks lines at \n and \r\n; a lone \r (old Mac files) becomes \n, same length, same offsets.
  const content = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  if (reading.subset) {
    const root = parseYamlSubset(content, base);
    if (root) {
      fm.root = root;
      return;
    }
  }
  let doc;
  try {
    doc = parseDocument(content, {
      uniqueKeys: false,
      prettyErrors: false,
      strict: false,
      keepSourceTokens: false,
    });
  } catch (err) {
    fm.problems.push({
      kind: 'yaml',
      start: fm.contentStart,
      end: fm.contentStart,
      detail: err instanceof Error ? err.message : String(err),
    });
    return;
  }
  const syntax = firstSyntaxError(doc, content);
  if (syntax) fm.problems.push({ kind: 'yaml', ...syntax, start: base + syntax.start, end: base + syntax.end });
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    fm.root = { kind: 'map', entries: [], flow: false, start: fm.contentStart, end: fm.contentStart };
    return;
  }
  const root = convert(contents, base, content, fm, 0);
  if (root?.kind === 'map') fm.root = root;
  else if (doc.errors.length === 0) {
    fm.problems.push({ kind: 'not-a-map', start: root?.start ?? fm.contentStart, end: root?.end ?? fm.contentEnd });
  }
}

const HINTS = {
  quote: {
    en: 'Close the quote on the same line, or remove it.',
    ar: 'أغلق علامة التنصيص في السطر نفسه أو احذفها.',
  },
  flow: {
    en: 'The list opened here is never closed.',
    ar: 'القائمة التي تبدأ هنا لم تُغلق.',
  },
  tab: {
    en: 'Indent with spaces, not tabs.',
    ar: 'استخدم المسافات لا مفتاح الجدولة (Tab) في إزاحة الأسطر.',
  },
  colonInValue: {
    en: 'A value that contains `: ` must be put in quotes.',
    ar: 'ضع القيمة بين علامتَي تنصيص إذا احتوت على `: `.',
  },
  indent: {
    en: 'This line is indented more than the field above it; fields of one block start at the same column.',
    ar: 'هذا السطر مُزاح أكثر من الحقل الذي فوقه؛ تبدأ حقول الكتلة الواحدة من العمود نفسه.',
  },
  colon: {
    en: 'Each field is `key: value` on one line; is the colon missing?',
    ar: 'كل حقل بصيغة `المفتاح: القيمة` في سطر واحد؛ هل سقطت النقطتان؟',
  },
} satisfies Record<string, Bilingual>;

/**
 * The parser's first error, moved to the line a writer would look at (offsets in `content`).
 * Only the first: after one mistake the parser's later complaints are mostly echoes of it.
 * An unclosed quote or bracket is reported where it opens, not where the parser gave up;
 * a key indented under the field above it is reported on its own line.
 */
function firstSyntaxError(doc: Document, content: string): { start: number; end: number; detail: string; hint?: Bilingual } | undefined {
  if (doc.errors.length === 0) return undefined;
  const clamp = (n: number) => Math.max(0, Math.min(n, content.length));
  // Line bounds come from one pass over the text: a long line can carry one error per character
  // (`[,,,,…]`), and scanning the line again for each of them took minutes.
  const breaks: number[] = [];
  for (let i = 0; i < content.length; i++) if (content[i] === '\n' || content[i] === '\r') breaks.push(i);
  /** Index in `breaks` of the first break at or after `o`. */
  const nextBreak = (o: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const lineStartOf = (o: number) => {
    const b = nextBreak(o) - 1;
    return b >= 0 ? breaks[b] + 1 : 0;
  };
  const visibleEnds = new Map<number, number>();
  /** End of the line's visible text, but never before `o`. */
  const lineEndOf = (o: number) => {
    const b = nextBreak(o);
    let e = visibleEnds.get(b);
    if (e === undefined) {
      const lineStart = b > 0 ? breaks[b - 1] + 1 : 0;
      e = b < breaks.length ? breaks[b] : content.length;
      while (e > lineStart && (content[e - 1] === ' ' || content[e - 1] === '\t')) e--;
      visibleEnds.set(b, e);
    }
    return Math.max(e, o);
  };
  // Nodes an error can point just past: quoted scalars and flow collections that run to where the parser gave up.
  let open: { start: number; end: number; kind: 'quote' | 'flow' }[] | undefined;
  const opened = (kind: 'quote' | 'flow', at: number) => {
    if (!open) {
      const found: { start: number; end: number; kind: 'quote' | 'flow' }[] = [];
      visit(doc, {
        Scalar(_k, n) {
          if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range) found.push({ start: n.range[0], end: n.range[1], kind: 'quote' });
        },
        Seq(_k, n) {
          if (n.flow && n.range) found.push({ start: n.range[0], end: n.range[1], kind: 'flow' });
        },
        Map(_k, n) {
          if (n.flow && n.range) found.push({ start: n.range[0], end: n.range[1], kind: 'flow' });
        },
      });
      open = found;
    }
    // The innermost node of that kind that ends where the error is.
    return open.filter((n) => n.kind === kind && n.end === at).sort((a, b) => b.start - a.start)[0];
  };

  // Errors that start at the same place describe one mistake: keep the one that says most (the widest).
  const byStart = new Map<number, (typeof doc.errors)[number]>();
  for (const e of doc.errors) {
    const prev = byStart.get(e.pos[0]);
    if (!prev || e.pos[1] - e.pos[0] > prev.pos[1] - prev.pos[0]) byStart.set(e.pos[0], e);
  }
  let best: { start: number; end: number; detail: string; hint?: Bilingual } | undefined;
  for (const e of byStart.values()) {
    let s = clamp(e.pos[0]);
    const t = clamp(Math.max(e.pos[1], e.pos[0]));
    const message = firstLine(e.message);
    let hint: Bilingual | undefined;
    if (e.code === 'MISSING_CHAR' && /quote/.test(message)) {
      const q = opened('quote', e.pos[0]);
      if (q) s = q.start;
      hint = HINTS.quote;
    } else if (e.code === 'BAD_INDENT' && /^Flow (sequence|mapping)/.test(message)) {
      const f = opened('flow', e.pos[0]);
      if (f) {
        s = f.start;
        hint = HINTS.flow;
      }
    } else if (e.code === 'TAB_AS_INDENT') {
      hint = HINTS.tab;
    } else if (e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BLOCK_AS_IMPLICIT_KEY') {
      const before = content.slice(lineStartOf(s), s);
      const spansLines = content.slice(s, t).includes('\n');
      if (/:(\s|$)/.test(before) && spansLines) {
        // `title: خبر` then `  author: …`: the parser reads the indented key as part of the value above.
        s = lineStartOf(t);
        hint = HINTS.indent;
      } else if (/:(\s|$)/.test(before) && /:\s/.test(content.slice(s, lineEndOf(s)))) {
        hint = HINTS.colonInValue;
      } else if (e.code === 'MULTILINE_IMPLICIT_KEY') {
        hint = HINTS.colon;
      }
    }
    // From the first visible character (the tab itself for a tab) to the end of that line.
    if (e.code !== 'TAB_AS_INDENT') {
      while ((content[s] === ' ' || content[s] === '\t') && lineEndOf(s) > s) s++;
    }
    const end = lineEndOf(s);
    if (!best || s < best.start) best = { start: s, end, detail: message, hint };
  }
  return best;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: unknown, base: number, src: string, fm: Frontmatter, depth: number): FmNode | null {
  if (node === null || node === undefined || typeof node !== 'object') return null;
  const n = node as YamlNode;
  const [s, rangeEnd] = (n as { range?: [number, number, number] }).range ?? [0, 0, 0];
  let valueEnd = rangeEnd;
  // A block list or map ends where the next token starts: after its last line break. Ranges stop at its text.
  if (isSeq(n) || isMap(n)) while (valueEnd > s && /\s/.test(src[valueEnd - 1])) valueEnd--;
  const start = base + s;
  const end = base + valueEnd;
  if (isAlias(n)) {
    fm.problems.push({ kind: 'alias', start, end });
    return { kind: 'alias', start, end };
  }
  if (n.anchor) fm.problems.push({ kind: 'anchor', start: base + withProperties(src, s), end, detail: n.anchor });
  if (n.tag) fm.problems.push({ kind: 'tag', start: base + withProperties(src, s), end, detail: tagAsWritten(n.tag) });
  if (depth > MAX_NODE_DEPTH) {
    fm.problems.push({ kind: 'too-deep', start, end });
    return null;
  }
  if (isScalar(n)) {
    const v = n.value;
    // A tagged scalar (`!!timestamp 2025-06-02`) may resolve to an object; the tag is refused above,
    // and the value is read as the text written, so it is not mistaken for an empty field.
    const value =
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
        ? v
        : v === null || v === undefined
          ? null
          : typeof (n as { source?: unknown }).source === 'string'
            ? ((n as { source: string }).source)
            : String(v);
    return { kind: 'scalar', value, source: src.slice(s, valueEnd), start, end };
  }
  if (isSeq(n)) {
    const items: FmNode[] = [];
    for (const item of n.items) {
      const c = convert(item, base, src, fm, depth + 1);
      if (c) items.push(c);
    }
    return { kind: 'seq', items, flow: n.flow === true, start, end };
  }
  if (isMap(n)) {
    const entries: FmEntry[] = [];
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      if (!isScalar(k) || k.value === null || typeof k.value === 'object') {
        const r = (k as { range?: number[] } | null)?.range;
        fm.problems.push({ kind: 'complex-key', start: r ? base + r[0] : start, end: r ? base + r[1] : end });
        continue;
      }
      if (k.anchor) fm.problems.push({ kind: 'anchor', start: base + withProperties(src, k.range![0]), end: base + k.range![1], detail: k.anchor });
      if (k.tag) fm.problems.push({ kind: 'tag', start: base + withProperties(src, k.range![0]), end: base + k.range![1], detail: tagAsWritten(k.tag) });
      const [ks, ke] = k.range!;
      const value = pair.value === null ? null : convert(pair.value, base, src, fm, depth + 1);
      entries.push({
        key: String(k.value),
        keyStart: base + ks,
        keyEnd: base + ke,
        value: value && value.kind === 'scalar' && value.value === null && value.source === '' ? null : value,
      });
    }
    return { kind: 'map', entries, flow: n.flow === true, start, end };
  }
  return null;
}

/** A node's range starts after its `&anchor` and `!tag`; the writer should see them flagged too. */
function withProperties(src: string, start: number): number {
  const m = /(?:(?<=^|\s)[&!][^\s]*\s+)+$/.exec(src.slice(Math.max(0, start - 256), start));
  return m ? start - m[0].length : start;
}

/** `tag:yaml.org,2002:js/function` back to the `!!js/function` the writer typed. */
function tagAsWritten(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}

/** Parses a whole YAML file (a config, a pack) with the same refusals as frontmatter. */
export function parseYamlText(text: string, reading?: YamlReading): { root: FmMap | null; problems: FrontmatterProblem[] } {
  const fm: Frontmatter = {
    start: 0,
    end: text.length,
    contentStart: 0,
    contentEnd: text.length,
    closeStart: text.length,
    language: '',
    root: null,
    problems: [],
  };
  if (text.length > MAX_FRONTMATTER_CHARS) {
    fm.problems.push({ kind: 'too-large', start: 0, end: 0 });
  } else {
    const deep = findExcessiveFlowDepth(text);
    if (deep >= 0) fm.problems.push({ kind: 'too-deep', start: deep, end: deep + 1 });
    else parseYaml(text, 0, fm, reading);
  }
  return { root: fm.root, problems: fm.problems };
}

/** The first entry for a key; later duplicates are reported by `duplicate-key`. */
export function getEntry(map: FmMap | null | undefined, key: string): FmEntry | undefined {
  return map?.entries.find((e) => e.key === key);
}

export function isEmptyValue(node: FmNode | null | undefined): boolean {
  if (!node) return true;
  if (node.kind === 'scalar') return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (node.kind === 'seq') return node.items.length === 0;
  if (node.kind === 'map') return node.entries.length === 0;
  return false;
}
