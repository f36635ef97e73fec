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
const IGNORED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Normalizes one word or phrase for comparison (letters only; offsets are kept by tokens). */
export function normalize(s: string): string {
  let out = '';
  for (const ch of s.replace(IGNORED, '')) {
    const c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else out += LETTER_MAP[ch] ?? ch.toLowerCase();
  }
  return out;
}

const CONJ = ['\u0648', '\u0641']; // و ف
const PREP = ['\u0628', '\u0644', '\u0643']; // ب ل ك
const ARTICLE = '\u0627\u0644'; // ال
const LAM_LAM = '\u0644\u0644'; // لل (ل + ال)

/**
 * The forms a normalized word may stand for once its clitics are taken off, longest first:
 * «وبالوكالة» → وبالوكاله, بالوكاله, الوكاله, وكاله. The word itself is always first, so a
 * name that begins with one of these letters (لبنان، بغداد) still matches as written.
 */
export function stems(norm: string): string[] {
  const out = [norm];
  const add = (w: string) => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const level1 = [norm];
  if (norm.length > 3 && CONJ.includes(norm[0])) level1.push(norm.slice(1));
  for (const w of level1) add(w);
  const level2 = [...level1];
  for (const w of level1) if (w.length > 3 && PREP.includes(w[0])) level2.push(w.slice(1));
  for (const w of level2) add(w);
  for (const w of level2) {
    if (w.length > 3 && w.startsWith(ARTICLE)) add(w.slice(2));
    if (w.length > 3 && w.startsWith(LAM_LAM)) add(w.slice(2));
  }
  return out;
}

export interface Token {
  /** Offsets in the document. */
  start: number;
  end: number;
  raw: string;
  norm: string;
  stems: string[];
}

const WORD = /[\p{L}\p{M}\p{N}\u0640]+/gu;

/** Words of `text` (a slice starting at document offset `base`), normalized, with their offsets. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalize(m[0]);
    if (!norm) continue;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, raw: m[0], norm, stems: stems(norm) });
  }
  return out;
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
