import { memo, type ArticleDocument } from '../document';
import { tokenize, type Token } from './normalize';
import { proseMask } from './prose';

/**
 * Every word of the body's prose, in order, computed once per document whoever asks first (the
 * rules, attributions, dates). Read from the mask itself, from the body's start: a slice of it
 * would put a level of indirection under every character read.
 */
export function bodyTokens(doc: ArticleDocument): Token[] {
  return memo(doc, 'tokens', () => tokenize(proseMask(doc), 0, doc.bodyStart));
}
