import { DiagnosticSeverity, Emitter, type Diagnostic, type Event } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isArticle, lint, ruleDocsUrl, type EngineDiagnostic, type LintOptions, type LintResult, type Locale, type ResolvedConfig } from '../engine';
import { SEVERITY, type ConfigStore } from './configs';
import { describeError } from './guard';
import { resolveLocale, type Settings, type SettingsStore } from './settings';
import { isMarkdown, type Workspace } from './workspace';

/**
 * Full lint results (parsed document, line index, fixes) are kept for this many recently analysed
 * documents; older open documents keep only their diagnostics and are linted again when a code
 * action, completion or folding asks. A writer works in a few files; a project opened whole
 * (1,000 articles) must not hold 1,000 parse trees.
 */
export const KEEP_RESULTS = 8;

/** A first article larger than this is not rehearsed on: the next smaller one is. */
const MAX_REHEARSAL_CHARS = 256 * 1024;
/**
 * How many keystrokes the first opening rehearses (one of each key below), and the most time it
 * may spend on them. With V8 optimizing sooner (v8Tiering.ts), twelve were no better than four
 * over stdio (pooled 2,000-word pull p95 9.07 vs 8.35 ms, ten paired rounds) and cost the first
 * opening 56 ms, four 20 ms.
 */
const REHEARSAL_EDITS = 4;
const REHEARSAL_BUDGET_MS = 30;
/** What a writer types most: a letter (ن), a space, an Arabic comma; every fourth a deletion. */
const REHEARSAL_KEYS = ['\u0646', ' ', '\u060C', ''];

/** The `n`th rehearsal keystroke applied to `text`: at a place spread over the body, never between lines. */
function rehearsalEdit(text: string, bodyStart: number, n: number): string {
  const span = text.length - bodyStart;
  if (span < 2) return text + REHEARSAL_KEYS[0];
  let at = bodyStart + Math.floor((span * ((n * 7 + 3) % 11)) / 11);
  while (at < text.length - 1 && (text[at] === '\n' || text[at] === '\r' || text[at - 1] === '\n' || text[at - 1] === '\r')) at++;
  const key = REHEARSAL_KEYS[n % REHEARSAL_KEYS.length];
  return key === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + key + text.slice(at);
}

/** Larger documents are not linted at all: no article is this big, and every keystroke would pay for it. */
export const MAX_ARTICLE_CHARS = 5 * 1024 * 1024;

/** One document at one version under one config and settings generation. */
export interface Analysis {
  uri: string;
  version: number;
  /** Changes whenever anything that went into the analysis changes; the pull `resultId`. */
  resultId: string;
  article: boolean;
  locale: Locale;
  settings: Settings;
  config: ResolvedConfig;
  /** What `lint` was called with, for fix-all to lint again with the same inputs. */
  lintOptions: LintOptions;
  /** Absent for non-articles and for documents too large to lint. */
  result?: LintResult;
  diagnostics: Diagnostic[];
}

const RLI = '\u2067';
const PDI = '\u2069';

/** An Arabic message as a right-to-left isolate (see `ClientFlags.rtlIsolates`). */
export function isolateRtl(message: string, locale: Locale, enabled: boolean): string {
  return enabled && locale === 'ar' ? RLI + message + PDI : message;
}

export function toLspDiagnostic(d: EngineDiagnostic, locale: Locale, rtlIsolates = false): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocsUrl(d.rule) },
    source: 'muharrir',
    message: isolateRtl(d.messages[locale] ?? d.message, locale, rtlIsolates),
    data: { rule: d.rule },
  };
}

/**
 * `lint` as the server runs it for an open document or a file of the workspace scan: rules that
 * threw and a lint that threw are logged, never fatal (undefined), and the diagnostics are LSP's.
 */
export function lintForEditor(
  workspace: Workspace,
  uri: string,
  text: string,
  options: LintOptions & { locale: Locale },
): { result: LintResult; diagnostics: Diagnostic[] } | undefined {
  try {
    const result = lint(text, options);
    for (const e of result.internalErrors) workspace.connection.console.error(`[muharrir] rule ${e.rule} failed on ${uri}: ${e.error}`);
    return { result, diagnostics: result.diagnostics.map((d) => toLspDiagnostic(d, options.locale, workspace.flags.rtlIsolates)) };
  } catch (err) {
    workspace.connection.console.error(`[muharrir] lint failed on ${uri}: ${describeError(err)}`);
    return undefined;
  }
}

function tooLargeDiagnostic(locale: Locale, rtlIsolates: boolean): Diagnostic {
  const message = {
    en: 'This file is larger than 5 MB, so Muharrir does not check it. Split the article or remove pasted data.',
    ar: 'هذا الملف أكبر من 5 ميغابايت، لذلك لا يفحصه محرّر. قسّم الخبر أو احذف البيانات الملصقة فيه.',
  };
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: 'muharrir',
    message: isolateRtl(message[locale], locale, rtlIsolates),
    data: { rule: 'file-too-large' },
  };
}

/**
 * Which documents are articles and what the engine says about them, cached per
 * (uri, version, config generation, settings generation): diagnostics, code actions, completion
 * and hover for one keystroke share a single lint.
 */
export class ArticleStore {
  private readonly cache = new Map<string, Analysis>();
  /** Uris with a full result, least recently analysed first. */
  private readonly recent = new Set<string>();
  /** Uris whose cached analysis had its result dropped to save memory. */
  private readonly slim = new Set<string>();
  private settingsGeneration = 0;
  private readonly invalidated = new Emitter<void>();
  /** Every cached analysis is stale: a config or a setting changed. */
  readonly onDidInvalidate: Event<void> = this.invalidated.event;
  private readonly analyzed = new Emitter<Analysis>();
  private readonly turns = new Turns();
  /** Whether a keystroke's lint was rehearsed in this process (see rehearse). */
  private rehearsed = false;
  readonly onDidAnalyze: Event<Analysis> = this.analyzed.event;

  constructor(
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
  ) {
    settings.onDidChange(() => {
      this.settingsGeneration++;
      this.invalidated.fire();
    });
    configs.onDidChange(() => this.invalidated.fire());
    workspace.documents.onDidClose(({ document }) => {
      this.cache.delete(document.uri);
      this.recent.delete(document.uri);
      this.slim.delete(document.uri);
    });
  }

  private get generation(): string {
    return `${this.configs.generation}.${this.settingsGeneration}`;
  }

  /** The analysis of the document as it is now; undefined for documents that are not Markdown. */
  async analyze(document: TextDocument, needResult = false): Promise<Analysis | undefined> {
    if (!isMarkdown(document)) return undefined;
    const uri = document.uri;
    // Settings come from the client asynchronously; a change that lands meanwhile means asking again.
    let settings: Settings;
    let generation: string;
    let tries = 0;
    do {
      generation = this.generation;
      settings = await this.settings.forScope(this.workspace.folderForUri(uri)?.uri);
      if (this.cachedFor(uri, `${document.version}:${generation}`, needResult)) break;
      // Only requests ask for the full result: one is waiting, so its lint goes first.
      await this.turns.next(needResult);
    } while (generation !== this.generation && ++tries < 3);
    if (this.workspace.documents.get(uri) === undefined) return undefined;

    const resultId = `${document.version}:${generation}`;
    const cached = this.cachedFor(uri, resultId, needResult);
    if (cached) return cached;
    // Synchronous from here: the text and the version read together, the lint done before any await.
    const analysis = this.compute(document, settings, resultId);
    this.cache.set(uri, analysis);
    this.keep(uri, analysis);
    this.analyzed.fire(analysis);
    return analysis;
  }

  private cachedFor(uri: string, resultId: string, needResult: boolean): Analysis | undefined {
    const cached = this.cache.get(uri);
    return cached?.resultId === resultId && !(needResult && this.slim.has(uri)) ? cached : undefined;
  }

  private compute(document: TextDocument, settings: Settings, resultId: string): Analysis {
    const uri = document.uri;
    const text = document.getText();
    const { config } = this.configs.forDocument(uri);
    const locale = resolveLocale(settings, config, this.workspace.flags.uiLocale);
    const lintOptions: LintOptions = { config, locale, author: settings.author };
    const base: Analysis = {
      uri,
      version: document.version,
      resultId,
      article: false,
      locale,
      settings,
      config,
      lintOptions,
      diagnostics: [],
    };
    if (!settings.enable) return base;
    const globs = settings.articles ?? config.articles;
    if (!isArticle(this.workspace.relativePath(uri), text, globs)) return base;
    base.article = true;
    if (text.length > MAX_ARTICLE_CHARS) {
      base.diagnostics = [tooLargeDiagnostic(locale, this.workspace.flags.rtlIsolates)];
      return base;
    }
    // The previous full result of this document (a keystroke ago), while it is kept: its untouched paragraphs are not read again.
    const previous = this.cache.get(uri)?.result;
    const linted = lintForEditor(this.workspace, uri, text, { ...lintOptions, locale, previous, incremental: true });
    if (linted) {
      base.result = linted.result;
      base.diagnostics = linted.diagnostics;
      if (!previous && !this.rehearsed) this.rehearse(uri, text, lintOptions, linted.result);
    }
    return base;
  }

  /**
   * Once per server, right after the first article is linted whole: a short series of a writer's
   * keystrokes on it (a letter, a space, a comma, a deletion, at places spread over the body), each
   * linted as a keystroke is, results thrown away. A keystroke's lint calls what a whole lint does
   * not (the paragraphs taken from the previous lint, moved by the change), and V8 compiles and
   * then optimizes a function only once it has run; without this the writer's first keystrokes
   * pay for it. Bounded by REHEARSAL_EDITS and REHEARSAL_BUDGET_MS, so the first opening waits at
   * most that much longer, once per server. Measured over stdio, paired fresh servers
   * (docs/performance.md).
   */
  private rehearse(uri: string, text: string, options: LintOptions, first: LintResult): void {
    if (text.length > MAX_REHEARSAL_CHARS) return;
    this.rehearsed = true;
    const started = performance.now();
    const locale = options.locale ?? 'en';
    let doc = text;
    let previous = first;
    let edits = 0;
    try {
      while (edits < REHEARSAL_EDITS && performance.now() - started < REHEARSAL_BUDGET_MS) {
        doc = rehearsalEdit(doc, previous.document.bodyStart, edits);
        const result = lint(doc, { ...options, previous, incremental: true });
        // The keystroke's whole path: its diagnostics are built as an answer would carry them.
        for (const d of result.diagnostics) toLspDiagnostic(d, locale, this.workspace.flags.rtlIsolates);
        previous = result;
        edits++;
      }
    } catch (err) {
      // Nothing depends on it; the real keystroke's lint reports its own failures.
      this.workspace.connection.console.error(`[muharrir] rehearsal lint failed on ${uri}: ${describeError(err)}`);
      return;
    }
    this.workspace.connection.tracer.log(`[muharrir] rehearsed ${edits} keystrokes' lints on ${uri} in ${(performance.now() - started).toFixed(2)} ms`);
  }

  /** Marks `uri` as just analysed and drops the results of the least recent beyond KEEP_RESULTS. */
  private keep(uri: string, analysis: Analysis): void {
    this.recent.delete(uri);
    this.slim.delete(uri);
    if (!analysis.result) return;
    this.recent.add(uri);
    for (const old of this.recent) {
      if (this.recent.size <= KEEP_RESULTS) break;
      this.recent.delete(old);
      const a = this.cache.get(old);
      if (!a?.result) continue;
      // A copy, not a mutation: a handler holding the old analysis keeps its result.
      this.cache.set(old, { ...a, result: undefined });
      this.slim.add(old);
    }
  }

  /** The analysis if it is an article that was linted; what code actions, completion and hover need. */
  async linted(document: TextDocument): Promise<(Analysis & { result: LintResult }) | undefined> {
    const a = await this.analyze(document, true);
    return a?.article && a.result ? (a as Analysis & { result: LintResult }) : undefined;
  }
}

/**
 * One lint per turn of the event loop. When many documents wait on the same thing (an editor
 * restoring 1,000 tabs: every analysis waits for the first settings answer), their lints would
 * otherwise all run in one microtask run, each full result held by its caller's pending
 * continuation until the last one is done: 1,000 parse trees at once (~50 MB measured) and no
 * hover or keystroke answered meanwhile. A lone lint (typing) goes at once. An `urgent` one (a
 * request the writer waits for: a hover, a quick fix) goes ahead of those already waiting, or a
 * hover on an article whose full result was let go would wait for the whole burst.
 */
export class Turns {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  next(urgent = false): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      setImmediate(() => this.release());
      return Promise.resolve();
    }
    return new Promise((resolve) => (urgent ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.busy = false;
      return;
    }
    next();
    setImmediate(() => this.release());
  }
}
