/** Escaping for the places the renderer writes text: element content, attributes, CSS url(). */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * A string for a CSS `url("…")` inside a <style> element: quotes, backslashes and line breaks
 * become CSS escapes, and `<` too, so `</style>` can never close the element.
 */
export function cssString(s: string): string {
  return '"' + s.replace(/["\\\n\r\f<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `) + '"';
}
