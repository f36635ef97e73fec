/**
 * The frontmatter fields the reader sees, read from the engine's document model. Nothing here
 * throws: a value of the wrong shape is simply not shown (the language server reports it).
 */
import type { ArticleDocument } from '../../../../server/src/engine/document';
import { getEntry, type FmEntry, type FmMap, type FmNode } from '../../../../server/src/engine/frontmatter';

/** A shown value and where it was written, so diagnostics and scroll sync can find it. */
export interface Field<T> {
  value: T;
  /** Offsets of the whole entry (key and value) in the document. */
  start: number;
  end: number;
}

export interface SourceItem {
  name: string;
  url?: string;
  type?: string;
  start: number;
  end: number;
}

export interface ArticleMeta {
  title?: Field<string>;
  summary?: Field<string>;
  authors?: Field<string[]>;
  date?: Field<string>;
  updated?: Field<string>;
  embargo?: Field<string>;
  section?: Field<string>;
  tags?: Field<string[]>;
  status?: Field<string>;
  sources?: Field<SourceItem[]>;
  dateline?: Field<string>;
  language?: Field<string>;
}

function scalarText(node: FmNode | null | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  const s = String(node.value).trim();
  return s === '' ? undefined : s;
}

/** A list of names: `a`, `[a, b]`, or items that are maps with a `name`. */
function textList(node: FmNode | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const s = scalarText(node);
    return s === undefined ? undefined : [s];
  }
  if (node.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    const s = item.kind === 'map' ? scalarText(getEntry(item, 'name')?.value) : scalarText(item);
    if (s !== undefined) out.push(s);
  }
  return out.length ? out : undefined;
}

function sourceItem(node: FmNode): SourceItem | undefined {
  if (node.kind === 'scalar') {
    const name = scalarText(node);
    return name === undefined ? undefined : { name, start: node.start, end: node.end };
  }
  if (node.kind !== 'map') return undefined;
  const name = scalarText(getEntry(node, 'name')?.value);
  const url = scalarText(getEntry(node, 'url')?.value);
  const type = scalarText(getEntry(node, 'type')?.value);
  if (name === undefined && url === undefined) return undefined;
  return { name: name ?? url!, url, type, start: node.start, end: node.end };
}

function field<T>(entry: FmEntry | undefined, read: (node: FmNode | null) => T | undefined): Field<T> | undefined {
  if (!entry) return undefined;
  const value = read(entry.value);
  if (value === undefined) return undefined;
  return { value, start: entry.keyStart, end: entry.value?.end ?? entry.keyEnd };
}

export function readMeta(doc: ArticleDocument): ArticleMeta {
  const root: FmMap | null = doc.frontmatter?.root ?? null;
  if (!root) return {};
  const get = (key: string) => getEntry(root, key);
  return {
    title: field(get('title'), scalarText),
    summary: field(get('summary'), scalarText),
    authors: field(get('author'), textList),
    date: field(get('date'), scalarText),
    updated: field(get('updated'), scalarText),
    embargo: field(get('embargo'), scalarText),
    section: field(get('section'), scalarText),
    tags: field(get('tags'), textList),
    status: field(get('status'), scalarText),
    dateline: field(get('dateline'), scalarText),
    language: field(get('language'), scalarText),
    sources: field(get('sources'), (node) => {
      if (!node) return undefined;
      const items = (node.kind === 'seq' ? node.items : [node]).map(sourceItem).filter((s): s is SourceItem => !!s);
      return items.length ? items : undefined;
    }),
  };
}
