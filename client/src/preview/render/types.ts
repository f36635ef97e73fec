import type { Locale, Range } from '../../../../server/src/engine/types';

export type PreviewSeverity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A diagnostic as the preview needs it: an LSP range (0-based lines, UTF-16 characters) in the
 * text given to `renderArticle`. A `vscode.Diagnostic` converts with its `range` as is,
 * `severity` mapped from `vscode.DiagnosticSeverity` (0 Error … 3 Hint) to these names and
 * `code` as a string.
 */
export interface PreviewDiagnostic {
  range: Range;
  message: string;
  severity: PreviewSeverity;
  code?: string;
}

export interface RenderOptions {
  /** Fresh per render: at least 16 characters of [A-Za-z0-9+/=_-]. */
  nonce: string;
  /** `webview.cspSource` (e.g. `'self' https://*.vscode-cdn.net`); in tests, the origin of the local server. */
  cspSource: string;
  /** The bundled Noto Naskh Arabic woff2 (Arabic subset, regular) as a webview URI; no @font-face without it. */
  fontUri?: string;
  /** The bold woff2, optional: without it the browser emboldens the regular face. */
  fontBoldUri?: string;
  /**
   * The font's Latin subset (Latin digits, punctuation, letters), regular and bold: without them
   * digits come from a system font. Faces are split by unicode-range as @fontsource splits them.
   */
  fontLatinUri?: string;
  fontLatinBoldUri?: string;
  /** The article's folder as a webview URI: relative image paths resolve against it. */
  baseUri?: string;
  /** The preview script (scroll sync, toggles), loaded with the nonce. */
  scriptUri?: string;
  allowRemoteImages: boolean;
  /** Forces a palette; without it the CSS follows VS Code's `vscode-light|dark|high-contrast` body classes. */
  theme?: 'light' | 'dark' | 'high-contrast';
  width: 'desktop' | 'mobile';
  view: 'article' | 'social-card';
  diagnostics?: readonly PreviewDiagnostic[];
  showDiagnostics: boolean;
  /** Language of the writer's notes (problems, notices, placeholders). */
  locale: Locale;
  /** The clock, for the scheduled/embargo notes. */
  now?: Date;
  /** `.muharrir.yaml` `timezone` (IANA); without it, the offset of the article's own `date`. */
  timeZone?: string;
  /** Last fallback zone when `date` has no offset and no zone is configured. */
  machineTimeZone?: string;
  /** Digits of the printed dates; `auto` follows the digits the article itself uses. */
  digits?: 'auto' | 'latin' | 'arabic-indic';
  /** Share-card limits in grapheme clusters. */
  card?: { titleMax?: number; summaryMax?: number };
}

/** One rendered element that carries `data-line`, for scroll sync. */
export interface BlockLine {
  /** 0-based line in the text given to `renderArticle` where the element's source starts. */
  line: number;
  /** Line after its last source line (exclusive). */
  endLine: number;
  /** What it is: `header`, `title`, `summary`, `paragraph`, `heading`, `blockquote`, `fence`… */
  kind: string;
}

export type RenderWarningCode =
  | 'frontmatter-missing'
  | 'frontmatter-broken'
  | 'frontmatter-unclosed'
  | 'frontmatter-foreign'
  | 'language-invalid'
  | 'date-invalid'
  | 'hijri-unavailable'
  | 'remote-image'
  | 'image-unsupported'
  | 'link-blocked'
  | 'diagnostic-unplaced';

export interface RenderWarning {
  code: RenderWarningCode;
  /** In the writer's locale. */
  message: string;
  line?: number;
}

export interface RenderResult {
  /** The whole webview document. */
  html: string;
  /** The content of `#muharrir-root`: swap it in place for a live update without a reload. */
  fragment: string;
  /** The classes this render puts on <body> (besides VS Code's own). */
  bodyClass: string;
  /** The Content-Security-Policy of `html`, also in its <meta>. */
  csp: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  /** The headline as plain text ('' when there is none), e.g. for the panel title. */
  title: string;
  blocks: BlockLine[];
  warnings: RenderWarning[];
}
