import type { Bilingual } from '../types';

/** Where the New Article command puts a new article, relative to the workspace folder. */
export const DEFAULT_ARTICLE_PATH = 'articles/{yyyy}/{mm}/{yyyy}-{mm}-{dd}-{slug}.md';

/** The placeholders a path pattern may use. */
export const ARTICLE_PATH_PLACEHOLDERS = ['yyyy', 'mm', 'dd', 'slug'] as const;
export type ArticlePathPlaceholder = (typeof ARTICLE_PATH_PLACEHOLDERS)[number];

export interface ArticlePathValues {
  /** The day of publication in the newsroom's zone. */
  year: number;
  month: number;
  day: number;
  slug: string;
}

export type ArticlePathResult = { ok: true; path: string } | { ok: false; message: Bilingual };

/** Characters Windows refuses in a file name, and control characters anywhere. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"|?*\u0000-\u001F]/;

/**
 * The new article's path, relative to the workspace folder and `/`-separated, from a pattern such
 * as `articles/{yyyy}/{mm}/{yyyy}-{mm}-{dd}-{slug}.md`. Refused, with a message that says how to
 * fix the setting: an unknown placeholder, a path that is absolute or climbs out with `..` (the
 * article must be created inside the workspace folder), characters no file system takes, or a
 * file that is not Markdown. Whether the file already exists is the caller's business.
 */
export function expandArticlePath(pattern: string, values: ArticlePathValues): ArticlePathResult {
  const raw = pattern.trim();
  if (!raw) return refuse(M.empty);
  if (/^[\\/~]/.test(raw) || /^[a-zA-Z]:/.test(raw) || /^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return refuse(M.absolute(raw));

  const two = (n: number) => String(n).padStart(2, '0');
  const fill: Record<ArticlePathPlaceholder, string> = {
    yyyy: String(values.year).padStart(4, '0'),
    mm: two(values.month),
    dd: two(values.day),
    slug: values.slug,
  };
  let unknown: string | undefined;
  const expanded = raw.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const key = name.trim().toLowerCase() as ArticlePathPlaceholder;
    if ((ARTICLE_PATH_PLACEHOLDERS as readonly string[]).includes(key)) return fill[key];
    unknown ??= whole;
    return whole;
  });
  if (unknown) return refuse(M.unknown(unknown));
  if (/[{}]/.test(expanded)) return refuse(M.brace(raw));

  const segments = expanded.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return refuse(M.outside(raw));
  const bad = segments.find((s) => FORBIDDEN.test(s) || /[ .]$/.test(s));
  if (bad !== undefined) return refuse(M.badName(bad));
  const name = segments[segments.length - 1] ?? '';
  if (!/\.(md|markdown)$/i.test(name) || /^\.(md|markdown)$/i.test(name)) return refuse(M.notMarkdown(raw));
  return { ok: true, path: segments.join('/') };
}

/**
 * `articles/x.md` → `articles/x-2.md` for n = 2: the name a second article with the same headline
 * on the same day gets. n ≤ 1 is the path itself.
 */
export function suffixedArticlePath(relPath: string, n: number): string {
  if (n <= 1) return relPath;
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  return dot > slash + 1 ? `${relPath.slice(0, dot)}-${n}${relPath.slice(dot)}` : `${relPath}-${n}`;
}

function refuse(message: Bilingual): ArticlePathResult {
  return { ok: false, message };
}

const KNOWN = ARTICLE_PATH_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

const M = {
  empty: {
    en: `The new-article path pattern (muharrir.newArticle.path) is empty; for example: ${DEFAULT_ARTICLE_PATH}`,
    ar: `نمط مسار الخبر الجديد (muharrir.newArticle.path) فارغ؛ مثال: ${DEFAULT_ARTICLE_PATH}`,
  },
  absolute: (p: string): Bilingual => ({
    en: `The new-article path "${p}" must be relative to the workspace folder (no leading /, drive letter or ~): the article is created inside the folder.`,
    ar: `يجب أن يكون مسار الخبر الجديد "${p}" نسبيًّا إلى مجلد مساحة العمل (بلا / أو حرف قرص أو ~ في أوله): يُنشأ الخبر داخل المجلد.`,
  }),
  outside: (p: string): Bilingual => ({
    en: `The new-article path "${p}" leaves the workspace folder with "..": the article must be created inside the folder.`,
    ar: `مسار الخبر الجديد "${p}" يخرج من مجلد مساحة العمل بـ "..": يجب أن يُنشأ الخبر داخل المجلد.`,
  }),
  unknown: (placeholder: string): Bilingual => ({
    en: `The new-article path uses ${placeholder}, which Muharrir does not know; it can use ${KNOWN}.`,
    ar: `يستخدم مسار الخبر الجديد ${placeholder} وهو غير معروف لـ«محرّر»؛ المتاح: ${KNOWN}.`,
  }),
  brace: (p: string): Bilingual => ({
    en: `The new-article path "${p}" has an unmatched { or }; placeholders are written ${KNOWN}.`,
    ar: `في مسار الخبر الجديد "${p}" قوس { أو } بلا نظير؛ تُكتب العناصر هكذا: ${KNOWN}.`,
  }),
  badName: (segment: string): Bilingual => ({
    en: `The new-article path has "${segment}", which is not a valid file or folder name (no < > : " | ? * and no trailing dot or space).`,
    ar: `في مسار الخبر الجديد "${segment}" وهو ليس اسم ملف أو مجلد صالحًا (بلا < > : " | ? * ولا نقطة أو مسافة في آخره).`,
  }),
  notMarkdown: (p: string): Bilingual => ({
    en: `The new-article path "${p}" must name a Markdown file ending in .md, for example: ${DEFAULT_ARTICLE_PATH}`,
    ar: `يجب أن ينتهي مسار الخبر الجديد "${p}" باسم ملف Markdown امتداده .md، مثال: ${DEFAULT_ARTICLE_PATH}`,
  }),
};
