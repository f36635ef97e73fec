import type { Connection } from 'vscode-languageserver';
import { articleSummary } from '../engine';
import type { Analysis, ArticleStore } from './articles';
import type { ConfigStore } from './configs';
import { DEFAULT_SETTINGS, resolveLocale, type SettingsStore } from './settings';
import {
  ARTICLE_SUMMARY_REQUEST,
  DESK_CHANGED_NOTIFICATION,
  DESK_REQUEST,
  type ArticleSummaryResult,
  type DeskArticle,
  type DeskLocale,
  type DeskParams,
  type DeskResult,
  deskOrder,
} from './deskProtocol';
import { guard } from './guard';
import { randomBytes } from 'node:crypto';
import { isMarkdown, uriToPath, type Workspace } from './workspace';
import type { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { sameArticle, type ScanStatus } from './workspaceScan';

/** `muharrir/deskChanged` goes out at most this often: once per burst of keystrokes or scan slices. */
export const DESK_CHANGED_DELAY_MS = 300;

interface OpenSummary {
  version: number;
  article: DeskArticle | null;
}

/**
 * The Newsroom view's data: every article with its summary (DeskResult). Open articles come from
 * the analyses the editor's own features already ran (their buffers, not the disk); closed ones,
 * with `muharrir.diagnostics.scope: workspace`, from the workspace scan.
 */
export function registerDeskSupport(
  connection: Connection,
  workspace: Workspace,
  articles: ArticleStore,
  wsDiagnostics: WorkspaceDiagnostics,
  settings: SettingsStore,
  configs: ConfigStore,
): void {
  const log = connection.console;
  const { scan, names } = wsDiagnostics;
  const open = new Map<string, OpenSummary>();

  let timer: NodeJS.Timeout | undefined;
  // Not reset by each change: during a long scan or steady typing the view still hears every 300 ms.
  const changedSoon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      connection.sendNotification(DESK_CHANGED_NOTIFICATION);
    }, DESK_CHANGED_DELAY_MS);
  };

  const deskArticle = (a: Analysis): DeskArticle | null => {
    if (!a.article || !a.result) return null;
    const summary = articleSummary(a.result.document, a.result.diagnostics, a.config.profile);
    return { ...summary, uri: a.uri, path: workspace.relativePath(a.uri), folder: names.nameOf(workspace.folderForUri(a.uri)) };
  };

  // Only once a client has asked for the desk: an editor without the Newsroom view (Neovim) pays nothing per keystroke.
  let wanted = false;
  // Right after each lint, while its parse tree is at hand (articleSummary reuses the lint's tokens).
  articles.onDidAnalyze((a) => {
    if (!wanted || !workspace.documents.get(a.uri)) return;
    const article = deskArticle(a);
    const before = open.get(a.uri);
    open.set(a.uri, { version: a.version, article });
    if (!before || !sameArticle(before.article, article)) changedSoon();
  });
  workspace.documents.onDidClose(({ document }) => {
    if (open.delete(document.uri)) changedSoon();
  });
  scan.onDidChange(changedSoon);
  let lastStatus = '';
  scan.onProgress((s: ScanStatus) => {
    const key = `${s.scanned}/${s.total}/${s.complete}`;
    if (key !== lastStatus) {
      lastStatus = key;
      changedSoon();
    }
  });

  const isOpen = (uri: string) => {
    const file = uriToPath(uri);
    return file ? workspace.isOpen(file) : workspace.documents.get(uri) !== undefined;
  };

  /** What the diagnostics of a new article in the first folder would speak. */
  const deskLocale = async (): Promise<DeskLocale> => {
    const folder = workspace.folders[0]?.uri;
    const s = await settings.forScope(folder);
    const { config } = configs.forDocument(folder ? `${folder}/article.md` : 'untitled:article');
    return resolveLocale(s, config, workspace.flags.uiLocale);
  };

  // The last answer, for the next request to get only what changed since (DeskParams.since).
  const epoch = randomBytes(6).toString('hex');
  let answered = 0;
  let sent = new Map<string, DeskArticle>();

  const desk = async (params: unknown): Promise<DeskResult> => {
    const since = (params as DeskParams | null | undefined)?.since;
    wanted = true;
    await scan.ready;
    // Open documents not summarized at their current version (analysed before the desk was wanted, or not yet) are now.
    for (const document of workspace.documents.all()) {
      if (!isMarkdown(document) || open.get(document.uri)?.version === document.version) continue;
      const a = await articles.linted(document);
      if (a && workspace.documents.get(a.uri)) open.set(a.uri, { version: a.version, article: deskArticle(a) });
    }
    const byUri = new Map<string, DeskArticle>();
    if (scan.active) {
      for (const e of scan.all()) if (e.article && !isOpen(e.uri)) byUri.set(e.uri, e.article);
    }
    for (const [uri, o] of open) if (o.article && workspace.documents.get(uri)) byUri.set(uri, o.article);
    const list = [...byUri.values()].sort(deskOrder);
    const status = scan.status;
    const counting = scan.active && !status.complete;
    const previous = sent;
    const delta = since !== undefined && since === `${epoch}:${answered}`;
    sent = byUri;
    answered++;
    return {
      ...(delta ? changesSince(previous, list) : { articles: list }),
      generation: `${epoch}:${answered}`,
      scanned: counting ? status.scanned : list.length,
      total: counting ? status.total : list.length,
      complete: !scan.active || status.complete,
      scope: scan.active ? 'workspace' : 'openFiles',
      locale: await deskLocale(),
    };
  };

  const emptyDesk: DeskResult = { articles: [], generation: '', scanned: 0, total: 0, complete: true, scope: 'openFiles', locale: resolveLocale(DEFAULT_SETTINGS, undefined, workspace.flags.uiLocale) };
  connection.onRequest(DESK_REQUEST, guard(log, DESK_REQUEST, emptyDesk, desk));

  connection.onRequest(
    ARTICLE_SUMMARY_REQUEST,
    guard(log, ARTICLE_SUMMARY_REQUEST, null as ArticleSummaryResult, async (params: unknown): Promise<ArticleSummaryResult> => {
      const uri = (params as { uri?: unknown } | null | undefined)?.uri;
      if (typeof uri !== 'string') return null;
      const document = workspace.documents.get(uri);
      if (!document) return null;
      const a = await articles.linted(document);
      if (!a) return null;
      const known = open.get(uri);
      const article = known?.version === a.version && known.article ? known.article : deskArticle(a);
      return article && { ...article, locale: a.locale };
    }),
  );
}

/** What the client holding `before` lacks to have `now`: the articles added or changed, the uris gone. */
function changesSince(before: ReadonlyMap<string, DeskArticle>, now: readonly DeskArticle[]): Pick<DeskResult, 'articles' | 'removed' | 'delta'> {
  const articles: DeskArticle[] = [];
  const listed = new Set<string>();
  for (const a of now) {
    listed.add(a.uri);
    const old = before.get(a.uri);
    // Scanned articles keep their object until the file changes; open ones are compared.
    if (old !== a && !sameArticle(old, a)) articles.push(a);
  }
  const removed: string[] = [];
  for (const uri of before.keys()) if (!listed.has(uri)) removed.push(uri);
  return { articles, removed, delta: true };
}
