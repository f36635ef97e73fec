// The desk's messages between the language server and the VS Code client (the Newsroom view and
// the status bar). Types only: the client bundle imports this file and nothing else from the server.
import type { ArticleSummary } from '../engine/desk';

/** One article of the workspace as the desk shows it. */
export interface DeskArticle extends ArticleSummary {
  uri: string;
  /** Relative to its workspace folder, with `/`. */
  path: string;
  /** Name of the workspace folder it belongs to (several folders may be open). */
  folder: string;
}

/** `muharrir/desk` (client → server, no params): every article the server knows of so far. */
export const DESK_REQUEST = 'muharrir/desk';
export interface DeskResult {
  articles: DeskArticle[];
  /** Articles checked so far, and how many the scan found; equal once the scan is complete. */
  scanned: number;
  total: number;
  complete: boolean;
  /** `muharrir.diagnostics.scope`: with `openFiles`, only open articles are listed. */
  scope: DiagnosticsScope;
  /**
   * The language the server speaks in the first workspace folder (`muharrir.locale`, else
   * `.muharrir.yaml`'s `locale`, else the editor's): the view's labels follow the diagnostics.
   */
  locale: DeskLocale;
}

/** `muharrir/deskChanged` (server → client, no params): the desk's list changed; ask again. Debounced. */
export const DESK_CHANGED_NOTIFICATION = 'muharrir/deskChanged';

/** `muharrir/articleSummary` (client → server): the summary of one open document as it is now; null when it is not an article. */
export const ARTICLE_SUMMARY_REQUEST = 'muharrir/articleSummary';
export interface ArticleSummaryParams {
  uri: string;
}
/** The summary, and the language of the article's diagnostics (the status bar speaks it too). */
export type ArticleSummaryResult = (DeskArticle & { locale: DeskLocale }) | null;

export type DeskLocale = 'ar' | 'en';

export type DiagnosticsScope = 'openFiles' | 'workspace';
