import { DidChangeConfigurationNotification, Emitter, type Connection, type Event } from 'vscode-languageserver';
import type { Locale, ResolvedConfig } from '../engine';
import type { DiagnosticsScope } from './deskProtocol';
import { describeError, runGuarded } from './guard';
import type { ClientFlags, Workspace } from './workspace';

/** The `muharrir.*` settings the server reads (the client-only ones, like trace, are ignored). */
export interface Settings {
  locale: 'auto' | 'ar' | 'en';
  /** null when unset or empty: the folder's `.muharrir.yaml` (or the defaults) decide. */
  articles: string[] | null;
  author: string | undefined;
  enable: boolean;
  /** Folders of team snippet packs, relative to the workspace folder (`muharrir.snippetPacks`). */
  snippetPacks: string[];
  /** `muharrir.diagnostics.scope`: check only open articles, or every article in the folder. */
  diagnosticsScope: DiagnosticsScope;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ locale: 'auto', articles: null, author: undefined, enable: true, snippetPacks: [], diagnosticsScope: 'openFiles' });

/** Reads settings from whatever shape a client sends: VS Code, Neovim's `settings`, Helix's `config`. */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!raw || typeof raw !== 'object') return base;
  const o = raw as Record<string, unknown>;
  // Some clients send the whole settings tree (`{muharrir: {...}}`), some only our section.
  const s = o.muharrir && typeof o.muharrir === 'object' ? (o.muharrir as Record<string, unknown>) : o;
  const locale = s.locale === 'ar' || s.locale === 'en' || s.locale === 'auto' ? s.locale : base.locale;
  const articles = Array.isArray(s.articles)
    ? s.articles.filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    : undefined;
  return {
    locale,
    articles: articles === undefined ? base.articles : articles.length ? articles : null,
    author: typeof s.author === 'string' ? (s.author.trim() || undefined) : base.author,
    enable: typeof s.enable === 'boolean' ? s.enable : base.enable,
    snippetPacks: Array.isArray(s.snippetPacks)
      ? s.snippetPacks.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim())
      : base.snippetPacks,
    diagnosticsScope: readScope(s) ?? base.diagnosticsScope,
  };
}

/** VS Code answers `{diagnostics: {scope}}`; a hand-written Neovim or Helix config may use the dotted key. */
function readScope(s: Record<string, unknown>): DiagnosticsScope | undefined {
  const nested = s.diagnostics && typeof s.diagnostics === 'object' ? (s.diagnostics as Record<string, unknown>).scope : undefined;
  const value = nested ?? s['diagnostics.scope'];
  return value === 'openFiles' || value === 'workspace' ? value : undefined;
}

/** DESIGN §3: `auto` defers to the newsroom's config, then to the editor's own language. */
export function resolveLocale(settings: Settings, config: ResolvedConfig | undefined, uiLocale: string | undefined): Locale {
  if (settings.locale !== 'auto') return settings.locale;
  if (config && config.locale !== 'auto') return config.locale;
  return uiLocale?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/** A client that claims `workspace/configuration` but never answers must not stall every lint. */
const CONFIGURATION_TIMEOUT_MS = 3000;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings the client pushed (initializationOptions, didChangeConfiguration) rather than answered. */
  private pushed: Settings;
  private readonly changed = new Emitter<void>();
  readonly onDidChange: Event<void> = this.changed.event;

  constructor(
    private readonly connection: Connection,
    private readonly flags: ClientFlags,
    initializationOptions: unknown,
  ) {
    const init = initializationOptions && typeof initializationOptions === 'object' ? (initializationOptions as Record<string, unknown>) : {};
    this.pushed = parseSettings(init.settings);
  }

  /** Settings for a workspace folder (by URI), or the global ones when the document is in none. */
  forScope(scopeUri: string | undefined): Promise<Settings> {
    if (!this.flags.configuration) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.fetch(scopeUri);
      this.cache.set(key, p);
    }
    return p;
  }

  private async fetch(scopeUri: string | undefined): Promise<Settings> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: 'muharrir' } : { section: 'muharrir' }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer to workspace/configuration')), CONFIGURATION_TIMEOUT_MS);
        }),
      ]);
      return parseSettings(answer, this.pushed);
    } catch (err) {
      this.connection.console.warn(`[muharrir] settings unavailable, using defaults: ${describeError(err)}`);
      return this.pushed;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** didChangeConfiguration: clients that push settings put them in the notification itself. */
  changedByClient(settings: unknown): void {
    if (settings && typeof settings === 'object' && 'muharrir' in settings) {
      this.pushed = parseSettings((settings as Record<string, unknown>).muharrir, this.pushed);
    }
    this.cache.clear();
    this.changed.fire();
  }
}

export function registerSettingsSupport(connection: Connection, workspace: Workspace, settings: SettingsStore): void {
  const log = connection.console;
  connection.onDidChangeConfiguration((params) => runGuarded(log, 'didChangeConfiguration', () => settings.changedByClient(params.settings)));
  workspace.onInitialized(() =>
    runGuarded(log, 'register didChangeConfiguration', async () => {
      if (workspace.flags.didChangeConfigurationDynamic) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'muharrir' });
      }
    }),
  );
}
