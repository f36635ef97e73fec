import type { ArticleSummary, Locale, Range, Severity } from '../engine';

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
  /** The flagged line around the range, for formats that show the text (HTML). */
  excerpt?: Excerpt;
}

/** One line of the article cut around a problem: `before`, the flagged `marked` text, `after`. */
export interface Excerpt {
  before: string;
  marked: string;
  after: string;
  /** Whether the line goes on past what is shown, at the start or the end. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface FileReport {
  /** As given on the command line, or found under a folder given there (with `/`). */
  path: string;
  abs: string;
  /** Config files are reported alongside articles but are not counted as checked files. */
  kind: 'article' | 'config';
  diagnostics: ReportDiagnostic[];
  /** The desk's view of the article (title, status, checklist…), for formats that show it (HTML). */
  article?: ArticleSummary;
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
  /** Set for formats that are one document in one language (HTML): the language of every message. */
  language?: Locale;
  /** The clock given with --now, which a report may print; never the machine's, so output stays reproducible. */
  now?: Date;
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
