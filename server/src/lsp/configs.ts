import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  Emitter,
  type Connection,
  type Diagnostic,
  type Event,
} from 'vscode-languageserver';
import { defaultConfig, type ConfigProblem, type Severity } from '../engine';
import { CONFIG_FILE, fileConfigHost, findConfigFile, loadConfigFile, type LoadedConfig } from '../node/configFiles';
import { runGuarded } from './guard';
import { resolveLocale, type SettingsStore } from './settings';
import { isConfigUri, uriToPath, type Workspace } from './workspace';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const DEFAULTS: LoadedConfig = Object.freeze({ config: defaultConfig(), problems: [] });

/**
 * Client → server, params `{ trusted: boolean }`: the workspace's trust changed. The initial
 * value is `initializationOptions.workspaceTrusted`; absent means untrusted.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'muharrir/workspaceTrust';

/**
 * `.muharrir.yaml` files by folder. Lookups are cached (every keystroke asks), and the whole cache
 * is dropped on any change to any config: configs are few and small, and `extends` makes
 * "which documents does this file affect" a question not worth answering precisely.
 */
export class ConfigStore {
  /** Directory → nearest config file (null: none up to the folder root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();
  /** Config files we have published problems on, so fixing or deleting them clears the list. */
  private readonly published = new Set<string>();
  private readonly publishRuns = new Map<string, number>();
  private gen = 0;
  private trust: boolean;
  private readonly changed = new Emitter<void>();
  /** Fired after the cache was dropped: everything linted with the old configs is stale. */
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
  ) {
    this.trust = workspace.flags.workspaceTrusted;
  }

  get generation(): number {
    return this.gen;
  }

  /**
   * Whether the workspace is trusted: then `extends` and pack folders may point anywhere, as in
   * the CLI. Untrusted (the default, until the client says otherwise), configs and packs are read
   * from inside the workspace folder only: a cloned repository must not make the editor read
   * files elsewhere on the writer's machine.
   */
  get trusted(): boolean {
    return this.trust;
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trust) return;
    this.trust = trusted;
    this.invalidate();
  }

  /** The config governing a document: the nearest file up to its workspace folder's root. */
  forDocument(uri: string): LoadedConfig {
    const file = uriToPath(uri);
    const folder = file ? this.workspace.folderForPath(file) : this.workspace.folders[0];
    // Untitled buffers (new articles from a template) follow the first folder's root config.
    const dir = file ? path.dirname(file) : folder?.path;
    if (!dir) return DEFAULTS;
    // A file outside every folder has no workspace to stay in: untrusted, only its own folder counts.
    const configFile = this.find(dir, folder?.path ?? (this.trust ? undefined : dir));
    return configFile ? this.load(configFile) : DEFAULTS;
  }

  /** Every file some loaded config was read from: edits to these invalidate the cache. */
  isKnownFile(file: string): boolean {
    const p = path.resolve(file);
    if (path.basename(p) === CONFIG_FILE) return true;
    for (const l of this.loaded.values()) if (l.config.files.includes(p)) return true;
    return false;
  }

  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
    this.gen++;
    for (const file of [...this.published]) {
      if (this.exists(file)) this.load(file);
      else this.publish(file, []);
    }
    this.changed.fire();
  }

  /** Loads a config the writer is editing, so its problems show even with no article open. */
  touch(file: string): void {
    if (this.exists(file)) this.load(path.resolve(file));
    else if (this.published.has(path.resolve(file))) this.publish(path.resolve(file), []);
  }

  private find(dir: string, stop: string | undefined): string | undefined {
    const key = path.resolve(dir);
    const hit = this.nearest.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const found = findConfigFile(key, stop, (f) => this.exists(f));
    this.nearest.set(key, found ?? null);
    return found;
  }

  private exists(file: string): boolean {
    if (this.workspace.isOpen(file)) return true;
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  }

  private load(file: string): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    const root = this.trust ? undefined : (this.workspace.folderForPath(file)?.path ?? path.dirname(file));
    const result = loadConfigFile(file, fileConfigHost(root, (f) => this.workspace.openText(f)));
    this.loaded.set(file, result);
    this.publishProblems(file, result);
    return result;
  }

  private publishProblems(file: string, loaded: LoadedConfig): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const f of [file, ...loaded.config.files]) byFile.set(path.resolve(f), []);
    for (const p of loaded.problems) {
      const key = path.resolve(p.file);
      byFile.set(key, [...(byFile.get(key) ?? []), p]);
    }
    for (const [f, problems] of byFile) {
      if (problems.length === 0 && !this.published.has(f)) continue;
      runGuarded(this.connection.console, 'publish config problems', async () => {
        const run = (this.publishRuns.get(f) ?? 0) + 1;
        this.publishRuns.set(f, run);
        const folder = this.workspace.folderForPath(f);
        const settings = await this.settings.forScope(folder?.uri);
        if (this.publishRuns.get(f) !== run) return;
        const locale = resolveLocale(settings, loaded.config, this.workspace.flags.uiLocale);
        this.publish(
          f,
          problems.map((p) => ({
            range: p.range,
            severity: SEVERITY[p.severity],
            code: 'config',
            source: 'muharrir',
            message: p.message[locale],
          })),
        );
      });
    }
  }

  private publish(file: string, diagnostics: Diagnostic[]): void {
    if (diagnostics.length) this.published.add(file);
    else this.published.delete(file);
    this.connection.sendDiagnostics({ uri: this.workspace.uriForPath(file), diagnostics });
  }
}

export function registerConfigSupport(connection: Connection, workspace: Workspace, configs: ConfigStore): void {
  const log = connection.console;
  const { documents } = workspace;

  // VS Code's Workspace Trust, granted (or, in other editors, set) while the server runs.
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: unknown) =>
    runGuarded(log, WORKSPACE_TRUST_NOTIFICATION, () => {
      const trusted = (params as { trusted?: unknown } | null | undefined)?.trusted;
      if (typeof trusted === 'boolean') configs.setTrusted(trusted);
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    runGuarded(log, 'didChangeWatchedFiles', () => {
      const relevant = params.changes.some((c) => {
        const p = uriToPath(c.uri);
        return p !== undefined && configs.isKnownFile(p);
      });
      if (relevant) configs.invalidate();
    }),
  );

  // An open config (or a file a config extends) is read from the buffer, so every edit counts.
  const onEdited = (uri: string, closing: boolean) =>
    runGuarded(log, 'config edit', () => {
      const p = uriToPath(uri);
      if (!p || !(isConfigUri(uri) || configs.isKnownFile(p))) return;
      // On close the buffer is already gone, so this rereads the disk: unsaved edits no longer count.
      configs.invalidate();
      if (isConfigUri(uri) && !closing) configs.touch(p);
    });
  documents.onDidChangeContent(({ document }) => onEdited(document.uri, false));
  documents.onDidClose(({ document }) => onEdited(document.uri, true));

  workspace.onInitialized(() =>
    runGuarded(log, 'register file watcher', async () => {
      if (workspace.flags.workspaceFolderChanges) {
        // Folder roots bound the config search, so a new or removed folder changes which config applies.
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          runGuarded(log, 'didChangeWorkspaceFolders', () => {
            workspace.addFolders(e.added, e.removed);
            configs.invalidate();
          }),
        );
      }
      if (workspace.flags.watchedFilesDynamic) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE}` }],
        });
      }
    }),
  );
}
