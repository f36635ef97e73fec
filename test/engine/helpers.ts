/**
 * Shared by the fixture tests: how a fixture is linted and how its diagnostics are compared.
 * A fixture `X.md` has its expected diagnostics in `X.json` and, optionally, its own
 * `.muharrir.yaml` in `X.config.yaml`, loaded through the engine's loader with an in-memory host.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  lint,
  loadConfig,
  RULE_IDS,
  type ConfigHost,
  type ConfigProblem,
  type EngineDiagnostic,
  type LintOptions,
  type ResolvedConfig,
} from '../../server/src/engine';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** The clock, zone and language every fixture is linted with. */
export const BASE_OPTIONS: LintOptions = {
  now: new Date('2025-06-10T12:00:00Z'),
  machineTimeZone: 'Asia/Riyadh',
  locale: 'en',
};

export interface Expected {
  rule: string;
  /** 1-based, as an editor shows it. */
  line: number;
  /** Exactly the flagged text: `text.slice(start, end)`. */
  text: string;
}

/** Loads a config text as the `.muharrir.yaml` of a virtual workspace; `extra` holds files it may extend. */
export function configFromText(text: string, extra: Record<string, string> = {}): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const files = new Map<string, string>([['/ws/.muharrir.yaml', text]]);
  for (const [name, body] of Object.entries(extra)) files.set(`/ws/${name}`, body);
  const host: ConfigHost = {
    readFile: (p) => files.get(p),
    resolve: (from, target) => {
      if (target.startsWith('/')) return null;
      const dir = from.slice(0, from.lastIndexOf('/'));
      const parts = `${dir}/${target}`.split('/');
      const out: string[] = [];
      for (const p of parts) {
        if (p === '..') out.pop();
        else if (p !== '.' && p !== '') out.push(p);
      }
      return '/' + out.join('/');
    },
  };
  return loadConfig('/ws/.muharrir.yaml', host, RULE_IDS);
}

export interface Fixture {
  /** `rules/date-invalid/fires-feb-29.md` */
  name: string;
  path: string;
  text: string;
  options: LintOptions;
  configProblems: ConfigProblem[];
  expected: Expected[] | undefined;
}

export function loadFixture(path: string): Fixture {
  const text = readFileSync(path, 'utf8');
  const base = path.replace(/\.md$/, '');
  const options: LintOptions = { ...BASE_OPTIONS };
  let configProblems: ConfigProblem[] = [];
  if (existsSync(`${base}.config.yaml`)) {
    const loaded = configFromText(readFileSync(`${base}.config.yaml`, 'utf8'));
    options.config = loaded.config;
    configProblems = loaded.problems;
  }
  const expected = existsSync(`${base}.json`) ? (JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Expected[]) : undefined;
  return { name: path.slice(FIXTURES.length + 1), path, text, options, configProblems, expected };
}

/** Diagnostics as the fixtures write them, sorted by line, then rule, then column. */
export function summarize(text: string, diagnostics: readonly EngineDiagnostic[]): Expected[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || cmp(a.rule, b.rule) || a.start - b.start)
    .map((d) => ({ rule: d.rule, line: d.range.start.line + 1, text: text.slice(d.start, d.end) }));
}

export function lintFixture(f: Fixture): Expected[] {
  return summarize(f.text, lint(f.text, f.options).diagnostics);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(suffix))
    .sort()
    .map((n) => join(dir, n));
}

/** Every `*.md` under `dir`, depth first, in name order; fixture folders' READMEs are not articles. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}
