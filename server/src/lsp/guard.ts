import type { Connection } from 'vscode-languageserver';

export type Logger = Pick<Connection['console'], 'error' | 'warn' | 'info' | 'log'>;

export function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * Wraps a handler so that a throw (or a rejected promise) is logged and answered with `fallback`:
 * one bad document must cost the writer one empty answer, never the whole server.
 */
export function guard<A extends unknown[], R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      log.error(`[muharrir] ${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}

/** Same as guard, for fire-and-forget work (notifications, timers) whose promise nobody awaits. */
export function runGuarded(log: Logger, name: string, work: () => unknown): void {
  try {
    const r = work();
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      (r as Promise<unknown>).then(undefined, (err) => log.error(`[muharrir] ${name} failed: ${describeError(err)}`));
    }
  } catch (err) {
    log.error(`[muharrir] ${name} failed: ${describeError(err)}`);
  }
}
