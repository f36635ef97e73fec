import * as v8 from 'node:v8';

/**
 * V8 optimizes a function once it has run through its interrupt budget a few times. A language
 * server's work comes in bursts of a few milliseconds (one keystroke's lint), so with V8's
 * defaults the engine still ran unoptimized code many keystrokes into a session. A quarter of the
 * default budget and one pass through it. Measured over stdio, paired rounds of 50 pulled edits on
 * fresh servers at 2,000 words, the p50 was lower in every comparison (4.66 → 4.18 ms with the
 * flags on node's command line; 4.59 → 4.18 and 4.47 → 4.24 ms set here); the p95 was lower in
 * one set of ten rounds (12.2 → 8.12 ms) and the same within its spread in a later set of twelve
 * (8.98 → 9.19 ms): docs/performance.md.
 */
export const TIERING_FLAGS: readonly string[] = ['--interrupt-budget=8448', '--ticks-before-optimization=1'];

/**
 * Set at run time rather than on node's command line: a flag a later V8 no longer knows would make
 * node refuse to start, where here it is ignored. Node leaves V8's flags writable after start-up
 * (it starts V8 with --no-freeze-flags-after-init for this very call); the budget is read each
 * time a function's is renewed, so what runs after this call gets it. Not under Electron (desktop
 * VS Code forks the server with it): an embedder may freeze V8's flags, and writing a frozen flag
 * is a fatal V8 check, not an exception (NW.js 0.67–0.75 died so on `v8.setFlagsFromString`).
 */
export function optimizeSooner(versions: NodeJS.ProcessVersions = process.versions, set: (flag: string) => void = v8.setFlagsFromString): boolean {
  if (versions.electron !== undefined) return false;
  for (const flag of TIERING_FLAGS) set(flag);
  return true;
}
