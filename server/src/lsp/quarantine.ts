import { DiagnosticSeverity, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Bilingual, Locale } from '../engine';
import { isolateRtl, type Analysis, type ArticleStore } from './articles';
import type { ConfigStore } from './configs';
import { resolveLocale, type SettingsStore } from './settings';
import { isMarkdown, type Workspace } from './workspace';

export const QUARANTINE_CODE = 'checking-stopped';

/** Longer lists are cut: the client sends the documents of one session's crashes, a handful at most. */
const MAX_QUARANTINED = 100;

const M: Record<'stopped', Bilingual> = {
  stopped: {
    en: 'Muharrir stopped checking this file after the server stopped while checking it; edit or reopen it, or run Muharrir: Restart Server, to try again.',
    ar: 'توقف محرّر عن فحص هذا الملف لأن الخادم توقف أثناء فحصه؛ عدّله أو أعد فتحه أو شغّل «محرّر: إعادة تشغيل الخادم» لمحاولة فحصه من جديد.',
  },
};

/** `initializationOptions.quarantine`: the URIs, or none when it is missing or not a list of strings. */
export function readQuarantine(initializationOptions: unknown): string[] {
  const q = (initializationOptions as { quarantine?: unknown } | null | undefined)?.quarantine;
  if (!Array.isArray(q)) return [];
  return q.filter((u): u is string => typeof u === 'string' && u !== '').slice(0, MAX_QUARANTINED);
}

export function quarantineDiagnostic(locale: Locale, rtlIsolates: boolean): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: QUARANTINE_CODE,
    source: 'muharrir',
    message: isolateRtl(M.stopped[locale], locale, rtlIsolates),
    data: { rule: QUARANTINE_CODE },
  };
}

/**
 * The documents the client blamed for the previous server's crash (it restarts the server with
 * them in `initializationOptions.quarantine`). The engine does not run on them, so a document
 * that crashes the server costs one restart, not the client's whole restart budget; each says why
 * it is not checked until the writer edits it, closes and reopens it, or restarts the server.
 */
export class Quarantine {
  /** URI → the version it was opened at in this session (undefined until it is opened). */
  private readonly held = new Map<string, number | undefined>();

  constructor(documents: TextDocuments<TextDocument>, uris: readonly string[]) {
    for (const uri of uris) this.held.set(uri, undefined);
    if (this.held.size === 0) return;
    documents.onDidOpen(({ document }) => {
      if (this.held.has(document.uri) && this.held.get(document.uri) === undefined) this.held.set(document.uri, document.version);
    });
    // didOpen also fires a content change, at the opened version: only a later version is an edit.
    documents.onDidChangeContent(({ document }) => {
      const at = this.held.get(document.uri);
      if (at !== undefined && document.version !== at) this.held.delete(document.uri);
    });
    // Closing is half of reopening. (The client's replay of its open documents after a restart is
    // an open without a close, so it does not lift the quarantine.)
    documents.onDidClose(({ document }) => this.held.delete(document.uri));
  }

  has(document: TextDocument): boolean {
    if (!this.held.has(document.uri)) return false;
    const at = this.held.get(document.uri);
    return at === undefined || at === document.version;
  }

  get size(): number {
    return this.held.size;
  }
}

/**
 * The article store as every feature sees it: a quarantined document is answered with the
 * quarantine diagnostic and no lint result, so diagnostics show why it is not checked and hover,
 * completion, code actions, symbols and folding (which need a result) answer nothing.
 */
export function withQuarantine(
  articles: ArticleStore,
  quarantine: Quarantine,
  workspace: Workspace,
  settings: SettingsStore,
  configs: ConfigStore,
): ArticleStore {
  if (quarantine.size === 0) return articles;
  const analyze = async (document: TextDocument, needResult = false): Promise<Analysis | undefined> => {
    if (!quarantine.has(document)) return articles.analyze(document, needResult);
    if (!isMarkdown(document)) return undefined;
    const uri = document.uri;
    const s = await settings.forScope(workspace.folderForUri(uri)?.uri);
    if (workspace.documents.get(uri) === undefined) return undefined;
    const { config } = configs.forDocument(uri);
    const locale = resolveLocale(s, config, workspace.flags.uiLocale);
    return {
      uri,
      version: document.version,
      // Never equal to a lint's resultId (`version:generation`), so a pull after the quarantine lifts gets the lint.
      resultId: `quarantine:${document.version}:${configs.generation}`,
      article: true,
      locale,
      settings: s,
      config,
      lintOptions: { config, locale, author: s.author },
      diagnostics: s.enable ? [quarantineDiagnostic(locale, workspace.flags.rtlIsolates)] : [],
    };
  };
  return new Proxy(articles, {
    get: (target, prop, receiver) => (prop === 'analyze' ? analyze : Reflect.get(target, prop, receiver)),
  });
}
