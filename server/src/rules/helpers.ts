import type { RuleContext } from '../engine/rule';
import type { FmEntry, FmNode } from '../engine/frontmatter';
import type { OffsetEdit } from '../engine/types';

/** Where "this field is missing" points: the opening `---` of the frontmatter. */
export function openingDelimiter(ctx: RuleContext): { start: number; end: number } {
  const fm = ctx.doc.frontmatter!;
  return { start: fm.start, end: fm.start + 3 };
}

/** An edit adding whole lines at the end of the frontmatter, just before the closing `---`. */
export function appendToFrontmatter(ctx: RuleContext, lines: string[]): OffsetEdit {
  const fm = ctx.doc.frontmatter!;
  const eol = ctx.doc.eol;
  return { start: fm.closeStart, end: fm.closeStart, newText: lines.map((l) => l + eol).join('') };
}

/**
 * An edit that replaces an entry whose value is empty (`key:` or `key: []` or `key: ""`) with new lines.
 * Covers the key to the end of its line, so nothing after it is touched.
 */
export function replaceEmptyEntry(ctx: RuleContext, entry: FmEntry, lines: string[]): OffsetEdit {
  const { lines: idx } = ctx.doc;
  const line = idx.positionAt(entry.keyStart).line;
  const lineStart = idx.lineStart(line);
  const indent = ctx.doc.text.slice(lineStart, entry.keyStart);
  return {
    start: entry.keyStart,
    end: idx.lineEnd(line),
    newText: lines.map((l, i) => (i === 0 ? l : indent + l)).join(ctx.doc.eol),
  };
}

export function entryAt(entry: FmEntry): { start: number; end: number } {
  return { start: entry.keyStart, end: entry.keyEnd };
}

export function nodeAt(node: FmNode): { start: number; end: number } {
  return { start: node.start, end: node.end };
}

export function isString(node: FmNode | null | undefined): node is FmNode & { kind: 'scalar'; value: string } {
  return node?.kind === 'scalar' && typeof node.value === 'string';
}

export function describeNode(node: FmNode | null): { en: string; ar: string } {
  if (!node) return { en: 'nothing', ar: 'لا شيء' };
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'number') return { en: 'a number', ar: 'رقم' };
      if (typeof node.value === 'boolean') return { en: 'true/false', ar: 'قيمة منطقية' };
      if (node.value === null) return { en: 'nothing', ar: 'لا شيء' };
      return { en: 'text', ar: 'نص' };
    case 'seq':
      return { en: 'a list', ar: 'قائمة' };
    case 'map':
      return { en: 'a set of fields', ar: 'مجموعة حقول' };
    default:
      return { en: 'an alias', ar: 'إحالة' };
  }
}
