/** LSP-compatible position: 0-based line, UTF-16 code units (what JS string offsets count). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type ConfiguredSeverity = Severity | 'off';
export type Locale = 'ar' | 'en';

/** Text in both product languages; the front end picks one by locale. */
export interface Bilingual {
  en: string;
  ar: string;
}

/** An edit in document offsets (UTF-16), half-open [start, end). */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: Bilingual;
  edits: OffsetEdit[];
  /**
   * Safe fixes are applied by `--fix` and fix-all. Unsafe ones (placeholders a writer must
   * fill in, guesses) are offered only as a quick fix the writer chooses.
   */
  safe: boolean;
}

export interface EngineDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** Both languages, so a front end can switch locale without re-running the rules. */
  messages: Bilingual;
  start: number;
  end: number;
  range: Range;
  fix?: Fix;
}
