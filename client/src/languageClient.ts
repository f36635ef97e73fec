// The language client, bundled apart as dist/languageClient.js and required by dist/client.js
// the first time an article opens or a command needs the server: vscode-languageclient is most of
// what activation would otherwise load, and a workspace of READMEs never needs it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CRASH_WINDOW_MS, CrashQuarantine } from './crashQuarantine';
import { serverExecArgv } from '../../server/src/node/v8Threads';

/** Team snippet packs: synced and watched, so the server checks them as they are edited. */
export const PACK_FILES = '**/.muharrir/snippets/*.json';

export async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const crashes = new CrashQuarantine();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverExecArgv() } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', ...serverExecArgv()] } },
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
    // A function: read again at every (re)start, so a restart after a crash carries the quarantine.
    // Trust decides whether config `extends` and pack folders may point outside the workspace (docs/security.md).
    initializationOptions: () => ({ client: 'vscode', workspaceTrusted: vscode.workspace.isTrusted, quarantine: crashes.forNextStart() }),
    errorHandler: crashHandler(crashes, output),
    middleware: crashTracking(crashes),
  };
  const client = new LanguageClient('muharrir', 'Muharrir', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification('muharrir/workspaceTrust', { trusted: true })),
  );
  return client;
}

/**
 * Records which article the server was last asked to check (opened, edited, diagnostics pulled),
 * so that a crash can be blamed on it; edits and closes lift a quarantine, as on the server.
 */
function crashTracking(crashes: CrashQuarantine): Middleware {
  const article = (d: vscode.TextDocument) => d.languageId === 'markdown';
  return {
    didOpen: (document, next) => {
      if (article(document)) crashes.checking(document.uri.toString());
      return next(document);
    },
    didChange: (event, next) => {
      if (article(event.document)) crashes.edited(event.document.uri.toString());
      return next(event);
    },
    didClose: (document, next) => {
      crashes.closed(document.uri.toString());
      return next(document);
    },
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const uri = (document instanceof vscode.Uri ? document : document.uri).toString();
      crashes.checking(uri);
      const report = await next(document, previousResultId, token);
      // Only an answer ends the check: a request failing because the server died must keep the blame.
      crashes.checked(uri);
      return report;
    },
  };
}

/** vscode-languageclient's default for connection errors, and crashQuarantine.ts's budget for crashes. */
function crashHandler(crashes: CrashQuarantine, output: vscode.LogOutputChannel): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = crashes.serverDied(Date.now());
      if (decision.restart) {
        const blamed = decision.quarantined;
        const message = blamed
          ? `Muharrir: the language server stopped while checking ${blamed}; restarting it without checking that file until it is edited or reopened.`
          : 'Muharrir: the language server stopped; restarting it.';
        output.warn(message);
        return { action: CloseAction.Restart, message, handled: true };
      }
      const minutes = CRASH_WINDOW_MS / 60000;
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t(
          'Muharrir’s language server stopped {0} times in {1} minutes and will not be restarted. Run “Muharrir: Restart Server” to start it again; the Muharrir output has the details.',
          decision.crashes,
          minutes,
        ),
      };
    },
  };
}
