/**
 * One preview webview: what it shows (an article or a template), how (width, view, problems,
 * lock), and the two ways its page changes. A full document (`webview.html`) is written when the
 * panel opens, moves to another article's folder, or the CSP changes (remote images allowed or
 * not); every other change — typing, new diagnostics, a toolbar choice — is a message that swaps
 * the content of `#muharrir-root` in place, so the page neither flickers nor loses its scroll.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Debouncer } from './debounce';
import type { FromWebview, ToWebview, ToolbarAction } from './messages';
import { parseWebviewMessage } from './messages';
import type { PanelState, ViewState } from './panelModel';
import { renderArticle, type PreviewDiagnostic, type RenderOptions, type RenderResult } from './render';
import { EchoGate } from './scrollMap';
import { toolbarHtml, withToolbar } from './toolbar';
import type { Locale } from '../../../server/src/engine/types';


/** A pause in typing this long renders the preview once. */
export const RENDER_DELAY_MS = 150;

export type PreviewSource = { kind: 'article'; uri: vscode.Uri } | { kind: 'template'; name: string; text: string };

export interface RenderSettings {
  locale: Locale;
  timeZone?: string;
  allowRemoteImages: boolean;
}

/** What a panel asks of the manager that owns it. */
export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  text(uri: vscode.Uri): Promise<string | undefined>;
  diagnostics(uri: vscode.Uri): PreviewDiagnostic[];
  settings(source: PreviewSource): RenderSettings;
  /** The first line a visible editor of `uri` shows, if one is visible. */
  editorTopLine(uri: vscode.Uri): number | undefined;
  /** The writer scrolled the preview to `line`: bring the editor along. */
  previewScrolled(panel: PreviewPanel, line: number): void;
  reveal(panel: PreviewPanel, line: number): void;
  openLink(panel: PreviewPanel, href: string): void;
  lockChanged(panel: PreviewPanel): void;
  disposed(panel: PreviewPanel): void;
}

function folderOf(source: PreviewSource): vscode.Uri | undefined {
  return source.kind === 'article' && source.uri.scheme !== 'untitled' ? vscode.Uri.joinPath(source.uri, '..') : undefined;
}

function sameFolder(a: PreviewSource, b: PreviewSource): boolean {
  const fa = folderOf(a);
  const fb = folderOf(b);
  return a.kind === b.kind && fa?.toString() === fb?.toString();
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export class PreviewPanel {
  /** The nonce and remote-image choice of the document the webview has now (its CSP). */
  private nonce = '';
  private remoteImages = false;
  private ready = false;
  private disposed = false;
  /** Renders are async (the text may need opening): only the newest one is shown. */
  private generation = 0;
  private readonly renderSoon = new Debouncer(() => void this.update(), RENDER_DELAY_MS);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Tells the editor's echo of a scroll we caused from a scroll of the writer's. */
  readonly editorGate = new EchoGate(() => Date.now(), 500, 1);
  /** The source line at the top of the preview, as last reported or synced. */
  line = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private current: PreviewSource,
    readonly view: ViewState,
    private readonly host: PanelHost,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw) => {
        const message = parseWebviewMessage(raw);
        if (message) this.onMessage(message);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.load();
  }

  get source(): PreviewSource {
    return this.current;
  }

  /** The article's URI as a string (the key of "one preview per article"); '' for a template. */
  get key(): string {
    return this.current.kind === 'article' ? this.current.uri.toString() : '';
  }

  /** Shows another article or template: in place when the page's resources stay the same, else reloaded. */
  retarget(source: PreviewSource): void {
    const reload = !sameFolder(this.current, source);
    this.current = source;
    this.line = 0;
    this.updateTitle();
    if (reload) void this.load();
    else void this.update(0);
  }

  /** The text or its diagnostics changed: render after a pause. */
  scheduleUpdate(): void {
    this.renderSoon.trigger();
  }

  setLocked(locked: boolean): void {
    this.view.locked = locked;
    this.updateTitle();
    void this.update();
  }

  scrollToLine(line: number): void {
    this.line = line;
    if (this.ready) void this.post({ type: 'scrollToLine', line });
  }

  /** Renders now: a message for the page, or a new document when the CSP must change. */
  async update(line?: number): Promise<void> {
    this.renderSoon.cancel();
    if (this.disposed || !this.ready) return; // the page asks when it is ready
    const settings = this.host.settings(this.current);
    if (settings.allowRemoteImages !== this.remoteImages) return this.load();
    const generation = ++this.generation;
    const result = await this.render(settings);
    if (!result || generation !== this.generation || this.disposed) return;
    await this.post({
      type: 'update',
      fragment: result.result.fragment,
      bodyClass: result.result.bodyClass,
      lang: result.result.lang,
      dir: result.result.dir,
      lineCount: result.lineCount,
      toolbar: { ...this.view },
      ...(this.current.kind === 'article' ? { state: this.savedState() } : {}),
      ...(line !== undefined ? { line } : {}),
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.renderSoon.cancel();
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
    this.host.disposed(this);
  }

  private savedState(): PanelState {
    return { uri: this.key, line: this.line, ...this.view };
  }

  private updateTitle(): void {
    const s = this.current;
    if (s.kind === 'template') {
      this.panel.title = vscode.l10n.t('Template: {0}', s.name);
      return;
    }
    const name = path.posix.basename(s.uri.path);
    this.panel.title = this.view.locked ? vscode.l10n.t('Preview {0} (locked)', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Writes the whole document (fresh nonce and CSP); the page then says it is ready. */
  private async load(): Promise<void> {
    if (this.disposed) return;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    const folder = folderOf(this.current);
    this.panel.webview.options = {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: folder ? [media, folder] : [media],
    };
    this.updateTitle();
    const settings = this.host.settings(this.current);
    const generation = ++this.generation;
    const nonce = randomBytes(18).toString('base64url');
    const rendered = await this.render(settings, nonce);
    if (!rendered || generation !== this.generation || this.disposed) return;
    this.nonce = nonce;
    this.remoteImages = settings.allowRemoteImages;
    this.ready = false;
    const toolbar = toolbarHtml({ ...this.view }, { locale: settings.locale, source: this.current.kind });
    this.panel.webview.html = withToolbar(rendered.result.html, toolbar, nonce);
  }

  private async render(settings: RenderSettings, nonce = this.nonce): Promise<{ result: RenderResult; lineCount: number } | undefined> {
    const s = this.current;
    const text = s.kind === 'article' ? await this.host.text(s.uri) : s.text;
    if (text === undefined) return undefined;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(media, ...parts)).toString();
    const folder = folderOf(s);
    const options: RenderOptions = {
      nonce: nonce || randomBytes(18).toString('base64url'),
      cspSource: webview.cspSource,
      fontUri: asset('fonts', 'arabic-400.woff2'),
      fontBoldUri: asset('fonts', 'arabic-700.woff2'),
      fontLatinUri: asset('fonts', 'latin-400.woff2'),
      fontLatinBoldUri: asset('fonts', 'latin-700.woff2'),
      scriptUri: asset('preview.js'),
      ...(folder ? { baseUri: webview.asWebviewUri(folder).toString() } : {}),
      allowRemoteImages: settings.allowRemoteImages,
      width: this.view.width,
      view: this.view.view,
      diagnostics: s.kind === 'article' ? this.host.diagnostics(s.uri) : [],
      showDiagnostics: this.view.showProblems,
      locale: settings.locale,
      now: new Date(),
      ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
      machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    return { result: renderArticle(text, options), lineCount: lineCount(text) };
  }

  private async post(message: ToWebview): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
  }

  private onMessage(m: FromWebview): void {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const top = this.current.kind === 'article' ? this.host.editorTopLine(this.current.uri) : undefined;
        void this.update(top ?? this.line);
        return;
      }
      case 'scrolled':
        this.line = m.line;
        this.host.previewScrolled(this, m.line);
        return;
      case 'reveal':
        this.host.reveal(this, m.line);
        return;
      case 'openLink':
        this.host.openLink(this, m.href);
        return;
      case 'toolbar':
        this.applyToolbar(m);
        return;
    }
  }

  private applyToolbar(a: ToolbarAction): void {
    switch (a.action) {
      case 'width':
        this.view.width = a.value;
        break;
      case 'view':
        this.view.view = a.value;
        break;
      case 'problems':
        this.view.showProblems = a.value;
        break;
      case 'lock':
        if (this.current.kind !== 'article') return;
        this.view.locked = a.value;
        this.updateTitle();
        this.host.lockChanged(this);
        break;
    }
    void this.update();
  }
}
