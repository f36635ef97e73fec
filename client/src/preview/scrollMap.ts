/**
 * Scroll sync between the editor and the preview, as pure arithmetic so it is tested without a
 * browser. The preview's elements carry `data-line` (the source line they start on); the webview
 * measures them into boxes and these functions map an editor line to a document offset and back,
 * interpolating between neighbouring elements.
 */

/** One element with `data-line`, measured: its source line and its place in the document (px). */
export interface BlockBox {
  line: number;
  top: number;
  height: number;
}

/**
 * The boxes that can anchor the mapping: sorted by line, one per line (the outermost), and only
 * those whose tops grow with their lines. Elements placed out of source order — the sources box
 * and tags come from the frontmatter but sit at the end — are left out as the fewest that must
 * be (a longest non-decreasing run of tops), so the body keeps all its anchors.
 */
export function normalizeBoxes(boxes: readonly BlockBox[]): BlockBox[] {
  const sorted = boxes
    .filter((b) => Number.isFinite(b.line) && b.line >= 0 && Number.isFinite(b.top) && Number.isFinite(b.height) && b.height > 0)
    .sort((a, b) => a.line - b.line || a.top - b.top || b.height - a.height);
  const unique: BlockBox[] = [];
  for (const b of sorted) if (unique.length === 0 || unique[unique.length - 1].line !== b.line) unique.push(b);

  // Longest non-decreasing subsequence of tops (patience sorting), then walk it back.
  const tailIndex: number[] = [];
  const previous = new Array<number>(unique.length).fill(-1);
  for (let i = 0; i < unique.length; i++) {
    let lo = 0;
    let hi = tailIndex.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[tailIndex[mid]].top <= unique[i].top) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
    tailIndex[lo] = i;
  }
  const out: BlockBox[] = [];
  for (let i = tailIndex.length ? tailIndex[tailIndex.length - 1] : -1; i !== -1; i = previous[i]) out.push(unique[i]);
  return out.reverse();
}

/** Index of the last box whose key is <= value, or -1. */
function lastAtOrBefore(boxes: readonly BlockBox[], value: number, key: (b: BlockBox) => number): number {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(boxes[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Where (document px) the editor's `line` (0-based, may be fractional) is shown. `boxes` come from
 * normalizeBoxes; `lineCount` is the source's line count (the last element spreads the lines
 * after it over its height). Undefined when nothing can anchor it.
 */
export function offsetForLine(boxes: readonly BlockBox[], line: number, lineCount: number): number | undefined {
  if (boxes.length === 0 || !Number.isFinite(line)) return undefined;
  const i = lastAtOrBefore(boxes, line, (b) => b.line);
  if (i < 0) {
    const first = boxes[0];
    return first.line > 0 ? Math.max(0, (first.top * line) / first.line) : first.top;
  }
  const cur = boxes[i];
  const next = boxes[i + 1];
  if (next) return cur.top + ((line - cur.line) / (next.line - cur.line)) * (next.top - cur.top);
  const rest = Math.max(1, lineCount - cur.line);
  return cur.top + Math.min(1, (line - cur.line) / rest) * cur.height;
}

/** The inverse: the (fractional) source line shown at document offset `y`. */
export function lineForOffset(boxes: readonly BlockBox[], y: number, lineCount: number): number | undefined {
  if (boxes.length === 0 || !Number.isFinite(y)) return undefined;
  const i = lastAtOrBefore(boxes, y, (b) => b.top);
  if (i < 0) {
    const first = boxes[0];
    return first.top > 0 ? Math.max(0, (first.line * y) / first.top) : first.line;
  }
  const cur = boxes[i];
  const next = boxes[i + 1];
  if (next) return cur.line + ((y - cur.top) / (next.top - cur.top)) * (next.line - cur.line);
  const rest = Math.max(1, lineCount - cur.line);
  return cur.line + Math.min(1, (y - cur.top) / cur.height) * rest;
}

/**
 * Tells one side's own scroll from the echo of a scroll it caused on the other side. After
 * `expect(v)` (we moved the other side to v), positions within `tolerance` of v in the next
 * `window` ms are echoes and must not be synced back; any other position means someone else
 * moved it, and ends the wait. The clock is injected (performance.now in the webview).
 */
export class EchoGate {
  private expected: number | undefined;
  private until = 0;

  constructor(
    private readonly now: () => number,
    private readonly window: number,
    private readonly tolerance: number,
  ) {}

  expect(value: number): void {
    this.expected = value;
    this.until = this.now() + this.window;
  }

  isEcho(value: number): boolean {
    if (this.expected === undefined) return false;
    if (this.now() > this.until) {
      this.expected = undefined;
      return false;
    }
    if (Math.abs(value - this.expected) <= this.tolerance) return true;
    this.expected = undefined;
    return false;
  }
}
