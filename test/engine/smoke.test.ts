import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';

test('an article without sources gets sources-missing on the opening delimiter', () => {
  const text = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\n---\nنص\n';
  const r = lint(text, { now: new Date('2025-06-03T00:00:00Z') });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.rule, d.range.start.line, text.slice(d.start, d.end)]),
    [['sources-missing', 0, '---']],
  );
});
