import type { Connection } from 'vscode-languageserver';

/**
 * How long the server took to answer a keystroke's diagnostics, measured where DESIGN.md §7 puts
 * the target ("server-side, after debounce"): for push, from the debounce timer firing to the
 * notification handed to the transport; for pull, from the request's handler starting to its
 * answer being ready. Sent as `$/logTrace` only while the client traces verbosely (VS Code:
 * `"muharrir.trace.server": "verbose"`, in the Muharrir output channel), with the figures as JSON
 * in `verbose`; `npm run bench` reads them beside what it measures itself.
 */
export interface KeystrokeTiming {
  mode: 'push' | 'pull';
  uri: string;
  version: number;
  ms: number;
  /** Push: how long the lint took when it ran as the change arrived, before the debounce ran out. */
  aheadMs?: number;
}

export function traceTiming(connection: Connection, timing: KeystrokeTiming): void {
  const { mode, uri, version, ms, aheadMs } = timing;
  const linted = aheadMs === undefined ? '' : ` (linted ahead in ${aheadMs.toFixed(2)} ms)`;
  connection.tracer.log(`[muharrir] ${mode} diagnostics for ${uri} (version ${version}) in ${ms.toFixed(2)} ms${linted}`, JSON.stringify(timing));
}

/** A push edit linted as it arrived; one line per lint, so a burst that was coalesced shows as one. */
export function traceLintAhead(connection: Connection, uri: string, version: number, ms: number): void {
  connection.tracer.log(`[muharrir] linted ${uri} (version ${version}) ahead of the debounce in ${ms.toFixed(2)} ms`);
}
