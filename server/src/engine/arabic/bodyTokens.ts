import { memo, type ArticleDocument } from '../document';
import { previousOf } from '../previous';
import { tokenize, Token } from './normalize';
import { proseMask } from './prose';

/**
 * Every word of the body's prose, in order, computed once per document whoever asks first (the
 * rules, attributions, dates). Read from the mask itself, from the body's start: a slice of it
 * would put a level of indirection under every character read. After a keystroke only the words
 * around the change are read again; the others are the previous lint's, moved by the change's length.
 */
export function bodyTokens(doc: ArticleDocument): Token[] {
  return memo(doc, 'tokens', () => {
    const mask = proseMask(doc);
    const previous = previousOf(doc);
    const old = previous?.doc.memo.get('tokens') as Token[] | undefined;
    if (!previous || !old) return tokenize(mask, 0, doc.bodyStart);
    const { start, oldEnd, delta } = previous.change;
    // A word and the character after it all before the change; a word and the one before it all after.
    let head = 0;
    while (head < old.length && old[head].end < start) head++;
    let tail = old.length;
    while (tail > head && old[tail - 1].start > oldEnd) tail--;
    const from = head > 0 ? old[head - 1].end : doc.bodyStart;
    const to = tail < old.length ? old[tail].start + delta : mask.length;
    const out = old.slice(0, head);
    for (const t of tokenize(mask, 0, from, to)) out.push(t);
    for (let k = tail; k < old.length; k++) out.push(delta === 0 ? old[k] : new Token(old[k].start + delta, old[k].end + delta, old[k].spelling));
    return out;
  });
}

/** The index of the first of `tokens` (in document order) starting at or after `offset`. */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
