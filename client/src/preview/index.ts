/**
 * The preview's registration, in the extension's main bundle: commands, the editor-title button's
 * context key and the restore of previews after a reload. The preview itself (renderer, panels)
 * is dist/preview.js, required the first time it is needed, so activation stays light.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Debouncer } from './debounce';
import {
  ARTICLE_CONTEXT_KEY,
  OPEN_PREVIEW_COMMAND,
  OPEN_PREVIEW_TO_SIDE_COMMAND,
  PREVIEW_TEMPLATE_COMMAND,
  PREVIEW_VIEW_TYPE,
  TOGGLE_PREVIEW_LOCK_COMMAND,
} from './ids';
import type { PreviewableTemplate, PreviewManager, ShowTemplateOptions } from './manager';
import { pickTemplateToPreview } from './templatePicker';

export type { PreviewableTemplate, ShowTemplateOptions } from './manager';

export interface PreviewRegistration {
  isArticle(doc: vscode.TextDocument): boolean;
  ensureClient(): Promise<LanguageClient>;
  output?: vscode.LogOutputChannel;
}

/** Shows templates in the one template preview; what the New Article picker and Preview Template… use. */
export interface TemplatePreviewHost {
  show(template: PreviewableTemplate, options?: ShowTemplateOptions): void;
  /** Closes the template preview if it is open. */
  close(): void;
  readonly isOpen: boolean;
}

/**
 * Renders `template` (its `text`: every default filled in) in the template preview, titled with
 * its name: for a picker's onDidChangeActive, with `{ preserveFocus: true }`.
 */
export function showTemplatePreview(host: TemplatePreviewHost, template: PreviewableTemplate, options?: ShowTemplateOptions): void {
  host.show(template, options);
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewRegistration): TemplatePreviewHost {
  let manager: PreviewManager | undefined;
  const load = (): PreviewManager => {
    if (!manager) {
      const bundle = require(context.asAbsolutePath('dist/preview.js')) as typeof import('./manager');
      manager = bundle.createPreviewManager(context, { isArticle: deps.isArticle, output: deps.output });
    }
    return manager;
  };

  const templates: TemplatePreviewHost = {
    show: (template, options) => load().showTemplate(template, options),
    close: () => manager?.closeTemplate(),
    get isOpen() {
      return manager?.hasTemplatePreview ?? false;
    },
  };

  const resource = (arg: unknown): vscode.Uri | undefined => (arg instanceof vscode.Uri ? arg : undefined);

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, (arg?: unknown) => load().open(resource(arg), false)),
    vscode.commands.registerCommand(OPEN_PREVIEW_TO_SIDE_COMMAND, (arg?: unknown) => load().open(resource(arg), true)),
    vscode.commands.registerCommand(TOGGLE_PREVIEW_LOCK_COMMAND, () => manager?.toggleLock()),
    vscode.commands.registerCommand(PREVIEW_TEMPLATE_COMMAND, () => pickTemplateToPreview(deps.ensureClient, templates)),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => load().deserialize(panel, state),
    }),
  );
  trackArticleContext(context, deps.isArticle);
  return templates;
}

/** Keeps `muharrir.isArticle` true while the active editor shows an article. */
function trackArticleContext(context: vscode.ExtensionContext, isArticle: (doc: vscode.TextDocument) => boolean): void {
  let last: boolean | undefined;
  const refresh = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const now = !!doc && doc.languageId === 'markdown' && isArticle(doc);
    if (now === last) return;
    last = now;
    void vscode.commands.executeCommand('setContext', ARTICLE_CONTEXT_KEY, now);
  };
  // Typing a frontmatter can make a file an article: checked after a pause, not per keystroke.
  const later = new Debouncer(refresh, 300);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later.trigger();
    }),
    { dispose: () => later.cancel() },
  );
  refresh();
}
