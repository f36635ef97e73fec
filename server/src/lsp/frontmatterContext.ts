import type { ArticleDocument, FmNode } from '../engine';

/**
 * Where the cursor is in the frontmatter, read from the raw lines rather than the YAML tree: while
 * the writer types, the YAML is half-written and often does not parse at all.
 */
export type FrontmatterSpot =
  /** Column 0, no colon yet: a new top-level field. `start` is where the typed key begins. */
  | { kind: 'key'; start: number; present: Set<string> }
  /** After `key:` on a top-level line. */
  | { kind: 'value'; key: string; start: number }
  /** `  - |` in the `sources` block: a source given by its name alone. */
  | { kind: 'source-item'; start: number }
  /** An indented line without a colon inside a `sources` item that is a mapping. */
  | { kind: 'source-key'; start: number; present: Set<string> }
  /** After `name:`/`type:`… inside a `sources` item. */
  | { kind: 'source-value'; key: string; start: number };

const TOP_KEY = /^([^\s#:\-?[\]{},&*!|>'"%@`][^:]*?)\s*:(?:\s|$)/;

export function frontmatterSpot(doc: ArticleDocument, offset: number): FrontmatterSpot | undefined {
  const fm = doc.frontmatter;
  if (!fm || offset < fm.contentStart || (fm.closeStart >= 0 && offset > fm.contentEnd)) return undefined;
  const { lines } = doc;
  const pos = lines.positionAt(offset);
  const lineStart = lines.lineStart(pos.line);
  if (fm.closeStart >= 0 && lineStart >= fm.closeStart) return undefined;
  const prefix = doc.text.slice(lineStart, offset);
  const firstLine = lines.positionAt(fm.contentStart).line;

  if (/^[^\s#:\-][^:]*$/.test(prefix) || prefix === '') {
    return { kind: 'key', start: lineStart, present: topLevelKeys(doc, firstLine, pos.line) };
  }
  const top = /^([^\s#:\-][^:]*?)\s*:[ \t]*(.*)$/.exec(prefix);
  if (top) return { kind: 'value', key: top[1].trim(), start: offset - top[2].length };

  if (!/^\s/.test(prefix) && !prefix.startsWith('-')) return undefined;
  if (enclosingTopKey(doc, firstLine, pos.line) !== 'sources') return undefined;

  const item = /^\s*-[ \t]+(.*)$/.exec(prefix);
  if (item) {
    const inner = /^([A-Za-z_]\w*)\s*:[ \t]*(.*)$/.exec(item[1]);
    if (inner) return { kind: 'source-value', key: inner[1], start: offset - inner[2].length };
    if (!item[1].includes(':')) return { kind: 'source-item', start: offset - item[1].length };
    return undefined;
  }
  const nested = /^\s+([A-Za-z_]\w*)\s*:[ \t]*(.*)$/.exec(prefix);
  if (nested) return { kind: 'source-value', key: nested[1], start: offset - nested[2].length };
  const bare = /^\s+(\w*)$/.exec(prefix);
  if (bare) {
    const present = itemKeys(doc, firstLine, pos.line);
    if (present) return { kind: 'source-key', start: offset - bare[1].length, present };
  }
  return undefined;
}

function topLevelKeys(doc: ArticleDocument, firstLine: number, exceptLine: number): Set<string> {
  const keys = new Set<string>();
  const fm = doc.frontmatter!;
  const last = fm.closeStart >= 0 ? doc.lines.positionAt(fm.closeStart).line - 1 : doc.lines.lineCount - 1;
  for (let l = firstLine; l <= last; l++) {
    if (l === exceptLine) continue;
    const m = TOP_KEY.exec(doc.lines.lineText(l));
    if (m) keys.add(m[1].trim());
  }
  return keys;
}

/** The top-level key whose block the line belongs to (the nearest unindented field above it). */
function enclosingTopKey(doc: ArticleDocument, firstLine: number, line: number): string | undefined {
  for (let l = line - 1; l >= firstLine; l--) {
    const text = doc.lines.lineText(l);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    if (/^\s/.test(text) || text.startsWith('-')) continue;
    return TOP_KEY.exec(text)?.[1].trim();
  }
  return undefined;
}

/**
 * The keys already written in the `sources` item the line is in, or undefined when the item above
 * is a bare name (no keys to add to it).
 */
function itemKeys(doc: ArticleDocument, firstLine: number, line: number): Set<string> | undefined {
  const keys = new Set<string>();
  for (let l = line - 1; l >= firstLine; l--) {
    const text = doc.lines.lineText(l);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const dash = /^\s*-[ \t]*(.*)$/.exec(text);
    if (dash) {
      const k = /^([A-Za-z_]\w*)\s*:/.exec(dash[1]);
      if (!k) return undefined;
      keys.add(k[1]);
      return keys;
    }
    const k = /^\s+([A-Za-z_]\w*)\s*:/.exec(text);
    if (!k) return undefined;
    keys.add(k[1]);
  }
  return undefined;
}

/** Source names a frontmatter already lists (`- name` or `- name: …`). */
export function listedSourceNames(root: { entries: { key: string; value: FmNode | null }[] } | null | undefined): string[] {
  const sources = root?.entries.find((e) => e.key === 'sources')?.value;
  if (sources?.kind !== 'seq') return [];
  const names: string[] = [];
  for (const item of sources.items) {
    let node: FmNode | null | undefined = item;
    if (item.kind === 'map') node = item.entries.find((e) => e.key === 'name')?.value;
    if (node?.kind === 'scalar' && typeof node.value === 'string' && node.value.trim()) names.push(node.value.trim());
  }
  return names;
}
