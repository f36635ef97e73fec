// The server's memory after a burst (heap.ts): V8's young generation stops growing at 4 MB per
// semi-space. Run in this test's own process, as the server runs it in its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v8 from 'node:v8';
import { HeapHousekeeping } from '../../server/src/lsp/heap';

const youngMb = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size / 1048576;

test('a burst of opened documents leaves the young generation at 8 MB at most, where V8 alone grows it to 32', () => {
  const heap = new HeapHousekeeping(undefined);
  // Documents arriving in bulk, half of what each allocates kept (its text, its diagnostics):
  // the survival rate at which V8 doubles the young generation at every scavenge.
  const kept: unknown[] = [];
  for (let doc = 0; doc < 3000; doc++) {
    heap.noteOpened(`file:///a-${doc}.md`, 5000);
    for (let i = 0; i < 2000; i++) {
      const o = { doc, i, words: [i, doc] };
      if (i % 2 === 0) kept.push(o);
    }
    if (kept.length > 400_000) kept.splice(0, 200_000);
  }
  heap.dispose();
  assert.ok(kept.length > 0);
  assert.ok(youngMb() <= 8, `young generation ${youngMb()} MB`);
});
