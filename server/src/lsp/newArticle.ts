import type { Connection } from 'vscode-languageserver';
import { chooseTimeZone, parseArticle } from '../engine';
import { DEFAULT_ARTICLE_PATH, expandArticlePath } from '../engine/templates/articlePath';
import { newsroomVariables, slugify } from '../engine/templates';
import type { ConfigStore } from './configs';
import { guard } from './guard';
import { resolveLocale, type SettingsStore } from './settings';
import type { Workspace } from './workspace';

/**
 * The New Article command's other question: where does an article with this headline go today?
 * Asked of the server because the answer depends on the newsroom's time zone (`.muharrir.yaml`)
 * and the engine's slug, which every editor should share. Whether the file exists, and the `-2`
 * that avoids it, is left to the editor, which owns the file system it writes to.
 */
export const NEW_ARTICLE_REQUEST = 'muharrir/newArticle';

export interface NewArticleParams {
  /** The workspace folder the article goes into; the first folder when absent. */
  folderUri?: string;
  /** The headline the writer typed. */
  title: string;
  /** `muharrir.newArticle.path`; DEFAULT_ARTICLE_PATH when absent. */
  pattern?: string;
}

export type NewArticleResult =
  | {
      ok: true;
      slug: string;
      /** Relative to the folder, `/`-separated. */
      path: string;
      /** The folder's URI with `path` appended. */
      uri: string;
      /** The day used, `YYYY-MM-DD`, in the newsroom's zone. */
      date: string;
    }
  | { ok: false; message: string };

export function registerNewArticleSupport(connection: Connection, workspace: Workspace, settings: SettingsStore, configs: ConfigStore): void {
  const log = connection.console;
  connection.onRequest(
    NEW_ARTICLE_REQUEST,
    guard(log, NEW_ARTICLE_REQUEST, { ok: false, message: 'Muharrir could not work out the new article’s path; see the Muharrir output.' } as NewArticleResult, async (raw: unknown) => {
      const params = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const folderUri = (str(params.folderUri) ?? workspace.folders[0]?.uri ?? '').replace(/\/+$/, '');
      const title = str(params.title)?.trim() ?? '';
      const pattern = str(params.pattern) ?? DEFAULT_ARTICLE_PATH;

      const s = await settings.forScope(folderUri || undefined);
      const now = new Date();
      // The zone is the config's nearest the new file; the file's place depends on the day, hence
      // a second round when a config deeper in the folder keeps another zone.
      let configUri = folderUri ? `${folderUri}/article.md` : 'untitled:article';
      let zone: string | undefined;
      let result: NewArticleResult | undefined;
      for (let round = 0; round < 2; round++) {
        const { config } = configs.forDocument(configUri);
        const locale = resolveLocale(s, config, workspace.flags.uiLocale);
        if (!title) return { ok: false, message: M.noTitle[locale] };
        const choice = chooseTimeZone(parseArticle(''), config);
        const key = choice.zone ?? String(choice.fixedOffset);
        if (key === zone) break;
        zone = key;
        const vars = newsroomVariables({ now, timeZone: choice });
        const slug = slugify(title);
        const expanded = expandArticlePath(pattern, {
          year: Number(vars.CURRENT_YEAR),
          month: Number(vars.CURRENT_MONTH),
          day: Number(vars.CURRENT_DATE),
          slug,
        });
        if (!expanded.ok) return { ok: false, message: expanded.message[locale] };
        const uri = folderUri ? `${folderUri}/${expanded.path.split('/').map(encodeURIComponent).join('/')}` : expanded.path;
        result = { ok: true, slug, path: expanded.path, uri, date: `${vars.CURRENT_YEAR}-${vars.CURRENT_MONTH}-${vars.CURRENT_DATE}` };
        configUri = uri;
      }
      return result!;
    }),
  );
}

const M = {
  noTitle: {
    en: 'A new article needs a headline: it names the file and fills in `title`.',
    ar: 'يحتاج الخبر الجديد إلى عنوان: منه يُسمّى الملف ويُملأ `title`.',
  },
};
