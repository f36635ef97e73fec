// Checking a large archive on every core. Each article is independent, so worker threads take
// batches of files from a queue (a slow neighbour on a shared CI machine does not hold the others
// back), and the main thread puts the outcomes back in target order: the report, the warnings and
// the exit code are the same as a single-threaded run's.
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CheckOptions } from './args';
import { ConfigResolver } from './configs';
import type { Target } from './files';
import { checkTarget, finishCheck, prepareCheck, type RunContext, type RunOutcome, type TargetOutcome } from './run';

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
  const prepared = prepareCheck(options, ctx);
  const { targets, configs, now } = prepared;
  const count = entry ? workerCount(targets.length, ctx.env) : 0;
  const outcomes: (TargetOutcome | undefined)[] = new Array(targets.length);
  const warnings: string[][] = targets.map(() => []);

  if (count > 0) {
    // Config problems are reported once, from this thread, in the order a sequential run meets them.
    for (const t of targets) configs.forArticle(t.abs);
    const input: WorkerInput = { options, cwd: ctx.cwd, withFixes: ctx.withFixes, now, targets };
    let next = 0;
    const take = (): [number, number] | undefined => {
      if (next >= targets.length) return undefined;
      const range: [number, number] = [next, Math.min(next + BATCH, targets.length)];
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
                outcomes[r.index] = r.outcome;
                warnings[r.index] = r.warnings;
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

  for (let i = 0; i < targets.length; i++) {
    if (outcomes[i] !== undefined) continue;
    const lines: string[] = [];
    outcomes[i] = checkTarget(targets[i]!, options, configs, now, { ...ctx, warn: (l) => lines.push(l) });
    warnings[i] = lines;
  }
  for (const lines of warnings) for (const line of lines) ctx.warn(line);
  return finishCheck(configs, outcomes as TargetOutcome[], options, ctx);
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
