import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Emitter, type ClientCapabilities, type Connection, type Event, type InitializeParams, type TextDocuments, type WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What the client said it can do, read once at `initialize` so handlers never dig through optional chains. */
export interface ClientFlags {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  didChangeConfigurationDynamic: boolean;
  watchedFilesDynamic: boolean;
  workspaceFolderChanges: boolean;
  hierarchicalSymbols: boolean;
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  codeActionResolveEdit: boolean;
  /** Workspace edits as `documentChanges`, which carry the document version they were computed for. */
  versionedEdits: boolean;
  showDocument: boolean;
  /** The UI language the editor runs in (`initialize` params `locale`), e.g. `ar` or `en-US`. */
  uiLocale: string | undefined;
  /**
   * Wrap Arabic messages in a right-to-left isolate. VS Code lays out the Problems panel and hovers
   * left to right, which moves an Arabic sentence's final period and code spans to the wrong end;
   * terminals (Neovim) do their own bidi or none, and would show the isolates as stray marks.
   */
  rtlIsolates: boolean;
  /**
   * `initializationOptions.workspaceTrusted`: VS Code's Workspace Trust as the client saw it at
   * start. Anything but `true` is untrusted (see `ConfigStore.trusted`).
   */
  workspaceTrusted: boolean;
}

export function readClientFlags(params: InitializeParams): ClientFlags {
  const caps: ClientCapabilities = params.capabilities ?? {};
  const td = caps.textDocument ?? {};
  const ws = caps.workspace ?? {};
  return {
    pullDiagnostics: !!td.diagnostic,
    diagnosticRefresh: !!ws.diagnostics?.refreshSupport,
    configuration: !!ws.configuration,
    didChangeConfigurationDynamic: !!ws.didChangeConfiguration?.dynamicRegistration,
    watchedFilesDynamic: !!ws.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolderChanges: !!ws.workspaceFolders,
    hierarchicalSymbols: !!td.documentSymbol?.hierarchicalDocumentSymbolSupport,
    hoverMarkdown: (td.hover?.contentFormat ?? ['markdown']).includes('markdown'),
    completionMarkdown: (td.completion?.completionItem?.documentationFormat ?? ['markdown']).includes('markdown'),
    codeActionResolveEdit: !!td.codeAction?.resolveSupport?.properties?.includes('edit'),
    versionedEdits: !!ws.workspaceEdit?.documentChanges,
    showDocument: !!caps.window?.showDocument?.support,
    uiLocale: typeof params.locale === 'string' ? params.locale : undefined,
    rtlIsolates: (params.initializationOptions as { client?: unknown } | undefined)?.client === 'vscode',
    workspaceTrusted: (params.initializationOptions as { workspaceTrusted?: unknown } | null | undefined)?.workspaceTrusted === true,
  };
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  // Asked for the same few open documents several times per keystroke; each answer is a URL parse.
  const known = pathsOfUris.get(uri);
  if (known !== undefined) return known ?? undefined;
  let file: string | null;
  try {
    file = fileURLToPath(uri);
  } catch {
    file = null;
  }
  if (pathsOfUris.size >= MAX_KNOWN_URIS) pathsOfUris.clear();
  pathsOfUris.set(uri, file);
  return file ?? undefined;
}

/** null: not a path (a `file:` URI fileURLToPath refuses). */
const pathsOfUris = new Map<string, string | null>();
const MAX_KNOWN_URIS = 4096;

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

export interface Folder {
  uri: string;
  path: string;
}

/**
 * The open documents and the workspace folders, with the path arithmetic every feature needs.
 * URIs from the client are kept as the client spelled them; paths are only used to compare.
 */
export class Workspace {
  private folderList: Folder[] = [];
  private readonly pathToOpenUri = new Map<string, string>();
  private readonly initializedEmitter = new Emitter<void>();
  /** `initialized` has one handler per connection; features that need it subscribe here instead. */
  readonly onInitialized: Event<void> = this.initializedEmitter.event;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly flags: ClientFlags,
  ) {
    documents.onDidOpen(({ document }) => {
      const p = uriToPath(document.uri);
      if (p) this.pathToOpenUri.set(p, document.uri);
    });
    documents.onDidClose(({ document }) => {
      const p = uriToPath(document.uri);
      if (p && this.pathToOpenUri.get(p) === document.uri) this.pathToOpenUri.delete(p);
    });
  }

  fireInitialized(): void {
    this.initializedEmitter.fire();
  }

  setFolders(folders: readonly WorkspaceFolder[]): void {
    const list: Folder[] = [];
    for (const f of folders) {
      const p = uriToPath(f.uri);
      if (p) list.push({ uri: f.uri, path: path.resolve(p) });
    }
    // Longest first, so a nested folder wins over the folder that contains it.
    this.folderList = list.sort((a, b) => b.path.length - a.path.length);
  }

  addFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    const keep = this.folderList.filter((f) => !gone.has(f.uri)).map((f) => ({ uri: f.uri, name: '' }));
    this.setFolders([...keep, ...added]);
  }

  get folders(): readonly Folder[] {
    return this.folderList;
  }

  folderForPath(file: string): Folder | undefined {
    return this.folderList.find((f) => isInside(f.path, file));
  }

  folderForUri(uri: string): Folder | undefined {
    const p = uriToPath(uri);
    return p ? this.folderForPath(p) : undefined;
  }

  /** The path isArticle matches globs against: relative to the folder, `/`-separated. */
  relativePath(uri: string): string {
    const p = uriToPath(uri);
    if (!p) return decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:/i, '')).replace(/^\/+/, '');
    const folder = this.folderForPath(p);
    const rel = folder ? path.relative(folder.path, p) : p.replace(/^[a-zA-Z]:/, '');
    return rel.split(path.sep).join('/').replace(/^\/+/, '');
  }

  /** The text of a file when an editor has it open: unsaved buffers beat the disk. */
  openText(file: string): string | undefined {
    const uri = this.pathToOpenUri.get(path.resolve(file));
    return uri ? this.documents.get(uri)?.getText() : undefined;
  }

  isOpen(file: string): boolean {
    return this.pathToOpenUri.has(path.resolve(file));
  }

  /** The URI to report a file's problems on: the client's own spelling when it has the file open. */
  uriForPath(file: string): string {
    return this.pathToOpenUri.get(path.resolve(file)) ?? pathToUri(file);
  }
}

export function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown)$/i.test(document.uri.split(/[?#]/)[0]);
}

export function isConfigUri(uri: string): boolean {
  return /(^|\/)\.muharrir\.yaml$/.test(uri.split(/[?#]/)[0]);
}
