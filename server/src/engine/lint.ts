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
  /**
   * The same document's previous lint: paragraphs a keystroke did not touch are not read again.
   * Ignored when its frontmatter or config differ from this lint's.
   */
  previous?: LintResult;
  /**
   * The document will be linted again after an edit (an editor's open document): keep what each
   * paragraph holds for that lint to take. Costs a batch run (the CLI) ~10% for nothing, so off there.
   */
  incremental?: boolean;
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
  /** The config it was linted under (a next lint reuses this one's findings only under the same). */
  config: ResolvedConfig;
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

/** What a rule the config says nothing about sees as its options. */
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Frontmatter problems after which field rules would only guess. */
const BLOCKING = new Set(['yaml', 'unclosed', 'language', 'not-a-map', 'too-deep', 'too-large']);

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/** Whether the frontmatter rules run on this document: its frontmatter was read cleanly enough to trust. */
export function frontmatterUsable(doc: ArticleDocument): boolean {
  const fm = doc.frontmatter;
  return !!fm && !!fm.root && !fm.problems.some((p) => BLOCKING.has(p.kind));
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const before = options.previous?.document;
  const document = parseArticle(text, before);
  if (before && before.bodyStart === document.bodyStart && options.previous!.config === config && sameHead(before, document)) {
    document.previous = before;
  }
  if (options.incremental) document.incremental = true;
  const timeZone = chooseTimeZone(document, config, options.machineTimeZone);
  const fmUsable = frontmatterUsable(document);
  const run = new LintRun(document, config, (fmUsable ? document.frontmatter!.root : null) as FmMap, timeZone, options);
  for (const rule of RULES) {
    const chosen = config.rules[rule.id];
    const severity = chosen?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    if (rule.needs === 'frontmatter' && !fmUsable) continue;
    run.begin(rule, severity, chosen?.severity !== undefined, chosen?.options ?? NO_OPTIONS);
    try {
      rule.check(run);
    } catch (err) {
      run.internalErrors.push({ rule: rule.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
    run.end();
  }
  // Only for this lint: what a hover computes later reads this text alone, and no document holds on to its predecessors.
  document.previous = undefined;
  document.incremental = undefined;
  const { diagnostics } = run;
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { document, diagnostics, timeZone, internalErrors: run.internalErrors, clock: run.clock, config };
}

/**
 * Whether `after` starts with everything of `before` up to its body. A frontmatter `parseArticle`
 * took over from `before` was taken because it does: the text is not compared a second time.
 */
function sameHead(before: ArticleDocument, after: ArticleDocument): boolean {
  if (after.frontmatter !== null && after.frontmatter === before.frontmatter) return true;
  return after.text.startsWith(before.text.slice(0, before.bodyStart));
}

/**
 * The context every rule of one lint sees, moved from rule to rule. One object with its `now`
 * getter on the prototype: a fresh object literal with a getter per rule and article was a
 * measurable share of the CLI's time.
 */
class LintRun implements RuleContext {
  readonly diagnostics: EngineDiagnostic[] = [];
  readonly internalErrors: LintResult['internalErrors'] = [];
  readonly clock: ClockWindow = { from: -Infinity, until: Infinity };
  readonly profile: RuleContext['profile'];
  readonly author: string | undefined;
  private readonly at: Date;
  private readonly atMs: number;
  private readonly locale: Locale;
  private rule!: Rule;
  private severity: Severity = 'warning';
  private fixedSeverity = false;
  private cap = Infinity;
  private listed = 0;
  private unlisted = 0;
  private firstUnlisted: EngineDiagnostic | undefined;
  options: Record<string, unknown> = {};

  constructor(
    readonly doc: ArticleDocument,
    readonly config: ResolvedConfig,
    readonly fm: FmMap,
    readonly timeZone: TimeZoneChoice,
    lintOptions: LintOptions,
  ) {
    this.profile = config.profile;
    this.author = lintOptions.author;
    this.at = lintOptions.now ?? new Date();
    this.atMs = this.at.getTime();
    this.locale = lintOptions.locale ?? 'en';
  }

  begin(rule: Rule, severity: Severity, fixedSeverity: boolean, options: Record<string, unknown>): void {
    this.rule = rule;
    this.severity = severity;
    this.fixedSeverity = fixedSeverity;
    this.options = options;
    this.cap = CAPPED.has(rule) ? MAX_REPORTS_PER_RULE : Infinity;
    this.listed = 0;
    this.unlisted = 0;
    this.firstUnlisted = undefined;
  }

  end(): void {
    if (this.firstUnlisted) this.diagnostics.push(unlistedSummary(this.firstUnlisted, this.unlisted, this.locale));
  }

  get now(): Date {
    this.clock.from = Math.max(this.clock.from, this.atMs);
    this.clock.until = Math.min(this.clock.until, this.atMs + 1);
    return this.at;
  }

  isPast(instant: number): boolean {
    if (instant <= this.atMs) {
      this.clock.from = Math.max(this.clock.from, instant);
      return true;
    }
    this.clock.until = Math.min(this.clock.until, instant);
    return false;
  }

  keep: RuleReport[] | undefined = undefined;

  report(r: RuleReport): void {
    this.keep?.push(r);
    const { doc, rule } = this;
    const length = doc.text.length;
    const start = Math.max(0, Math.min(r.start, length));
    const end = Math.max(start, Math.min(r.end, length));
    if (this.unlisted > 0) {
      // Past the cap and its first unlisted report: only counted.
      if (!doc.directives.isDisabled(rule.id, doc.lines.positionAt(start).line)) this.unlisted++;
      return;
    }
    const range = doc.lines.rangeOf(start, end);
    if (doc.directives.isDisabled(rule.id, range.start.line)) return;
    if (this.listed === this.cap) this.unlisted++;
    const diagnostic: EngineDiagnostic = {
      rule: rule.id,
      severity: this.fixedSeverity ? this.severity : (r.severity ?? this.severity),
      message: r.message[this.locale],
      messages: r.message,
      start,
      end,
      range,
      fix: r.fix,
    };
    if (this.listed < this.cap) {
      this.listed++;
      this.diagnostics.push(diagnostic);
    } else this.firstUnlisted = diagnostic;
  }
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
