import * as fs from 'node:fs';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, Emitter, type Connection, type Diagnostic, type Disposable, type Event } from 'vscode-languageserver';
import { MAX_PACK_BYTES, oversizedPack, packClashes, parsePack, type PackProblem, type ParsedPack, type Template } from '../engine/templates';
import type { ResolvedConfig } from '../engine';
import { decodeArticle, isReallyInside } from '../node/configFiles';
import { isolateRtl } from './articles';
import { SEVERITY, type ConfigStore } from './configs';
import { PUSH_DELAY_MS, type OtherDiagnostics } from './diagnostics';
import { describeError, runGuarded } from './guard';
import { resolveLocale, type SettingsStore } from './settings';
import type { TemplateProvider } from './templateCompletion';
import { pathToUri, uriToPath, type Folder, type Workspace } from './workspace';

/** Every workspace folder's own packs; more folders come from settings and `.muharrir.yaml`. */
export const PACK_DIR = path.join('.muharrir', 'snippets');
export const PACK_GLOB = '**/.muharrir/snippets/*.json';
/** Files read per pack folder: a folder of thousands of JSON files is not a team's packs. */
const MAX_FILES_PER_DIR = 100;
const PACKS_DOCS = 'https://github.com/muharrir/muharrir/blob/main/docs/packs.md';

/** `…/.muharrir/snippets/NAME.json`: a pack wherever it is, even outside the configured folders. */
export function isPackPath(file: string): boolean {
  return /[\\/]\.muharrir[\\/]snippets[\\/][^\\/]+\.json$/i.test(file);
}

export interface PackSupport extends OtherDiagnostics {
  /** The templates of the packs that apply to a document. */
  templates: TemplateProvider;
}

interface PackFile {
  file: string;
  folder: Folder;
  dir: string;
  /** What the text was read from (buffer version, or disk times and size): unchanged means not parsed again. */
  stamp: string;
  parsed: ParsedPack;
  /** In a pack folder, so its templates are offered; an open pack elsewhere is only checked. */
  loads: boolean;
  problems: PackProblem[];
  diagnostics: Diagnostic[];
}

/**
 * Team snippet packs per workspace folder: found, read (the editor's buffer when the file is
 * open), checked, and reported on the pack file. Every change anywhere (a pack, a setting, a
 * config, a folder) reloads the lot, debounced: packs are few and small, unchanged files are not
 * parsed again, and a pack's problems depend on its neighbours (prefixes, names) anyway.
 */
class PackStore {
  private readonly files = new Map<string, PackFile>();
  /** Folder path → pack folders that apply at its root, in order. */
  private readonly dirsByFolder = new Map<string, string[]>();
  /** Folder path → pack folders that nested configs list (found when a document there asks). */
  private readonly nestedDirs = new Map<string, Set<string>>();
  /** Uri → what was last pushed, so reloads that change nothing send nothing. */
  private readonly pushed = new Map<string, string>();
  private readonly pulledPayloads = new Map<string, string>();
  private readonly warned = new Set<string>();
  private watcher: Disposable | undefined;
  private watchedGlobs = '';
  private dirty = true;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private markInitialized!: () => void;
  private readonly initialized = new Promise<void>((resolve) => (this.markInitialized = resolve));
  private readonly changed = new Emitter<void>();
  /** The problems of a pack open in a pull client changed: it should pull again. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
  ) {}

  start(): void {
    this.markInitialized();
    this.schedule(0);
  }

  schedule(delay = PUSH_DELAY_MS): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Forgets what was read of a file, so the next reload reads it again whatever its stamp. */
  forget(file: string): void {
    this.files.delete(path.resolve(file));
  }

  /** Whether a file is, or could be, a pack this store reads. */
  concerns(file: string): boolean {
    const p = path.resolve(file);
    if (isPackPath(p) || this.files.has(p)) return true;
    if (!p.toLowerCase().endsWith('.json')) return false;
    const dir = path.dirname(p);
    for (const dirs of this.dirsByFolder.values()) if (dirs.includes(dir)) return true;
    for (const dirs of this.nestedDirs.values()) if (dirs.has(dir)) return true;
    return false;
  }

  /** Waits for any pending reload, so answers reflect the latest edit. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.chain = this.chain.then(async () => {
      await this.initialized;
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await this.reload();
      } catch (err) {
        this.connection.console.error(`[muharrir] loading snippet packs failed: ${describeError(err)}`);
      }
    });
    return this.chain;
  }

  async templatesFor(uri: string | undefined): Promise<Template[]> {
    await this.flush();
    // An untitled buffer (or no file yet) follows the first folder, as its config does.
    const folder = uri && uriToPath(uri) ? this.workspace.folderForUri(uri) : this.workspace.folders[0];
    if (!folder) return [];
    const s = await this.settings.forScope(folder.uri);
    if (!s.enable) return [];
    // Without a file (yet), or for the folder itself (the New Article picker asks so), the folder
    // root's config applies, as for an untitled buffer.
    const file = uri ? uriToPath(uri) : undefined;
    const atRoot = !file || path.resolve(file) === folder.path;
    const { config } = this.configs.forDocument(atRoot ? pathToUri(path.join(folder.path, '.muharrir.yaml')) : uri!);
    const dirs = this.dirsFor(folder, s.snippetPacks, config);
    const known = this.dirsByFolder.get(folder.path) ?? [];
    const nested = dirs.filter((d) => !known.includes(d) && !this.nestedDirs.get(folder.path)?.has(d));
    if (nested.length) {
      const set = this.nestedDirs.get(folder.path) ?? new Set<string>();
      for (const d of nested) set.add(d);
      this.nestedDirs.set(folder.path, set);
      this.dirty = true;
      await this.flush();
    }
    const out: Template[] = [];
    for (const dir of dirs) {
      const inDir = [...this.files.values()].filter((p) => p.loads && p.dir === dir && p.folder.path === folder.path).sort((a, b) => cmp(a.file, b.file));
      for (const p of inDir) out.push(...p.parsed.templates);
    }
    return out;
  }

  /** The diagnostics of a pack file open in a pull client; undefined for any other document. */
  async pull(uri: string): Promise<Diagnostic[] | undefined> {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const p = path.resolve(file);
    if (!this.files.has(p) && !isPackPath(p)) return undefined;
    await this.flush();
    const pack = this.files.get(p);
    if (pack) this.pulledPayloads.set(uri, JSON.stringify(pack.diagnostics));
    return pack?.diagnostics ?? [];
  }

  /** The pack folders for documents under `folder` governed by `config`, in order, deduplicated. */
  private dirsFor(folder: Folder, fromSettings: readonly string[], config: ResolvedConfig): string[] {
    const dirs = [path.join(folder.path, PACK_DIR)];
    for (const d of fromSettings) {
      const abs = path.resolve(folder.path, d);
      if (this.mayRead(folder, abs)) dirs.push(abs);
      else this.warnOnce(`muharrir.snippetPacks: "${d}" is outside the workspace folder ${folder.path}; it is not read in an untrusted workspace.`);
    }
    for (const d of config.snippetPacks) {
      // The config loader refused `..` already (a diagnostic on the config); this catches a folder
      // listed by a config of another workspace folder, and links made since.
      if (this.mayRead(folder, d)) dirs.push(path.resolve(d));
      else this.warnOnce(`.muharrir.yaml snippetPacks: ${d} is outside the workspace folder ${folder.path}; it is not read in an untrusted workspace.`);
    }
    return [...new Set(dirs)];
  }

  /** Packs are data, but an untrusted workspace must not make the editor read files outside it. */
  private mayRead(folder: Folder, file: string): boolean {
    return this.configs.trusted || isReallyInside(folder.path, file);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(`[muharrir] ${message}`);
  }

  private async reload(): Promise<void> {
    const seen = new Set<string>();
    const live = new Set<string>();
    for (const folder of this.workspace.folders) {
      live.add(folder.path);
      const s = await this.settings.forScope(folder.uri);
      if (!s.enable) {
        this.dirsByFolder.set(folder.path, []);
        continue;
      }
      const { config } = this.configs.forDocument(pathToUri(path.join(folder.path, '.muharrir.yaml')));
      const dirs = this.dirsFor(folder, s.snippetPacks, config);
      this.dirsByFolder.set(folder.path, dirs);
      const all = [...new Set([...dirs, ...(this.nestedDirs.get(folder.path) ?? [])])];
      for (const dir of all) {
        for (const file of this.list(dir, folder, dir !== dirs[0])) {
          if (seen.has(file)) continue;
          seen.add(file);
          this.read(file, folder, dir, true);
        }
      }
    }
    for (const key of [...this.dirsByFolder.keys()]) if (!live.has(key)) this.dirsByFolder.delete(key);
    for (const key of [...this.nestedDirs.keys()]) if (!live.has(key)) this.nestedDirs.delete(key);
    // A pack the writer has open outside the pack folders is still checked as they type.
    for (const document of this.workspace.documents.all()) {
      const file = uriToPath(document.uri);
      if (!file || seen.has(path.resolve(file)) || !isPackPath(file)) continue;
      const folder = this.workspace.folderForPath(file);
      if (!folder || !this.dirsByFolder.get(folder.path)?.length) continue;
      seen.add(path.resolve(file));
      this.read(path.resolve(file), folder, path.dirname(path.resolve(file)), false);
    }
    for (const file of [...this.files.keys()]) if (!seen.has(file)) this.files.delete(file);

    for (const folder of this.workspace.folders) {
      const packs = [...this.files.values()].filter((p) => p.folder.path === folder.path);
      const loading = packs.filter((p) => p.loads).sort((a, b) => cmp(a.file, b.file));
      const clashes = packClashes(loading.map((p) => p.parsed));
      for (const p of packs) p.problems = p.parsed.problems;
      loading.forEach((p, i) => (p.problems = [...p.parsed.problems, ...clashes[i]]));
    }
    await this.publish();
    await this.watch();
  }

  /** The `*.json` files of a pack folder that stay inside the workspace folder, by name. */
  private list(dir: string, folder: Folder, configured: boolean): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      // The default folder is usually absent; a configured one should exist.
      if (configured) this.warnOnce(`snippet pack folder ${dir} cannot be read.`);
      return [];
    }
    if (!this.mayRead(folder, dir)) {
      this.warnOnce(`snippet pack folder ${dir} leads outside the workspace folder ${folder.path}; it is not read in an untrusted workspace.`);
      return [];
    }
    const files: string[] = [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.json')).sort(cmp)) {
      const file = path.join(dir, name);
      try {
        if (!fs.statSync(file).isFile()) continue;
      } catch {
        continue;
      }
      if (!this.mayRead(folder, file)) {
        this.warnOnce(`snippet pack ${file} links outside the workspace folder ${folder.path}; it is not read in an untrusted workspace.`);
        continue;
      }
      if (files.length === MAX_FILES_PER_DIR) {
        this.warnOnce(`snippet pack folder ${dir} has more than ${MAX_FILES_PER_DIR} files; the rest are not read.`);
        break;
      }
      files.push(file);
    }
    return files;
  }

  private read(file: string, folder: Folder, dir: string, loads: boolean): void {
    const uri = this.workspace.uriForPath(file);
    const document = this.workspace.documents.get(uri);
    let stamp: string;
    let stat: fs.Stats | undefined;
    if (document) stamp = `open:${uri}:${document.version}`;
    else {
      try {
        stat = fs.statSync(file);
      } catch {
        return;
      }
      stamp = `disk:${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
    }
    const cached = this.files.get(file);
    if (cached?.stamp === stamp) {
      Object.assign(cached, { folder, dir, loads });
      return;
    }
    let parsed: ParsedPack;
    if (document) parsed = parsePack(document.getText());
    else if (stat!.size > MAX_PACK_BYTES) parsed = oversizedPack(stat!.size);
    else {
      try {
        // Without the BOM, as an editor shows the file, so ranges match what the writer sees.
        parsed = parsePack(decodeArticle(fs.readFileSync(file)).text);
      } catch (err) {
        this.warnOnce(`snippet pack ${file} cannot be read: ${describeError(err)}`);
        return;
      }
    }
    this.files.set(file, { file, folder, dir, stamp, parsed, loads, problems: parsed.problems, diagnostics: [] });
  }

  private async publish(): Promise<void> {
    const { flags } = this.workspace;
    const toPush = new Map<string, Diagnostic[]>();
    let pulledChanged = false;
    for (const p of this.files.values()) {
      const uri = this.workspace.uriForPath(p.file);
      p.diagnostics = await this.diagnostics(p);
      if (flags.pullDiagnostics && this.workspace.documents.get(uri)) {
        // The client pulls what it has open; pushing too would show each problem twice.
        if (this.pulledPayloads.get(uri) !== JSON.stringify(p.diagnostics)) pulledChanged = true;
      } else {
        toPush.set(uri, p.diagnostics);
      }
    }
    for (const [uri, diagnostics] of toPush) {
      const payload = JSON.stringify(diagnostics);
      const before = this.pushed.get(uri);
      if (before === payload || (before === undefined && diagnostics.length === 0)) continue;
      this.send(uri, diagnostics);
    }
    for (const uri of [...this.pushed.keys()]) if (!toPush.has(uri)) this.send(uri, []);
    for (const uri of [...this.pulledPayloads.keys()]) if (!this.workspace.documents.get(uri)) this.pulledPayloads.delete(uri);
    if (pulledChanged) this.changed.fire();
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length) this.pushed.set(uri, JSON.stringify(diagnostics));
    else this.pushed.delete(uri);
    runGuarded(this.connection.console, 'publish pack problems', () => this.connection.sendDiagnostics({ uri, diagnostics }));
  }

  private async diagnostics(p: PackFile): Promise<Diagnostic[]> {
    const s = await this.settings.forScope(p.folder.uri);
    const { config } = this.configs.forDocument(pathToUri(p.file));
    const locale = resolveLocale(s, config, this.workspace.flags.uiLocale);
    return p.problems.map((x) => ({
      range: x.range,
      severity: SEVERITY[x.severity],
      code: x.code,
      codeDescription: { href: PACKS_DOCS },
      source: 'muharrir',
      message: isolateRtl(x.message[locale], locale, this.workspace.flags.rtlIsolates),
    }));
  }

  /** Watches the configured pack folders too; the default ones are watched from the start. */
  private async watch(): Promise<void> {
    if (!this.workspace.flags.watchedFilesDynamic) return;
    const globs = new Set<string>();
    for (const folder of this.workspace.folders) {
      const own = path.join(folder.path, PACK_DIR);
      const dirs = [...(this.dirsByFolder.get(folder.path) ?? []), ...(this.nestedDirs.get(folder.path) ?? [])];
      for (const dir of dirs) {
        if (dir === own) continue;
        const rel = path.relative(folder.path, dir).split(path.sep).join('/');
        // A folder outside the workspace (allowed when trusted) has no glob relative to it; it is
        // read again when a setting, a config or a folder changes.
        if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) continue;
        globs.add(rel ? `**/${rel}/*.json` : '*.json');
      }
    }
    const key = [...globs].sort().join('\n');
    if (key === this.watchedGlobs) return;
    this.watchedGlobs = key;
    const old = this.watcher;
    this.watcher = undefined;
    old?.dispose();
    if (globs.size) {
      this.watcher = await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...globs].sort().map((globPattern) => ({ globPattern })),
      });
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Team snippet packs: their templates for every editor (VS Code included: it cannot know them
 * statically), their problems on the pack file, reloaded when a pack, a setting or a config
 * changes. A broken pack loads what it can and never stops the others.
 */
export function registerPackSupport(connection: Connection, workspace: Workspace, settings: SettingsStore, configs: ConfigStore): PackSupport {
  const log = connection.console;
  const store = new PackStore(connection, workspace, settings, configs);

  connection.onDidChangeWatchedFiles((params) =>
    runGuarded(log, 'pack files changed', () => {
      let relevant = false;
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (!file || !store.concerns(file)) continue;
        store.forget(file);
        relevant = true;
      }
      if (relevant) store.schedule();
    }),
  );

  const onEdited = (uri: string) =>
    runGuarded(log, 'pack edit', () => {
      const file = uriToPath(uri);
      if (file && store.concerns(file)) store.schedule();
    });
  workspace.documents.onDidChangeContent(({ document }) => onEdited(document.uri));
  workspace.documents.onDidClose(({ document }) => onEdited(document.uri));
  settings.onDidChange(() => store.schedule());
  configs.onDidChange(() => store.schedule());

  workspace.onInitialized(() =>
    runGuarded(log, 'load snippet packs', async () => {
      store.start();
      if (workspace.flags.watchedFilesDynamic) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PACK_GLOB }] });
      }
    }),
  );

  return {
    templates: (uri) => store.templatesFor(uri),
    pull: (uri) => store.pull(uri),
    onDidChange: store.onDidChange,
  };
}
