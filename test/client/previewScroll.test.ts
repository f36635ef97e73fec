/**
 * Scroll sync's arithmetic: editor line → preview offset and back, over the boxes the webview
 * measures, and the gate that keeps one side's scroll from bouncing back from the other.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EchoGate, lineForOffset, normalizeBoxes, offsetForLine, type BlockBox } from '../../client/src/preview/scrollMap';

// An article as the preview lays it out: the header (frontmatter lines 0–6) at the top, body
// paragraphs from line 8, and the sources box — from frontmatter line 5 — at the very end.
const MEASURED: BlockBox[] = [
  { line: 0, top: 40, height: 300 }, // header
  { line: 1, top: 60, height: 80 }, // headline, inside the header
  { line: 8, top: 380, height: 120 },
  { line: 8, top: 380, height: 60 }, // a <p> inside a blockquote on the same line: the outer one anchors
  { line: 10, top: 540, height: 90 },
  { line: 14, top: 700, height: 200 },
  { line: 5, top: 960, height: 150 }, // sources box: out of source order
  { line: 3, top: 0, height: 0 }, // hidden element
];
const LINES = 20;

describe('normalizeBoxes', () => {
  test('keeps one box per line, drops empty ones and the few placed out of source order', () => {
    const boxes = normalizeBoxes(MEASURED);
    assert.deepEqual(
      boxes.map((b) => [b.line, b.top]),
      [
        [0, 40],
        [1, 60],
        [8, 380],
        [10, 540],
        [14, 700],
      ],
    );
    assert.equal(boxes.find((b) => b.line === 8)!.height, 120);
  });

  test('a single out-of-order element early in the list does not cost the body its anchors', () => {
    const boxes = normalizeBoxes([
      { line: 0, top: 0, height: 10 },
      { line: 2, top: 5000, height: 10 }, // e.g. tags rendered after the body
      { line: 10, top: 100, height: 10 },
      { line: 12, top: 200, height: 10 },
      { line: 14, top: 300, height: 10 },
    ]);
    assert.deepEqual(boxes.map((b) => b.line), [0, 10, 12, 14]);
  });

  test('nothing measurable gives no boxes', () => {
    assert.deepEqual(normalizeBoxes([{ line: Number.NaN, top: 1, height: 1 }, { line: 1, top: 1, height: 0 }]), []);
  });
});

describe('offsetForLine and lineForOffset', () => {
  const boxes = normalizeBoxes(MEASURED);

  test('a line that starts an element maps to the element\'s top', () => {
    assert.equal(offsetForLine(boxes, 8, LINES), 380);
    assert.equal(offsetForLine(boxes, 14, LINES), 700);
    assert.equal(lineForOffset(boxes, 540, LINES), 10);
  });

  test('lines between elements interpolate between their tops', () => {
    assert.equal(offsetForLine(boxes, 9, LINES), 460);
    assert.equal(lineForOffset(boxes, 460, LINES), 9);
    assert.equal(offsetForLine(boxes, 12, LINES), 620);
  });

  test('lines after the last element spread over its height, and stop at its bottom', () => {
    assert.equal(offsetForLine(boxes, 17, LINES), 800);
    assert.equal(offsetForLine(boxes, 20, LINES), 900);
    assert.equal(offsetForLine(boxes, 400, LINES), 900);
    assert.equal(lineForOffset(boxes, 5000, LINES), 20);
  });

  test('before the first element: from the top of the page', () => {
    const later = normalizeBoxes([{ line: 4, top: 200, height: 10 }, { line: 8, top: 400, height: 10 }]);
    assert.equal(offsetForLine(later, 2, LINES), 100);
    assert.equal(lineForOffset(later, 100, LINES), 2);
    assert.equal(lineForOffset(later, 0, LINES), 0);
  });

  test('every line goes there and back to itself', () => {
    for (let line = 0; line <= LINES; line += 0.25) {
      const y = offsetForLine(boxes, line, LINES)!;
      assert.ok(Math.abs(lineForOffset(boxes, y, LINES)! - line) < 1e-9, `line ${line} → ${y} → ${lineForOffset(boxes, y, LINES)}`);
    }
  });

  test('offsets grow with lines (the preview never scrolls back while the editor goes down)', () => {
    let previous = -Infinity;
    for (let line = 0; line <= LINES; line += 0.5) {
      const y = offsetForLine(boxes, line, LINES)!;
      assert.ok(y >= previous, `line ${line}: ${y} < ${previous}`);
      previous = y;
    }
  });

  test('no boxes or no number: no answer, never NaN', () => {
    assert.equal(offsetForLine([], 3, LINES), undefined);
    assert.equal(lineForOffset([], 3, LINES), undefined);
    assert.equal(offsetForLine(boxes, Number.NaN, LINES), undefined);
  });
});

describe('EchoGate', () => {
  const clock = () => {
    let t = 1000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  test('the scroll we caused comes back as an echo and is swallowed, for as long as it repeats', () => {
    const c = clock();
    const gate = new EchoGate(c.now, 400, 2);
    gate.expect(300);
    assert.equal(gate.isEcho(300), true);
    assert.equal(gate.isEcho(301), true);
  });

  test('a different position is the writer\'s own scroll, and ends the wait', () => {
    const c = clock();
    const gate = new EchoGate(c.now, 400, 2);
    gate.expect(300);
    assert.equal(gate.isEcho(520), false);
    assert.equal(gate.isEcho(300), false);
  });

  test('after the window even the same position is the writer\'s', () => {
    const c = clock();
    const gate = new EchoGate(c.now, 400, 2);
    gate.expect(300);
    c.advance(401);
    assert.equal(gate.isEcho(300), false);
  });

  test('nothing expected: every scroll is the writer\'s', () => {
    const gate = new EchoGate(clock().now, 400, 2);
    assert.equal(gate.isEcho(0), false);
  });
});
