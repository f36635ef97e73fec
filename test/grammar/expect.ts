/**
 * The expectation format of test/fixtures/grammar/: `X.md` is an article, `X.json` beside it says
 * which words carry which scopes, by line (1-based, as the editor shows it) and text:
 *
 *   { "about": "…", "expect": [
 *       { "line": 7, "text": "وقالت", "scopes": ["keyword.other.attribution.verb.muharrir"] },
 *       { "line": 9, "text": "مقال", "not": ["keyword.other.attribution"] },
 *       { "line": 2, "text": "title", "scopes": ["…"], "editors": ["vscode-1.139"] } ] }
 *
 * `scopes`: the text is exactly one or more whole tokens, and each carries every scope listed.
 * `not`: no character of the text carries a scope starting with any of these.
 * A scope matches by dot-separated prefix, as theme selectors do. `nth` picks among repeats on the
 * line (0 first); `editors` limits an entry to some of the editors in tokenize.ts.
 */
import type { Editor, Token } from './tokenize';

export interface Expectation {
  line: number;
  text: string;
  nth?: number;
  scopes?: string[];
  not?: string[];
  editors?: Editor[];
}

export interface ExpectationFile {
  about: string;
  expect: Expectation[];
}

export function scopeMatches(scope: string, wanted: string): boolean {
  return scope === wanted || scope.startsWith(wanted + '.');
}

/** The problems with one expectation (empty when it holds), and how many checks it made. */
export function check(lines: readonly Token[][], source: readonly string[], e: Expectation): { problems: string[]; checks: number } {
  const problems: string[] = [];
  const where = `line ${e.line} «${e.text}»`;
  const text = source[e.line - 1];
  const tokens = lines[e.line - 1];
  if (text === undefined || tokens === undefined) return { problems: [`${where}: no such line`], checks: 1 };
  let start = -1;
  for (let k = 0, from = 0; k <= (e.nth ?? 0); k++, from = start + 1) {
    start = text.indexOf(e.text, from);
    if (start < 0) return { problems: [`${where}: text not on the line`], checks: 1 };
  }
  const end = start + e.text.length;
  const inside = tokens.filter((t) => t.end > start && t.start < end);
  const show = inside.map((t) => `«${t.text}» ${t.scopes.slice(1).join(' ')}`).join(' | ');
  let checks = 0;
  for (const want of e.scopes ?? []) {
    checks++;
    if (inside.length === 0 || inside[0].start !== start || inside[inside.length - 1].end !== end) {
      problems.push(`${where}: not whole tokens (${show})`);
    } else if (!inside.every((t) => t.scopes.some((s) => scopeMatches(s, want)))) {
      problems.push(`${where}: expected ${want} (${show})`);
    }
  }
  for (const unwanted of e.not ?? []) {
    checks++;
    if (inside.some((t) => t.scopes.some((s) => scopeMatches(s, unwanted)))) problems.push(`${where}: unexpected ${unwanted} (${show})`);
  }
  if (checks === 0) problems.push(`${where}: neither scopes nor not`);
  return { problems, checks };
}
