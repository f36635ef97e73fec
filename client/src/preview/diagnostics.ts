/**
 * VS Code's diagnostics as the renderer takes them. Only the language server's own (source
 * `muharrir`) are shown: the preview never runs a rule itself, and other extensions' problems
 * (spelling, markdownlint) are theirs to show. Structural types keep this free of `vscode`.
 */
import type { PreviewDiagnostic, PreviewSeverity } from './render/types';

export const DIAGNOSTIC_SOURCE = 'muharrir';

/** `vscode.DiagnosticSeverity`: Error 0, Warning 1, Information 2, Hint 3. */
const BY_NUMBER: readonly PreviewSeverity[] = ['error', 'warning', 'information', 'hint'];

/** VS Code treats a diagnostic without a known severity as an error; so does the preview. */
export function previewSeverity(severity: number | undefined): PreviewSeverity {
  return (severity !== undefined && BY_NUMBER[severity]) || 'error';
}

interface PositionLike {
  readonly line: number;
  readonly character: number;
}

/** What a `vscode.Diagnostic` has that the preview reads. */
export interface DiagnosticLike {
  readonly range: { readonly start: PositionLike; readonly end: PositionLike };
  readonly message: string;
  readonly severity?: number;
  readonly source?: string;
  readonly code?: string | number | { readonly value: string | number };
}

function codeOf(code: DiagnosticLike['code']): string | undefined {
  if (code === undefined || code === null) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * The server's diagnostics as plain data: copied, because they go on to the renderer (and its
 * output over the webview's message channel), not as VS Code objects.
 */
export function previewDiagnostics(list: readonly DiagnosticLike[], source = DIAGNOSTIC_SOURCE): PreviewDiagnostic[] {
  const out: PreviewDiagnostic[] = [];
  for (const d of list) {
    if (d.source !== source) continue;
    const code = codeOf(d.code);
    out.push({
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      message: d.message,
      severity: previewSeverity(d.severity),
      ...(code !== undefined ? { code } : {}),
    });
  }
  return out;
}
