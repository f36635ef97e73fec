/**
 * What the language client does when the server dies (client/src/crashQuarantine.ts, no VS Code):
 * the document being checked is quarantined and the server restarted without it, so one poisoned
 * article never uses up the restart budget; crashes nothing explains keep the library's budget.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CRASH_WINDOW_MS,
  CrashQuarantine,
  MAX_BLAMED_DOCUMENTS,
  MAX_UNEXPLAINED_RESTARTS,
} from '../../client/src/crashQuarantine';

const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
const POISON = 'file:///news/articles/poison.md';
const OTHER = 'file:///news/articles/other.md';
const SECOND = 1000;

/** A client that started its server once, as at activation. */
function started(): CrashQuarantine {
  const q = new CrashQuarantine();
  assert.deepEqual(q.forNextStart(), []);
  return q;
}

describe('CrashQuarantine', () => {
  test('a crash while checking an article restarts the server with that article quarantined', () => {
    const q = started();
    q.checking(OTHER);
    q.checked(OTHER);
    q.checking(POISON);
    assert.deepEqual(q.serverDied(10 * SECOND), { restart: true, quarantined: POISON });
    assert.deepEqual(q.forNextStart(), [POISON]);
  });

  test('the poisoned article alone never uses up the budget: the replayed open finds it quarantined', () => {
    const q = started();
    let now = 0;
    // Without the quarantine, the restarted server would check it again and die again, 5 times in a few seconds.
    q.checking(POISON);
    assert.equal(q.serverDied((now += SECOND)).restart, true);
    assert.deepEqual(q.forNextStart(), [POISON]);
    // The writer edits it 30 times in the window; each edit lifts the quarantine and crashes the server again.
    for (let i = 0; i < 30; i++) {
      q.checking(POISON); // the client's replay of open documents after the restart
      q.edited(POISON);
      const decision = q.serverDied((now += SECOND));
      assert.deepEqual(decision, { restart: true, quarantined: POISON }, `crash ${i + 2}`);
      assert.deepEqual(q.forNextStart(), [POISON]);
    }
    assert.ok(now < CRASH_WINDOW_MS);
  });

  test('crashes no document explains keep the library budget: 4 restarts in 3 minutes, not a 5th', () => {
    const q = started();
    for (let i = 1; i <= MAX_UNEXPLAINED_RESTARTS; i++) {
      assert.deepEqual(q.serverDied(i * SECOND), { restart: true, quarantined: undefined }, `crash ${i}`);
      assert.deepEqual(q.forNextStart(), []);
    }
    assert.deepEqual(q.serverDied(10 * SECOND), { restart: false, reason: 'unexplained', crashes: MAX_UNEXPLAINED_RESTARTS + 1 });
  });

  test('old crashes leave the window', () => {
    const q = started();
    for (let i = 1; i <= MAX_UNEXPLAINED_RESTARTS; i++) q.serverDied(i * SECOND);
    assert.equal(q.serverDied(CRASH_WINDOW_MS + 2 * SECOND).restart, true);
  });

  test('a crash blamed on an already quarantined document counts as unexplained', () => {
    const q = started();
    q.checking(POISON);
    q.serverDied(SECOND);
    q.forNextStart();
    let n = 1;
    for (; n <= MAX_UNEXPLAINED_RESTARTS; n++) {
      // The replay of open documents names the quarantined article last; the server did not check it.
      q.checking(POISON);
      assert.deepEqual(q.serverDied((n + 1) * SECOND), { restart: true, quarantined: undefined });
      assert.deepEqual(q.forNextStart(), [POISON]);
    }
    q.checking(POISON);
    assert.equal(q.serverDied((n + 1) * SECOND).restart, false);
  });

  test('a server that dies on every document is not restarted once per open document', () => {
    const q = started();
    const docs = Array.from({ length: 40 }, (_, i) => `file:///news/articles/${i}.md`);
    let restarts = 0;
    for (const [i, uri] of docs.entries()) {
      q.checking(uri);
      const d = q.serverDied(i * SECOND);
      if (!d.restart) {
        assert.deepEqual(d, { restart: false, reason: 'every-document', crashes: MAX_BLAMED_DOCUMENTS + 1 });
        break;
      }
      restarts++;
      assert.equal(q.forNextStart().length, restarts);
    }
    assert.equal(restarts, MAX_BLAMED_DOCUMENTS);
  });

  test('an answered check is not blamed for a later crash', () => {
    const q = started();
    q.checking(POISON);
    q.checked(POISON);
    assert.deepEqual(q.serverDied(SECOND), { restart: true, quarantined: undefined });
    assert.deepEqual(q.forNextStart(), []);
  });

  test('editing or closing a quarantined article lifts its quarantine for the next restart', () => {
    const q = started();
    q.checking(POISON);
    q.serverDied(SECOND);
    q.forNextStart();
    q.checking(OTHER);
    q.serverDied(2 * SECOND);
    assert.deepEqual(q.forNextStart().sort(), [OTHER, POISON].sort());
    q.edited(POISON);
    q.checked(POISON);
    q.closed(OTHER);
    assert.deepEqual(q.serverDied(3 * SECOND), { restart: true, quarantined: undefined });
    assert.deepEqual(q.forNextStart(), []);
  });

  test('Restart Server (a start the client did not ask for) lifts every quarantine and resets the budget', () => {
    const q = started();
    for (let i = 1; i <= MAX_UNEXPLAINED_RESTARTS; i++) q.serverDied(i * SECOND);
    q.checking(POISON);
    q.serverDied(6 * SECOND);
    assert.deepEqual(q.forNextStart(), [POISON]);
    // No crash before this start: the writer ran Restart Server.
    assert.deepEqual(q.forNextStart(), []);
    assert.deepEqual(q.quarantined, []);
    for (let i = 1; i <= MAX_UNEXPLAINED_RESTARTS; i++) assert.equal(q.serverDied((10 + i) * SECOND).restart, true);
  });

  test('the give-up message is translated in the Arabic bundle', () => {
    const source = readFileSync(join(ROOT, 'client/src/languageClient.ts'), 'utf8');
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.ar.json'), 'utf8')) as Record<string, string>;
    const strings = [...source.matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]);
    assert.ok(strings.length >= 1);
    for (const s of strings) {
      assert.ok(bundle[s], `no Arabic for: ${s}`);
      for (const placeholder of s.match(/\{\d\}/g) ?? []) assert.ok(bundle[s].includes(placeholder), `${placeholder} missing in the Arabic of: ${s}`);
    }
  });
});
