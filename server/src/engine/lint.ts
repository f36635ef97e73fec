import { parseArticle, type ArticleDocument } from './document';
import { defaultConfig, type ResolvedConfig } from './config';
import { isDateProblem, parseDateTime, type TimeZoneChoice } from './dates';
import { getEntry, type FmMap } from './frontmatter';
import { RULES } from '../rules';
import type { Rule, RuleContext, RuleReport } from './rule';
import type { EngineDiagnostic, Locale, Severity } from './types';

export interface LintOptions {
  config?: ResolvedConfig;
  locale?: Locale;
  /** The clock, injectable so `date-future` and new timestamps are testable. */
  now?: Date;
  /** The machine's IANA zone: the last fallback for new timestamps. */
  machineTimeZone?: string;
  author?: string;
}

export interface LintResult {
  document: ArticleDocument;
  diagnostics: EngineDiagnostic[];
  timeZone: TimeZoneChoice;
  /** Rules that threw: reported to logs by the front ends, never to the writer as a crash. */
  internalErrors: { rule: string; error: string }[];
}

/** Frontmatter problems after which field rules would only guess. */
const BLOCKING = new Set(['yaml', 'unclosed', 'language', 'not-a-map', 'too-deep', 'too-large']);

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** True when the newsroom chose this rule's severity, which then applies to every report. */
function severityIsConfigured(rule: Rule, config: ResolvedConfig): boolean {
  return config.rules[rule.id]?.severity !== undefined;
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const locale = options.locale ?? 'en';
  const document = parseArticle(text);
  const timeZone = chooseTimeZone(document, config, options.machineTimeZone);
  const diagnostics: EngineDiagnostic[] = [];
  const internalErrors: LintResult['internalErrors'] = [];
  const fm = document.frontmatter;
  const fmUsable = !!fm && !!fm.root && !fm.problems.some((p) => BLOCKING.has(p.kind));

  for (const rule of RULES) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    if (rule.needs === 'frontmatter' && !fmUsable) continue;
    const fixedSeverity = severityIsConfigured(rule, config);
    const ctx: RuleContext = {
      doc: document,
      fm: (fmUsable ? fm!.root : null) as FmMap,
      config,
      profile: config.profile,
      now: options.now ?? new Date(),
      timeZone,
      author: options.author,
      options: config.rules[rule.id]?.options ?? {},
      report(r: RuleReport) {
        const start = Math.max(0, Math.min(r.start, text.length));
        const end = Math.max(start, Math.min(r.end, text.length));
        const range = document.lines.rangeOf(start, end);
        if (document.directives.isDisabled(rule.id, range.start.line)) return;
        diagnostics.push({
          rule: rule.id,
          severity: fixedSeverity ? severity : (r.severity ?? severity),
          message: r.message[locale],
          messages: r.message,
          start,
          end,
          range,
          fix: r.fix,
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      internalErrors.push({ rule: rule.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { document, diagnostics, timeZone, internalErrors };
}

/** DESIGN §2: the config's zone, else the offset of the article's own `date`, else the machine's zone. */
export function chooseTimeZone(doc: ArticleDocument, config: ResolvedConfig, machineTimeZone?: string): TimeZoneChoice {
  if (config.timezone) return { zone: config.timezone, fixedOffset: null, origin: 'config' };
  const date = getEntry(doc.frontmatter?.root, 'date')?.value;
  if (date?.kind === 'scalar' && typeof date.value === 'string') {
    const parsed = parseDateTime(date.value);
    if (!isDateProblem(parsed) && parsed.offsetMinutes !== null) {
      return { zone: null, fixedOffset: parsed.offsetMinutes, origin: 'article' };
    }
  }
  const zone = machineTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  return { zone, fixedOffset: null, origin: 'machine' };
}
