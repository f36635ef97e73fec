/** The article's `lang` and `dir` from its frontmatter `language` (BCP 47, default `ar`). */

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
const TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

export interface ArticleLanguage {
  lang: string;
  dir: 'rtl' | 'ltr';
  /** False when the frontmatter's value was not a language tag (then `ar` is used). */
  valid: boolean;
}

export function articleLanguage(raw: string | undefined): ArticleLanguage {
  if (raw === undefined) return { lang: 'ar', dir: 'rtl', valid: true };
  let lang: string;
  try {
    if (!TAG.test(raw)) throw new RangeError(raw);
    lang = Intl.getCanonicalLocales(raw)[0];
  } catch {
    return { lang: 'ar', dir: 'rtl', valid: false };
  }
  let script = '';
  try {
    script = new Intl.Locale(lang).maximize().script ?? '';
  } catch {
    script = '';
  }
  return { lang, dir: RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr', valid: true };
}

/** The base language, for choosing the reader's labels. */
export function baseLanguage(lang: string): string {
  return lang.split('-')[0].toLowerCase();
}
