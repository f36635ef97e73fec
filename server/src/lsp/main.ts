import {
  CodeActionKind,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleStore } from './articles';
import { FIX_ALL_KIND, OPEN_RULE_DOCS_COMMAND, registerCodeActionSupport } from './codeActions';
import { TRIGGER_CHARACTERS, registerCompletionSupport } from './completion';
import { ConfigStore, registerConfigSupport } from './configs';
import { registerDeskSupport } from './desk';
import { registerDiagnosticsSupport } from './diagnostics';
import { registerFoldingSupport } from './folding';
import { describeError, runGuarded } from './guard';
import { HeapHousekeeping } from './heap';
import { registerHoverSupport } from './hover';
import { registerPackSupport } from './packs';
import { paramValidation } from './params';
import { Quarantine, readQuarantine, withQuarantine } from './quarantine';
import { registerNewArticleSupport } from './newArticle';
import { SettingsStore, registerSettingsSupport } from './settings';
import { SourceIndex } from './sourceIndex';
import { registerSymbolSupport } from './symbols';
import { builtinProvider, registerTemplateSupport, withTemplateCompletions } from './templateCompletion';
import { withSharedFileWatching } from './watchedFiles';
import { Workspace, pathToUri, readClientFlags } from './workspace';
import { registerWorkspaceDiagnosticsSupport } from './workspaceDiagnostics';
import { VERSION } from '../node/version';
import { optimizeSooner } from '../node/v8Tiering';

optimizeSooner();

// The transport (--stdio, --node-ipc, --socket=N) comes from argv; VS Code uses IPC, other editors stdio.
// Every message's params are checked before any handler sees them (params.ts).
const validation = paramValidation();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: validation.messageStrategy });
validation.attach(connection);
const documents = new TextDocuments(TextDocument);
// Bulk opens (an editor restoring its tabs) are collected as they come: see heap.ts.
const heap = new HeapHousekeeping();
documents.onDidOpen(({ document }) => heap.noteOpened(document.uri, document.getText().length));
documents.onDidClose(({ document }) => heap.noteClosed(document.uri));

// Last line of defence: a bug in a handler that escaped its guard is logged, never fatal.
process.on('uncaughtException', (err) => connection.console.error(`[muharrir] uncaught: ${describeError(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`[muharrir] unhandled rejection: ${describeError(err)}`));

let workspace: Workspace | undefined;

connection.onInitialize((params): InitializeResult => {
  const flags = readClientFlags(params);
  const ws = new Workspace(connection, documents, flags);
  workspace = ws;
  ws.setFolders(
    params.workspaceFolders ??
      (params.rootUri ? [{ uri: params.rootUri, name: '' }] : params.rootPath ? [{ uri: pathToUri(params.rootPath), name: '' }] : []),
  );

  const settings = new SettingsStore(connection, flags, params.initializationOptions);
  const configs = new ConfigStore(connection, ws, settings);
  const quarantine = new Quarantine(documents, readQuarantine(params.initializationOptions));
  const articles = withQuarantine(new ArticleStore(ws, settings, configs), quarantine, ws, settings, configs);
  articles.onDidAnalyze((a) => heap.noteAnalysed(a.uri, documents.get(a.uri)?.getText().length ?? 0));
  const sources = new SourceIndex(ws, articles, connection.console);

  registerSettingsSupport(connection, ws, settings);
  const watching = withSharedFileWatching(connection);
  registerConfigSupport(watching, ws, configs);
  const packs = registerPackSupport(watching, ws, settings, configs);
  const workspaceDiagnostics = registerWorkspaceDiagnosticsSupport(watching, ws, settings, configs, params);
  registerDiagnosticsSupport(connection, ws, articles, [packs, workspaceDiagnostics]);
  registerDeskSupport(connection, ws, articles, workspaceDiagnostics, settings, configs);
  registerCodeActionSupport(connection, ws, articles);
  const templates = registerTemplateSupport(connection, ws, settings, configs, params, [builtinProvider, packs.templates]);
  registerCompletionSupport(withTemplateCompletions(connection, templates), ws, articles, sources);
  registerHoverSupport(connection, ws, articles);
  registerSymbolSupport(connection, ws, articles);
  registerFoldingSupport(connection, ws, articles);
  registerNewArticleSupport(connection, ws, settings, configs);

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
        resolveProvider: flags.codeActionResolveEdit,
      },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      ...(flags.pullDiagnostics
        ? { diagnosticProvider: { identifier: 'muharrir', interFileDependencies: false, workspaceDiagnostics: true } }
        : {}),
      ...(flags.showDocument ? { executeCommandProvider: { commands: [OPEN_RULE_DOCS_COMMAND] } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'muharrir-language-server', version: VERSION },
  };
});

connection.onInitialized(() =>
  runGuarded(connection.console, 'initialized', () => {
    const ws = workspace;
    if (!ws) return;
    ws.fireInitialized();
  }),
);

documents.listen(connection);
connection.listen();
