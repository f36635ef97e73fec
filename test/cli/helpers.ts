import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = process.env.MUHARRIR_ROOT ?? path.resolve(__dirname, '../..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
/** A fixed clock: every article below is dated before it. */
export const NOW = '2025-06-10T00:00:00Z';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI the way a user or CI does: a separate process, real files, real exit code. */
export function muharrir(args: string[], opts: { cwd: string; env?: Record<string, string | undefined> }): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    // The locale must come from the test, not from the machine running it.
    LC_ALL: '',
    LC_MESSAGES: '',
    LANG: 'C',
    NO_COLOR: '1',
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A fresh folder per test; all of them are removed when the test file's process ends. */
export function tempDir(): string {
  if (made.length === 0) {
    process.on('exit', () => {
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-cli-')));
  made.push(dir);
  return dir;
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
}

export interface JsonReport {
  version: number;
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
  summary: { files: number; errors: number; warnings: number };
}

export function parseJson(r: CliResult): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

export function rulesOf(report: JsonReport, file: string): string[] {
  const entry = report.files.find((f) => f.path === file);
  if (!entry) throw new Error(`${file} is not in the report: ${report.files.map((f) => f.path).join(', ')}`);
  return entry.diagnostics.map((d) => d.rule);
}

/** An article that passes every rule at NOW: title, an offset date in the past, author, a list of sources, a body. */
export const CLEAN = `---
title: وزير المالية يعلن موازنة العام المقبل
date: 2025-06-02T18:00:00+03:00
author: سارة أحمد
sources:
  - وكالة الأنباء الرسمية
  - name: وزارة المالية
    type: official
---
أعلن وزير المالية موازنة عام 2026 في مؤتمر صحفي عقده في العاصمة.
`;

export const ARABIC_LETTER = /[\u0621-\u064A]/;
