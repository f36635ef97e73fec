import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { ARTICLE_WITH_SOURCES, PULL_CAPABILITIES, open, positionOf, serverForSuite } from './helpers';

function traces(client: LspClient): { mode: string; uri: string; version: number; ms: number }[] {
  return client.notifications.filter((n) => n.method === '$/logTrace' && n.params.verbose).map((n) => JSON.parse(n.params.verbose));
}

function typeALetter(client: LspClient, uri: string, version: number): void {
  const at = positionOf(ARTICLE_WITH_SOURCES, 'افتتح');
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'ا' }] });
}

describe('keystroke timings in the trace, push', () => {
  const suite = serverForSuite({ trace: 'verbose' });

  test('each published version is followed by how long it took after the debounce', async () => {
    const uri = suite.ws.write('articles/timed.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(uri);
    typeALetter(suite.client, uri, 2);
    const timing = await suite.client.waitFor(() => traces(suite.client).find((t) => t.uri === uri && t.version === 2), 10000, 'the timing of version 2');
    assert.equal(timing.mode, 'push');
    assert.ok(timing.ms >= 0 && timing.ms < 10000, String(timing.ms));
    const published = suite.client.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === 2);
    const traced = suite.client.notifications.findIndex((n) => n.method === '$/logTrace' && n.params.verbose?.includes(`"version":2`));
    assert.ok(published !== -1 && traced > published, 'the timing comes after the diagnostics it times');
    const message = suite.client.notifications[traced]!.params.message as string;
    assert.match(message, /push diagnostics for .*timed\.md \(version 2\) in \d+\.\d\d ms/);
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
