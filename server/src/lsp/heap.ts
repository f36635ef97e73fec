import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * Gives memory back after a burst. Opening a project's articles in bulk (an editor restoring
 * 1,000 tabs) parses every message and lints every article in one go; V8 grows its heap for that
 * burst and, with nothing more to allocate afterwards, keeps it: measured, 75 MB of old space of
 * which 29 MB was live, and the resident size stayed at ~175 MB for as long as the editor sat
 * idle. One full collection once the burst is over brings it back to ~100 MB (`npm run bench`).
 *
 * Typing never triggers it: only newly opened documents (their text, and their first analysis)
 * count, and the collection waits until the server has been idle for a moment. Where the runtime
 * refuses to expose `gc`, this does nothing.
 */
export class HeapHousekeeping {
  /** Opened documents not analysed yet. */
  private readonly fresh = new Set<string>();
  private pendingChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly young = YoungGenerationCap.create();

  constructor(
    private readonly collect: (() => void) | undefined = exposeGc(),
    /** Characters of newly opened text (counted on open and on first analysis) worth a collection. */
    private readonly threshold = 1024 * 1024,
    /** How long the server must have been quiet. */
    private readonly idleMs = 1000,
  ) {}

  /** A document was opened: its text arrived in a message, and it is to be analysed once. */
  noteOpened(uri: string, chars: number): void {
    this.young?.check();
    if (!this.collect) return;
    this.fresh.add(uri);
    this.add(chars);
  }

  noteClosed(uri: string): void {
    this.fresh.delete(uri);
  }

  /** A document of this many characters was analysed: counts once per opening. */
  noteAnalysed(uri: string, chars: number): void {
    if (!this.fresh.delete(uri)) return;
    // Only the first analysis of an opened document: typing never pays for the heap statistics.
    this.young?.check();
    this.add(chars);
  }

  private add(chars: number): void {
    this.pendingChars += chars;
    if (this.pendingChars < this.threshold) return;
    // Every new open or first analysis pushes the collection back: it runs once the burst is over.
    if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.run(), this.idleMs);
      this.timer.unref();
    }
  }

  /** Collects if enough was opened since the last time; returns whether it did. */
  run(): boolean {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.collect || this.pendingChars < this.threshold) return false;
    this.pendingChars = 0;
    this.collect();
    // V8 hands pages back over several collections, not in the first one.
    let more = 3;
    const again = () => {
      if (this.timer || this.pendingChars > 0 || more-- === 0) return;
      this.collect!();
      setTimeout(again, this.idleMs).unref();
    };
    setTimeout(again, this.idleMs).unref();
    return true;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** V8's `gc`, as Jest's `--logHeapUsage` reaches it: the flag, then a fresh context that has it. */
function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops V8's young generation from growing past MAX_SEMI_SPACE_MB per semi-space. Under a burst V8
 * doubles it up to 16 MB, and the two semi-spaces then stay resident (32 MB) for the life of the
 * process; measured with 1,000 open articles, a 4 MB cap takes ~15-25 MB off the resident size
 * and did not move the keystroke latencies of `npm run bench` beyond their run-to-run spread.
 * The growth factor is the one V8 setting that is read at each growth rather than at start-up,
 * so the cap is set once the space has grown that far. Where flags cannot be set, nothing changes.
 */
class YoungGenerationCap {
  private done = false;

  static create(): YoungGenerationCap | undefined {
    return typeof v8.getHeapSpaceStatistics === 'function' ? new YoungGenerationCap() : undefined;
  }

  check(): void {
    if (this.done) return;
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    // space_size counts both semi-spaces.
    if (!young || young.space_size < 2 * MAX_SEMI_SPACE_MB * 1024 * 1024) return;
    this.done = true;
    try {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
    } catch {
      // Left as V8 chose.
    }
  }
}

const MAX_SEMI_SPACE_MB = 4;
