// The Newsroom view (activity bar): the desk's articles from the language server, drawn from
// model.ts's rows. It asks the server only while it is visible, so registering it at activation
// costs nothing; the first time it shows, it starts the server (the editor asked for the desk).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DESK_CHANGED_NOTIFICATION, DESK_REQUEST, type DeskParams, type DeskResult, type DiagnosticsScope } from '../../../server/src/lsp/deskProtocol';
import { NEWSROOM_COMMANDS, NEWSROOM_CONTEXT, NEWSROOM_VIEW } from './ids';
import { bidiAfter, countOf, deskLocale, t, type Locale } from './labels';
import { applyDesk, deskView, isFiltered, NO_FILTER, type ChecklistRow, type DeskFilter, type DeskRow, type DeskState, type GroupBy, type HeldDesk } from './model';

/** workspaceState: the grouping last chosen in this workspace. */
const GROUP_BY_KEY = 'muharrir.newsroom.groupBy';

/**
 * How long after the server's `deskChanged` the view asks again: soon while the writer types; less
 * often while a workspace scan is running, when every answer lists the whole (growing) desk.
 */
const RELOAD_DELAY_MS = 250;
const RELOAD_WHILE_SCANNING_MS = 2000;

export interface NewsroomDeps {
  ensureClient(): Promise<LanguageClient>;
  output: vscode.LogOutputChannel;
}

export function registerNewsroom(context: vscode.ExtensionContext, deps: NewsroomDeps): void {
  const provider = new NewsroomProvider(context, deps);
  const view = vscode.window.createTreeView(NEWSROOM_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const c = NEWSROOM_COMMANDS;
  context.subscriptions.push(
    view,
    provider,
    vscode.commands.registerCommand(c.refresh, () => provider.load()),
    vscode.commands.registerCommand(c.groupBySection, () => provider.setGroupBy('section')),
    vscode.commands.registerCommand(c.groupByStatus, () => provider.setGroupBy('status')),
    vscode.commands.registerCommand(c.onlyErrors, () => provider.setFilter({ onlyErrors: !provider.filter.onlyErrors })),
    vscode.commands.registerCommand(c.onlyNotReady, () => provider.setFilter({ onlyNotReady: !provider.filter.onlyNotReady })),
    vscode.commands.registerCommand(c.clearFilters, () => provider.setFilter(NO_FILTER)),
    vscode.commands.registerCommand(c.filterText, async () => {
      const locale = provider.locale();
      const text = await vscode.window.showInputBox({
        title: t('filterTitle', locale),
        prompt: t('filterPrompt', locale),
        placeHolder: t('filterPlaceholder', locale),
        value: provider.filter.text,
      });
      if (text !== undefined) provider.setFilter({ text });
    }),
    vscode.commands.registerCommand(c.checkWorkspace, async () => {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('muharrir').update('diagnostics.scope', 'workspace', target);
      provider.load();
    }),
  );
}

class NewsroomProvider implements vscode.TreeDataProvider<DeskRow | ChecklistRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view?: vscode.TreeView<DeskRow | ChecklistRow>;
  private result?: DeskResult;
  private held?: HeldDesk;
  private error?: string;
  private rows: DeskRow[] = [];
  private groupBy: GroupBy;
  filter: DeskFilter = NO_FILTER;
  /** The server said the desk changed while the view was hidden: ask again when it shows. */
  private stale = true;
  private listening?: LanguageClient;
  private requests = 0;
  private reload?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: NewsroomDeps,
  ) {
    this.groupBy = context.workspaceState.get<GroupBy>(GROUP_BY_KEY) === 'section' ? 'section' : 'status';
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('muharrir.diagnostics.scope')) this.serverChanged();
        else if (e.affectsConfiguration('muharrir.locale')) this.render();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.serverChanged()),
      { dispose: () => clearTimeout(this.reload) },
    );
  }

  attach(view: vscode.TreeView<DeskRow | ChecklistRow>): void {
    this.view = view;
    this.disposables.push(view.onDidChangeVisibility((e) => e.visible && this.stale && this.load()));
    void this.setContexts();
    this.render();
    if (view.visible) this.load();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  locale() {
    return deskLocale(vscode.workspace.getConfiguration('muharrir').get('locale'), this.result?.locale, vscode.env.language);
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    void this.context.workspaceState.update(GROUP_BY_KEY, by);
    void this.setContexts();
    this.render();
  }

  setFilter(patch: Partial<DeskFilter>): void {
    this.filter = { ...this.filter, ...patch };
    void this.setContexts();
    this.render();
  }

  /** Asks the server for the desk (starting it if needed) and redraws. */
  load(): void {
    clearTimeout(this.reload);
    this.reload = undefined;
    this.stale = false;
    if (!vscode.workspace.workspaceFolders?.length) {
      // The welcome view (package.json) offers to open a folder.
      this.result = undefined;
      this.held = undefined;
      this.error = undefined;
      this.render();
      return;
    }
    const request = ++this.requests;
    void (async () => {
      try {
        const client = await this.deps.ensureClient();
        if (this.listening !== client) {
          this.listening = client;
          this.held = undefined;
          this.disposables.push(client.onNotification(DESK_CHANGED_NOTIFICATION, () => this.serverChanged()));
        }
        // Only what changed since the desk held: one article's new counts, not all 20,000 again.
        const params: DeskParams = this.held ? { since: this.held.result.generation } : {};
        const answer = await client.sendRequest<DeskResult>(DESK_REQUEST, params);
        if (request !== this.requests) return;
        this.held = applyDesk(this.held, answer);
        this.result = this.held.result;
        this.error = undefined;
      } catch (err) {
        if (request !== this.requests) return;
        this.error = err instanceof Error ? err.message : String(err);
        this.deps.output.warn(`Muharrir: the Newsroom view could not get the desk: ${this.error}`);
      }
      this.render();
    })();
  }

  /** At most one reload per delay (a throttle: the server keeps notifying during a scan). */
  private serverChanged(): void {
    if (!this.view?.visible) {
      this.stale = true;
      return;
    }
    const scanning = this.result !== undefined && !this.result.complete;
    this.reload ??= setTimeout(() => this.load(), scanning ? RELOAD_WHILE_SCANNING_MS : RELOAD_DELAY_MS);
  }

  private scope(): DiagnosticsScope {
    return vscode.workspace.getConfiguration('muharrir').get('diagnostics.scope') === 'workspace' ? 'workspace' : 'openFiles';
  }

  private render(): void {
    const locale = this.locale();
    if (!vscode.workspace.workspaceFolders?.length) {
      this.rows = [];
    } else {
      const state: DeskState = {
        scope: this.scope(),
        groupBy: this.groupBy,
        filter: this.filter,
        locale,
        ...(this.result ? { result: this.result } : {}),
        ...(this.error !== undefined ? { error: this.error } : {}),
      };
      const shown = deskView(state);
      this.rows = shown.rows;
      if (this.view) {
        this.view.description = shown.description;
        this.view.message = shown.message;
        const withErrors = this.result?.articles.filter((a) => a.counts.errors > 0).length ?? 0;
        this.view.badge = withErrors ? { value: withErrors, tooltip: t('withErrorsBadge', locale, countOf('articles', withErrors, locale)) } : undefined;
      }
    }
    void vscode.commands.executeCommand('setContext', NEWSROOM_CONTEXT.loaded, !!this.result && this.error === undefined);
    this.changed.fire(undefined);
  }

  private async setContexts(): Promise<void> {
    await vscode.commands.executeCommand('setContext', NEWSROOM_CONTEXT.groupBy, this.groupBy);
    await vscode.commands.executeCommand('setContext', NEWSROOM_CONTEXT.filtered, isFiltered(this.filter));
  }

  getChildren(element?: DeskRow | ChecklistRow): (DeskRow | ChecklistRow)[] {
    if (!element) return this.rows;
    if (element.kind === 'group') return element.rows;
    if (element.kind === 'article') return element.checklist;
    return [];
  }

  getTreeItem(row: DeskRow | ChecklistRow): vscode.TreeItem {
    const None = vscode.TreeItemCollapsibleState.None;
    const locale: Locale = this.locale();
    switch (row.kind) {
      case 'scopeOffer': {
        const item = new vscode.TreeItem(row.label, None);
        item.id = 'scopeOffer';
        item.description = bidiAfter(row.description, locale);
        item.tooltip = row.tooltip;
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { command: NEWSROOM_COMMANDS.checkWorkspace, title: row.label };
        return item;
      }
      case 'notice': {
        const item = new vscode.TreeItem(row.label, None);
        item.id = `notice:${row.label}`;
        item.iconPath = new vscode.ThemeIcon(row.showOutput ? 'warning' : 'info');
        if (row.tooltip) item.tooltip = row.tooltip;
        if (row.showOutput) item.command = { command: 'muharrir.showOutput', title: row.tooltip ?? row.label };
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = row.id;
        item.description = bidiAfter(row.description, locale);
        item.tooltip = row.tooltip;
        item.contextValue = 'group';
        return item;
      }
      case 'article': {
        const uri = vscode.Uri.parse(row.uri);
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = row.id;
        // The file's own decorations (its problem count and colour, as in the Explorer) come with it.
        item.resourceUri = uri;
        item.description = bidiAfter(row.description, locale);
        const tooltip = new vscode.MarkdownString(row.tooltip, true);
        tooltip.isTrusted = false;
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(row.icon, new vscode.ThemeColor(ICON_COLORS[row.icon]));
        item.command = { command: 'vscode.open', title: row.label, arguments: [uri] };
        item.contextValue = 'article';
        return item;
      }
      case 'check': {
        const item = new vscode.TreeItem(row.label, None);
        item.id = row.id;
        item.tooltip = row.tooltip;
        item.contextValue = row.ok ? 'checkDone' : 'checkOpen';
        return item;
      }
    }
  }
}

const ICON_COLORS = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  pass: 'testing.iconPassed',
  'circle-large-outline': 'descriptionForeground',
} as const;
