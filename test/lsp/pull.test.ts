import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_NO_SOURCES, PULL_CAPABILITIES, applyTextEdits, codes, open, serverForSuite } from './helpers';

describe('pull diagnostics (a client with textDocument.diagnostic, like VS Code)', () => {
  const suite = serverForSuite({ capabilities: PULL_CAPABILITIES });

  test('textDocument/diagnostic returns a full report; nothing is pushed for the article', async () => {
    const uri = suite.ws.write('articles/p.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    const report = await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.equal(typeof report.resultId, 'string');
    const missing = report.items.find((d: any) => d.code === 'sources-missing');
    assert.ok(missing, JSON.stringify(codes(report.items)));
    assert.equal(missing.source, 'muharrir');
    assert.match(missing.codeDescription.href, /docs\/rules\/sources-missing\.md$/);

    // An edit changes the resultId and the report.
    suite.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'sources:\n  - رويترز\n' },
      ],
    });
    const second = await suite.client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, report.resultId);
    assert.deepEqual(codes(second.items), []);

    // A config change asks the client to pull again rather than pushing.
    const configUri = suite.ws.write('.muharrir.yaml', 'rules:\n  sources-missing: off\n');
    suite.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await suite.client.waitFor(() => suite.client.serverRequests.some((r) => r.method === 'workspace/diagnostic/refresh'), 5000, 'a diagnostic refresh');
    const third = await suite.client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: second.resultId });
    assert.notEqual(third.resultId, second.resultId);

    const pushed = suite.client.published(uri).filter((p) => p.diagnostics.length > 0);
    assert.deepEqual(pushed, [], 'no publishDiagnostics with problems for a pull client');
    assert.deepEqual(suite.client.published(uri), []);
  });

  test('a non-article in pull mode gets an empty full report', async () => {
    const text = '# Notes\n\nplain text\n';
    const uri = suite.ws.write('notes/README.md', text);
    open(suite.client, uri, text);
    const report = await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual({ kind: report.kind, items: report.items }, { kind: 'full', items: [] });
  });

  test('with resolve support, fix-all is computed only when chosen', async () => {
    const text = [
      '---',
      'titel: خبر',
      'date: 2025-06-02T10:00:00+03:00',
      'updated: 2025-06-02 12:30',
      'author: سارة',
      'sources:',
      '  - رويترز',
      '---',
      '',
    ].join('\n');
    const uri = suite.ws.write('articles/lazy.md', text);
    open(suite.client, uri, text);
    const report = await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    const [action] = await suite.client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: report.items, only: ['source.fixAll.muharrir'] },
    });
    assert.equal(action.edit, undefined, 'no edit before resolve');
    assert.ok(action.data);
    const resolved = await suite.client.request('codeAction/resolve', action);
    const fixed = applyTextEdits(text, resolved.edit.changes[uri]);
    assert.match(fixed, /\ntitle: خبر\n/);
    assert.match(fixed, /\nupdated: 2025-06-02T12:30:00\+03:00\n/);
  });

  test('open the rule docs: a command that asks the editor to show the page', async () => {
    // sources-missing is off in this folder since the config test; a missing author still counts.
    const text = ARTICLE_NO_SOURCES.replace('author: سارة أحمد\n', '');
    const uri = suite.ws.write('articles/docs.md', text);
    open(suite.client, uri, text);
    const report = await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    const missing = report.items.find((d: any) => d.code === 'required-field');
    assert.ok(missing, JSON.stringify(codes(report.items)));
    const actions = await suite.client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    const docs = actions.find((a) => a.command?.command === 'muharrir.openRuleDocs');
    assert.ok(docs, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(docs.title, 'Open documentation for required-field');
    await suite.client.request('workspace/executeCommand', { command: docs.command.command, arguments: docs.command.arguments });
    const shown = suite.client.serverRequests.find((r) => r.method === 'window/showDocument');
    assert.ok(shown, 'window/showDocument requested');
    assert.match(shown.params.uri, /docs\/rules\/required-field\.md$/);
    assert.equal(shown.params.external, true);
    // Anything but our own docs pages is refused.
    await suite.client.request('workspace/executeCommand', { command: 'muharrir.openRuleDocs', arguments: ['file:///etc/passwd'] });
    assert.equal(suite.client.serverRequests.filter((r) => r.method === 'window/showDocument').length, 1);
  });
});
