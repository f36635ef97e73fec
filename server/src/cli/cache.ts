// `--cache`: a CI that checks the same archive on every push re-reads every article but lints
// only the ones whose bytes, config or clock window changed. An entry is reused only when all of
// these match: the file's SHA-1, the resolved config and the output's shape (language, format,
// fixes spelled out), the Muharrir build itself, and the run's clock lies inside the window the
// lint said its result holds for (`LintResult.clock`: a published article dated tomorrow is checked
// again tomorrow). Anything unreadable in the cache file is ignored, never trusted.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClockWindow, Locale, ResolvedConfig } from '../engine';
import { sha1 } from '../node/hash';
import { VERSION } from '../node/version';
import type { FileReport } from './report';

export const DEFAULT_CACHE_FILE = '.muharrircache';
const FORMAT_VERSION = 1;
/** Entries beyond this are dropped, oldest first: a cache must not grow with every file ever seen. */
const MAX_ENTRIES = 100_000;

/** What a checked file leaves for the next run (the report without its paths, which depend on how it was named). */
export interface CacheEntry {
  hash: string;
  key: string;
  /** The clock window, with null for an unbounded end (JSON has no Infinity). */
  from: number | null;
  until: number | null;
  diagnostics: FileReport['diagnostics'];
  article?: FileReport['article'];
}

/** What checkTarget hands back for the cache: the hash of the bytes it linted and the clock window. */
export interface Cacheable {
  hash: string;
  clock: ClockWindow;
}

interface CacheFile {
  version: number;
  build: string;
  entries: Record<string, CacheEntry>;
}

let buildId: string | undefined;
/** This build of Muharrir: its version and the code that is running (the CLI is one bundle). */
function currentBuild(): string {
  if (buildId === undefined) {
    let code = '';
    try {
      code = sha1(fs.readFileSync(__filename));
    } catch {
      code = 'unknown';
    }
    buildId = `${VERSION}:${code}`;
  }
  return buildId;
}

const configKeys = new WeakMap<ResolvedConfig, string>();

/** The inputs besides the text that decide a file's report. */
export function resultKey(config: ResolvedConfig, locale: Locale, shape: { withFixes: boolean; html: boolean }): string {
  let c = configKeys.get(config);
  if (c === undefined) {
    // Resolved configs are plain data built in a fixed order: the same files give the same JSON.
    c = sha1(JSON.stringify(config));
    configKeys.set(config, c);
  }
  return `${c}:${locale}:${shape.withFixes ? 'f' : '-'}${shape.html ? 'h' : '-'}`;
}

export class CheckCache {
  private readonly entries: Map<string, CacheEntry>;
  private changed = false;

  private constructor(
    readonly file: string,
    entries: Map<string, CacheEntry>,
  ) {
    this.entries = entries;
  }

  /** The cache at `file`; empty when it is missing, unreadable, or from another build. */
  static load(file: string, warn: (line: string) => void): CheckCache {
    const entries = new Map<string, CacheEntry>();
    let raw: string | undefined;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      raw = undefined;
    }
    if (raw !== undefined) {
      try {
        const parsed = JSON.parse(raw) as Partial<CacheFile>;
        if (parsed.version === FORMAT_VERSION && parsed.build === currentBuild() && parsed.entries && typeof parsed.entries === 'object') {
          for (const [abs, e] of Object.entries(parsed.entries)) if (isEntry(e)) entries.set(abs, e);
        }
      } catch {
        warn(`ignoring the cache file ${file}: it is not valid JSON (it will be rewritten)`);
      }
    }
    return new CheckCache(file, entries);
  }

  /** The cached report of a file whose bytes hash to `hash`, when everything else matches too. */
  get(abs: string, hash: string, key: string, now: number): CacheEntry | undefined {
    const e = this.entries.get(abs);
    if (!e || e.hash !== hash || e.key !== key) return undefined;
    if (e.from !== null && now < e.from) return undefined;
    if (e.until !== null && now >= e.until) return undefined;
    return e;
  }

  set(abs: string, report: FileReport, key: string, cacheable: Cacheable): void {
    const { clock } = cacheable;
    // A result tied to the exact millisecond (a fix that writes the time) is never worth keeping.
    if (clock.until - clock.from <= 1) {
      if (this.entries.delete(abs)) this.changed = true;
      return;
    }
    this.entries.delete(abs);
    this.entries.set(abs, {
      hash: cacheable.hash,
      key,
      from: Number.isFinite(clock.from) ? clock.from : null,
      until: Number.isFinite(clock.until) ? clock.until : null,
      diagnostics: report.diagnostics,
      ...(report.article ? { article: report.article } : {}),
    });
    this.changed = true;
  }

  /** Writes the cache (temp file + rename) if anything changed; a failure is a warning, not a failed check. */
  save(warn: (line: string) => void): void {
    if (!this.changed) return;
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const data: CacheFile = { version: FORMAT_VERSION, build: currentBuild(), entries: Object.fromEntries(this.entries) };
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
    } catch (err) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // Nothing more to do: the warning below says what happened.
      }
      warn(`could not write the cache file ${this.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

function isEntry(e: unknown): e is CacheEntry {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  const bound = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  return typeof x.hash === 'string' && typeof x.key === 'string' && bound(x.from) && bound(x.until) && Array.isArray(x.diagnostics);
}
