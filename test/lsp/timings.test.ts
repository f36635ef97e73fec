import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { ARTICLE_WITH_SOURCES, PULL_CAPABILITIES, open, positionOf, serverForSuite } from './helpers';

function traces(client: LspClient): { mode: string; uri: string; version: number; ms: number; aheadMs?: number }[] {
  return client.notifications.filter((n) => n.method === '$/logTrace' && n.params.verbose).map((n) => JSON.parse(n.params.verbose));
}

function typeALetter(client: LspClient, uri: string, version: number): void {
  const at = positionOf(ARTICLE_WITH_SOURCES, 'افتتح');
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'ا' }] });
}

describe('keystroke timings in the trace, push', () => {
  const suite = serverForSuite({ trace: 'verbose' });

  test('each published version is followed by how long it took after the debounce, and how long its lint took on arrival', async () => {
    const uri = suite.ws.write('articles/timed.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(uri);
    typeALetter(suite.client, uri, 2);
    const timing = await suite.client.waitFor(() => traces(suite.client).find((t) => t.uri === uri && t.version === 2), 10000, 'the timing of version 2');
    assert.equal(timing.mode, 'push');
    assert.ok(timing.ms >= 0 && timing.ms < 10000, String(timing.ms));
    // Linted as the edit arrived, so only the notification waited for the debounce.
    assert.equal(typeof timing.aheadMs, 'number', JSON.stringify(timing));
    assert.ok(timing.aheadMs! >= 0 && timing.aheadMs! < 10000, String(timing.aheadMs));
    const published = suite.client.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2);
    const traced = suite.client.notifications.findIndex((n) => n.method === '$/logTrace' && n.params.verbose?.includes(`"version":2`));
    assert.ok(published !== -1 && traced > published, 'the timing comes after the diagnostics it times');
    const message = suite.client.notifications[traced]!.params.message as string;
    assert.match(message, /push diagnostics for .*timed\.md \(version 2\) in \d+\.\d\d ms \(linted ahead in \d+\.\d\d ms\)$/);
  });

  test('a burst that arrives at once is linted once, for its last version', async () => {
    const uri = suite.ws.write('articles/burst-ahead.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(uri);
    // One write, as the pipe hands over what piled up while the server was busy.
    const at = positionOf(ARTICLE_WITH_SOURCES, 'افتتح');
    const frames = Array.from({ length: 10 }, (_, i) => {
      const change = { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: at, end: at }, text: 'ا' }] };
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: change }));
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    });
    suite.client.writeRaw(Buffer.concat(frames));
    await suite.client.waitFor(() => suite.client.published(uri).some((p) => p.version === 11), 10000, 'version 11');
    const lints = suite.client.notifications
      .filter((n) => n.method === '$/logTrace' && /linted .*burst-ahead\.md .* ahead of the debounce/.test(n.params.message))
      .map((n) => Number(/\(version (\d+)\)/.exec(n.params.message)![1]));
    // Without waiting for the changes queued behind it, each would be linted in turn.
    assert.deepEqual(lints, [11]);
  });
});

describe('keystroke timings in the trace, pull', () => {
  const suite = serverForSuite({ trace: 'verbose', capabilities: PULL_CAPABILITIES });

  test('each answered pull is timed from the request to the answer', async () => {
    const uri = suite.ws.write('articles/pulled.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    typeALetter(suite.client, uri, 2);
    await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    const timing = await suite.client.waitFor(() => traces(suite.client).find((t) => t.uri === uri && t.version === 2), 10000, 'the timing of version 2');
    assert.equal(timing.mode, 'pull');
    assert.ok(timing.ms >= 0 && timing.ms < 10000, String(timing.ms));
  });
});

describe('keystroke timings, not tracing', () => {
  const suite = serverForSuite();

  test('nothing is sent when the client does not trace', async () => {
    const uri = suite.ws.write('articles/quiet.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(uri);
    typeALetter(suite.client, uri, 2);
    await suite.client.waitFor(() => suite.client.published(uri).some((p) => p.version === 2), 10000, 'version 2');
    assert.deepEqual(suite.client.notifications.filter((n) => n.method === '$/logTrace'), []);
  });
});

describe("a keystroke's lint rehearsed once per server", () => {
  const suite = serverForSuite({ trace: 'verbose' });

  test('after the first article opened, not after the next ones', async () => {
    const first = suite.ws.write('articles/first.md', ARTICLE_WITH_SOURCES);
    const second = suite.ws.write('articles/second.md', ARTICLE_WITH_SOURCES);
    open(suite.client, first, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(first);
    open(suite.client, second, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(second);
    typeALetter(suite.client, second, 2);
    await suite.client.waitFor(() => suite.client.published(second).some((p) => p.version === 2), 10000, 'version 2');
    const rehearsals = suite.client.notifications.filter((n) => n.method === '$/logTrace' && /rehearsed \d+ keystrokes' lints/.test(n.params.message));
    assert.equal(rehearsals.length, 1, JSON.stringify(rehearsals.map((n) => n.params.message)));
    assert.match(rehearsals[0]!.params.message, /rehearsed (\d+) keystrokes' lints on \S*first\.md in \d+\.\d\d ms$/);
    assert.ok(Number(/rehearsed (\d+)/.exec(rehearsals[0]!.params.message)![1]) >= 1);
  });
});
