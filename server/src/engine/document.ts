import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { LineIndex } from './lines';
import { parseDirectives, type Directives } from './directives';

/** One article as the rules see it: the exact text, its frontmatter and the Markdown body. */
export interface ArticleDocument {
  /** Exactly what the editor or the file holds; every offset refers to it. */
  text: string;
  lines: LineIndex;
  /** Whether the text starts with U+FEFF (kept by fixes, skipped by parsing). */
  bom: boolean;
  /** The line break new lines should use: the document's first one, else \n. */
  eol: string;
  frontmatter: Frontmatter | null;
  /** Offset where the Markdown body starts (after the frontmatter's closing line). */
  bodyStart: number;
  directives: Directives;
  /** Per-document memo for derived views (prose mask, paragraphs, tokens), shared by the rules of one run. */
  memo: Map<string, unknown>;
  /** The same document's previous lint, while this one runs (see `previousOf`). */
  previous?: ArticleDocument;
  /** While `lint` runs with `LintOptions.incremental`: keep what each paragraph holds for the next lint. */
  incremental?: boolean;
}

/** Computes a derived view of the document once per lint run, whichever rule asks first. */
export function memo<T>(doc: ArticleDocument, key: string, compute: () => T): T {
  const known = doc.memo.get(key);
  if (known !== undefined || doc.memo.has(key)) return known as T;
  const value = compute();
  doc.memo.set(key, value);
  return value;
}

/**
 * `before`: the same document a keystroke ago. When its frontmatter block, closing line and line
 * break included, is still the text's start, that frontmatter is this one too (it is read from
 * nothing else, and nothing changes it once read): a keystroke in the body does not parse the
 * YAML again.
 */
export function parseArticle(text: string, before?: ArticleDocument): ArticleDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = new LineIndex(text);
  const kept = before && sameFrontmatter(before, text);
  const frontmatter = kept ? before.frontmatter : parseFrontmatter(text, bom ? 1 : 0);
  let bodyStart = bom ? 1 : 0;
  if (frontmatter) {
    bodyStart = frontmatter.closeStart === -1 ? text.length : lines.lineStart(lines.positionAt(frontmatter.end).line + 1);
    if (bodyStart < frontmatter.end) bodyStart = text.length;
  }
  return {
    text,
    lines,
    bom,
    eol: detectEol(text),
    frontmatter,
    bodyStart,
    directives: parseDirectives(text, lines),
    memo: new Map(),
  };
}

function sameFrontmatter(before: ArticleDocument, text: string): boolean {
  const fm = before.frontmatter;
  if (!fm || fm.closeStart === -1) return false;
  // Up to and including the closing line's break: without one, what follows `---` on that line could change whether it closes.
  const upTo = before.bodyStart;
  const last = before.text.charCodeAt(upTo - 1);
  if (upTo <= fm.end || (last !== 10 && last !== 13)) return false;
  return text.length >= upTo && text.startsWith(before.text.slice(0, upTo));
}

function detectEol(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i === -1) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i];
}
