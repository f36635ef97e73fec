/**
 * Headline and summary as a share card shows them: cut to a number of user-perceived characters
 * (grapheme clusters, so a letter with its harakat or an emoji counts once), at a word boundary
 * when one is near, with an ellipsis.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export interface CardText {
  text: string;
  /** Length of the whole text, in grapheme clusters. */
  length: number;
  cut: boolean;
}

const ELLIPSIS = '\u2026';
/** A word boundary this close to the limit is preferred to cutting inside a word. */
const WORD_SLACK = 0.25;

export function cutForCard(raw: string, max: number): CardText {
  const text = raw.replace(/\s+/g, ' ').trim();
  const g = graphemes(text);
  if (g.length <= max) return { text, length: g.length, cut: false };
  const keep = Math.max(1, max - 1);
  let end = keep;
  for (let i = keep; i > keep * (1 - WORD_SLACK); i--) {
    if (/^\s$/.test(g[i])) {
      end = i;
      break;
    }
  }
  const head = g
    .slice(0, end)
    .join('')
    .replace(/[\s\u060C\u061B,;:\-\u2013\u2014]+$/u, '');
  return { text: head + ELLIPSIS, length: g.length, cut: true };
}
