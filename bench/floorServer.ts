// The keystroke floor: a language server that checks nothing. Built on the same library as
// Muharrir's (vscode-languageserver over stdio), with the same push debounce, it answers every
// keystroke with the diagnostics the real server gave for the article (the JSON file named on its
// command line), so the time it takes is the library, the pipe, the JSON and the timer on this
// machine: what no checker on this stack could go under in the same run.
import * as fs from 'node:fs';
import { createConnection, DocumentDiagnosticReportKind, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';

const diagnostics: Diagnostic[] = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
const debounceMs = Number(process.argv[3] ?? 30);

const connection = createConnection(process.stdin, process.stdout);
const timers = new Map<string, NodeJS.Timeout>();
const publish = (uri: string, version: number) => void connection.sendDiagnostics({ uri, version, diagnostics });

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } },
}));
connection.onDidOpenTextDocument(({ textDocument }) => publish(textDocument.uri, textDocument.version));
connection.onDidChangeTextDocument(({ textDocument: { uri, version } }) => {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => publish(uri, version), debounceMs));
});
connection.languages.diagnostics.on(() => ({ kind: DocumentDiagnosticReportKind.Full, items: diagnostics }));
connection.listen();
