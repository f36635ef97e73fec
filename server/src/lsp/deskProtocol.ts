// The desk's messages between the language server and the VS Code client (the Newsroom view and
// the status bar): types and the desk's order. The client bundle imports this file and nothing else
// from the server, so it imports nothing itself.
import type { ArticleSummary } from '../engine/desk';

/** One article of the workspace as the desk shows it. */
export interface DeskArticle extends ArticleSummary {
  uri: string;
  /** Relative to its workspace folder, with `/`. */
  path: string;
  /** Name of the workspace folder it belongs to (several folders may be open). */
  folder: string;
}

/**
 * `muharrir/desk` (client → server): every article the server knows of so far. With `since` (the
 * `generation` of the client's last answer from this server), only what changed since: at 20,000
 * articles the whole desk is ~17 MB of JSON, and a keystroke that changes one article's counts
 * would otherwise send it all again.
 */
export const DESK_REQUEST = 'muharrir/desk';
export interface DeskParams {
  since?: string;
}
export interface DeskResult {
  /** Every article; with `delta`, only those added or changed since `since`. */
  articles: DeskArticle[];
  /** With `delta`: the uris no longer listed. */
  removed?: string[];
  /** The answer is relative to the client's `since`; otherwise it is the whole desk. */
  delta?: boolean;
  /** What to send as `since` next time (specific to this server process). */
  generation: string;
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

/** The desk's order: folder, then path, then uri (code-unit order, the same on both sides). */
export function deskOrder(a: DeskArticle, b: DeskArticle): number {
  return compare(a.folder, b.folder) || compare(a.path, b.path) || compare(a.uri, b.uri);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
