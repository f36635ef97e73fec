import { templatesFromSnippets } from './snippetFile';
import { NEWS_GENRES, type NewsGenre, type Template } from './types';

/** The prefixes of the built-in templates (DESIGN §5), by genre. */
export const BUILTIN_PREFIXES: Readonly<Record<NewsGenre, { en: string; ar: string }>> = {
  brief: { en: 'news-brief', ar: 'خبر' },
  breaking: { en: 'news-breaking', ar: 'عاجل' },
  report: { en: 'news-report', ar: 'تقرير' },
  investigation: { en: 'news-investigation', ar: 'تحقيق' },
  interview: { en: 'news-interview', ar: 'حوار' },
  opinion: { en: 'news-opinion', ar: 'رأي' },
  'press-release': { en: 'news-press-release', ar: 'بيان' },
  correction: { en: 'news-correction', ar: 'تصحيح' },
};

/** Where the built-ins live: VS Code reads the file itself (contributes.snippets), the server bundles it. */
export const BUILTIN_SNIPPETS_PATH = 'snippets/news.code-snippets';

/**
 * The built-in templates from the parsed snippet file, in genre order, each with its English
 * prefix as id. The file is handed in rather than imported so the engine stays free of loaders:
 * the server bundles it, tests read it.
 */
export function builtinTemplates(snippetFile: unknown): Template[] {
  const { templates } = templatesFromSnippets(snippetFile);
  const out: Template[] = [];
  for (const genre of NEWS_GENRES) {
    const { en } = BUILTIN_PREFIXES[genre];
    const t = templates.find((x) => x.prefixes.includes(en));
    if (t) out.push({ ...t, id: en, genre });
  }
  return out;
}
