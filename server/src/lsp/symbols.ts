import {
  SymbolKind,
  type Connection,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Range,
  type SymbolInformation,
} from 'vscode-languageserver';
import { bodyLines, type ArticleDocument, type FmNode } from '../engine';
import type { ArticleStore } from './articles';
import { guard } from './guard';
import type { Workspace } from './workspace';

export function registerSymbolSupport(connection: Connection, workspace: Workspace, articles: ArticleStore): void {
  connection.onDocumentSymbol(
    guard(connection.console, 'textDocument/documentSymbol', [] as DocumentSymbol[] | SymbolInformation[], async (params: DocumentSymbolParams) => {
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document) return [];
      const a = await articles.linted(document);
      if (!a) return [];
      const symbols = documentSymbols(a.result.document);
      return workspace.flags.hierarchicalSymbols ? symbols : flatten(symbols, params.textDocument.uri);
    }),
  );
}

/** The frontmatter with its fields, then the body's ATX headings nested by level. */
export function documentSymbols(doc: ArticleDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const { lines, frontmatter: fm } = doc;
  if (fm) {
    const range = lines.rangeOf(fm.start, fm.end);
    out.push({
      name: 'Frontmatter',
      kind: SymbolKind.Module,
      range,
      selectionRange: lines.rangeOf(fm.start, lines.lineEnd(range.start.line)),
      children: (fm.root?.entries ?? []).map((e) => {
        const end = e.value ? trimmedEnd(doc.text, e.value) : e.keyEnd;
        return {
          name: e.key,
          detail: preview(e.value),
          kind: SymbolKind.Property,
          range: lines.rangeOf(e.keyStart, Math.max(end, e.keyEnd)),
          selectionRange: lines.rangeOf(e.keyStart, e.keyEnd),
        };
      }),
    });
  }
  out.push(...headings(doc));
  return out;
}

function headings(doc: ArticleDocument): DocumentSymbol[] {
  const { lines } = doc;
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const endOfDoc = lines.positionAt(doc.text.length);
  // A section runs until the next heading of the same or a higher level.
  const close = (level: number, beforeLine: number) => {
    while (stack.length && stack[stack.length - 1].level >= level) {
      const { symbol } = stack.pop()!;
      const endLine = Math.max(symbol.range.start.line, beforeLine - 1);
      symbol.range = { start: symbol.range.start, end: { line: endLine, character: lines.lineText(endLine).length } };
    }
  };
  // The engine's reading of the body: fenced code is skipped, the same way the rules skip it.
  for (const { line, text } of bodyLines(doc)) {
    const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (!m || !m[2]) continue;
    const level = m[1].length;
    close(level, line);
    const start = lines.lineStart(line);
    const lineRange: Range = lines.rangeOf(start, lines.lineEnd(line));
    const symbol: DocumentSymbol = {
      name: m[2],
      kind: SymbolKind.String,
      range: lineRange,
      selectionRange: lineRange,
      children: [],
    };
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level, symbol });
  }
  while (stack.length) {
    const { symbol } = stack.pop()!;
    symbol.range = { start: symbol.range.start, end: endOfDoc };
  }
  return roots;
}

function trimmedEnd(text: string, node: FmNode): number {
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1])) end--;
  return end;
}

function preview(node: FmNode | null): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') {
    const s = node.value === null ? '' : String(node.value);
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  }
  if (node.kind === 'seq') return `[${node.items.length}]`;
  if (node.kind === 'map') return `{${node.entries.length}}`;
  return undefined;
}

function flatten(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container });
    if (s.children) out.push(...flatten(s.children, uri, s.name));
  }
  return out;
}
