import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { isArticle, DEFAULT_ARTICLE_GLOBS } from '../../server/src/engine/article-entry';
import { registerNewArticleCommand } from './newArticle';
import { registerPreview } from './preview';

let client: LanguageClient | undefined;
/** Team snippet packs: synced and watched, so the server checks them as they are edited. */
const PACK_FILES = '**/.muharrir/snippets/*.json';
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

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', pattern: '**/.muharrir.yaml' },
      { scheme: 'file', pattern: PACK_FILES },
    ],
    synchronize: {
      configurationSection: 'muharrir',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.muharrir.yaml'), vscode.workspace.createFileSystemWatcher(PACK_FILES)],
    },
    outputChannel: output,
    initializationOptions: { client: 'vscode' },
  };
  client = new LanguageClient('muharrir', 'Muharrir', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return client;
}
