// Issue 8: a document the client blames for a crash comes back in initializationOptions.quarantine;
// the restarted server does not check it and says so, until it is edited or reopened.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { ARTICLE_NO_SOURCES, PULL_CAPABILITIES, codes, makeWorkspace, open, positionOf, startServer, type TestWorkspace } from './helpers';

const QUARANTINE = 'checking-stopped';

/** A workspace with articles, and a server started as the client restarts it after a crash. */
function restartedServer(names: string[], quarantined: (ws: TestWorkspace) => unknown, options: Parameters<typeof startServer>[1] = {}) {
  const suite = {} as { ws: TestWorkspace; client: LspClient; uri: (name: string) => string };
  before(async () => {
    suite.ws = makeWorkspace(Object.fromEntries(names.map((n) => [`articles/${n}`, ARTICLE_NO_SOURCES])));
    suite.uri = (name) => suite.ws.uriOf(`articles/${name}`);
    suite.client = await startServer(suite.ws, { ...options, initializationOptions: { client: 'test', quarantine: quarantined(suite.ws) } });
  });
  after(async () => {
    await suite.client?.stop();
    suite.ws?.remove();
  });
  return suite;
}

const date = positionOf(ARTICLE_NO_SOURCES, 'date:', 1);

describe('quarantine after a crash (push client)', () => {
  const s = restartedServer(['poison.md', 'healthy.md', 'reopened.md'], (ws) => [ws.uriOf('articles/poison.md'), ws.uriOf('articles/reopened.md')]);

  test('the quarantined article gets one diagnostic saying why it is not checked; the others are checked', async () => {
    const poison = s.uri('poison.md');
    const healthy = s.uri('healthy.md');
    open(s.client, poison, ARTICLE_NO_SOURCES);
    open(s.client, healthy, ARTICLE_NO_SOURCES);
    assert.deepEqual(codes(await s.client.waitForDiagnostics(healthy, (d) => d.length > 0)), ['sources-missing']);
    const [d, ...rest] = await s.client.waitForDiagnostics(poison, (d) => d.length > 0);
    assert.deepEqual(rest, []);
    assert.equal(d.code, QUARANTINE);
    assert.equal(d.source, 'muharrir');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(d.message, /^Muharrir stopped checking this file after the server stopped while checking it; edit or reopen it, or run Muharrir: Restart Server/);
  });

  test('features that need the engine answer nothing for it', async () => {
    const poison = s.uri('poison.md');
    const healthy = s.uri('healthy.md');
    assert.equal(await s.client.request('textDocument/hover', { textDocument: { uri: poison }, position: date }), null);
    assert.deepEqual(await s.client.request('textDocument/documentSymbol', { textDocument: { uri: poison } }), []);
    assert.deepEqual(await s.client.request('textDocument/foldingRange', { textDocument: { uri: poison } }), []);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await s.client.request('textDocument/codeAction', { textDocument: { uri: poison }, range, context: { diagnostics: [] } }), []);
    // The same article elsewhere is checked as usual.
    const hover = await s.client.request('textDocument/hover', { textDocument: { uri: healthy }, position: date });
    assert.match(hover.contents.value, /Publication time/);
  });

  test('an edit lifts the quarantine: the article is checked again', async () => {
    const poison = s.uri('poison.md');
    const before = s.client.published(poison).length;
    s.client.notify('textDocument/didChange', {
      textDocument: { uri: poison, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'سطر جديد. ' }],
    });
    assert.deepEqual(codes(await s.client.waitForDiagnostics(poison, () => true, before)), ['sources-missing']);
    const hover = await s.client.request('textDocument/hover', { textDocument: { uri: poison }, position: date });
    assert.match(hover.contents.value, /Publication time/);
  });

  test('closing and reopening lifts it too', async () => {
    const uri = s.uri('reopened.md');
    open(s.client, uri, ARTICLE_NO_SOURCES);
    assert.deepEqual(codes(await s.client.waitForDiagnostics(uri, (d) => d.length > 0)), [QUARANTINE]);
    s.client.notify('textDocument/didClose', { textDocument: { uri } });
    await s.client.waitForDiagnostics(uri, (d) => d.length === 0, 1);
    const before = s.client.published(uri).length;
    open(s.client, uri, ARTICLE_NO_SOURCES);
    assert.deepEqual(codes(await s.client.waitForDiagnostics(uri, (d) => d.length > 0, before)), ['sources-missing']);
  });
});

describe('quarantine after a crash (pull client, Arabic)', () => {
  const s = restartedServer(['poison.md', 'healthy.md'], (ws) => [ws.uriOf('articles/poison.md')], { capabilities: PULL_CAPABILITIES, locale: 'ar' });

  test('the pulled report is the quarantine diagnostic, in Arabic', async () => {
    const poison = s.uri('poison.md');
    open(s.client, poison, ARTICLE_NO_SOURCES);
    const report = await s.client.request('textDocument/diagnostic', { textDocument: { uri: poison } });
    assert.deepEqual(codes(report.items), [QUARANTINE]);
    assert.match(report.items[0].message, /^توقف محرّر عن فحص هذا الملف لأن الخادم توقف أثناء فحصه/);
    const healthy = s.uri('healthy.md');
    open(s.client, healthy, ARTICLE_NO_SOURCES);
    const other = await s.client.request('textDocument/diagnostic', { textDocument: { uri: healthy } });
    assert.deepEqual(codes(other.items), ['sources-missing']);
  });

  test('after an edit the pull gets the lint, under a new resultId', async () => {
    const poison = s.uri('poison.md');
    const first = await s.client.request('textDocument/diagnostic', { textDocument: { uri: poison } });
    s.client.notify('textDocument/didChange', { textDocument: { uri: poison, version: 2 }, contentChanges: [{ text: ARTICLE_NO_SOURCES + '\n' }] });
    const second = await s.client.request('textDocument/diagnostic', { textDocument: { uri: poison }, previousResultId: first.resultId });
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.deepEqual(codes(second.items), ['sources-missing']);
  });
});

describe('a malformed quarantine option is ignored', () => {
  const s = restartedServer(['a.md'], () => [42, null, { uri: 'x' }]);

  test('every article is checked', async () => {
    const uri = s.uri('a.md');
    open(s.client, uri, ARTICLE_NO_SOURCES);
    assert.deepEqual(codes(await s.client.waitForDiagnostics(uri, (d) => d.length > 0)), ['sources-missing']);
  });
});
