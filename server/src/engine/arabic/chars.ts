/**
 * Character classes the typography rules share: what counts as an Arabic letter, a mark that
 * rides on a letter, a digit of either system. Code-unit tests, so a scan stays linear and cheap.
 */

export const TATWEEL = '\u0640';

/** An Arabic letter (base block, supplement, extended-A and presentation forms); not digits, marks, tatweel or punctuation. */
export function isArabicLetter(ch: string | undefined): boolean {
  return !!ch && isArabicLetterCode(ch.charCodeAt(0));
}

/** The same test on a UTF-16 code unit, for scans over long text. */
export function isArabicLetterCode(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x063a) ||
    (c >= 0x0641 && c <= 0x064a) ||
    c === 0x066e ||
    c === 0x066f ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdfb) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Harakat, shadda, sukun, superscript alef, Quranic marks: they sit on the letter before them. */
export function isArabicMark(ch: string | undefined): boolean {
  return !!ch && isArabicMarkCode(ch.charCodeAt(0));
}

/** The same test on a UTF-16 code unit. */
export function isArabicMarkCode(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de);
}

/** Separators inside a number, on a UTF-16 code unit: 1,250 — 3.5 — ١٬٢٥٠ — ٣٫٥. */
export function isNumberSeparatorCode(c: number): boolean {
  return c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c;
}

/** 0-9, ٠-٩ or ۰-۹, on a UTF-16 code unit. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * The offset of the first digit (of any system) at or after `from`, or -1. Digits are rare in
 * prose, and the regex engine's search skips to them several times faster than a loop that looks
 * at every character.
 */
export function nextDigit(text: string, from: number): number {
  DIGIT.lastIndex = from;
  return DIGIT.test(text) ? DIGIT.lastIndex - 1 : -1;
}

export function isLatinLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

export function isLatinDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** ٠-٩ (Arabic-Indic) or ۰-۹ (the extended, Persian/Urdu, forms). */
export function isArabicIndicDigit(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

export function isDigit(ch: string | undefined): boolean {
  return isLatinDigit(ch) || isArabicIndicDigit(ch);
}

/** Letter of any script (for "is there a word here"): Arabic, Latin, or anything Unicode calls a letter. */
export function isLetter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (isArabicLetterCode(c) || isLatinLetter(ch)) return true;
  if (c >= 0x0600 && c <= 0x06ff) return false; // Arabic digits, marks and punctuation
  return /\p{L}/u.test(ch);
}

/** What `\s` matches, on a code unit: a scan over a long text need not build a string per character. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export type LetterScript = 'arabic' | 'latin' | 'other';

export function scriptOf(ch: string): LetterScript {
  if (isArabicLetter(ch)) return 'arabic';
  if (isLatinLetter(ch)) return 'latin';
  return 'other';
}

/** Converts every digit of `s` to the given system (Arabic-Indic means ٠-٩). */
export function convertDigits(s: string, to: 'latin' | 'arabic-indic'): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    let value = -1;
    if (c >= 0x30 && c <= 0x39) value = c - 0x30;
    else if (c >= 0x0660 && c <= 0x0669) value = c - 0x0660;
    else if (c >= 0x06f0 && c <= 0x06f9) value = c - 0x06f0;
    if (value < 0) out += ch;
    else out += to === 'latin' ? String(value) : String.fromCharCode(0x0660 + value);
  }
  return out;
}

/** Removes Arabic marks and tatweel, keeping hamza seats: the word as a table of spellings lists it. */
export function stripMarks(s: string): string {
  let out = '';
  for (const ch of s) if (!isArabicMark(ch) && ch !== TATWEEL) out += ch;
  return out;
}
