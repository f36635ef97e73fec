import * as os from 'node:os';

/**
 * How many background threads V8 gets in a Muharrir server: one fewer than the cores, at most
 * Node's default of 4. With the default on a 2-core machine, V8's compiler and collector threads
 * outnumbered the cores while a fresh server compiled the engine, and the writer's lint waited
 * for them: measured with `npm run bench`'s series on this kind of machine, `--v8-pool-size=1`
 * took the 2,000-word pull p95 from 10-16 ms to 8-10.5 ms and the 20,000-word push p95 after the
 * debounce from 36-45 ms to 28-30 ms (paired runs, docs/performance.md). Node reads it only at
 * start-up, so it is a command-line flag for whoever starts the server.
 */
export function v8PoolSize(cores: number = availableCores()): number {
  return Math.max(1, Math.min(4, Math.floor(cores) - 1));
}

/** The Node flags a Muharrir server should start with on this machine. */
export function serverExecArgv(cores?: number): string[] {
  return [`--v8-pool-size=${v8PoolSize(cores)}`];
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
}
