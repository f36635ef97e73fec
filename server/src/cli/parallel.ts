// Checking a large archive on every core. Each article is independent, so worker threads take
// batches of files from a queue (a slow neighbour on a shared CI machine does not hold the others
// back), and the main thread puts the outcomes back in target order: the report, the warnings and
// the exit code are the same as a single-threaded run's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from './args';
import { ConfigResolver } from './configs';
import type { Target } from './files';
import { sha1 } from '../node/hash';
import { CheckCache, DEFAULT_CACHE_FILE, resultKey } from './cache';
import type { FileReport } from './report';
import { checkTarget, finishCheck, messageLocale, prepareCheck, type PreparedCheck, type RunContext, type RunOutcome, type TargetOutcome } from './run';

/** Below this many files a worker's start-up (loading the engine again) costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
const BATCH = 40;

interface WorkerInput {
  options: CheckOptions;
  cwd: string;
  withFixes: boolean;
  now: Date;
  targets: Target[];
}

type ToWorker = { batch: [number, number] } | { stop: true };
type FromWorker = { ready: true } | { results: { index: number; outcome: TargetOutcome; warnings: string[] }[] };

/**
 * How many workers to use: `MUHARRIR_WORKERS` when set (0 or 1 turns them off), else one per
 * core up to 8, and none for small inputs.
 */
export function workerCount(files: number, env: NodeJS.ProcessEnv): number {
  const raw = env.MUHARRIR_WORKERS;
  const configured = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  if (configured !== undefined) return configured <= 1 ? 0 : Math.min(configured, files);
  if (files < PARALLEL_MIN_FILES) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores < 2 ? 0 : Math.min(cores, 8, Math.ceil(files / BATCH));
}

/**
 * `runCheck` over worker threads started from `entry` (the CLI's own bundle, which calls
 * `workerMain` when it is not the main thread). Falls back to this thread for files a worker
 * could not finish.
 */
export async function runCheckParallel(options: CheckOptions, ctx: RunContext, entry: string | undefined): Promise<RunOutcome> {
  const run = beginCheck(options, ctx);
  const { targets, configs, now, pending, outcomes, warnings } = run;
  const count = entry ? workerCount(pending.length, ctx.env) : 0;

  if (count > 0) {
    // Config problems are reported once, from this thread, in the order a sequential run meets them.
    for (const t of targets) configs.forArticle(t.abs);
    const input: WorkerInput = { options, cwd: ctx.cwd, withFixes: ctx.withFixes, now, targets: pending.map((i) => targets[i]!) };
    let next = 0;
    const take = (): [number, number] | undefined => {
      if (next >= pending.length) return undefined;
      const range: [number, number] = [next, Math.min(next + BATCH, pending.length)];
      next = range[1];
      return range;
    };
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve) => {
          const worker = new Worker(entry!, { workerData: input, stdout: false, stderr: false });
          const feed = () => {
            const batch = take();
            worker.postMessage(batch ? ({ batch } satisfies ToWorker) : ({ stop: true } satisfies ToWorker));
          };
          worker.on('message', (msg: FromWorker) => {
            if ('results' in msg) {
              for (const r of msg.results) {
                outcomes[pending[r.index]!] = r.outcome;
                warnings[pending[r.index]!] = r.warnings;
              }
            }
            feed();
          });
          // A worker that dies leaves its files unchecked; they are checked below on this thread.
          worker.on('error', () => resolve());
          worker.on('exit', () => resolve());
        }),
      ),
    );
  }
  return endCheck(run, options, ctx);
}

/** `runCheckParallel` without worker threads, for callers that need an answer now. */
export function runCheckSequential(options: CheckOptions, ctx: RunContext): RunOutcome {
  return endCheck(beginCheck(options, ctx), options, ctx);
}

interface CheckRun extends PreparedCheck {
  outcomes: (TargetOutcome | undefined)[];
  warnings: string[][];
  /** Indices of the targets still to lint (all of them without --cache). */
  pending: number[];
  cache: CheckCache | undefined;
  keys: (string | undefined)[];
}

function beginCheck(options: CheckOptions, ctx: RunContext): CheckRun {
  const prepared = prepareCheck(options, ctx);
  const { targets } = prepared;
  const outcomes: (TargetOutcome | undefined)[] = new Array(targets.length);
  const warnings: string[][] = targets.map(() => []);
  const cache = options.cache && !options.fix ? CheckCache.load(path.resolve(ctx.cwd, options.cacheLocation ?? DEFAULT_CACHE_FILE), ctx.warn) : undefined;
  const keys: (string | undefined)[] = new Array(targets.length);
  if (cache) reuseCached(cache, targets, options, prepared.configs, prepared.now, ctx, outcomes, keys);
  const pending: number[] = [];
  for (let i = 0; i < targets.length; i++) if (outcomes[i] === undefined) pending.push(i);
  return { ...prepared, outcomes, warnings, pending, cache, keys };
}

/** Lints on this thread what no worker did, says the warnings in file order, keeps the cache. */
function endCheck(run: CheckRun, options: CheckOptions, ctx: RunContext): RunOutcome {
  const { targets, configs, now, outcomes, warnings, pending, cache } = run;
  for (const i of pending) {
    if (outcomes[i] !== undefined) continue;
    const lines: string[] = [];
    outcomes[i] = checkTarget(targets[i]!, options, configs, now, { ...ctx, warn: (l) => lines.push(l) });
    warnings[i] = lines;
  }
  for (const lines of warnings) for (const line of lines) ctx.warn(line);
  if (cache) {
    for (const i of pending) {
      const o = outcomes[i]!;
      if (o.report && o.cacheable) cache.set(targets[i]!.abs, o.report, run.keys[i] ?? keyFor(targets[i]!.abs, options, configs, ctx), o.cacheable);
    }
    cache.save(ctx.warn);
  }
  return finishCheck(configs, outcomes as TargetOutcome[], options, ctx);
}

function keyFor(abs: string, options: CheckOptions, configs: ConfigResolver, ctx: RunContext): string {
  const { config } = configs.forArticle(abs);
  return resultKey(config, messageLocale(options, config, ctx.env), { withFixes: ctx.withFixes, html: options.format === 'html' });
}

/**
 * Fills `outcomes` with the cached reports of files whose bytes, config and clock still match.
 * Reading and hashing a file costs a fraction of linting it; a file that cannot be read is left
 * for the normal path, which reports it.
 */
function reuseCached(
  cache: CheckCache,
  targets: readonly Target[],
  options: CheckOptions,
  configs: ConfigResolver,
  now: Date,
  ctx: RunContext,
  outcomes: (TargetOutcome | undefined)[],
  keys: (string | undefined)[],
): void {
  const at = now.getTime();
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(t.abs);
    } catch {
      continue;
    }
    const key = keyFor(t.abs, options, configs, ctx);
    keys[i] = key;
    const hit = cache.get(t.abs, sha1(bytes), key, at);
    if (!hit) continue;
    const report: FileReport = { path: t.display, abs: t.abs, kind: 'article', diagnostics: hit.diagnostics };
    if (hit.article) report.article = hit.article;
    outcomes[i] = { failed: false, fixed: false, report };
  }
}

/** True when this bundle was started as a worker by `runCheckParallel`. */
export function isCheckWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as Partial<WorkerInput> | undefined)?.targets !== undefined;
}

export function workerMain(): void {
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const configs = new ConfigResolver(input.options.config, input.cwd);
  port.on('message', (msg: ToWorker) => {
    if ('stop' in msg) {
      port.close();
      return;
    }
    const results: { index: number; outcome: TargetOutcome; warnings: string[] }[] = [];
    for (let i = msg.batch[0]; i < msg.batch[1]; i++) {
      const lines: string[] = [];
      const ctx: RunContext = { cwd: input.cwd, env: process.env, warn: (l) => lines.push(l), withFixes: input.withFixes };
      results.push({ index: i, outcome: checkTarget(input.targets[i]!, input.options, configs, input.now, ctx), warnings: lines });
    }
    port.postMessage({ results } satisfies FromWorker);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}
