import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';

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

function parseYaml(content: string, base: number, fm: Frontmatter): void {
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
  for (const e of doc.errors) {
    const [s, t] = e.pos;
    fm.problems.push({
      kind: 'yaml',
      start: base + Math.min(s, content.length),
      end: base + Math.min(Math.max(t, s), content.length),
      detail: firstLine(e.message),
    });
  }
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

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: unknown, base: number, src: string, fm: Frontmatter, depth: number): FmNode | null {
  if (node === null || node === undefined || typeof node !== 'object') return null;
  const n = node as YamlNode;
  const [s, valueEnd] = (n as { range?: [number, number, number] }).range ?? [0, 0, 0];
  const start = base + s;
  const end = base + valueEnd;
  if (isAlias(n)) {
    fm.problems.push({ kind: 'alias', start, end });
    return { kind: 'alias', start, end };
  }
  if (n.anchor) fm.problems.push({ kind: 'anchor', start, end, detail: n.anchor });
  if (n.tag) fm.problems.push({ kind: 'tag', start, end, detail: n.tag });
  if (depth > MAX_NODE_DEPTH) {
    fm.problems.push({ kind: 'too-deep', start, end });
    return null;
  }
  if (isScalar(n)) {
    const v = n.value;
    const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
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
      if (k.anchor) fm.problems.push({ kind: 'anchor', start: base + k.range![0], end: base + k.range![1], detail: k.anchor });
      if (k.tag) fm.problems.push({ kind: 'tag', start: base + k.range![0], end: base + k.range![1], detail: k.tag });
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

/** Parses a whole YAML file (a config, a pack) with the same refusals as frontmatter. */
export function parseYamlText(text: string): { root: FmMap | null; problems: FrontmatterProblem[] } {
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
    else parseYaml(text, 0, fm);
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
