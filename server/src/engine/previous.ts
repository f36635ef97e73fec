import { memo, type ArticleDocument } from './document';
import { proseMask } from './arabic/prose';
import type { Paragraph } from './arabic/blocks';

/**
 * How a text changed between two lints: `[start, oldEnd)` of the old text became
 * `[start, newEnd)` of the new one; everything before `start` is the same at the same offsets,
 * everything from `oldEnd` on is the same, `delta` further on. A keystroke is one such change.
 */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
  delta: number;
}

export function changeBetween(before: string, after: string): TextChange {
  const shorter = Math.min(before.length, after.length);
  // Compared in shrinking runs: V8 compares two substrings far faster than it loops over characters.
  let start = 0;
  for (let run = 256; run >= 1; run >>= 2) {
    while (start + run <= shorter && before.substring(start, start + run) === after.substring(start, start + run)) start += run;
  }
  let same = 0;
  const room = shorter - start;
  for (let run = 256; run >= 1; run >>= 2) {
    while (same + run <= room && before.substring(before.length - same - run, before.length - same) === after.substring(after.length - same - run, after.length - same)) same += run;
  }
  return { start, oldEnd: before.length - same, newEnd: after.length - same, delta: after.length - before.length };
}

/**
 * The same document's previous lint, while `lint` runs with `LintOptions.previous`: what it found in
 * the paragraphs a keystroke did not touch is taken instead of found again. Set only when the
 * frontmatter and the config are the same (all a finder reads besides its paragraph), and only for
 * the length of one lint, so a document never holds on to its predecessors.
 */
export function previousOf(doc: ArticleDocument): { doc: ArticleDocument; change: TextChange } | undefined {
  const before = doc.previous;
  if (!before) return undefined;
  // The change alone is memoized: the old document must not outlive this lint through the memo.
  const change = memo(doc, 'change', (): TextChange => {
    // A fence opened or closed far from the keystroke changes what is prose: both count.
    const text = changeBetween(before.text, doc.text);
    const mask = changeBetween(proseMask(before), proseMask(doc));
    const oldEnd = Math.max(text.oldEnd, mask.oldEnd);
    return { start: Math.min(text.start, mask.start), oldEnd, newEnd: oldEnd + text.delta, delta: text.delta };
  });
  return { doc: before, change };
}

/** What a finder found in each paragraph of a lint (with `LintOptions.incremental`), kept for the next lint. */
export interface ParagraphFindings<T> {
  paras: readonly Paragraph[];
  groups: readonly T[][];
}

/**
 * The previous lint's findings (kept under `key`) for a paragraph the change did not touch: one
 * with the same bounds before the change (`by` 0), or moved by the change's length after it (`by`
 * the length). Paragraphs are asked for in order. Undefined when there is no previous lint to take
 * from. Everything else a finder reads (frontmatter, config) is the same, or `lint` would not have
 * set `previous`.
 */
export function unchangedParagraphs<T>(doc: ArticleDocument, key: string): ((para: Paragraph) => { group: T[]; by: number } | undefined) | undefined {
  const previous = previousOf(doc);
  const old = previous?.doc.memo.get(key) as ParagraphFindings<T> | undefined;
  if (!previous || !old) return undefined;
  const { start, oldEnd, delta } = previous.change;
  let k = 0;
  return (para) => {
    const before = para.end <= start;
    if (!before && para.start - delta < oldEnd) return undefined;
    const by = before ? 0 : delta;
    while (k < old.paras.length && old.paras[k].start < para.start - by) k++;
    const match = old.paras[k];
    if (!match || match.start !== para.start - by || match.end !== para.end - by) return undefined;
    return { group: old.groups[k], by };
  };
}
