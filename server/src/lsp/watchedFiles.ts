import type { Connection, DidChangeWatchedFilesParams, Disposable } from 'vscode-languageserver';

type Handler = (params: DidChangeWatchedFilesParams) => void;

/**
 * A connection whose `onDidChangeWatchedFiles` takes any number of handlers. LSP allows one per
 * notification, and configs and snippet packs each watch their own files; this lets both keep
 * their own module (as withTemplateCompletions does for completion).
 */
export function withSharedFileWatching(connection: Connection): Connection {
  const handlers: Handler[] = [];
  const onDidChangeWatchedFiles = (handler: Handler): Disposable => {
    if (handlers.length === 0) {
      connection.onDidChangeWatchedFiles((params) => {
        for (const h of [...handlers]) {
          try {
            h(params);
          } catch (err) {
            connection.console.error(`[muharrir] didChangeWatchedFiles handler failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      });
    }
    handlers.push(handler);
    return {
      dispose: () => {
        const i = handlers.indexOf(handler);
        if (i !== -1) handlers.splice(i, 1);
      },
    };
  };
  return new Proxy(connection, {
    get: (target, prop, receiver) => (prop === 'onDidChangeWatchedFiles' ? onDidChangeWatchedFiles : Reflect.get(target, prop, receiver)),
  });
}
