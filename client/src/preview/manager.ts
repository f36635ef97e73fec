/**
 * The preview side of the extension, bundled on its own (dist/preview.js) and loaded the first
 * time a preview is asked for, so activation never pays for the renderer. It keeps one preview
 * per article: unlocked previews follow the active article, locked ones stay; it feeds them the
 * text as the writer types and the language server's diagnostics, and keeps editor and preview
 * scrolled together.
 */
import * as vscode from 'vscode';
import { previewDiagnostics } from './diagnostics';
import { linkTarget } from './links';
import { NewsroomConfigs } from './newsroomConfig';
import { PREVIEW_VIEW_TYPE, TEMPLATE_VIEW_TYPE } from './ids';
import { PreviewPanel, type PanelHost, type PreviewSource, type RenderSettings } from './panel';
import { defaultViewState, planFollow, planOpen, previewLocale, readPanelState, type PanelSlot } from './panelModel';
import type { PreviewDiagnostic } from './render';

export interface PreviewDeps {
  /** Whether a document is a news article (the extension's own test: globs or frontmatter). */
  isArticle(doc: vscode.TextDocument): boolean;
  output?: vscode.LogOutputChannel;
}

/** A template as the preview needs it: `text` is the template with every default filled in. */
export interface PreviewableTemplate {
  name: string;
  text?: string;
  /** Used when `text` is absent (snippet syntax and all). */
  body?: string;
}

export interface ShowTemplateOptions {
  /** Keep the focus where it is (the picker that is highlighting templates). */
  preserveFocus?: boolean;
}

export function createPreviewManager(context: vscode.ExtensionContext, deps: PreviewDeps): PreviewManager {
  const manager = new PreviewManager(context, deps);
  context.subscriptions.push(manager);
  return manager;
}

function isPreviewable(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

export class PreviewManager implements vscode.Disposable, PanelHost {
  private readonly panels: PreviewPanel[] = [];
  private templatePanel: PreviewPanel | undefined;
  private readonly configs = new NewsroomConfigs();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly extensionUri: vscode.Uri;

  constructor(
    context: vscode.ExtensionContext,
    private readonly deps: PreviewDeps,
  ) {
    this.extensionUri = context.extensionUri;
    const watcher = vscode.workspace.createFileSystemWatcher('**/.muharrir.yaml');
    const configChanged = () => {
      this.configs.clear();
      this.all().forEach((p) => p.scheduleUpdate());
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(configChanged),
      watcher.onDidCreate(configChanged),
      watcher.onDidDelete(configChanged),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const key = e.document.uri.toString();
        this.panels.filter((p) => p.key === key).forEach((p) => p.scheduleUpdate());
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const changed = new Set(e.uris.map((u) => u.toString()));
        this.panels.filter((p) => changed.has(p.key)).forEach((p) => p.scheduleUpdate());
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('muharrir.preview.showProblems')) {
          const show = this.showProblemsDefault();
          for (const p of this.all()) p.view.showProblems = show;
        }
        if (e.affectsConfiguration('muharrir.preview') || e.affectsConfiguration('muharrir.locale')) {
          this.all().forEach((p) => void p.update());
        }
      }),
    );
  }

  // --- commands ----------------------------------------------------------------------------------

  /** Open Preview (in the active group) or Open Preview to the Side (keeping the editor focused). */
  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown article to preview it.'));
      return;
    }
    const plan = planOpen(this.slots(), target.toString());
    const source: PreviewSource = { kind: 'article', uri: target };
    if (plan.kind === 'reveal') {
      this.panels[plan.index].panel.reveal(undefined, toSide);
      return;
    }
    if (plan.kind === 'retarget') {
      const p = this.panels[plan.index];
      p.retarget(source);
      p.panel.reveal(undefined, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      '',
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false },
    );
    this.add(new PreviewPanel(panel, source, defaultViewState(this.showProblemsDefault()), this));
  }

  /** Locks or unlocks the active preview (the command and the editor-title button). */
  toggleLock(): void {
    const panel = this.panels.find((p) => p.panel.active) ?? (this.panels.length === 1 ? this.panels[0] : undefined);
    if (!panel) return;
    panel.setLocked(!panel.view.locked);
    this.lockChanged(panel);
  }

  /** A preview VS Code restores after a reload, from the state its page saved. */
  async deserialize(webviewPanel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = readPanelState(raw, this.showProblemsDefault());
    let uri: vscode.Uri | undefined;
    try {
      uri = state ? vscode.Uri.parse(state.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!state || !uri || this.panels.some((p) => p.key === uri!.toString())) {
      webviewPanel.dispose();
      return;
    }
    const view = { locked: state.locked, width: state.width, view: state.view, showProblems: state.showProblems };
    const panel = new PreviewPanel(webviewPanel, { kind: 'article', uri }, view, this);
    panel.line = state.line;
    this.add(panel);
  }

  /** Shows a template, rendered with its defaults, in the one template preview (created beside the editor). */
  showTemplate(template: PreviewableTemplate, options: ShowTemplateOptions = {}): void {
    const source: PreviewSource = { kind: 'template', name: template.name, text: template.text ?? template.body ?? '' };
    if (this.templatePanel) {
      this.templatePanel.retarget(source);
      this.templatePanel.panel.reveal(undefined, options.preserveFocus ?? false);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TEMPLATE_VIEW_TYPE,
      '',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: options.preserveFocus ?? false },
      { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false },
    );
    this.templatePanel = new PreviewPanel(panel, source, defaultViewState(false), this);
  }

  closeTemplate(): void {
    this.templatePanel?.dispose();
  }

  get hasTemplatePreview(): boolean {
    return this.templatePanel !== undefined;
  }

  dispose(): void {
    for (const p of this.all()) p.dispose();
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }

  // --- PanelHost -----------------------------------------------------------------------------------

  async text(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return (await vscode.workspace.openTextDocument(uri)).getText();
    } catch (err) {
      this.deps.output?.warn(`Muharrir preview: cannot read ${uri.toString(true)}: ${err instanceof Error ? err.message : String(err)}`);
      return '';
    }
  }

  diagnostics(uri: vscode.Uri): PreviewDiagnostic[] {
    return previewDiagnostics(vscode.languages.getDiagnostics(uri));
  }

  settings(source: PreviewSource): RenderSettings {
    const uri = source.kind === 'article' ? source.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
    const config = vscode.workspace.getConfiguration('muharrir', uri);
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    let newsroom: { locale?: 'ar' | 'en'; timeZone?: string } = {};
    if (source.kind === 'article' && uri?.scheme === 'file') newsroom = this.configs.forFile(uri.fsPath, folder?.uri.fsPath);
    else if (source.kind === 'template' && folder?.uri.scheme === 'file') {
      newsroom = this.configs.forFile(vscode.Uri.joinPath(folder.uri, 'article.md').fsPath, folder.uri.fsPath);
    }
    return {
      locale: previewLocale(config.get('locale'), newsroom.locale, vscode.env.language),
      ...(newsroom.timeZone ? { timeZone: newsroom.timeZone } : {}),
      allowRemoteImages: config.get<boolean>('preview.allowRemoteImages', false) === true,
    };
  }

  editorTopLine(uri: vscode.Uri): number | undefined {
    const editor = this.visibleEditors(uri)[0];
    return editor?.visibleRanges[0]?.start.line;
  }

  previewScrolled(panel: PreviewPanel, line: number): void {
    if (panel.source.kind !== 'article') return;
    const top = Math.floor(line);
    for (const editor of this.visibleEditors(panel.source.uri)) {
      if (editor.visibleRanges[0]?.start.line === top) continue;
      panel.editorGate.expect(top);
      editor.revealRange(new vscode.Range(top, 0, top, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  reveal(panel: PreviewPanel, line: number): void {
    if (panel.source.kind !== 'article') return;
    const uri = panel.source.uri;
    const at = new vscode.Range(Math.floor(line), 0, Math.floor(line), 0);
    const editor = this.visibleEditors(uri)[0];
    void vscode.workspace.openTextDocument(uri).then((doc) =>
      vscode.window.showTextDocument(doc, {
        viewColumn: editor?.viewColumn ?? vscode.ViewColumn.Beside,
        selection: at,
        preserveFocus: false,
      }),
    );
  }

  openLink(panel: PreviewPanel, href: string): void {
    const target = linkTarget(href);
    if (target.kind === 'external') {
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(target.url, true);
      } catch {
        return;
      }
      void vscode.env.openExternal(uri);
      return;
    }
    if (target.kind !== 'file' || panel.source.kind !== 'article' || panel.source.uri.scheme === 'untitled') return;
    const file = vscode.Uri.joinPath(panel.source.uri, '..', ...target.path.split('/').filter(Boolean));
    const editor = this.visibleEditors(panel.source.uri)[0];
    void vscode.commands.executeCommand('vscode.open', file, editor?.viewColumn ?? vscode.ViewColumn.Active);
  }

  lockChanged(panel: PreviewPanel): void {
    // Unlocking a preview of another article than the active one: it follows from now on.
    if (!panel.view.locked) this.follow(vscode.window.activeTextEditor);
  }

  disposed(panel: PreviewPanel): void {
    if (panel === this.templatePanel) this.templatePanel = undefined;
    const i = this.panels.indexOf(panel);
    if (i !== -1) this.panels.splice(i, 1);
  }

  // --- following and scrolling -----------------------------------------------------------------------

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isPreviewable(editor.document) || !this.deps.isArticle(editor.document)) return;
    const index = planFollow(this.slots(), editor.document.uri.toString());
    if (index === undefined) return;
    this.panels[index].retarget({ kind: 'article', uri: editor.document.uri });
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    const top = e.visibleRanges[0]?.start.line;
    if (top === undefined) return;
    const key = e.textEditor.document.uri.toString();
    for (const panel of this.panels) {
      if (panel.key !== key || !panel.panel.visible) continue;
      if (panel.editorGate.isEcho(top)) continue;
      panel.scrollToLine(top);
    }
  }

  private visibleEditors(uri: vscode.Uri): vscode.TextEditor[] {
    const key = uri.toString();
    return vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
  }

  private slots(): PanelSlot[] {
    return this.panels.map((p) => ({ uri: p.key, locked: p.view.locked }));
  }

  private all(): PreviewPanel[] {
    return this.templatePanel ? [...this.panels, this.templatePanel] : [...this.panels];
  }

  private add(panel: PreviewPanel): void {
    this.panels.push(panel);
  }

  private showProblemsDefault(): boolean {
    return vscode.workspace.getConfiguration('muharrir').get<boolean>('preview.showProblems', true) !== false;
  }
}
