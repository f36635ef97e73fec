// The status bar item for the active article: its problems, words and reading time, from the
// server's `muharrir/articleSummary` (the same summary the Newsroom view lists). Hidden for any
// editor that is not an article; a click shows the Problems panel. It never starts the server for
// a non-article: for an article the server is already starting (extension.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ARTICLE_SUMMARY_REQUEST, type ArticleSummaryParams, type ArticleSummaryResult } from '../../server/src/lsp/deskProtocol';
import { Debouncer } from './preview/debounce';
import { deskLocale, statusBarText, statusBarTooltip, t } from './newsroom/labels';

export interface StatusBarDeps {
  isArticle(doc: vscode.TextDocument): boolean;
  ensureClient(): Promise<LanguageClient>;
}

export function registerArticleStatusBar(context: vscode.ExtensionContext, deps: StatusBarDeps): void {
  const item = vscode.window.createStatusBarItem('muharrir.article', vscode.StatusBarAlignment.Right, 100);
  item.command = 'workbench.actions.view.problems';
  let shown: { uri: string; summary: NonNullable<ArticleSummaryResult> } | undefined;
  let requests = 0;

  const locale = () => deskLocale(vscode.workspace.getConfiguration('muharrir').get('locale'), shown?.summary.locale, vscode.env.language);
  const draw = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!shown || !doc || doc.uri.toString() !== shown.uri) {
      item.hide();
      return;
    }
    const l = locale();
    item.name = t('statusBarName', l);
    item.text = statusBarText(shown.summary, l);
    const tooltip = new vscode.MarkdownString(statusBarTooltip(shown.summary, l), true);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.show();
  };

  const update = () => {
    later.cancel();
    const doc = vscode.window.activeTextEditor?.document;
    const request = ++requests;
    if (!doc || !deps.isArticle(doc)) {
      shown = undefined;
      draw();
      return;
    }
    const uri = doc.uri.toString();
    if (shown && shown.uri !== uri) {
      // Another article: the old numbers must not show beside it while the new ones come.
      shown = undefined;
      draw();
    }
    void (async () => {
      let summary: ArticleSummaryResult = null;
      try {
        const client = await deps.ensureClient();
        const params: ArticleSummaryParams = { uri };
        summary = await client.sendRequest<ArticleSummaryResult>(ARTICLE_SUMMARY_REQUEST, params);
      } catch {
        summary = null; // no server, or one without the desk: no item rather than a wrong one
      }
      if (request !== requests) return;
      shown = summary ? { uri, summary } : undefined;
      draw();
    })();
  };
  // Diagnostics come after each pause in typing; words change with every edit, diagnostics or not.
  const later = new Debouncer(update, 300);
  const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();

  context.subscriptions.push(
    item,
    { dispose: () => later.cancel() },
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isActive)) later.trigger();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && isActive(e.document.uri)) later.trigger();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('muharrir.locale')) draw();
      if (e.affectsConfiguration('muharrir.articles') || e.affectsConfiguration('muharrir.enable')) later.trigger();
    }),
  );
  update();
}
