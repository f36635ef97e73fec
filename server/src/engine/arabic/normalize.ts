/**
 * Matching Arabic the way readers do: one word whatever its hamza seat, final yaa or taa
 * marbuta, diacritics, tatweel, digits, and with or without the article and the و ف ب ل ك
 * prefixes. Words are compared in normalized form; every match maps back to the exact
 * characters of the source through the tokens' offsets.
 */

const LETTER_MAP: Record<string, string> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u06CC': '\u064A', // Persian yeh → ي
  '\u06A9': '\u0643', // keheh → ك
};

/** Diacritics, Quranic marks, superscript alef and tatweel: invisible to matching. */
function isIgnored(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/** Whether normalizing leaves a code unit as it is: ASCII but A-Z, and the plain Arabic letters. */
function unchanged(c: number): boolean {
  if (c < 0x80) return c < 0x41 || c > 0x5a;
  if (c < 0x0621 || c > 0x064a) return false;
  return c !== 0x0622 && c !== 0x0623 && c !== 0x0624 && c !== 0x0625 && c !== 0x0626 && c !== 0x0629 && c !== 0x0640 && c !== 0x0649;
}

/** Normalizes one word or phrase for comparison (letters only; offsets are kept by tokens). */
export function normalize(s: string): string {
  // Most words come out as they went in: no copy is made up to the first character that changes.
  let i = 0;
  while (i < s.length && unchanged(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnored(c)) continue;
    if (c < 0x80) out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
    else if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else if (c >= 0x0600 && c <= 0x06ff) out += LETTER_MAP[s[i]] ?? s[i];
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      // A letter outside the BMP is lower-cased whole.
      out += s.slice(i, i + 2).toLowerCase();
      i++;
    } else out += s[i].toLowerCase();
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const CONJ = ['\u0648', '\u0641']; // و ف
const PREP = ['\u0628', '\u0644', '\u0643']; // ب ل ك
const ARTICLE = '\u0627\u0644'; // ال
const LAM_LAM = '\u0644\u0644'; // لل (ل + ال)
const CLITIC_FIRST = new Set([...CONJ, ...PREP, ARTICLE[0]]);

/**
 * The forms a normalized word may stand for once its clitics are taken off, longest first:
 * «وبالوكالة» → وبالوكاله, بالوكاله, الوكاله, وكاله. The word itself is always first, so a
 * name that begins with one of these letters (لبنان، بغداد) still matches as written.
 */
export function stems(norm: string): string[] {
  const out = [norm];
  // Every clitic below needs a word of four letters or more starting with one of و ف ب ل ك ا.
  if (norm.length <= 3 || !CLITIC_FIRST.has(norm[0])) return out;
  const add = (w: string | undefined) => {
    if (w !== undefined && w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const withoutConj = CONJ.includes(norm[0]) ? norm.slice(1) : undefined;
  add(withoutConj);
  const withoutPrep = (w: string | undefined) => (w !== undefined && w.length > 3 && PREP.includes(w[0]) ? w.slice(1) : undefined);
  // The forms in the order they were always listed: the word, without و/ف, without ب/ل/ك, both.
  const level2 = [norm, withoutConj, withoutPrep(norm), withoutPrep(withoutConj)];
  add(level2[2]);
  add(level2[3]);
  for (const w of level2) {
    if (w === undefined || w.length <= 3) continue;
    if (w.startsWith(ARTICLE) || w.startsWith(LAM_LAM)) add(w.slice(2));
  }
  return out;
}

/**
 * A quick test for a word that cannot end with any of some words: every stem is the word with
 * its clitics cut from the front, so a word whose last two letters end none of them has no stem
 * among them. The test may say yes wrongly, never no.
 */
export class Endings {
  private readonly keys = new Set<number>();
  /** A word of one letter ends too many words for the test to help. */
  private readonly always: boolean;

  constructor(words: Iterable<string>) {
    let always = false;
    for (const w of words) {
      if (w.length < 2) always = true;
      else this.keys.add(endKey(w));
    }
    this.always = always;
  }

  mayEnd(norm: string): boolean {
    return this.always || (norm.length >= 2 && this.keys.has(endKey(norm)));
  }
}

/** The last two code units as one small integer (a few bits of the first dropped: a filter may collide). */
function endKey(w: string): number {
  return ((w.charCodeAt(w.length - 2) & 0x3fff) << 16) | w.charCodeAt(w.length - 1);
}

/**
 * A word of a text: its offsets, and the spelling it shares with every other token written the
 * same. The strings live on the spelling: a token is three fields, and a text has thousands.
 */
export class Token {
  constructor(
    /** Offsets in the document. */
    readonly start: number,
    readonly end: number,
    readonly spelling: Spelling,
  ) {}

  get raw(): string {
    return this.spelling.raw;
  }

  get norm(): string {
    return this.spelling.norm;
  }

  /** Shared by the tokens of one spelling: read it, never change it. */
  get stems(): string[] {
    return this.spelling.stems;
  }
}

/**
 * The longest word that is normalized, in letters (marks and tatweel not counted). No word of the
 * tables comes near it; a longer run of letters (a pasted hash, a wall of one letter) is kept as a
 * token with its offsets, but reads as LONG_WORD, which matches nothing.
 */
export const MAX_WORD_LETTERS = 64;

/** The `norm` of a token longer than MAX_WORD_LETTERS: a private-use character no table word contains. */
export const LONG_WORD = '\uE001';

/** What a word is made of: letters, marks and digits of any script, and tatweel. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u0640]$/u;
/**
 * Per BMP code unit, what tokenize needs in one look: 0 not known yet, 1 a counted letter of a
 * word, 2 not part of a word, 3 part of a word that isIgnored does not count (marks, tatweel).
 */
const unitClass = new Uint8Array(0x10000);
const LETTER = 1;
const NOT_WORD = 2;
const IGNORED = 3;

function classOf(c: number): number {
  let k = unitClass[c];
  if (k === 0) {
    const word = c < 0x80 ? (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) : WORD_CHAR.test(String.fromCharCode(c));
    unitClass[c] = k = !word ? NOT_WORD : isIgnored(c) ? IGNORED : LETTER;
  }
  return k;
}

/** How many code units of a word start at `i` (a code unit of class `k`): 1, 2 (a letter outside the BMP) or 0. */
function wordSize(text: string, i: number, c: number, k: number): number {
  if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return k === NOT_WORD ? 0 : 1;
}

/**
 * Words of `text` (a slice starting at document offset `base`), normalized, with their offsets,
 * from offset `from` on, of those starting before `to`. One pass over the characters, so a text of
 * any length or shape costs its length.
 */
export function tokenize(text: string, base = 0, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = from;
  // No word starts at `to` or after; one that starts before it is read to its end.
  while (i < to) {
    let c = text.charCodeAt(i);
    let k = classOf(c);
    let size = wordSize(text, i, c, k);
    if (size === 0) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let hash = 0;
    for (;;) {
      // A letter outside the BMP counts (its high surrogate is no mark); a mark or tatweel does not.
      if (size === 2 || k !== IGNORED) letters++;
      hash = (Math.imul(hash, 31) + c) | 0;
      if (size === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
      i += size;
      if (i >= n) break;
      c = text.charCodeAt(i);
      k = classOf(c);
      size = wordSize(text, i, c, k);
      if (size === 0) break;
    }
    let word: Spelling | undefined;
    if (letters > MAX_WORD_LETTERS) word = { raw: text.slice(start, i), norm: LONG_WORD, stems: LONG_STEMS, known: 0, answers: 0 };
    else if (i - start > MAX_KEPT_SPELLING) word = spelling(text.slice(start, i));
    else {
      // A small integer key: a Map hashes it without boxing a number.
      hash &= 0x3fffffff;
      const slot = hash & RECENT_MASK;
      word = RECENT[slot];
      if (word === undefined || RECENT_HASH[slot] !== hash || !spelledAt(word.raw, text, start, i)) {
        const first = SPELLINGS.get(hash);
        word = first;
        while (word !== undefined && !spelledAt(word.raw, text, start, i)) word = word.next;
        if (word === undefined) {
          word = spelling(copyOf(text, start, i));
          word.next = first;
          if (SPELLINGS.size >= MAX_SPELLINGS) SPELLINGS.clear();
          SPELLINGS.set(hash, word);
        }
        RECENT[slot] = word;
        RECENT_HASH[slot] = hash;
      }
    }
    if (!word.norm) continue;
    out.push(new Token(base + start, base + i, word));
  }
  return out;
}

/**
 * The spellings met so far, by a hash of their characters. Texts repeat their words, and the
 * editor reads the same text again at every keystroke: each spelling is normalized once, found
 * again without cutting it out of the text, and its tokens share its strings and stems. Emptied
 * when full, so a text of a million different words costs memory for a bounded number of them.
 */
const SPELLINGS = new Map<number, Spelling>();

/**
 * The spellings met most recently, one per slot of their hash: a text's frequent words (في، من،
 * على، أن…) are most of its tokens, and this small table stays in the processor's cache where the
 * large one does not (measured inside a lint: the lookup was two thirds of tokenizing).
 */
const RECENT_MASK = 1023;
const RECENT: (Spelling | undefined)[] = new Array<Spelling | undefined>(RECENT_MASK + 1).fill(undefined);
const RECENT_HASH = new Int32Array(RECENT_MASK + 1);
const MAX_SPELLINGS = 1 << 15;

/** One spelling of a word in a text: the tokens written so share its strings. */
export interface Spelling {
  raw: string;
  norm: string;
  stems: string[];
  /** Another spelling with the same hash. */
  next?: Spelling;
  /** Bits of the WordTests answered for this spelling, and their answers. */
  known: number;
  answers: number;
}

/**
 * A yes/no question about a word that depends only on how it is spelled (is it a verb of
 * attribution, may a date start with it): asked once per spelling, then read from a bit. Rules
 * loop over every word of every article; most questions are table lookups that cost more than
 * the bit, and texts repeat their words. The test must be a pure function of the spelling.
 */
export class WordTest {
  private static used = 0;
  private readonly bit: number;

  constructor(private readonly test: (norm: string, raw: string) => boolean) {
    if (WordTest.used >= 31) throw new Error('WordTest: at most 31 tests');
    this.bit = 1 << WordTest.used++;
  }

  of(token: Token): boolean {
    const w = token.spelling;
    if ((w.known & this.bit) !== 0) return (w.answers & this.bit) !== 0;
    const yes = this.test(w.norm, w.raw);
    w.known |= this.bit;
    if (yes) w.answers |= this.bit;
    return yes;
  }
}

const LONG_STEMS = [LONG_WORD];
/** Longer spellings (letters heavy with marks or tatweel) are read where they stand, not kept. */
const MAX_KEPT_SPELLING = 64;

/** A spelling of its own (not shared through the table), for a token made by hand. */
export function spelling(raw: string): Spelling {
  const norm = normalize(raw);
  return { raw, norm, stems: stems(norm), known: 0, answers: 0 };
}

/**
 * The characters of text[start, end) as a string of their own. A slice may share the text's
 * memory, and a kept spelling must not keep a whole document alive after its lint.
 */
function copyOf(text: string, start: number, end: number): string {
  const codes: number[] = [];
  for (let k = start; k < end; k++) codes.push(text.charCodeAt(k));
  return String.fromCharCode(...codes);
}

function spelledAt(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** The words of a phrase from a data table, normalized; clitics are not stripped from the phrase. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}

/** Whether a token stands for a normalized word, with or without its clitics. */
export function tokenIs(token: Token, word: string): boolean {
  return token.stems.includes(word);
}

/**
 * Where a phrase occurs in a token list: the index of its first token, for each occurrence.
 * Only the phrase's first word may carry clitics (وقال، وبحسب); the words after it are matched
 * with the article tolerated (مصادر المطلعة ≈ مصادر مطلعة).
 */
export function findPhrase(tokens: readonly Token[], words: readonly string[]): number[] {
  const hits: number[] = [];
  if (words.length === 0) return hits;
  const first = [words[0], bare(words[0])];
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    if (!first.some((w) => tokens[i].stems.includes(w))) continue;
    for (let k = 1; k < words.length; k++) {
      if (bare(tokens[i + k].norm) !== bare(words[k])) continue outer;
    }
    hits.push(i);
  }
  return hits;
}

/** A normalized word without its article. */
export function bare(word: string): string {
  return word.length > 3 && word.startsWith(ARTICLE) ? word.slice(2) : word;
}

/** `bare(a) === bare(b)`, without cutting either (rules ask it for every word of a text). */
export function sameBare(a: string, b: string): boolean {
  const i = a.length > 3 && a.startsWith(ARTICLE) ? 2 : 0;
  const j = b.length > 3 && b.startsWith(ARTICLE) ? 2 : 0;
  if (a.length - i !== b.length - j) return false;
  for (let k = 0; k < a.length - i; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Organisation words a name may be written with or without: «وكالة رويترز» is «رويترز». */
const NAME_PREFIXES = ['وكاله', 'صحيفه', 'جريده', 'موقع', 'قناه', 'مجله', 'شبكه', 'اذاعه', 'تلفزيون', 'وزاره', 'هيئه'];

/**
 * A source name as it is compared: normalized words, the article dropped from each, a leading
 * organisation word dropped. «صحيفة المرصد الليبية» and «المرصد الليبي» do not match (different
 * words), but «صحيفة المرصد الليبية» and «المرصد الليبيه» do.
 */
export function nameKey(name: string): string {
  const words = tokenize(name).map((t) => bare(t.norm));
  while (words.length > 1 && NAME_PREFIXES.includes(words[0])) words.shift();
  return words.join(' ');
}
