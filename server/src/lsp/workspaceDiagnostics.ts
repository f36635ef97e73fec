import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  Emitter,
  FileChangeType,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
  type ResultProgressReporter,
  type WorkDoneProgressServerReporter,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { ConfigStore } from './configs';
import type { OtherDiagnostics } from './diagnostics';
import { guard, runGuarded } from './guard';
import type { SettingsStore } from './settings';
import { FolderNames, WorkspaceScan, isMarkdownPath, type ScanEntry, type ScanStatus } from './workspaceScan';
import { uriToPath, type Workspace } from './workspace';

/** Settings and config changes come in bursts (every keystroke in an open `.muharrir.yaml`). */
const REFRESH_DELAY_MS = 300;

/**
 * How long a workspace pull that has nothing new is held before it is answered anyway. VS Code
 * asks again 2 s after every answer, with the result ids of every file it knows: answering at once
 * would send 20,000 `unchanged` reports back and forth every 2 s. Held, the answer goes out when
 * something changes (or after this long, for clients that give up on a silent request).
 */
export const HOLD_MS = 60_000;

/** The result id of a file the client must forget (it is no longer an article, or no longer checked). */
const CLEARED = 'cleared';

export interface WorkspaceDiagnostics extends OtherDiagnostics {
  readonly scan: WorkspaceScan;
  readonly names: FolderNames;
}

/**
 * `muharrir.diagnostics.scope: workspace`: the articles nobody opened get checked too. Pull
 * clients ask with `workspace/diagnostic` (result ids, so unchanged files cost one line); push
 * clients get `publishDiagnostics` for closed articles from the background scan, with progress.
 */
export function registerWorkspaceDiagnosticsSupport(
  connection: Connection,
  workspace: Workspace,
  settings: SettingsStore,
  configs: ConfigStore,
  params: InitializeParams,
): WorkspaceDiagnostics {
  const log = connection.console;
  const names = new FolderNames();
  names.add(params.workspaceFolders);
  const scan = new WorkspaceScan(workspace, settings, configs, names);

  let watcher: Promise<Disposable> | undefined;
  /** `**\/*.md` is watched only while some folder is scanned: Neovim may poll what it watches. */
  const syncWatcher = async () => {
    if (!workspace.flags.watchedFilesDynamic) return;
    if (scan.active && !watcher) {
      watcher = connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/*.markdown' }],
      });
    } else if (!scan.active && watcher) {
      const w = watcher;
      watcher = undefined;
      (await w).dispose();
    }
  };
  const refreshNow = async () => {
    await scan.refresh();
    await syncWatcher();
  };
  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    scan.markStale();
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => runGuarded(log, 'workspace scan', refreshNow), REFRESH_DELAY_MS);
  };
  settings.onDidChange(refreshSoon);
  configs.onDidChange(refreshSoon);
  workspace.onInitialized(() =>
    runGuarded(log, 'workspace scan', async () => {
      // configs.ts updates the folder list and invalidates the configs, which refreshes the scan.
      if (workspace.flags.workspaceFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((e) => names.add(e.added));
      await refreshNow();
    }),
  );

  connection.onDidChangeWatchedFiles((p) =>
    runGuarded(log, 'workspace scan: watched files', () => {
      if (!scan.active) return;
      for (const change of p.changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        if (isMarkdownPath(file)) scan.touch(file);
        else if (change.type === FileChangeType.Deleted) scan.removedTree(file);
      }
    }),
  );
  // The buffer may have differed from the disk: read the file again, and tell whoever shows it.
  workspace.documents.onDidClose(({ document }) => {
    const file = uriToPath(document.uri);
    if (file && scan.active) scan.touch(file, true);
  });

  if (workspace.flags.pullDiagnostics) registerWorkspacePull(connection, workspace, scan);
  else registerScanPush(connection, workspace, scan);

  return {
    scan,
    names,
    pull: async () => undefined,
    // A client that pulls once more for a document it just closed gets the disk's version.
    pullClosed: async (uri: string) => {
      if (!scan.active) return undefined;
      const entry = scan.entryForUri(uri, true);
      return entry?.article ? { resultId: entry.resultId, items: entry.diagnostics } : undefined;
    },
    onDidChange: new Emitter<void>().event,
  };
}

function registerWorkspacePull(connection: Connection, workspace: Workspace, scan: WorkspaceScan): void {
  const isOpen = (uri: string) => {
    const file = uriToPath(uri);
    return file ? workspace.isOpen(file) : workspace.documents.get(uri) !== undefined;
  };

  /** One file's report for a client that holds `known`; undefined when there is nothing to tell it. */
  const reportOne = (uri: string, entry: ScanEntry | undefined, known: ReadonlyMap<string, string>): WorkspaceDocumentDiagnosticReport | undefined => {
    // Open documents are the document pull's: VS Code prefers that report anyway.
    if (entry ? workspace.isOpen(entry.path) : isOpen(uri)) return undefined;
    const before = known.get(uri);
    if (!entry?.article) {
      // No longer an article, deleted, or its folder no longer scanned: the client forgets its problems.
      if (before === undefined || before === CLEARED) return undefined;
      return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: CLEARED, items: [] };
    }
    if (before === entry.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: before };
    return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: entry.resultId, items: entry.diagnostics };
  };

  /** Reports for every file (or only the `dirty` ones): `full` for what the client lacks or has stale, `unchanged` for the rest. */
  const reports = (known: ReadonlyMap<string, string>, dirty?: ReadonlySet<string>): WorkspaceDocumentDiagnosticReport[] => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const push = (r: WorkspaceDocumentDiagnosticReport | undefined) => r && items.push(r);
    if (dirty) {
      for (const uri of dirty) push(reportOne(uri, scan.entryForUri(uri), known));
      return items;
    }
    const covered = new Set<string>();
    for (const e of scan.all()) {
      covered.add(e.uri);
      push(reportOne(e.uri, e, known));
    }
    for (const uri of known.keys()) if (!covered.has(uri)) push(reportOne(uri, undefined, known));
    return items;
  };

  const pull = async (
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    partial: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> => {
    const known = readPrevious(params?.previousResultIds);
    const deadline = Date.now() + HOLD_MS;
    // Streaming looks at every file once, then only at the files the scan reports changed since.
    let dirty: Set<string> | undefined;
    const collecting = partial ? scan.onDidChange((uris) => uris.forEach((u) => dirty?.add(u))) : undefined;
    let streamed = false;
    try {
      for (;;) {
        if (token.isCancellationRequested) return { items: [] };
        const { complete } = scan.status;
        const expired = Date.now() >= deadline;
        if (partial) {
          // Streamed as the scan goes: the first articles show while the rest are still being read.
          const fresh = reports(known, dirty).filter((r) => r.kind === DocumentDiagnosticReportKind.Full);
          dirty = new Set();
          if (fresh.length > 0) {
            partial.report({ items: fresh });
            streamed = true;
            for (const r of fresh) known.set(r.uri, r.resultId ?? CLEARED);
          }
          // Nothing to stream is held too (VS Code streams, and would otherwise ask every 2 s with nothing to say).
          if (complete && (streamed || expired)) return { items: [] };
        } else if (complete) {
          const items = reports(known);
          if (known.size === 0 || expired || items.some((r) => r.kind === DocumentDiagnosticReportKind.Full)) return { items };
        }
        await nextEvent(scan, token, deadline);
      }
    } finally {
      collecting?.dispose();
    }
  };

  connection.languages.diagnostics.onWorkspace(
    guard(connection.console, 'workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, (params, token, _workDone, partial) =>
      pull(params, token, partial),
    ),
  );
}

/** Client's `previousResultIds`, tolerating junk: entries that are not `{uri, value}` strings are skipped. */
function readPrevious(raw: unknown): Map<string, string> {
  const known = new Map<string, string>();
  if (!Array.isArray(raw)) return known;
  for (const p of raw) {
    const { uri, value } = (p ?? {}) as { uri?: unknown; value?: unknown };
    if (typeof uri === 'string' && typeof value === 'string') known.set(uri, value);
  }
  return known;
}

/** Resolves on the scan's next change or progress, the request's cancellation, or the deadline. */
function nextEvent(scan: WorkspaceScan, token: CancellationToken, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const subscriptions: Disposable[] = [];
    const timer = setTimeout(() => done(), Math.max(0, deadline - Date.now()));
    const done = () => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      resolve();
    };
    subscriptions.push(scan.onDidChange(done), scan.onProgress(done), token.onCancellationRequested(done));
  });
}

/** Push clients: closed articles' problems from the scan, and the scan's progress in the status line. */
function registerScanPush(connection: Connection, workspace: Workspace, scan: WorkspaceScan): void {
  const log = connection.console;
  /** What the scan published per uri (its result id), so only changes are sent and a scope change can clear. */
  const sent = new Map<string, string>();
  // An open document's problems are diagnostics.ts's to publish; on close they are cleared there and republished here.
  workspace.documents.onDidOpen(({ document }) => sent.delete(document.uri));

  const publish = (uri: string) => {
    const file = uriToPath(uri);
    if (file && workspace.isOpen(file)) {
      sent.delete(uri);
      return;
    }
    const entry = scan.entryForUri(uri);
    const diagnostics: Diagnostic[] | undefined = entry?.article ? entry.diagnostics : undefined;
    if (diagnostics && (diagnostics.length > 0 || sent.has(uri))) {
      if (sent.get(uri) === entry!.resultId) return;
      sent.set(uri, entry!.resultId);
      connection.sendDiagnostics({ uri, diagnostics });
    } else if (sent.delete(uri)) {
      connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };
  scan.onDidChange((uris) => runGuarded(log, 'workspace diagnostics', () => uris.forEach(publish)));

  let progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  let lastReport = 0;
  const message = (s: ScanStatus) =>
    scan.locale === 'ar' ? `فحص المقالات ${s.scanned}/${s.total}` : `Checking articles ${s.scanned}/${s.total}`;
  scan.onPassStart(() => {
    if (progress) return;
    progress = connection.window.createWorkDoneProgress().then(
      (reporter) => {
        reporter.begin('Muharrir', 0, message(scan.status), false);
        return reporter;
      },
      () => undefined,
    );
  });
  scan.onProgress((status) =>
    runGuarded(log, 'workspace scan progress', async () => {
      const current = progress;
      if (!current) return;
      if (status.complete) {
        progress = undefined;
        (await current)?.done();
        return;
      }
      // A report per slice would be a hundred messages a second.
      const now = Date.now();
      if (now - lastReport < 200) return;
      lastReport = now;
      const percentage = status.total > 0 ? Math.floor((100 * status.scanned) / status.total) : 0;
      (await current)?.report(percentage, message(status));
    }),
  );
}
