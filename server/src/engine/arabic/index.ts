/** The Arabic text layer: what is prose, its blocks and sentences, and matching words as readers do. */
export { MASK, proseMask } from './prose';
export { paragraphs, sentences, type Paragraph, type Span, type BlockKind } from './blocks';
export { normalize, stems, bare, sameBare, tokenize, phraseWords, tokenIs, findPhrase, nameKey, LONG_WORD, MAX_WORD_LETTERS, Endings, WordTest, type Token, type Spelling } from './normalize';
export * from './chars';
export * from './dateExpressions';

export { bodyTokens, firstTokenFrom } from './bodyTokens';
export { attributions, groupsOf, isMediaName, keyWords, knownIndex, knownIndexOf, nameAt, sameOrPart, sameSource, verbOf, type Attribution, type CitedName, type NameShape } from './attribution';
