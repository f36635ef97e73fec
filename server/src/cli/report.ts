import type { Range, Severity } from '../engine';

/** A safe fix as line/character edits, for formats (SARIF) that carry fixes. */
export interface ReportEdit {
  range: Range;
  newText: string;
}

export interface ReportDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** True iff `--fix` would apply a fix for it. */
  fixable: boolean;
  fix?: { title: string; edits: ReportEdit[] };
}

export interface FileReport {
  /** As given on the command line, or found under a folder given there (with `/`). */
  path: string;
  abs: string;
  /** Config files are reported alongside articles but are not counted as checked files. */
  kind: 'article' | 'config';
  diagnostics: ReportDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: { errors: number; warnings: number };
}

export interface Report {
  files: FileReport[];
  summary: Summary;
}

export function summarize(files: readonly FileReport[]): Summary {
  const s: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: { errors: 0, warnings: 0 } };
  for (const f of files) {
    if (f.kind === 'article') s.files++;
    for (const d of f.diagnostics) {
      if (d.severity === 'error') {
        s.errors++;
        if (d.fixable) s.fixable.errors++;
      } else if (d.severity === 'warning') {
        s.warnings++;
        if (d.fixable) s.fixable.warnings++;
      } else s.infos++;
    }
  }
  return s;
}
