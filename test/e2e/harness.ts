// The end-to-end harness: real VS Code (code-server from npm) in Debian's Chromium, driven with
// playwright-core the way a writer drives it — Quick Open, the Problems panel, Ctrl+. , Ctrl+Space,
// the mouse for hovers. Everything waits on what the screen shows (locators), never on a timer.
//
// A spec file is a suite: one code-server and one browser for its scenarios, in order:
//
//   const suite = e2eSuite({ files: { 'articles/a.md': '…' } });
//   suite.scenario('the Problems panel lists rule ids', async (vs) => {
//     await vs.openFile('articles/a.md');
//     await vs.waitForProblem({ file: 'a.md', code: 'sources-missing' });
//     await vs.screenshot('problems', { docs: 'problems' });
//   });
//
// Environment: MUHARRIR_E2E_CODE_SERVER picks the code-server version (default DEFAULT_CODE_SERVER,
// installed by scripts/setup-e2e.sh into .e2e/code-server-<version>); UPDATE_SCREENSHOTS=1 rewrites
// the curated images in docs/images/ (otherwise only missing ones are written); KEEP_E2E=1 keeps
// the temporary editor folders (with VS Code's logs) for a look after the run; MUHARRIR_E2E_LOG=trace
// raises code-server's log level (the Muharrir channel then logs the LSP traffic too).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium';

export const ROOT = process.env.MUHARRIR_ROOT ?? path.resolve(__dirname, '../..');
export const DEFAULT_CODE_SERVER = '4.139.1';
export const CODE_SERVER_VERSION = process.env.MUHARRIR_E2E_CODE_SERVER || DEFAULT_CODE_SERVER;
/** Screenshots and logs of this run: test-results/e2e/code-server-<version>/. */
export const RESULTS = path.join(ROOT, 'test-results', 'e2e', `code-server-${CODE_SERVER_VERSION}`);
/** Curated screenshots for the README; written only from the default code-server version. */
export const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
/** How long one expectation may take to show on screen (the first one includes server start). */
export const TIMEOUT = Number(process.env.MUHARRIR_E2E_TIMEOUT_MS) || 30_000;

/** User settings of the test editor: no welcome pages, tips, AI panels or update checks. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Light Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'files.hotExit': 'off',
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.hover.delay': 300,
  'workbench.reduceMotion': 'on',
};

export interface SuiteOptions {
  /** Workspace files, relative path → text. */
  files: Record<string, string>;
  /** Extra user settings (merged over BASE_SETTINGS). */
  settings?: Record<string, unknown>;
  /** The workspace folder's name (shown in the window title and the Explorer). */
  folderName?: string;
}

export interface Problem {
  file: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

export interface ProblemQuery {
  file?: string;
  code?: string;
  /** Text (substring) or pattern the message must match. */
  message?: string | RegExp;
}

type Scenario = (vs: VSCode) => Promise<void>;

/**
 * Registers one code-server + browser for this spec file (started before its first scenario,
 * stopped after the last one, failures included) and returns `scenario(name, fn)`.
 */
export function e2eSuite(options: SuiteOptions): { scenario(name: string, fn: Scenario): void } {
  let vs: VSCode | undefined;
  let startError: unknown;
  before(async () => {
    try {
      vs = await VSCode.start(options);
    } catch (err) {
      startError = err;
      throw err;
    }
  });
  after(async () => {
    await vs?.stop();
  });
  return {
    scenario(name, fn) {
      test(name, { timeout: 4 * TIMEOUT }, async () => {
        if (!vs) throw startError ?? new Error('code-server did not start');
        try {
          await vs.reset();
          await fn(vs);
        } catch (err) {
          await vs.screenshot(`FAILED ${name}`).catch(() => {});
          throw err;
        }
      });
    },
  };
}

export class VSCode {
  private constructor(
    readonly page: Page,
    readonly workspace: string,
    readonly userDataDir: string,
    private readonly tmp: string,
    private readonly server: ChildProcess,
    private readonly browser: Browser,
  ) {}

  /** Installs the .vsix into a fresh code-server profile, starts it on loopback, opens the workspace. */
  static async start(options: SuiteOptions): Promise<VSCode> {
    const csDir = path.join(ROOT, '.e2e', `code-server-${CODE_SERVER_VERSION}`);
    if (!fs.existsSync(path.join(csDir, '.installed'))) {
      throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed: run \`bash scripts/setup-e2e.sh${
        CODE_SERVER_VERSION === DEFAULT_CODE_SERVER ? '' : ` ${CODE_SERVER_VERSION}`}\``);
    }
    const vsix = findVsix();
    fs.mkdirSync(RESULTS, { recursive: true });

    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-e2e-')));
    const workspace = path.join(tmp, options.folderName ?? 'newsroom');
    const extensionsDir = path.join(tmp, 'extensions');
    const userDataDir = path.join(tmp, 'user-data');
    for (const [rel, text] of Object.entries(options.files)) {
      fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
      fs.writeFileSync(path.join(workspace, rel), text);
    }
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2),
    );

    const node = path.join(csDir, 'node');
    const entry = path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    // code-server writes its config under XDG_CONFIG_HOME: keep it out of $HOME.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data') };
    const profile = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
    const install = spawnSync(node, [entry, '--install-extension', vsix, ...profile], { env, encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout)) {
      throw new Error(`installing ${path.basename(vsix)} failed (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);
    }

    const logFile = path.join(RESULTS, 'code-server.log');
    const log = fs.createWriteStream(logFile);
    const server = spawn(
      node,
      [entry, '--auth', 'none', '--bind-addr', '127.0.0.1:0', ...profile, '--disable-telemetry',
        '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        ...(process.env.MUHARRIR_E2E_LOG ? ['--log', process.env.MUHARRIR_E2E_LOG] : []), workspace],
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // code-server runs in its own process group: take it down with us, even on Ctrl+C.
    const killOnExit = () => killGroup(server, 'SIGKILL');
    const killOnSignal = (signal: NodeJS.Signals) => {
      killOnExit();
      if (!process.env.KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('exit', killOnExit);
    process.once('SIGINT', killOnSignal);
    process.once('SIGTERM', killOnSignal);
    server.once('exit', () => {
      process.removeListener('exit', killOnExit);
      process.removeListener('SIGINT', killOnSignal);
      process.removeListener('SIGTERM', killOnSignal);
    });
    server.stderr!.pipe(log);
    let browser: Browser | undefined;
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${TIMEOUT} ms:\n${out}`)), TIMEOUT);
        server.stdout!.on('data', (chunk: Buffer) => {
          log.write(chunk);
          out += chunk.toString();
          const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        server.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`code-server exited (${code}) before listening:\n${out}\nlog: ${logFile}`));
        });
      });

      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
      const vs = new VSCode(page, workspace, userDataDir, tmp, server, browser);
      await page.locator('.monaco-workbench .part.statusbar').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      return vs;
    } catch (err) {
      await browser?.close().catch(() => {});
      await stopProcess(server);
      if (!process.env.KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  /** Closes the browser, stops code-server (its whole process group) and removes the temporary folders. */
  async stop(): Promise<void> {
    await this.browser.close().catch(() => {});
    await stopProcess(this.server);
    if (process.env.KEEP_E2E) console.log(`# kept ${this.tmp}`);
    else fs.rmSync(this.tmp, { recursive: true, force: true });
  }

  /**
   * Between scenarios: dismiss menus and widgets, save what a scenario typed and close every
   * editor, so the next one starts from an empty editor area and a Problems panel that shows
   * only what it opens.
   */
  async reset(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await this.page.mouse.move(0, 0);
    const tabs = this.page.locator('.tabs-container .tab');
    if (!(await tabs.count())) return;
    await this.activeEditor().click({ position: { x: 5, y: 5 } }).catch(() => {});
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('S'); // File: Save All
    await this.page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached' });
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+W'); // View: Close All Editors
    await tabs.first().waitFor({ state: 'detached' });
  }

  // --- files and editors ---------------------------------------------------------------------

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(rel: string): Promise<Locator> {
    const input = await this.quickInput('Control+P');
    await input.fill(rel);
    const name = path.basename(rel);
    // Wait until the list has caught up with the query (the recent files show first).
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor();
    await input.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    const editor = this.activeEditor();
    await editor.locator('.view-lines').waitFor();
    return editor;
  }

  /** The text editor of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** The active editor's text as shown (its rendered lines, in order). */
  async editorText(): Promise<string> {
    const lines = await this.activeEditor().locator('.view-lines .view-line').evaluateAll((els) =>
      els
        .map((e: any) => ({ top: parseFloat(e.style.top) || 0, text: String(e.textContent ?? '') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text.replace(/\u00a0/g, ' ')),
    );
    return lines.join('\n');
  }

  /** Waits until the active editor shows `text` (substring or pattern). */
  async waitForText(text: string | RegExp, present = true): Promise<void> {
    await waitUntil(async () => {
      const shown = await this.editorText();
      return (typeof text === 'string' ? shown.includes(text) : text.test(shown)) === present;
    }, `the editor ${present ? 'to show' : 'to stop showing'} ${text}`);
  }

  /** Moves the cursor with Go to Line (Ctrl+G): 1-based line and column. */
  async goTo(line: number, column = 1): Promise<void> {
    const input = await this.quickInput('Control+G');
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor();
  }

  /** Puts the cursor just after the first occurrence of `text` on `line` (1-based). */
  async goToText(line: number, text: string, offset = 0): Promise<void> {
    const lineText = (await this.editorText()).split('\n')[line - 1] ?? '';
    const i = lineText.indexOf(text);
    if (i < 0) throw new Error(`line ${line} does not contain ${JSON.stringify(text)}: ${JSON.stringify(lineText)}`);
    await this.goTo(line, i + 1 + offset);
  }

  /** Types at the cursor, as a writer does. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  // --- commands --------------------------------------------------------------------------------

  /** Runs a command by its title from the Command Palette (F1), e.g. "Muharrir: Restart Server". */
  async runCommand(title: string): Promise<void> {
    await this.startCommand(title);
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Picks a command in the Command Palette without waiting for the palette to close: for commands
   * that ask their own questions in the same widget (follow with quickPick / inputBox).
   */
  async startCommand(title: string): Promise<void> {
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    // Right after start the palette may open before the extension's commands are registered; it
    // lists what it knew when opened, so it is opened again until the command is there.
    await waitUntil(async () => {
      const input = await this.quickInput('F1');
      // The widget seen open may be one that is closing (the last command's): then it is opened again.
      if (!(await input.fill(`>${title}`, { timeout: 3000 }).then(() => true, () => false))) return false;
      if (await row.waitFor({ timeout: 3000 }).then(() => true, () => false)) return true;
      await this.page.keyboard.press('Escape');
      return false;
    }, `the command ${title} in the Command Palette`);
    await row.click();
  }

  /** Waits for a command's Quick Pick or Input Box titled `title` and returns its text field. */
  async quickInputTitled(title: string | RegExp): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget', { has: this.page.locator('.quick-input-title', { hasText: title }) });
    await widget.waitFor();
    return widget.locator('input:not([type="checkbox"])').first();
  }

  /**
   * In the open Quick Pick: types `filter`, waits until the focused row shows `row` and picks it
   * with Enter.
   */
  async pickFromQuickPick(filter: string, row: string | RegExp): Promise<void> {
    const input = this.page.locator('.quick-input-widget input:not([type="checkbox"])').first();
    await input.fill(filter);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).first().waitFor();
    await input.press('Enter');
  }

  /** The validation message the open Input Box shows under its field (empty when none). */
  async quickInputMessage(): Promise<string> {
    return ((await this.page.locator('.quick-input-widget .quick-input-message').first().textContent()) ?? '').trim();
  }

  private async quickInput(key: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget input:not([type="checkbox"])').first();
    // A key pressed while a webview has focus reaches the workbench only once the webview has
    // forwarded it; on a loaded machine that can be lost. Press again until the widget shows.
    await waitUntil(async () => {
      if (await input.isVisible()) return true;
      await this.page.keyboard.press(key);
      return input.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
    }, `${key} to open the Quick Input`);
    return input;
  }

  // --- the Problems panel ----------------------------------------------------------------------

  /** Shows the Problems panel (Ctrl+Shift+M) and returns it. */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor();
    }
    return panel;
  }

  /** What the Problems panel shows now, grouped under their file rows. */
  async problems(): Promise<Problem[]> {
    const panel = await this.showProblems();
    const rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
      // No named functions in here: the page runs it as is, without tsx's helpers.
      els.map((e: any) => {
        const [file, message, source, code, position] = ['.label-name', '.marker-message', '.marker-source', '.marker-code', '.marker-line']
          .map((sel) => String(e.querySelector(sel)?.textContent ?? '').trim());
        return { top: parseFloat(e.style.top) || 0, level: Number(e.getAttribute('aria-level')), file, message, source, code, position };
      }),
    );
    rows.sort((a, b) => a.top - b.top);
    const out: Problem[] = [];
    let file = '';
    for (const r of rows) {
      if (r.level === 1) {
        file = r.file;
        continue;
      }
      const m = /Ln (\d+), Col (\d+)/.exec(r.position);
      out.push({ file, message: r.message, source: r.source, code: r.code, line: Number(m?.[1] ?? 0), column: Number(m?.[2] ?? 0) });
    }
    return out;
  }

  /** Waits until the Problems panel shows a problem matching `q` and returns it. */
  async waitForProblem(q: ProblemQuery): Promise<Problem> {
    let found: Problem | undefined;
    await waitUntil(async () => {
      found = (await this.problems()).find((p) => matches(p, q));
      return !!found;
    }, `a problem ${JSON.stringify(q, regexpJson)}`, () => this.problemsDump());
    return found!;
  }

  /** Waits until the Problems panel shows no problem matching `q`. */
  async waitForNoProblem(q: ProblemQuery): Promise<void> {
    await waitUntil(
      async () => !(await this.problems()).some((p) => matches(p, q)),
      `no problem ${JSON.stringify(q, regexpJson)}`,
      () => this.problemsDump(),
    );
  }

  private async problemsDump(): Promise<string> {
    return (await this.problems()).map((p) => `  ${p.file}: ${p.source}(${p.code}) ${p.message}`).join('\n') || '  (none)';
  }

  // --- editor widgets --------------------------------------------------------------------------

  /**
   * Opens the Quick Fix menu at the cursor (Ctrl+.) and waits for an action whose title matches;
   * returns it (applyQuickFix picks it).
   */
  async quickFixMenu(title: string | RegExp): Promise<Locator> {
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await waitUntil(async () => {
      if (!(await this.page.locator('.action-widget').first().isVisible())) {
        await this.page.keyboard.press('Control+.');
        await this.page.locator('.action-widget').first().waitFor({ timeout: 3000 }).catch(() => {});
      }
      if (await item.isVisible()) return true;
      await this.page.keyboard.press('Escape'); // code actions may not be computed yet: ask again
      return false;
    }, `a quick fix ${title}`);
    return item;
  }

  /**
   * Applies a quick fix from the Quick Fix menu at the cursor with the keyboard (arrows, Enter),
   * opening the menu first if needed.
   */
  async applyQuickFix(title: string | RegExp): Promise<void> {
    await this.quickFixMenu(title);
    const widget = this.page.locator('.action-widget').first();
    await this.pickWithKeyboard(widget.locator('.monaco-list-row.focused', { hasText: title }), `the quick fix ${title}`);
    await widget.waitFor({ state: 'hidden' });
  }

  /** Moves the focus down a list (menu, suggestions) until `focused` matches, then presses Enter. */
  private async pickWithKeyboard(focused: Locator, what: string): Promise<void> {
    let moves = 0;
    await waitUntil(async () => {
      if (await focused.isVisible()) return true;
      if (++moves > 30) throw new Error(`${what} is not in the list`);
      await this.page.keyboard.press('ArrowDown');
      return false;
    }, what);
    await this.page.keyboard.press('Enter');
  }

  /** Triggers completion at the cursor (Ctrl+Space) and waits for an item labelled `label`. */
  async completion(label: string): Promise<Locator> {
    const item = this.page.locator('.suggest-widget.visible .monaco-list-row', { hasText: label }).first();
    await waitUntil(async () => {
      if (!(await this.page.locator('.suggest-widget.visible').isVisible())) await this.page.keyboard.press('Control+Space');
      return item.isVisible();
    }, `a completion item ${label}`);
    return item;
  }

  /** Accepts the completion item labelled `label` (opening the list first if needed) with the keyboard. */
  async acceptCompletion(label: string): Promise<void> {
    await this.completion(label);
    const widget = this.page.locator('.suggest-widget.visible');
    await this.pickWithKeyboard(widget.locator('.monaco-list-row.focused', { hasText: label }), `the completion ${label}`);
    await widget.waitFor({ state: 'hidden' });
  }

  /** Hovers the mouse over the first token showing exactly `token` and returns the visible hover. */
  async hover(token: string, contains: string | RegExp): Promise<Locator> {
    const span = this.activeEditor().locator('.view-lines .view-line span span', { hasText: new RegExp(`^${escapeRegExp(token)}$`) }).first();
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: contains }).first();
    await waitUntil(async () => {
      await this.page.mouse.move(0, 0);
      await span.hover();
      return hover.waitFor({ timeout: 3000 }).then(() => true, () => false);
    }, `a hover over ${token} showing ${contains}`);
    return hover;
  }

  // --- settings and screenshots ----------------------------------------------------------------

  /**
   * Changes a user setting in the Settings editor, as a writer does: opens it (Command Palette),
   * searches for the key and picks `value` from its dropdown (enum settings), ticks its checkbox
   * (booleans) or types it (strings); then closes the Settings editor.
   */
  async setSetting(key: string, value: string | boolean): Promise<void> {
    await this.runCommand('Preferences: Open User Settings');
    const editor = this.page.locator('.settings-editor');
    await editor.waitFor();
    await this.page.keyboard.press('Control+A'); // the search box has the focus
    await this.page.keyboard.type(key);
    const row = editor.locator(`.setting-item-contents[data-key="${key}"]`);
    await row.waitFor();
    const select = row.locator('select');
    const checkbox = row.locator('.setting-value-checkbox');
    if (typeof value === 'boolean') {
      await waitUntil(async () => {
        if ((await checkbox.getAttribute('aria-checked')) === String(value)) return true;
        await checkbox.click();
        return false;
      }, `${key} to be ${value}`);
    } else if (await select.count()) {
      await waitUntil(async () => {
        if ((await select.inputValue()) === value) return true;
        const dropdown = this.page.locator('.monaco-select-box-dropdown-container');
        if (!(await dropdown.isVisible())) await select.click();
        await dropdown.locator('.monaco-list-row', { hasText: new RegExp(`^${escapeRegExp(value)}`) }).first().click();
        return false;
      }, `${key} to be ${value}`);
    } else {
      await row.locator('input, textarea').first().fill(value);
      await this.page.keyboard.press('Enter');
    }
    // Close it: a modal in recent VS Code (Escape), an editor tab in older ones (Close Editor).
    await editor.locator('.settings-header input, .settings-header textarea').first().focus();
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden', timeout: 3000 }).catch(async () => {
      await this.runCommand('View: Close Editor');
      await editor.waitFor({ state: 'hidden' });
    });
  }

  /**
   * Changes user settings by writing settings.json behind VS Code's back. Use it before an editor
   * reads them, not to test a change: code-server picks up the first outside edit of the file and
   * may miss later ones (setSetting goes through the Settings editor instead).
   */
  updateUserSettings(patch: Record<string, unknown>): void {
    const file = path.join(this.userDataDir, 'User', 'settings.json');
    const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete current[k];
      else current[k] = v;
    }
    fs.writeFileSync(file, JSON.stringify(current, null, 2));
  }

  /**
   * Saves a 1280×800 PNG of the window to test-results/e2e/…/<name>.png. With `docs`, also to
   * docs/images/<docs>.png — when UPDATE_SCREENSHOTS=1 or the image is missing, and only from the
   * default code-server version — so a CI run never dirties the tree.
   */
  async screenshot(name: string, options: { docs?: string } = {}): Promise<string> {
    const file = path.join(RESULTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' }); // hovers and menus fade in
    if (options.docs && CODE_SERVER_VERSION === DEFAULT_CODE_SERVER) {
      const target = path.join(DOCS_IMAGES, `${options.docs}.png`);
      if (process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(target)) {
        fs.mkdirSync(DOCS_IMAGES, { recursive: true });
        fs.copyFileSync(file, target);
      }
    }
    return file;
  }

  // --- webviews (the preview) --------------------------------------------------------------------

  /**
   * The frame of the webview whose page shows `selector` (optionally with `hasText`): webviews are
   * iframes inside iframes, so every frame of the page is looked at. A webview that reloads gets a
   * new frame: ask again after anything that may reload it.
   */
  async webviewFrame(selector: string, hasText?: string | RegExp): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || frame.isDetached()) continue;
        const n = await frame.locator(selector, hasText === undefined ? {} : { hasText }).count().catch(() => 0);
        if (n > 0) {
          found = frame;
          return true;
        }
      }
      return false;
    }, `a webview showing ${selector}${hasText === undefined ? '' : ` with ${hasText}`}`);
    return found!;
  }

  /** Waits until `check` holds in the webview frame found by `selector`, looking for the frame again if it reloaded. */
  async waitInWebview(selector: string, check: (frame: Frame) => Promise<boolean>, what: string): Promise<Frame> {
    let frame: Frame | undefined;
    await waitUntil(async () => {
      if (!frame || frame.isDetached()) frame = await this.webviewFrame(selector);
      return check(frame).catch(() => false);
    }, what);
    return frame!;
  }

  /** The first line (1-based) the active text editor shows, from its line numbers. */
  async editorTopLine(): Promise<number> {
    const numbers = await this.activeEditor().locator('.margin-view-overlays .line-numbers').evaluateAll((els) =>
      els
        .map((e: any) => ({ top: e.parentElement ? parseFloat(e.parentElement.style.top) || 0 : 0, n: Number(String(e.textContent ?? '').trim()) }))
        .filter((x) => x.n > 0)
        .sort((a, b) => a.top - b.top),
    );
    return numbers[0]?.n ?? 0;
  }
}

// --- helpers -------------------------------------------------------------------------------------

/**
 * Re-checks a condition on the screen until it holds or TIMEOUT passes; each check is itself a
 * screen read (no fixed sleeps: the short pause only spaces the reads).
 */
export async function waitUntil(check: () => Promise<boolean>, what: string, describe?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      const seen = describe ? `\nthe screen shows:\n${await describe().catch((e) => String(e))}` : '';
      throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}${seen}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function matches(p: Problem, q: ProblemQuery): boolean {
  if (q.file && p.file !== q.file) return false;
  if (q.code && p.code !== q.code) return false;
  if (q.message !== undefined) {
    if (typeof q.message === 'string' ? !p.message.includes(q.message) : !q.message.test(p.message)) return false;
  }
  return true;
}

function regexpJson(_key: string, value: unknown): unknown {
  return value instanceof RegExp ? String(value) : value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findVsix(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` (npm run test:e2e does)`);
  return vsix;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals, evenIfExited = false): void {
  if (child.pid === undefined) return;
  if (!evenIfExited && (child.exitCode !== null || child.signalCode !== null)) return;
  try {
    process.kill(-child.pid, signal); // the whole group: code-server, its extension host, our server
  } catch {
    /* already gone */
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return killGroup(child, 'SIGKILL', true);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL', true); // stragglers of the group
}
