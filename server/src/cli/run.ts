import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleSummary, fixAll, lint, type ConfigProblem, type EngineDiagnostic, type LineIndex, type LintOptions, type Locale, type ResolvedConfig } from '../engine';
import type { CheckOptions } from './args';
import { ConfigResolver } from './configs';
import { collectTargets, type Target } from './files';
import { chooseLocale } from './locale';
import { decodeFile, roundTrips } from './read';
import { sha1 } from '../node/hash';
import type { Cacheable } from './cache';
import { excerptAt } from './excerpt';
import { summarize, type FileReport, type Report, type ReportDiagnostic } from './report';
import { errorText, writeIfUnchanged, type WriterFs } from './write';

export interface RunContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** One line for the user on stderr (skipped files, refused writes, internal errors). */
  warn(line: string): void;
  /** Whether reports need each safe fix spelled out as edits (SARIF carries them). */
  withFixes: boolean;
  /** The file system --fix writes through; the real one unless a test races it. */
  writerFs?: WriterFs;
}

export interface RunOutcome {
  report: Report;
  /** Something went wrong that is not the articles' fault: exit 2 after reporting the rest. */
  failed: boolean;
  fixedFiles: number;
}

/** What checking one file produced; plain data, so a worker thread can send it back. */
export interface TargetOutcome {
  report?: FileReport;
  failed: boolean;
  fixed: boolean;
  /** With --cache: what the next run needs to reuse this report. */
  cacheable?: Cacheable;
}

export interface PreparedCheck {
  targets: Target[];
  configs: ConfigResolver;
  /** One clock for the whole run, so two articles checked a second apart cannot disagree about "the future". */
  now: Date;
}

export function prepareCheck(options: CheckOptions, ctx: Pick<RunContext, 'cwd'>): PreparedCheck {
  const targets = collectTargets(options.paths, ctx.cwd);
  const configs = new ConfigResolver(options.config, ctx.cwd);
  return { targets, configs, now: options.now ?? new Date() };
}

export function runCheck(options: CheckOptions, ctx: RunContext): RunOutcome {
  const prepared = prepareCheck(options, ctx);
  const outcomes = prepared.targets.map((target) => checkTarget(target, options, prepared.configs, prepared.now, ctx));
  return finishCheck(prepared.configs, outcomes, options, ctx);
}

/** Reads, fixes (with --fix) and lints one file; never throws. */
export function checkTarget(target: Target, options: CheckOptions, configs: ConfigResolver, now: Date, ctx: RunContext): TargetOutcome {
  try {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(target.abs);
    } catch (err) {
      ctx.warn(`cannot read ${target.display}: ${errorText(err)}`);
      return { failed: true, fixed: false };
    }
    const decoded = decodeFile(bytes);
    if (decoded.binary) {
      ctx.warn(`skipped ${target.display}: binary file`);
      return { failed: false, fixed: false };
    }
    const { config } = configs.forArticle(target.abs);
    const locale = messageLocale(options, config, ctx.env);
    const lintOptions: LintOptions = { config, locale, now };
    let text = decoded.text;
    let failed = false;
    let fixed = false;

    if (options.fix) {
      const fixedText = fixAll(text, lintOptions).text;
      if (fixedText !== text) {
        if (!roundTrips(text, decoded.bom, bytes)) {
          ctx.warn(`not fixed ${target.display}: it is not valid UTF-8, and rewriting it would lose the bytes that are not`);
        } else {
          const written = writeIfUnchanged(target.abs, bytes, (decoded.bom ? '\ufeff' : '') + fixedText, ctx.writerFs);
          if (written.ok) {
            fixed = true;
            text = fixedText;
          } else {
            ctx.warn(`not fixed ${target.display}: ${written.reason}`);
            failed = true;
          }
        }
      }
    }

    const result = lint(text, lintOptions);
    for (const e of result.internalErrors) {
      ctx.warn(`internal error in rule ${e.rule} on ${target.display}: ${e.error.split('\n')[0]}`);
      failed = true;
    }
    const report: FileReport = {
      path: target.display,
      abs: target.abs,
      kind: 'article',
      diagnostics: result.diagnostics.map((d) => toReport(d, locale, ctx.withFixes ? result.document.lines : undefined)),
    };
    if (options.format === 'html') {
      // The HTML report shows each problem in its line and the desk's view of the article.
      report.diagnostics.forEach((d) => (d.excerpt = excerptAt(result.document.lines, d.range)));
      report.article = articleSummary(result.document, result.diagnostics, config.profile);
    }
    const cacheable = options.cache && !options.fix && !failed ? { hash: sha1(bytes), clock: result.clock } : undefined;
    return { failed, fixed, report, ...(cacheable ? { cacheable } : {}) };
  } catch (err) {
    // The engine promises not to throw; if it does, the other articles still get checked.
    ctx.warn(`internal error on ${target.display}: ${errorText(err)}`);
    return { failed: true, fixed: false };
  }
}

/** The report from every file's outcome (in target order) and the config files' own problems. */
export function finishCheck(configs: ConfigResolver, outcomes: readonly TargetOutcome[], options: CheckOptions, ctx: RunContext): RunOutcome {
  const articles: FileReport[] = [];
  let failed = false;
  let fixedFiles = 0;
  for (const o of outcomes) {
    if (o.report) articles.push(o.report);
    if (o.failed) failed = true;
    if (o.fixed) fixedFiles++;
  }
  const files = [...configReports(configs.problems, options, ctx), ...articles];
  const report: Report = { files, summary: summarize(files) };
  if (options.format === 'html') {
    report.language = htmlLanguage(options);
    if (options.now) report.now = options.now;
  }
  return { report, failed, fixedFiles };
}

function toReport(d: EngineDiagnostic, locale: Locale, lines: LineIndex | undefined): ReportDiagnostic {
  const out: ReportDiagnostic = {
    rule: d.rule,
    severity: d.severity,
    message: d.messages[locale] ?? d.message,
    range: d.range,
    fixable: d.fix?.safe === true,
  };
  if (lines && d.fix?.safe) {
    out.fix = {
      title: d.fix.title[locale],
      edits: d.fix.edits.map((e) => ({ range: lines.rangeOf(e.start, e.end), newText: e.newText })),
    };
  }
  return out;
}

/** Config problems as diagnostics of the config file itself (rule `config`), one entry per file. */
function configReports(
  problems: readonly { problem: ConfigProblem; config: ResolvedConfig }[],
  options: CheckOptions,
  ctx: RunContext,
): FileReport[] {
  const byFile = new Map<string, FileReport>();
  const explicit = options.config !== undefined ? path.resolve(ctx.cwd, options.config) : undefined;
  for (const { problem, config } of problems) {
    const abs = path.resolve(problem.file);
    let entry = byFile.get(abs);
    if (!entry) {
      const display = abs === explicit ? options.config! : displayPath(abs, ctx.cwd);
      entry = { path: display, abs, kind: 'config', diagnostics: [] };
      byFile.set(abs, entry);
    }
    const locale = messageLocale(options, config, ctx.env);
    entry.diagnostics.push({
      rule: 'config',
      severity: problem.severity,
      message: problem.message[locale],
      range: problem.range,
      fixable: false,
    });
  }
  for (const entry of byFile.values()) {
    entry.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return [...byFile.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The HTML report is one document in one language: `--lang`, else Arabic, the language it is laid
 * out for (right to left). Other formats follow each file's config and the environment.
 */
function htmlLanguage(options: CheckOptions): Locale {
  return options.lang ?? 'ar';
}

export function messageLocale(options: CheckOptions, config: ResolvedConfig, env: NodeJS.ProcessEnv): Locale {
  return options.format === 'html' ? htmlLanguage(options) : chooseLocale(options.lang, config, env);
}

/** Relative to the working folder when inside it (what a CI log or an editor can open), else absolute. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return path.sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}
