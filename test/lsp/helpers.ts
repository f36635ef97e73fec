import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './client';

export interface TestWorkspace {
  dir: string;
  uri: string;
  file(rel: string): string;
  uriOf(rel: string): string;
  write(rel: string, text: string): string;
  remove(): void;
}

export function makeWorkspace(files: Record<string, string> = {}): TestWorkspace {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-lsp-')));
  const ws: TestWorkspace = {
    dir,
    uri: pathToFileURL(dir).href,
    file: (rel) => path.join(dir, rel),
    uriOf: (rel) => pathToFileURL(path.join(dir, rel)).href,
    write(rel, text) {
      const p = path.join(dir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text);
      return pathToFileURL(p).href;
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  for (const [rel, text] of Object.entries(files)) ws.write(rel, text);
  return ws;
}

/** What Neovim, Helix and Emacs advertise for diagnostics: push only. */
export const PUSH_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
  },
  window: { workDoneProgress: true },
};

/** What VS Code advertises: pull diagnostics with refresh, lazy code action edits, showDocument. */
export const PULL_CAPABILITIES = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: {
    ...PUSH_CAPABILITIES.textDocument,
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: { ...PUSH_CAPABILITIES.textDocument.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } },
  },
  window: { ...PUSH_CAPABILITIES.window, showDocument: { support: true } },
};

export async function startServer(
  ws: TestWorkspace,
  options: { capabilities?: unknown; initializationOptions?: unknown; locale?: string; settings?: () => unknown; trace?: 'off' | 'messages' | 'verbose' } = {},
): Promise<LspClient> {
  const client = new LspClient();
  if (options.settings) {
    const settings = options.settings;
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings()));
  }
  await client.initialize({
    rootUri: ws.uri,
    workspaceFolders: [{ uri: ws.uri, name: path.basename(ws.dir) }],
    capabilities: options.capabilities ?? PUSH_CAPABILITIES,
    initializationOptions: options.initializationOptions,
    locale: options.locale,
    trace: options.trace,
  });
  return client;
}

/** One workspace and one server for the tests of a file or `describe` block: started before them, stopped after. */
export function serverForSuite(
  options: Parameters<typeof startServer>[1] = {},
  files: Record<string, string> = {},
): { ws: TestWorkspace; client: LspClient } {
  const suite = {} as { ws: TestWorkspace; client: LspClient };
  before(async () => {
    suite.ws = makeWorkspace(files);
    suite.client = await startServer(suite.ws, options);
  });
  after(async () => {
    await suite.client?.stop();
    suite.ws?.remove();
  });
  return suite;
}

export function open(client: LspClient, uri: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

export interface Pos {
  line: number;
  character: number;
}

export interface Edit {
  range: { start: Pos; end: Pos };
  newText: string;
}

export function offsetAt(text: string, pos: Pos): number {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    i = nl + 1;
    line++;
  }
  return i + pos.character;
}

export function positionOf(text: string, needle: string, delta = 0): Pos {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

/** Applies LSP edits the way an editor does: all ranges refer to the original text. */
export function applyTextEdits(text: string, edits: Edit[]): string {
  const withOffsets = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Sends edits as incremental changes, last first, so every range still refers to untouched text. */
export function sendEdits(client: LspClient, uri: string, version: number, edits: Edit[]): void {
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  client.notify('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
  });
}

export const ARTICLE_NO_SOURCES = [
  '---',
  'title: افتتاح معرض الكتاب في الرياض',
  'date: 2025-06-02T10:00:00+03:00',
  'author: سارة أحمد',
  '---',
  '',
  'افتتح وزير الثقافة معرض الكتاب.',
  '',
].join('\n');

export const ARTICLE_WITH_SOURCES = [
  '---',
  'title: افتتاح معرض الكتاب في الرياض',
  'date: 2025-06-02T10:00:00+03:00',
  'author: سارة أحمد',
  'sources:',
  '  - وكالة الأنباء السعودية',
  '---',
  '',
  'افتتح وزير الثقافة معرض الكتاب.',
  '',
].join('\n');

export const codes = (diagnostics: any[]): string[] => diagnostics.map((d) => d.code);
