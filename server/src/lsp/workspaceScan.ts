import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Emitter, type Diagnostic, type Event, type WorkspaceFolder } from 'vscode-languageserver';
import { articleSummary, isArticle, type ChecklistItem, type Locale } from '../engine';
import { decodeArticle, isReallyInside } from '../node/configFiles';
import { sha1 } from '../node/hash';
import { lintForEditor, MAX_ARTICLE_CHARS } from './articles';
import type { ConfigStore } from './configs';
import type { DeskArticle } from './deskProtocol';
import { describeError } from './guard';
import { DEFAULT_SETTINGS, resolveLocale, type Settings, type SettingsStore } from './settings';
import { isInside, pathToUri, uriToPath, type Folder, type Workspace } from './workspace';

/**
 * Work done between two turns of the event loop. A slice lists one folder or checks files until
 * this much time has passed, then yields (setImmediate), so requests and keystrokes that arrived
 * meanwhile are served within about this long. An average article lints in 1–2 ms: a slice is a
 * handful of files, or a few hundred unchanged ones (a read and a hash each).
 */
export const SLICE_MS = 10;

/** Event-loop turns left to the protocol between two slices (see schedule). */
const YIELD_TURNS = 4;

/** Files larger than this are not read: no article is this big (the open-document limit, in bytes). */
export const MAX_FILE_BYTES = MAX_ARTICLE_CHARS;

/** What is kept of one Markdown file: never its text or parse tree. */
export interface ScanEntry {
  path: string;
  uri: string;
  /** sha1 of the file's bytes. */
  contentHash: string;
  /** The config generation and settings the file was checked with (see FolderState.key). */
  key: string;
  /** Derived from the diagnostics: an unchanged list keeps its id across edits and config reloads. */
  resultId: string;
  diagnostics: Diagnostic[];
  /** null: not an article (kept, so a rescan of it costs a read and a hash too). */
  article: DeskArticle | null;
}

export interface ScanStatus {
  /** Files checked in the current (or last) pass, and Markdown files it found. */
  scanned: number;
  total: number;
  complete: boolean;
}

interface FolderState {
  folder: Folder;
  name: string;
  settings: Settings;
  /** Everything besides the bytes that goes into a file's diagnostics: a change re-lints the folder. */
  key: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules']);
const MARKDOWN = /\.(md|markdown)$/i;

export function isMarkdownPath(file: string): boolean {
  return MARKDOWN.test(file);
}

/** Workspace folder names by URI, as the client gave them; the folder's base name otherwise. */
export class FolderNames {
  private readonly names = new Map<string, string>();

  add(folders: readonly WorkspaceFolder[] | null | undefined): void {
    for (const f of folders ?? []) if (typeof f.name === 'string' && f.name !== '') this.names.set(f.uri, f.name);
  }

  nameOf(folder: Folder | undefined): string {
    if (!folder) return '';
    return this.names.get(folder.uri) ?? path.basename(folder.path);
  }
}

/**
 * Every article in the workspace folders whose `muharrir.diagnostics.scope` is `workspace`,
 * checked in the background from disk. Bounded for 20,000 articles: the work goes in slices of
 * SLICE_MS, each file is kept as its diagnostics and desk summary only, and a file whose bytes,
 * config and settings are unchanged is not linted again. Open documents are not read from disk:
 * their buffers win, and the features that read this leave them to the open-document path.
 */
export class WorkspaceScan {
  private readonly entries = new Map<string, ScanEntry>();
  private readonly byUri = new Map<string, string>();
  private folders: FolderState[] = [];
  /** Folders still to list (a pass in progress), deepest last. */
  private dirs: { dir: string; state: FolderState }[] = [];
  /** Files still to check: a Set, so a watched-file event for a file already queued costs nothing. */
  private readonly files = new Set<string>();
  /**
   * The same files in the order they are taken (last first). Taking from the front of a Set
   * would walk past every entry deleted before it: quadratic over 20,000 files.
   */
  private order: string[] = [];
  /** Files whose consumers must hear of them even if unchanged (a document just closed). */
  private readonly forced = new Set<string>();
  /** Markdown files seen by the current pass; undefined when no pass runs. */
  private seen: Set<string> | undefined;
  private found = 0;
  private checked = 0;
  private timer: NodeJS.Immediate | undefined;
  private refreshRun = 0;
  /** A refresh is due or under way: what the scan holds may be about to change wholesale. */
  private stale = true;
  private readonly changedUris = new Set<string>();
  private readonly changed = new Emitter<string[]>();
  /** URIs whose entry appeared, changed its result or summary, or went away; once per slice. */
  readonly onDidChange: Event<string[]> = this.changed.event;
  private readonly progressed = new Emitter<ScanStatus>();
  /** After every slice of a pass, and once more when it completes. */
  readonly onProgress: Event<ScanStatus> = this.progressed.event;
  private readonly passStarted = new Emitter<void>();
  readonly onPassStart: Event<void> = this.passStarted.event;

  private markReady!: () => void;
  /** Settles when the first refresh has read the settings: before that, which folders are scanned is unknown. */
  readonly ready: Promise<void> = new Promise((resolve) => (this.markReady = resolve));

  constructor(
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
    private readonly names: FolderNames,
  ) {}

  /** Whether any folder is checked whole. */
  get active(): boolean {
    return this.folders.length > 0;
  }

  get status(): ScanStatus {
    const complete = !this.stale && this.seen === undefined && this.files.size === 0;
    if (this.seen) return { scanned: this.checked, total: Math.max(this.found, this.checked), complete };
    let articles = 0;
    for (const e of this.entries.values()) if (e.article) articles++;
    return { scanned: articles, total: articles, complete };
  }

  /** The entry of a file the scan covers; with `fresh`, checked first when it is waiting in the queue. */
  entryForUri(uri: string, fresh = false): ScanEntry | undefined {
    const p = this.byUri.get(uri) ?? uriToPath(uri);
    if (!p) return undefined;
    const file = path.resolve(p);
    if (fresh && this.files.has(file)) {
      this.files.delete(file);
      this.check(file);
      this.flush();
    }
    return this.entries.get(file);
  }

  /** The language of the scan's own messages (progress): the first scanned folder's. */
  get locale(): Locale {
    return resolveLocale(this.folders[0]?.settings ?? DEFAULT_SETTINGS, undefined, this.workspace.flags.uiLocale);
  }

  /** Every entry, articles and not (a snapshot: the scan goes on while the caller iterates). */
  all(): ScanEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Reads each folder's settings again and starts a full pass: after a settings or config change,
   * a folder added or removed. A pass started while another runs replaces it.
   */
  async refresh(): Promise<void> {
    const run = ++this.refreshRun;
    this.stale = true;
    const states: FolderState[] = [];
    for (const folder of this.workspace.folders) {
      const settings = await this.settings.forScope(folder.uri);
      if (!settings.enable || settings.diagnosticsScope !== 'workspace') continue;
      const key = JSON.stringify([this.configs.generation, settings.locale, settings.articles, settings.author ?? null]);
      states.push({ folder, name: this.names.nameOf(folder), settings, key });
    }
    if (run !== this.refreshRun) return;
    this.stale = false;
    this.markReady();
    this.folders = states;
    for (const file of [...this.entries.keys()]) if (!this.stateFor(file)) this.remove(file);
    // The pass lists every file again; a document closed meanwhile stays forced (see touch).
    this.files.clear();
    this.order = [];
    if (states.length === 0) {
      this.seen = undefined;
      this.dirs = [];
      this.flush();
      this.progressed.fire(this.status);
      return;
    }
    this.seen = new Set();
    this.found = 0;
    this.checked = 0;
    this.dirs = states.map((state) => ({ dir: state.folder.path, state }));
    this.passStarted.fire();
    this.schedule();
  }

  /** A refresh is coming (a debounced settings or config change): until it has started, the scan is not complete. */
  markStale(): void {
    this.stale = true;
  }

  /** A file changed, appeared or went away on disk (a watched-file event), or a document closed. */
  touch(file: string, force = false): void {
    const p = path.resolve(file);
    if (!isMarkdownPath(p) || !this.stateFor(p)) return;
    this.enqueue(p);
    if (force) this.forced.add(p);
    this.schedule();
  }

  /** A deleted path that may have been a folder: its files are checked again (and found gone). */
  removedTree(dir: string): void {
    const root = path.resolve(dir);
    for (const file of this.entries.keys()) if (file !== root && isInside(root, file)) this.enqueue(file);
    this.schedule();
  }

  private enqueue(file: string): void {
    if (this.files.has(file)) return;
    this.files.add(file);
    this.order.push(file);
  }

  private stateFor(file: string): FolderState | undefined {
    // The folder that owns the file is the innermost one; it may be one that is not scanned.
    const owner = this.workspace.folderForPath(file);
    return owner ? this.folders.find((s) => s.folder.uri === owner.uri) : undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    // vscode-jsonrpc reads each incoming message, and writes each outgoing one, in a setImmediate
    // turn of its own: with a slice after every turn, a reply would wait a slice for every message
    // queued ahead of it. A few idle turns between slices cost microseconds when nothing waits.
    let turns = YIELD_TURNS;
    const next = () => {
      this.timer = --turns > 0 ? setImmediate(next) : setImmediate(() => this.step());
    };
    this.timer = setImmediate(next);
  }

  private step(): void {
    this.timer = undefined;
    const deadline = performance.now() + SLICE_MS;
    try {
      do {
        const dir = this.dirs.pop();
        if (dir) {
          this.list(dir.dir, dir.state);
          continue;
        }
        const file = this.order.pop();
        if (file === undefined) break;
        // Already checked out of turn (entryForUri), or dropped by a refresh.
        if (!this.files.delete(file)) continue;
        this.check(file);
      } while (performance.now() < deadline);
    } catch (err) {
      this.workspace.connection.console.error(`[muharrir] workspace scan: ${describeError(err)}`);
    }
    const passOver = this.seen !== undefined && this.dirs.length === 0 && this.files.size === 0;
    if (passOver) this.finishPass();
    this.flush();
    // Also when a queue of single files drains: a pull waiting for the scan to settle wakes up.
    if (this.seen !== undefined || passOver || this.files.size === 0) this.progressed.fire(this.status);
    if (this.dirs.length > 0 || this.files.size > 0) this.schedule();
  }

  /** Lists one folder; symlinked folders are not entered (they can loop), as in the CLI. */
  private list(dir: string, state: FolderState): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
        // A nested workspace folder is its own folder, listed (or not) under its own settings.
        if (this.workspace.folderForPath(child)?.uri !== state.folder.uri) continue;
        this.dirs.push({ dir: child, state });
      } else if (isMarkdownPath(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && this.linkAllowed(child, state)))) {
        if (this.seen && !this.seen.has(child)) {
          this.seen.add(child);
          this.found++;
        }
        this.enqueue(child);
      }
    }
  }

  /** A linked file is read when it is a file and, in an untrusted workspace, really inside the folder. */
  private linkAllowed(file: string, state: FolderState): boolean {
    try {
      if (!fs.statSync(file).isFile()) return false;
    } catch {
      return false;
    }
    return this.configs.trusted || isReallyInside(state.folder.path, file);
  }

  private check(file: string): void {
    if (this.seen?.has(file)) this.checked++;
    const force = this.forced.delete(file);
    const state = this.stateFor(file);
    if (!state) return this.remove(file);
    // The open document is the truth while it is open; the disk is read again when it closes.
    if (this.workspace.isOpen(file)) return;
    let bytes: Buffer;
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return this.remove(file);
      bytes = fs.readFileSync(file);
    } catch {
      return this.remove(file);
    }
    const contentHash = sha1(bytes);
    const old = this.entries.get(file);
    if (old && old.contentHash === contentHash && old.key === state.key) {
      if (force) this.changedUris.add(old.uri);
      return;
    }
    const decoded = decodeArticle(bytes);
    const uri = pathToUri(file);
    const entry: ScanEntry = { path: file, uri, contentHash, key: state.key, resultId: 'none', diagnostics: [], article: null };
    if (!decoded.binary) this.lintInto(entry, decoded.text, state);
    this.entries.set(file, entry);
    this.byUri.set(uri, file);
    if (force || !old || old.resultId !== entry.resultId || !sameArticle(old.article, entry.article)) this.changedUris.add(uri);
  }

  private lintInto(entry: ScanEntry, text: string, state: FolderState): void {
    const { config } = this.configs.forDocument(entry.uri);
    const rel = path.relative(state.folder.path, entry.path).split(path.sep).join('/');
    if (!isArticle(rel, text, state.settings.articles ?? config.articles)) return;
    const locale = resolveLocale(state.settings, config, this.workspace.flags.uiLocale);
    const linted = lintForEditor(this.workspace, entry.uri, text, { config, locale, author: state.settings.author });
    if (!linted) {
      entry.article = null;
      return;
    }
    const { result, diagnostics } = linted;
    const { checklist, ...summary } = articleSummary(result.document, result.diagnostics, config.profile);
    // Copied through JSON: a title or a message cut from the text is a slice that would keep the whole text alive.
    const kept = JSON.parse(JSON.stringify({ diagnostics, summary })) as { diagnostics: Diagnostic[]; summary: typeof summary };
    entry.diagnostics = kept.diagnostics;
    entry.article = { ...kept.summary, checklist: checklist.map(internItem), uri: entry.uri, path: rel, folder: state.name };
    entry.resultId = 'w' + sha1(JSON.stringify(entry.diagnostics)).slice(0, 20);
  }

  private remove(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    this.entries.delete(file);
    if (this.byUri.get(old.uri) === file) this.byUri.delete(old.uri);
    this.changedUris.add(old.uri);
  }

  private finishPass(): void {
    const seen = this.seen!;
    this.seen = undefined;
    for (const file of [...this.entries.keys()]) if (!seen.has(file)) this.remove(file);
  }

  private flush(): void {
    if (this.changedUris.size === 0) return;
    const uris = [...this.changedUris];
    this.changedUris.clear();
    this.changed.fire(uris);
  }
}

/**
 * Checklist items are the same few objects over and over (five ids, ok or not, one label per
 * profile): 20,000 articles share them instead of holding five copies each.
 */
const ITEMS = new Map<string, ChecklistItem>();
function internItem(item: ChecklistItem): ChecklistItem {
  const key = `${item.id}\0${item.ok}\0${item.label.en}\0${item.label.ar}`;
  let shared = ITEMS.get(key);
  if (!shared) {
    if (ITEMS.size > 1000) ITEMS.clear();
    shared = item;
    ITEMS.set(key, shared);
  }
  return shared;
}

export function sameArticle(a: DeskArticle | null | undefined, b: DeskArticle | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return JSON.stringify(a) === JSON.stringify(b);
}
