import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { LineIndex, OffsetEdit } from '../engine';

export function toTextEdit(lines: LineIndex, e: OffsetEdit): TextEdit {
  return { range: lines.rangeOf(e.start, e.end), newText: e.newText };
}

/**
 * Edits of one document as a workspace edit. With `versioned` (the client takes
 * `documentChanges`) they carry the version they were computed for, so an editor refuses to
 * apply them to text the writer has changed since, instead of landing them at stale positions.
 */
export function documentEdit(uri: string, version: number, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  return versioned ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The one edit turning `before` into `after`: the changed middle, without the common prefix and
 * suffix, so a fix-all leaves the cursor, folds and undo history of untouched text alone.
 * Never cuts a surrogate pair or a CRLF in half (positions inside either are not real positions).
 */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const splits = (text: string, at: number) =>
    at > 0 && at < text.length && (isLowSurrogate(text.charCodeAt(at)) || (text[at - 1] === '\r' && text[at] === '\n'));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}
