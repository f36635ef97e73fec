/**
 * Runs a function once after a burst of triggers has been quiet for `delay` ms: a render per
 * pause in typing, not per keystroke. The timer functions are injectable so the tests drive time.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private handle: unknown;
  private armed = false;

  constructor(
    private readonly fn: () => void,
    readonly delay: number,
    private readonly timers: Timers = realTimers,
  ) {}

  get pending(): boolean {
    return this.armed;
  }

  /** (Re)starts the wait: the function runs `delay` ms after the last trigger. */
  trigger(): void {
    if (this.armed) this.timers.clear(this.handle);
    this.armed = true;
    this.handle = this.timers.set(() => {
      this.armed = false;
      this.fn();
    }, this.delay);
  }

  /** Runs a pending call now (e.g. the preview became visible); nothing when none is pending. */
  flush(): void {
    if (!this.armed) return;
    this.cancel();
    this.fn();
  }

  cancel(): void {
    if (!this.armed) return;
    this.timers.clear(this.handle);
    this.armed = false;
  }
}
