import { parseArticle, type ArticleDocument } from './document';
import { defaultConfig, type ResolvedConfig } from './config';
import { isDateProblem, parseDateTime, type TimeZoneChoice } from './dates';
import { getEntry, type FmMap } from './frontmatter';
import { RULES } from '../rules';
import { SOURCE_BODY_RULES } from '../rules/sources';
import { DATE_BODY_RULES } from '../rules/dates';
import { TYPOGRAPHY_RULES } from '../rules/typography';
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
  /**
   * The clocks for which these diagnostics hold: the same text and config linted at any `now` with
   * `from <= now < until` gives the same result (what a cache may rely on). Unbounded ends are
   * ±Infinity; a rule that used the exact time (a fix inserting it) makes the window one millisecond.
   */
  clock: ClockWindow;
}

export interface ClockWindow {
  from: number;
  until: number;
}

/**
 * The most reports one body rule makes in one document. Past a few hundred, more of the same (a
 * pasted book's Latin commas, a wall of bidi controls) bury the editor and slow every front end;
 * the rest are counted and said in one last diagnostic. Fix-all still reaches them, a batch per
 * pass. Frontmatter rules report once per field and are not capped.
 */
export const MAX_REPORTS_PER_RULE = 200;
const CAPPED: ReadonlySet<Rule> = new Set([...SOURCE_BODY_RULES, ...DATE_BODY_RULES, ...TYPOGRAPHY_RULES]);

/** Frontmatter problems after which field rules would only guess. */
const BLOCKING = new Set(['yaml', 'unclosed', 'language', 'not-a-map', 'too-deep', 'too-large']);

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** True when the newsroom chose this rule's severity, which then applies to every report. */
function severityIsConfigured(rule: Rule, config: ResolvedConfig): boolean {
  return config.rules[rule.id]?.severity !== undefined;
}

/** Whether the frontmatter rules run on this document: its frontmatter was read cleanly enough to trust. */
export function frontmatterUsable(doc: ArticleDocument): boolean {
  const fm = doc.frontmatter;
  return !!fm && !!fm.root && !fm.problems.some((p) => BLOCKING.has(p.kind));
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const locale = options.locale ?? 'en';
  const document = parseArticle(text);
  const timeZone = chooseTimeZone(document, config, options.machineTimeZone);
  const diagnostics: EngineDiagnostic[] = [];
  const internalErrors: LintResult['internalErrors'] = [];
  const fm = document.frontmatter;
  const fmUsable = frontmatterUsable(document);
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const clock: ClockWindow = { from: -Infinity, until: Infinity };
  const isPast = (instant: number): boolean => {
    if (instant <= nowMs) {
      clock.from = Math.max(clock.from, instant);
      return true;
    }
    clock.until = Math.min(clock.until, instant);
    return false;
  };

  for (const rule of RULES) {
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    if (rule.needs === 'frontmatter' && !fmUsable) continue;
    const fixedSeverity = severityIsConfigured(rule, config);
    const cap = CAPPED.has(rule) ? MAX_REPORTS_PER_RULE : Infinity;
    let listed = 0;
    let unlisted = 0;
    let firstUnlisted: EngineDiagnostic | undefined;
    const ctx: RuleContext = {
      doc: document,
      fm: (fmUsable ? fm!.root : null) as FmMap,
      config,
      profile: config.profile,
      get now() {
        clock.from = Math.max(clock.from, nowMs);
        clock.until = Math.min(clock.until, nowMs + 1);
        return now;
      },
      isPast,
      timeZone,
      author: options.author,
      options: config.rules[rule.id]?.options ?? {},
      report(r: RuleReport) {
        const start = Math.max(0, Math.min(r.start, text.length));
        const end = Math.max(start, Math.min(r.end, text.length));
        if (unlisted > 0) {
          // Past the cap and its first unlisted report: only counted.
          if (!document.directives.isDisabled(rule.id, document.lines.positionAt(start).line)) unlisted++;
          return;
        }
        const range = document.lines.rangeOf(start, end);
        if (document.directives.isDisabled(rule.id, range.start.line)) return;
        if (listed === cap) unlisted++;
        const diagnostic: EngineDiagnostic = {
          rule: rule.id,
          severity: fixedSeverity ? severity : (r.severity ?? severity),
          message: r.message[locale],
          messages: r.message,
          start,
          end,
          range,
          fix: r.fix,
        };
        if (listed < cap) {
          listed++;
          diagnostics.push(diagnostic);
        } else firstUnlisted = diagnostic;
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      internalErrors.push({ rule: rule.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
    if (firstUnlisted) diagnostics.push(unlistedSummary(firstUnlisted, unlisted, locale));
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { document, diagnostics, timeZone, internalErrors, clock };
}

/** The last diagnostic of a rule that reported more than MAX_REPORTS_PER_RULE: how many more, where the list stops. */
function unlistedSummary(first: EngineDiagnostic, count: number, locale: Locale): EngineDiagnostic {
  const messages = {
    en: `${count} more ${first.rule} problems in this file are not listed: each rule lists at most ${MAX_REPORTS_PER_RULE}. Fix the ones listed (fix-all applies the safe fixes) and check again to see the rest.`,
    ar: `لم تُعرض مشكلات أخرى من القاعدة ${first.rule} في هذا الملف، وعددها ${count}: لا تعرض كل قاعدة أكثر من ${MAX_REPORTS_PER_RULE}. أصلح المعروض منها (يطبّق «إصلاح الكل» الإصلاحات الآمنة) ثم أعد الفحص لترى البقية.`,
  };
  return { rule: first.rule, severity: first.severity, message: messages[locale], messages, start: first.start, end: first.end, range: first.range };
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
  const zone = machineTimeZone ?? machineZone();
  return { zone, fixedOffset: null, origin: 'machine' };
}

let cachedMachineZone: string | undefined;

/** The process's zone, asked once: building a formatter to ask costs more than many a rule. */
function machineZone(): string {
  return (cachedMachineZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
}
