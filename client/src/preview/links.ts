/**
 * Where a link clicked in the preview leads. The host decides again from the raw `href` (never
 * from what the webview says it is): web and mail addresses go to the system through VS Code,
 * paths relative to the article open in the editor, anything else is ignored.
 */
import { classifyLink } from './render/urls';

export type LinkTarget =
  | { kind: 'external'; url: string }
  /** A path relative to the article's folder, `/`-separated, percent escapes decoded. */
  | { kind: 'file'; path: string }
  | { kind: 'none' };

export function linkTarget(href: string): LinkTarget {
  const kind = classifyLink(href);
  const trimmed = href.trim();
  if (kind === 'external') return { kind: 'external', url: trimmed.startsWith('//') ? 'https:' + trimmed : trimmed };
  if (kind === 'mailto') return { kind: 'external', url: trimmed };
  if (kind !== 'relative') return { kind: 'none' };
  const bare = trimmed.replace(/\\/g, '/').split(/[?#]/)[0];
  let path: string;
  try {
    path = decodeURIComponent(bare);
  } catch {
    path = bare;
  }
  // A path that is absolute once decoded (`%2Fetc`) is not relative to the article.
  if (path === '' || path.startsWith('/') || /^[a-z]:/i.test(path) || path.includes('\0')) return { kind: 'none' };
  return { kind: 'file', path };
}
