/**
 * What a lint result says about the clock it was computed at (LintResult.clock): the window of
 * `now` values for which the same text gives the same diagnostics. `--cache` reuses results only
 * inside it, so a published article dated tomorrow is flagged again until tomorrow, then not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';

const NOW = new Date('2025-06-02T12:00:00Z');
const article = (fields: string) => `---\ntitle: خبر\n${fields}author: سارة\nsources:\n  - واس\n---\n\nقال المتحدث إن العمل مستمر.\n`;

test('an article that never looks at the clock holds for every clock', () => {
  const r = lint(article('date: 2025-06-01T10:00:00+03:00\nstatus: draft\n'), { now: NOW });
  assert.deepEqual(r.clock, { from: -Infinity, until: Infinity });
});

test('a published article dated in the past holds from its date on; one dated ahead, until its date', () => {
  const past = lint(article('date: 2025-06-01T10:00:00+03:00\nstatus: published\n'), { now: NOW });
  assert.equal(past.diagnostics.filter((d) => d.rule === 'date-future').length, 0);
  assert.ok(past.clock.from > -Infinity && past.clock.from <= NOW.getTime(), `from ${past.clock.from}`);
  assert.equal(past.clock.until, Infinity);
  // Linting at the start of the window gives the same answer; just before it, not necessarily.
  assert.deepEqual(lint(article('date: 2025-06-01T10:00:00+03:00\nstatus: published\n'), { now: new Date(past.clock.from) }).diagnostics.length, past.diagnostics.length);

  const ahead = lint(article('date: 2025-06-05T10:00:00+03:00\nstatus: published\n'), { now: NOW });
  assert.equal(ahead.diagnostics.filter((d) => d.rule === 'date-future').length, 1);
  assert.equal(ahead.clock.from, -Infinity);
  assert.ok(ahead.clock.until > NOW.getTime() && ahead.clock.until < Date.parse('2025-06-05T07:00:00Z') + 1);
  // At the window's end the article is no longer in the future.
  const later = lint(article('date: 2025-06-05T10:00:00+03:00\nstatus: published\n'), { now: new Date(ahead.clock.until) });
  assert.equal(later.diagnostics.filter((d) => d.rule === 'date-future').length, 0);
});

test('a fix that writes the current time ties the result to that millisecond', () => {
  const r = lint(article('status: draft\n'), { now: NOW });
  assert.ok(r.diagnostics.some((d) => d.rule === 'date-missing'));
  assert.deepEqual(r.clock, { from: NOW.getTime(), until: NOW.getTime() + 1 });
});
