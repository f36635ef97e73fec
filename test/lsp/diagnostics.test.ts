import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_NO_SOURCES, ARTICLE_WITH_SOURCES, codes, open, positionOf, serverForSuite } from './helpers';

describe('push diagnostics (a client without textDocument.diagnostic)', () => {
  const suite = serverForSuite();

  test('an article without sources gets sources-missing, linked to its docs page', async () => {
    const uri = suite.ws.write('articles/no-sources.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    const diagnostics = await suite.client.waitForDiagnostics(uri, (d) => d.length > 0);
    const d = diagnostics.find((x) => x.code === 'sources-missing');
    assert.ok(d, `sources-missing in ${JSON.stringify(codes(diagnostics))}`);
    assert.equal(d.source, 'muharrir');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription.href, /docs\/rules\/sources-missing\.md$/);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.deepEqual(d.data, { rule: 'sources-missing' });
  });

  test('incremental edits are linted again: fixing sources, then breaking the date', async () => {
    const uri = suite.ws.write('articles/edited.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    await suite.client.waitForDiagnostics(uri, (d) => codes(d).includes('sources-missing'));

    // Insert a sources block just before the closing delimiter (line 4).
    const seen = suite.client.published(uri).length;
    suite.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'sources:\n  - وكالة الأنباء السعودية\n' },
      ],
    });
    const fixed = await suite.client.waitForDiagnostics(uri, () => true, seen);
    assert.deepEqual(codes(fixed), []);
    assert.equal(suite.client.published(uri).at(-1)!.version, 2);

    // Now an impossible date: 30 February.
    const text = ARTICLE_NO_SOURCES.replace('---\n\n', 'sources:\n  - وكالة الأنباء السعودية\n---\n\n');
    const at = positionOf(text, '2025-06-02');
    const seen2 = suite.client.published(uri).length;
    suite.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 10 } }, text: '2025-02-30' }],
    });
    const broken = await suite.client.waitForDiagnostics(uri, () => true, seen2);
    assert.deepEqual(codes(broken), ['date-invalid']);
    assert.equal(broken[0].range.start.line, at.line);
  });

  test('a burst of keystrokes is linted once for the last version', async () => {
    const uri = suite.ws.write('articles/burst.md', ARTICLE_WITH_SOURCES);
    open(suite.client, uri, ARTICLE_WITH_SOURCES);
    await suite.client.waitForDiagnostics(uri);
    const seen = suite.client.published(uri).length;
    const at = positionOf(ARTICLE_WITH_SOURCES, 'افتتح');
    for (let v = 2; v <= 11; v++) {
      suite.client.notify('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: at, end: at }, text: 'ا' }],
      });
    }
    await suite.client.waitFor(() => suite.client.published(uri).slice(seen).some((p) => p.version === 11), 5000, 'version 11');
    const versions = suite.client.published(uri).slice(seen).map((p) => p.version);
    assert.ok(versions.length < 10, `coalesced: published for versions ${versions.join(',')}`);
    assert.ok(versions.every((v, i) => i === 0 || v! > versions[i - 1]!), 'never an older version after a newer one');
  });

  test('a README outside articles/ without frontmatter stays quiet', async () => {
    const text = '# My project\n\nSome notes, no frontmatter. المصدر: لا أحد\n';
    const uri = suite.ws.write('README.md', text);
    open(suite.client, uri, text);
    const diagnostics = await suite.client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics, []);
    const actions = await suite.client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  test('closing an article clears its diagnostics', async () => {
    const uri = suite.ws.write('articles/closing.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    await suite.client.waitForDiagnostics(uri, (d) => d.length > 0);
    const seen = suite.client.published(uri).length;
    suite.client.notify('textDocument/didClose', { textDocument: { uri } });
    const cleared = await suite.client.waitForDiagnostics(uri, () => true, seen);
    assert.deepEqual(cleared, []);
  });
});

describe('.muharrir.yaml reload without restart', () => {
  const suite = serverForSuite();

  test('the server asks to watch **/.muharrir.yaml when the client supports dynamic registration', async () => {
    const registration = await suite.client.waitFor(
      () =>
        suite.client.serverRequests
          .filter((r) => r.method === 'client/registerCapability')
          .flatMap((r) => r.params.registrations)
          .find((r: any) => r.method === 'workspace/didChangeWatchedFiles'),
      5000,
      'a file watcher registration',
    );
    assert.deepEqual(
      registration.registerOptions.watchers.map((w: any) => w.globPattern),
      ['**/.muharrir.yaml'],
    );
  });

  test('a new config turns a rule off; a broken one is reported on the config file', async () => {
    const uri = suite.ws.write('articles/a.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    await suite.client.waitForDiagnostics(uri, (d) => codes(d).includes('sources-missing'));

    let seen = suite.client.published(uri).length;
    const configUri = suite.ws.write('.muharrir.yaml', 'rules:\n  sources-missing: off\n');
    suite.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const quiet = await suite.client.waitForDiagnostics(uri, () => true, seen);
    assert.ok(!codes(quiet).includes('sources-missing'), JSON.stringify(codes(quiet)));

    seen = suite.client.published(uri).length;
    suite.ws.write('.muharrir.yaml', 'rules: [sources-missing: off\n  - {{{\n');
    suite.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const problems = await suite.client.waitForDiagnostics(configUri, (d) => d.length > 0);
    assert.equal(problems[0].code, 'config');
    assert.equal(problems[0].source, 'muharrir');
    // The article falls back to the defaults meanwhile: sources-missing is back.
    const back = await suite.client.waitForDiagnostics(uri, (d) => codes(d).includes('sources-missing'), seen);
    assert.ok(back.length > 0);

    // Repairing the config clears its problems.
    suite.ws.write('.muharrir.yaml', 'rules:\n  sources-missing: warning\n');
    suite.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await suite.client.waitForDiagnostics(configUri, (d) => d.length === 0);
    const warned = await suite.client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'sources-missing' && x.severity === 2));
    assert.ok(warned);
    assert.equal(suite.client.exited, undefined);
  });

  test('an open, unsaved .muharrir.yaml buffer counts, and its edits reload at once', async () => {
    const uri = suite.ws.write('news/b.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    await suite.client.waitForDiagnostics(uri, (d) => d.length > 0);
    const configUri = suite.ws.uriOf('.muharrir.yaml');
    const seen = suite.client.published(uri).length;
    suite.client.notify('textDocument/didOpen', {
      textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: 'rules:\n  sources-missing: off\n' },
    });
    const quiet = await suite.client.waitForDiagnostics(uri, (d) => !codes(d).includes('sources-missing'), seen);
    assert.ok(quiet);
    const seenConfig = suite.client.published(configUri).length;
    suite.client.notify('textDocument/didChange', {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: 'locale: fr\n' }],
    });
    const problems = await suite.client.waitForDiagnostics(configUri, (d) => d.length > 0, seenConfig);
    assert.match(problems[0].message, /locale/);
    assert.deepEqual(problems[0].range.start, { line: 0, character: 8 });
  });
});

describe('a config reload resends only the diagnostics it changed', () => {
  const suite = serverForSuite();

  test('an article the new config does not govern is not published again', async () => {
    const mine = suite.ws.write('articles/untouched.md', ARTICLE_NO_SOURCES);
    const theirs = suite.ws.write('desk/governed.md', ARTICLE_NO_SOURCES);
    open(suite.client, mine, ARTICLE_NO_SOURCES);
    open(suite.client, theirs, ARTICLE_NO_SOURCES);
    await suite.client.waitForDiagnostics(mine, (d) => codes(d).includes('sources-missing'));
    await suite.client.waitForDiagnostics(theirs, (d) => codes(d).includes('sources-missing'));
    const seenMine = suite.client.published(mine).length;
    const seenTheirs = suite.client.published(theirs).length;

    const configUri = suite.ws.write('desk/.muharrir.yaml', 'rules:\n  sources-missing: off\n');
    suite.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const quiet = await suite.client.waitForDiagnostics(theirs, () => true, seenTheirs);
    assert.ok(!codes(quiet).includes('sources-missing'), JSON.stringify(codes(quiet)));
    // Both were re-linted in the same pass, the untouched one first (opened first, same delay).
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(suite.client.published(mine).length, seenMine, 'the untouched article was published again');

    // Still answered after that: an edit to it is published as usual.
    suite.client.notify('textDocument/didChange', {
      textDocument: { uri: mine, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '' }],
    });
    const again = await suite.client.waitForDiagnostics(mine, () => true, seenMine);
    assert.ok(codes(again).includes('sources-missing'));
  });
});
