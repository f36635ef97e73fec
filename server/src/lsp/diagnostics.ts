import { DocumentDiagnosticReportKind, type Connection, type Diagnostic, type DocumentDiagnosticReport, type Event } from 'vscode-languageserver';
import type { ArticleStore } from './articles';
import { guard, runGuarded } from './guard';
import { traceLintAhead, traceTiming } from './timings';
import type { Workspace } from './workspace';

/** Long enough to swallow a burst of keystrokes, short enough that the writer never waits for it. */
export const PUSH_DELAY_MS = 30;

/**
 * Documents other than articles with problems of their own (snippet packs). They push for
 * themselves; a pull client asks here for the ones it has open.
 */
export interface OtherDiagnostics {
  /** The problems of an open document, or undefined when the document is not this source's. */
  pull(uri: string): Promise<Diagnostic[] | undefined>;
  /** The problems of a document that is not open (VS Code pulls once more after a close), when this source has them. */
  pullClosed?(uri: string): Promise<{ resultId: string; items: Diagnostic[] } | undefined>;
  /** Problems of open documents changed without an edit to them: the client should pull again. */
  readonly onDidChange: Event<void>;
}

/**
 * Pull for clients that ask (VS Code), push for the rest (Neovim, Helix, Emacs). Never both for
 * one article: VS Code would show every problem twice.
 */
export function registerDiagnosticsSupport(connection: Connection, workspace: Workspace, articles: ArticleStore, others: readonly OtherDiagnostics[] = []): void {
  if (workspace.flags.pullDiagnostics) registerPull(connection, workspace, articles, others);
  else registerPush(connection, workspace, articles);
}

function registerPull(connection: Connection, workspace: Workspace, articles: ArticleStore, others: readonly OtherDiagnostics[]): void {
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on(
    guard(connection.console, 'textDocument/diagnostic', empty, async (params) => {
      const started = performance.now();
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document) {
        for (const other of others) {
          const closed = await other.pullClosed?.(params.textDocument.uri);
          if (closed) return { kind: DocumentDiagnosticReportKind.Full, ...closed };
        }
        return empty;
      }
      for (const other of others) {
        const items = await other.pull(document.uri);
        if (items) return { kind: DocumentDiagnosticReportKind.Full, items };
      }
      const analysis = await articles.analyze(document);
      if (!analysis) return empty;
      const timing = { mode: 'pull' as const, uri: document.uri, version: analysis.version, ms: performance.now() - started };
      // After the answer: it is queued for the pipe when this returns, the trace line a turn later.
      setImmediate(() => traceTiming(connection, timing));
      return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: analysis.diagnostics };
    }),
  );
  const refresh = () =>
    runGuarded(connection.console, 'diagnostics refresh', async () => {
      if (workspace.flags.diagnosticRefresh) await connection.languages.diagnostics.refresh();
    });
  articles.onDidInvalidate(refresh);
  for (const other of others) other.onDidChange(refresh);
}

function registerPush(connection: Connection, workspace: Workspace, articles: ArticleStore): void {
  const { documents } = workspace;
  const timers = new Map<string, NodeJS.Timeout>();
  /**
   * What was last sent per uri, so a config reload that changes nothing for an article sends
   * nothing. The analysis' own array, which the article store holds anyway: no copy or digest per
   * keystroke (at 20,000 words that was ~80 KB of JSON hashed on every one), and a serialized
   * compare only when a reload asks for it.
   */
  const sent = new Map<string, Diagnostic[]>();

  /**
   * Per uri, the version linted as its change arrived and how long that lint took. The debounce
   * only holds back the notification (a burst of keystrokes is one redraw in the client); the lint
   * runs at once, while the server is awake anyway, so when the timer fires the answer is ready.
   * A lint run after the server slept through the debounce was also the slower one on the bench
   * machines (docs/performance.md).
   */
  const ahead = new Map<string, { version: number; ms: number }>();

  const lintAhead = (uri: string, version: number) => {
    // Two turns: vscode-jsonrpc hands over one queued message per turn, so a change already waiting
    // behind this one supersedes it before any lint (a server that fell behind catches up in one).
    setImmediate(() =>
      setImmediate(() => {
        const document = documents.get(uri);
        if (document?.version !== version || !timers.has(uri)) return;
        runGuarded(connection.console, `diagnostics for ${uri}`, async () => {
          const started = performance.now();
          const analysis = await articles.analyze(document);
          if (analysis?.version !== version) return;
          const ms = performance.now() - started;
          ahead.set(uri, { version, ms });
          traceLintAhead(connection, uri, version, ms);
        });
      }),
    );
  };

  /** `fired`: when the debounce timer fired, for the trace of how long the rest took. */
  const validate = async (uri: string, onlyIfChanged: boolean, fired: number) => {
    const document = documents.get(uri);
    if (!document) return;
    const analysis = await articles.analyze(document);
    // A newer edit or a close landed meanwhile: its own run reports, this one would be stale.
    if (!analysis || documents.get(uri) !== document || document.version !== analysis.version) return;
    const before = sent.get(uri);
    sent.set(uri, analysis.diagnostics);
    if (onlyIfChanged && before && sameDiagnostics(before, analysis.diagnostics)) return;
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
    const linted = ahead.get(uri);
    const aheadMs = linted?.version === analysis.version ? linted.ms : undefined;
    traceTiming(connection, { mode: 'push', uri, version: analysis.version, ms: performance.now() - fired, aheadMs });
  };

  const schedule = (uri: string, delay: number, onlyIfChanged = false) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const fired = performance.now();
        runGuarded(connection.console, `diagnostics for ${uri}`, () => validate(uri, onlyIfChanged, fired));
      }, delay),
    );
  };

  // didOpen fires onDidOpen and then onDidChangeContent; an open is not typing, so it goes at once.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri)) return;
    schedule(document.uri, PUSH_DELAY_MS);
    lintAhead(document.uri, document.version);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    ahead.delete(document.uri);
    if (sent.delete(document.uri)) {
      runGuarded(connection.console, 'clear diagnostics', () => connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
    }
  });
  articles.onDidInvalidate(() => {
    // A config save re-lints every open article; only the ones whose problems changed are resent.
    for (const document of documents.all()) schedule(document.uri, PUSH_DELAY_MS, !timers.has(document.uri));
  });
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a === b || (a.length === b.length && JSON.stringify(a) === JSON.stringify(b));
}
