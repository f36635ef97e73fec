/**
 * Which addresses the preview lets through. Links: http(s), mailto, fragments and paths relative
 * to the article. Images: files next to the article, raster `data:` images (inline bytes: no
 * request, so no tracking, and an <img> never runs script), and https only when the writer allows
 * remote images. Everything else (javascript:, vbscript:, data:text/html, file:, command:,
 * vscode:…) is refused, however it is spelled.
 */

export type LinkKind = 'external' | 'mailto' | 'fragment' | 'relative' | 'blocked';

export type ImageDecision =
  | { kind: 'local'; src: string }
  | { kind: 'data'; src: string }
  | { kind: 'remote'; src: string; host: string }
  | { kind: 'remote-blocked'; host: string }
  | { kind: 'insecure'; host: string }
  | { kind: 'site-root' }
  | { kind: 'no-base' }
  | { kind: 'unsupported' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/**
 * The scheme a browser would see. Browsers drop tabs and line breaks anywhere in a URL and
 * leading controls and spaces; percent escapes are decoded too, to refuse `java%09script:`
 * even where it would only have been a strange relative path.
 */
export function schemeOf(url: string): string | null {
  let s = url;
  try {
    s = decodeURIComponent(s);
  } catch {
    // A lone % is not an escape; judge the text as written.
  }
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = SCHEME.exec(s);
  return m ? m[1].toLowerCase() : null;
}

/** Backslashes count as slashes to a browser resolving against an http(s) base. */
function slashed(url: string): string {
  return url.trim().replace(/\\/g, '/');
}

export function classifyLink(href: string): LinkKind {
  const scheme = schemeOf(href);
  if (scheme === 'http' || scheme === 'https') return 'external';
  if (scheme === 'mailto') return 'mailto';
  if (scheme !== null) return 'blocked';
  const s = slashed(href);
  if (s.startsWith('//')) return 'external';
  if (s.startsWith('#')) return 'fragment';
  return 'relative';
}

/** What markdown-it may turn into a link or an image at all; the renderer then decides which. */
export function parsableUrl(url: string): boolean {
  const scheme = schemeOf(url);
  if (scheme === null || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return true;
  return scheme === 'data' && RASTER_DATA.test(url.trim());
}

function hostOf(url: string): string {
  try {
    return new URL(url.startsWith('//') ? 'https:' + url : url).host || '?';
  } catch {
    return '?';
  }
}

export function classifyImage(src: string, baseUri: string | undefined, allowRemote: boolean): ImageDecision {
  const scheme = schemeOf(src);
  const s = slashed(src);
  if (scheme === 'data') return RASTER_DATA.test(s) && !/[\s"'<>]/.test(s) ? { kind: 'data', src: s } : { kind: 'unsupported' };
  if (scheme === 'http') return { kind: 'insecure', host: hostOf(s) };
  if (scheme === 'https' || (scheme === null && s.startsWith('//'))) {
    const url = s.startsWith('//') ? 'https:' + s : s;
    const host = hostOf(url);
    return allowRemote ? { kind: 'remote', src: url, host } : { kind: 'remote-blocked', host };
  }
  if (scheme !== null) return { kind: 'unsupported' };
  if (s.startsWith('/')) return { kind: 'site-root' };
  if (!baseUri) return { kind: 'no-base' };
  try {
    const base = new URL(baseUri.endsWith('/') ? baseUri : baseUri + '/');
    const resolved = new URL(s, base);
    if (resolved.origin !== base.origin || resolved.protocol !== base.protocol) return { kind: 'unsupported' };
    return { kind: 'local', src: resolved.href };
  } catch {
    return { kind: 'unsupported' };
  }
}
