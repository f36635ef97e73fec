// The language client, bundled apart as dist/languageClient.js and required by dist/client.js
// the first time an article opens or a command needs the server: vscode-languageclient is most of
// what activation would otherwise load, and a workspace of READMEs never needs it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Team snippet packs: synced and watched, so the server checks them as they are edited. */
export const PACK_FILES = '**/.muharrir/snippets/*.json';

export async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
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
  const client = new LanguageClient('muharrir', 'Muharrir', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return client;
}
