import { FoldingRangeKind, type Connection, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { getEntry, type ArticleDocument } from '../engine';
import type { ArticleStore } from './articles';
import { guard } from './guard';
import type { Workspace } from './workspace';

export function registerFoldingSupport(connection: Connection, workspace: Workspace, articles: ArticleStore): void {
  connection.onFoldingRanges(
    guard(connection.console, 'textDocument/foldingRange', [] as FoldingRange[], async (params: FoldingRangeParams) => {
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document) return [];
      const a = await articles.linted(document);
      return a ? foldingRanges(a.result.document) : [];
    }),
  );
}

/** The frontmatter block (delimiter to delimiter) and a `sources` list that spans lines. */
export function foldingRanges(doc: ArticleDocument): FoldingRange[] {
  const fm = doc.frontmatter;
  if (!fm) return [];
  const { lines } = doc;
  const out: FoldingRange[] = [];
  const open = lines.positionAt(fm.start).line;
  const close = fm.closeStart >= 0 ? lines.positionAt(fm.closeStart).line : lines.lineCount - 1;
  if (close > open) out.push({ startLine: open, endLine: close, kind: FoldingRangeKind.Region });
  const sources = getEntry(fm.root, 'sources');
  if (sources?.value) {
    let end = sources.value.end;
    while (end > sources.value.start && /\s/.test(doc.text[end - 1])) end--;
    const from = lines.positionAt(sources.keyStart).line;
    const to = lines.positionAt(end).line;
    if (to > from) out.push({ startLine: from, endLine: to, kind: FoldingRangeKind.Region });
  }
  return out;
}
