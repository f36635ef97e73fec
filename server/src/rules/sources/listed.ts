import { getEntry, isEmptyValue, type FmEntry, type FmMap, type FmNode } from '../../engine/frontmatter';
import type { RuleContext } from '../../engine/rule';
import type { OffsetEdit } from '../../engine/types';
import { yamlScalar } from '../../engine/text';
import { appendToFrontmatter, isString, replaceEmptyEntry } from '../helpers';
import { intendedKey } from '../unknownField';

/** A source as the frontmatter lists it: `- وكالة رويترز` or `- name: …, type: …, reason: …`. */
export interface ListedSource {
  name: string;
  type?: string;
  reason?: string;
}

/**
 * The frontmatter's `sources` entry, or the entry that is plainly meant to be it (`sorces:`,
 * `المصادر:`): unknown-field asks for the rename, and the names in it are listed all the same.
 */
export function sourcesEntry(fm: FmMap | null, known: readonly string[]): FmEntry | undefined {
  if (!fm) return undefined;
  return getEntry(fm, 'sources') ?? fm.entries.find((e) => !known.includes(e.key) && intendedKey(e.key, known, true) === 'sources');
}

/** The frontmatter's `sources`, whichever form they are written in (one name, a list of names or of maps). */
export function listedSources(entry: FmEntry | undefined): ListedSource[] {
  const value = entry?.value;
  if (!value) return [];
  const items: FmNode[] = value.kind === 'seq' ? value.items : [value];
  const out: ListedSource[] = [];
  for (const item of items) {
    if (isString(item)) {
      if (item.value.trim()) out.push({ name: item.value.trim() });
    } else if (item.kind === 'map') {
      const field = (key: string) => {
        const v = getEntry(item, key)?.value;
        return isString(v) && v.value.trim() ? v.value.trim() : undefined;
      };
      out.push({ name: field('name') ?? '', type: field('type')?.toLowerCase(), reason: field('reason') });
    }
  }
  return out;
}

/**
 * The edit that adds `- name: X` to the frontmatter's sources: after the last item of a block
 * list (at its indentation), inside a flow list, around a single name, or as a new `sources:` block.
 */
export function addSourceEdit(ctx: RuleContext, entry: FmEntry | undefined, name: string): OffsetEdit {
  const { doc } = ctx;
  const eol = doc.eol;
  const item = `- name: ${yamlScalar(name)}`;
  if (!entry) return appendToFrontmatter(ctx, ['sources:', `  ${item}`]);
  const value = entry.value;
  if (!value || isEmptyValue(value) && value.kind !== 'seq') return replaceEmptyEntry(ctx, entry, ['sources:', `  ${item}`]);
  if (value.kind === 'seq' && value.flow) {
    const close = doc.text.lastIndexOf(']', value.end);
    const empty = value.items.length === 0;
    return { start: close, end: close, newText: `${empty ? '' : ', '}${yamlScalar(name)}` };
  }
  if (value.kind === 'seq') {
    const { lines } = doc;
    const first = lines.positionAt(value.start);
    const indent = doc.text.slice(lines.lineStart(first.line), value.start);
    const lastLine = lines.positionAt(value.end).line;
    return { start: lines.lineEnd(lastLine), end: lines.lineEnd(lastLine), newText: `${eol}${/^\s*$/.test(indent) ? indent : '  '}${item}` };
  }
  // `sources: وكالة رويترز`: the one name becomes the list's first item.
  const colon = doc.text.indexOf(':', entry.keyEnd);
  const old = doc.text.slice(value.start, value.end);
  return { start: colon + 1, end: value.end, newText: `${eol}  - ${old}${eol}  ${item}` };
}
