import { parseFrontmatter, getEntry } from './frontmatter';
import { matchesAny } from './glob';

/**
 * DESIGN §2: in the editor a Markdown file is an article when its path matches the article globs
 * or its frontmatter has a `title` and one of `date`, `sources`, `author`. A README stays quiet.
 * `relativePath` is relative to the workspace folder, with `/` separators.
 */
export function isArticle(relativePath: string, text: string, globs: readonly string[]): boolean {
  if (matchesAny(relativePath, globs)) return true;
  const head = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', head)) return false;
  const fm = parseFrontmatter(text, head);
  const root = fm?.root;
  if (!root || !getEntry(root, 'title')) return false;
  return ['date', 'sources', 'author'].some((k) => getEntry(root, k) !== undefined);
}
