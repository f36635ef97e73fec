import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { DOCS_BASE, fixAll, ruleDocsUrl, type EngineDiagnostic, type FmNode, type LintResult, type Locale } from '../engine';
import type { Analysis, ArticleStore } from './articles';
import { documentEdit, minimalEdit, toTextEdit } from './edits';
import { guard } from './guard';
import type { Workspace } from './workspace';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.muharrir`;
export const OPEN_RULE_DOCS_COMMAND = 'muharrir.openRuleDocs';

type Linted = Analysis & { result: LintResult };

const T = {
  fixAll: { en: 'Fix all safe Muharrir problems', ar: 'إصلاح كل مشكلات محرّر الآمنة' },
  disable: (rule: string) => ({ en: `Disable ${rule} for this line`, ar: `تعطيل ${rule} لهذا السطر` }),
  docs: (rule: string) => ({ en: `Open documentation for ${rule}`, ar: `فتح توثيق القاعدة ${rule}` }),
};

export function registerCodeActionSupport(connection: Connection, workspace: Workspace, articles: ArticleStore): void {
  const log = connection.console;
  const { documents, flags } = workspace;
  const versioned = flags.versionedEdits;

  connection.onCodeAction(
    guard(log, 'textDocument/codeAction', [] as CodeAction[], async (params: CodeActionParams) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const a = await articles.linted(document);
      if (!a) return [];
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      const ours = params.context.diagnostics.filter((d) => d.source === 'muharrir');
      const safeFixes = a.result.diagnostics.filter((d) => d.fix?.safe).length;
      const fixes: CodeAction[] = [];
      const rest: CodeAction[] = [];

      if (wants(CodeActionKind.QuickFix)) {
        for (const shown of ours) {
          for (const d of matching(a, shown)) {
            if (d.fix) fixes.push(fixAction(a, d, shown, versioned));
            const disable = disableAction(a, d, shown, versioned);
            if (disable) rest.push(disable);
          }
          if (flags.showDocument && typeof shown.code === 'string') rest.push(docsAction(a.locale, shown.code, shown));
        }
        if (ours.length && safeFixes >= 2) fixes.push(fixAllAction(a, CodeActionKind.QuickFix, flags.codeActionResolveEdit, versioned));
      }
      // The source action only when asked for by kind (on save, the Source Action menu): the light
      // bulb already has the quick-fix flavour and would otherwise list it twice.
      if (only && wants(FIX_ALL_KIND) && safeFixes >= 1) fixes.push(fixAllAction(a, FIX_ALL_KIND, flags.codeActionResolveEdit, versioned));
      return [...fixes, ...rest];
    }),
  );

  connection.onCodeActionResolve(async (action: CodeAction) => {
    const data = action.data as { fixAll?: string } | undefined;
    if (!data?.fixAll || action.edit) return action;
    // On failure the action comes back as it was: no edit, so choosing it does nothing.
    return guard(log, 'codeAction/resolve', action, async () => {
      const document = documents.get(data.fixAll!);
      const a = document && (await articles.linted(document));
      // Computed for the text as it is now, and labelled with that version: if the writer typed
      // since the action was offered, these edits are for what they typed.
      return a ? { ...action, edit: documentEdit(a.uri, a.version, fixAllEdits(a), versioned) } : action;
    })();
  });

  connection.onExecuteCommand(
    guard(log, 'workspace/executeCommand', null, async (params) => {
      const url = params.arguments?.[0];
      // Only our own docs pages: the argument comes back from the client and is not trusted.
      if (params.command !== OPEN_RULE_DOCS_COMMAND || typeof url !== 'string' || !url.startsWith(DOCS_BASE)) return null;
      await connection.window.showDocument({ uri: url, external: true });
      return null;
    }),
  );
}

const rangeKey = (rule: unknown, r: Diagnostic['range']) =>
  `${String(rule)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Per lint result, built once: a client may send thousands of diagnostics in one request. */
const byRange = new WeakMap<LintResult, Map<string, EngineDiagnostic[]>>();
const continuationLines = new WeakMap<LintResult, Set<number>>();

/** The engine diagnostics behind a diagnostic the client shows: same rule, same range. */
function matching(a: Linted, shown: Diagnostic): EngineDiagnostic[] {
  let index = byRange.get(a.result);
  if (!index) {
    index = new Map();
    for (const d of a.result.diagnostics) {
      const key = rangeKey(d.rule, d.range);
      index.set(key, [...(index.get(key) ?? []), d]);
    }
    byRange.set(a.result, index);
  }
  return index.get(rangeKey(shown.code, shown.range)) ?? [];
}

function fixAction(a: Linted, d: EngineDiagnostic, shown: Diagnostic, versioned: boolean): CodeAction {
  const fix = d.fix!;
  const lines = a.result.document.lines;
  return {
    title: fix.title[a.locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [shown],
    isPreferred: fix.safe,
    edit: documentEdit(a.uri, a.version, fix.edits.map((e) => toTextEdit(lines, e)), versioned),
  };
}

function fixAllEdits(a: Linted): TextEdit[] {
  const before = a.result.document.text;
  const edit = minimalEdit(before, fixAll(before, a.lintOptions).text);
  return edit ? [toTextEdit(a.result.document.lines, edit)] : [];
}

function fixAllAction(a: Linted, kind: string, lazy: boolean, versioned: boolean): CodeAction {
  const action: CodeAction = { title: T.fixAll[a.locale], kind };
  // fix-all lints up to ten times; with resolve support that cost is paid only when chosen.
  if (lazy) action.data = { fixAll: a.uri };
  else action.edit = documentEdit(a.uri, a.version, fixAllEdits(a), versioned);
  return action;
}

function docsAction(locale: Locale, rule: string, shown: Diagnostic): CodeAction {
  const title = T.docs(rule)[locale];
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [shown],
    command: { title, command: OPEN_RULE_DOCS_COMMAND, arguments: [ruleDocsUrl(rule)] },
  };
}

/**
 * A directive line above the diagnostic's line, in the syntax the engine honours there: an HTML
 * comment in the body, a YAML comment in the frontmatter. Not offered where a line above cannot
 * help: the `---` delimiters, inside a multi-line YAML value, or for a problem pinned to the top
 * of a file without frontmatter.
 */
function disableAction(a: Linted, d: EngineDiagnostic, shown: Diagnostic, versioned: boolean): CodeAction | undefined {
  const doc = a.result.document;
  const { lines, frontmatter: fm } = doc;
  const line = d.range.start.line;
  const lineStart = lines.lineStart(line);
  if (d.rule === 'frontmatter-missing') return undefined;
  let inFrontmatter = false;
  if (fm) {
    if (line === lines.positionAt(fm.start).line) return undefined;
    if (fm.closeStart >= 0 && line === lines.positionAt(fm.closeStart).line) return undefined;
    inFrontmatter = lineStart >= fm.contentStart && (fm.closeStart < 0 || lineStart < fm.closeStart);
    if (inFrontmatter && multilineScalarLines(a.result).has(line)) return undefined;
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const directive = inFrontmatter
    ? `${indent}# muharrir-disable-next-line ${d.rule}`
    : `${indent}<!-- muharrir-disable-next-line ${d.rule} -->`;
  const at = lineStart + (line === 0 && doc.bom ? 1 : 0);
  return {
    title: T.disable(d.rule)[a.locale],
    kind: CodeActionKind.QuickFix,
    diagnostics: [shown],
    isPreferred: false,
    edit: documentEdit(a.uri, a.version, [toTextEdit(lines, { start: at, end: at, newText: directive + doc.eol })], versioned),
  };
}

/** Lines that continue a scalar begun on an earlier line: a comment inserted there would become text. */
function multilineScalarLines(result: LintResult): Set<number> {
  let lines = continuationLines.get(result);
  if (lines) return lines;
  const found = new Set<number>();
  const index = result.document.lines;
  const walk = (node: FmNode | null): void => {
    if (!node) return;
    if (node.kind === 'scalar') {
      const first = index.positionAt(node.start).line;
      const last = index.positionAt(node.end).line;
      for (let l = first + 1; l <= last && index.lineStart(l) < node.end; l++) found.add(l);
    } else if (node.kind === 'map') node.entries.forEach((e) => walk(e.value));
    else if (node.kind === 'seq') node.items.forEach(walk);
  };
  walk(result.document.frontmatter?.root ?? null);
  lines = found;
  continuationLines.set(result, lines);
  return lines;
}
