import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isArticle, DEFAULT_ARTICLE_GLOBS } from '../../server/src/engine/article-entry';
import { registerNewArticleCommand } from './newArticle';
import { registerNewsroom } from './newsroom/view';
import { registerPreview } from './preview';
import { registerArticleStatusBar } from './statusBar';

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient> | undefined;

/**
 * The server is started for the first article the writer opens, not for every Markdown file:
 * a workspace of READMEs never pays for it and never sees a diagnostic.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Muharrir', { log: true });
  context.subscriptions.push(output);

  /** The running client, started now if no article has started it yet (the New Article command). */
  const ensureClient = (): Promise<LanguageClient> => {
    // `starting` outlives the start: it is the one answer for a running or starting client.
    starting ??= startClient(context, output).catch((err) => {
      output.error(`Muharrir: the language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      starting = undefined;
      throw err;
    });
    return starting;
  };

  const consider = (doc: vscode.TextDocument) => {
    if (client || starting) return;
    if (isArticleDocument(doc) || path.basename(doc.uri.fsPath) === '.muharrir.yaml' || isPackDocument(doc)) {
      ensureClient().catch(() => {}); // logged by ensureClient
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(consider),
    vscode.window.onDidChangeActiveTextEditor((e) => e && consider(e.document)),
    vscode.workspace.onDidChangeTextDocument((e) => consider(e.document)),
    vscode.commands.registerCommand('muharrir.restartServer', async () => {
      if (client) await client.restart();
      else {
        starting = undefined;
        vscode.workspace.textDocuments.forEach(consider);
      }
    }),
    vscode.commands.registerCommand('muharrir.showOutput', () => output.show()),
  );
  const templatePreview = registerPreview(context, { isArticle: isArticleDocument, ensureClient, output });
  registerNewArticleCommand(context, ensureClient, templatePreview);
  registerNewsroom(context, { ensureClient, output });
  registerArticleStatusBar(context, { isArticle: isArticleDocument, ensureClient });
  vscode.workspace.textDocuments.forEach(consider);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function isPackDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && /[\\/]\.muharrir[\\/]snippets[\\/][^\\/]+\.json$/i.test(doc.uri.fsPath);
}

function isArticleDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'markdown' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return false;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const relative = folder ? path.relative(folder.uri.fsPath, doc.uri.fsPath) : doc.uri.fsPath;
  const configured = vscode.workspace.getConfiguration('muharrir', doc.uri).get<string[]>('articles');
  const globs = configured && configured.length ? configured : DEFAULT_ARTICLE_GLOBS;
  return isArticle(relative.split(path.sep).join('/'), doc.getText(), globs);
}

/**
 * Starts the server through dist/languageClient.js, required only now: loading
 * vscode-languageclient at activation would cost most of the extension's start-up.
 */
async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const bundle = require(context.asAbsolutePath(path.join('dist', 'languageClient.js'))) as typeof import('./languageClient');
  client = await bundle.startClient(context, output);
  return client;
}
