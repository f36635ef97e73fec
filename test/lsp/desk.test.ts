// Issue 9: the desk's server side. `muharrir/articleSummary` for the active article (status bar),
// `muharrir/desk` for the Newsroom view, `muharrir/deskChanged` when either would answer otherwise.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_NO_SOURCES, ARTICLE_WITH_SOURCES, PULL_CAPABILITIES, PUSH_CAPABILITIES, open, serverForSuite } from './helpers';

const WITH_STATUS = ARTICLE_WITH_SOURCES.replace('author: سارة أحمد\n', 'author: سارة أحمد\nstatus: review\nsection: culture\n');

describe('desk, open files (the default scope)', () => {
  const suite = serverForSuite({ capabilities: PUSH_CAPABILITIES });

  test('articleSummary: the open buffer’s summary; null for a non-article or a closed file; InvalidParams for bad params', async () => {
    const { client, ws } = suite;
    // The disk says one thing, the buffer another: the buffer wins.
    const uri = ws.write('articles/one.md', ARTICLE_NO_SOURCES);
    open(client, uri, WITH_STATUS);
    const summary = await client.request('muharrir/articleSummary', { uri });
    assert.equal(summary.uri, uri);
    assert.equal(summary.path, 'articles/one.md');
    assert.equal(summary.status, 'review');
    assert.equal(summary.section, 'culture');
    assert.equal(summary.title, 'افتتاح معرض الكتاب في الرياض');
    assert.deepEqual(summary.counts, { errors: 0, warnings: 0, infos: 0 });
    assert.equal(summary.badges.sourcesMissing, false);
    assert.ok(summary.words > 0);
    assert.equal(summary.readingMinutes, 1);

    const readme = ws.write('README.md', '# Notes\n\nplain text\n');
    open(client, readme, '# Notes\n\nplain text\n');
    assert.equal(await client.request('muharrir/articleSummary', { uri: readme }), null);
    assert.equal(await client.request('muharrir/articleSummary', { uri: ws.uriOf('articles/closed.md') }), null);
    await assert.rejects(client.request('muharrir/articleSummary', { uri: 42 }), /Invalid params for muharrir\/articleSummary: uri must be a string/);
    await assert.rejects(client.request('muharrir/articleSummary', null), /params must be an object \(got null\)/);
  });

  test('desk lists the open articles only; an edit that changes a summary sends deskChanged', async () => {
    const { client, ws } = suite;
    ws.write('articles/closed.md', ARTICLE_NO_SOURCES);
    const uri = ws.write('articles/two.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const desk = await client.request('muharrir/desk', null);
    assert.equal(desk.scope, 'openFiles');
    assert.equal(desk.locale, 'en');
    assert.equal(desk.complete, true);
    assert.deepEqual(
      desk.articles.map((a: any) => a.path),
      ['articles/one.md', 'articles/two.md'],
    );
    const two = desk.articles.find((a: any) => a.path === 'articles/two.md');
    assert.equal(two.counts.errors, 1);
    assert.equal(two.badges.sourcesMissing, true);
    assert.equal(two.status, 'draft');
    assert.deepEqual(two.checklist.find((c: any) => c.id === 'sources')?.ok, false);

    const before = client.notifications.filter((n) => n.method === 'muharrir/deskChanged').length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: ARTICLE_WITH_SOURCES }] });
    await client.waitFor(
      () => client.notifications.filter((n) => n.method === 'muharrir/deskChanged').length > before,
      5000,
      'muharrir/deskChanged',
    );
    const after = await client.request('muharrir/desk', null);
    assert.deepEqual(after.articles.find((a: any) => a.path === 'articles/two.md').counts, { errors: 0, warnings: 0, infos: 0 });

    // Closing an article takes it off the desk.
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const closed = await client.request('muharrir/desk', null);
    assert.deepEqual(closed.articles.map((a: any) => a.path), ['articles/one.md']);
  });
});

describe('desk, only what changed since the client’s last answer', () => {
  const suite = serverForSuite({ capabilities: PUSH_CAPABILITIES });

  test('since: nothing when nothing changed, the edited article alone, closed ones as removed; the whole desk for an unknown since', async () => {
    const { client, ws } = suite;
    const one = ws.write('articles/one.md', ARTICLE_NO_SOURCES);
    const two = ws.write('articles/two.md', ARTICLE_NO_SOURCES);
    open(client, one, ARTICLE_NO_SOURCES);
    open(client, two, ARTICLE_NO_SOURCES);
    const first = await client.request('muharrir/desk', {});
    assert.equal(first.delta, undefined);
    assert.deepEqual(first.articles.map((a: any) => a.path), ['articles/one.md', 'articles/two.md']);
    assert.match(first.generation, /^[0-9a-f]{12}:1$/);

    const same = await client.request('muharrir/desk', { since: first.generation });
    assert.equal(same.delta, true);
    assert.deepEqual(same.articles, []);
    assert.deepEqual(same.removed, []);

    client.notify('textDocument/didChange', { textDocument: { uri: two, version: 2 }, contentChanges: [{ text: ARTICLE_WITH_SOURCES }] });
    await client.waitForDiagnostics(two, (d) => d.length === 0);
    const edited = await client.request('muharrir/desk', { since: same.generation });
    assert.equal(edited.delta, true);
    assert.deepEqual(edited.articles.map((a: any) => [a.path, a.counts.errors]), [['articles/two.md', 0]]);

    client.notify('textDocument/didClose', { textDocument: { uri: one } });
    const closed = await client.request('muharrir/desk', { since: edited.generation });
    assert.deepEqual(closed.removed, [one]);
    assert.deepEqual(closed.articles, []);

    // A since from another answer (an older one, another server): the whole desk.
    const stale = await client.request('muharrir/desk', { since: first.generation });
    assert.equal(stale.delta, undefined);
    assert.deepEqual(stale.articles.map((a: any) => a.path), ['articles/two.md']);
    await assert.rejects(client.request('muharrir/desk', { since: 3 }), /since must be a string/);
  });
});

describe('desk, in the language of .muharrir.yaml', () => {
  const suite = serverForSuite({ capabilities: PUSH_CAPABILITIES }, { '.muharrir.yaml': 'locale: ar\n' });

  test('desk and articleSummary say `ar` when the config asks for Arabic in an English editor', async () => {
    const { client, ws } = suite;
    const uri = ws.write('articles/one.md', ARTICLE_WITH_SOURCES);
    open(client, uri, ARTICLE_WITH_SOURCES);
    const summary = await client.request('muharrir/articleSummary', { uri });
    assert.equal(summary.locale, 'ar');
    const desk = await client.request('muharrir/desk', null);
    assert.equal(desk.locale, 'ar');
    assert.deepEqual(desk.articles.map((a: any) => a.path), ['articles/one.md']);
  });
});

describe('desk, workspace scope', () => {
  const suite = serverForSuite(
    { capabilities: PULL_CAPABILITIES, settings: () => ({ diagnostics: { scope: 'workspace' } }) },
    {
      'articles/a.md': ARTICLE_NO_SOURCES,
      'articles/b.md': WITH_STATUS,
      'drafts/c.md': ARTICLE_WITH_SOURCES.replace('date: 2025-06-02T10:00:00+03:00\n', ''),
      'notes/README.md': '# Notes\n',
    },
  );

  test('closed articles come from the scan, open ones from their buffer', async () => {
    const { client, ws } = suite;
    const desk = await client.request('muharrir/desk', null);
    assert.equal(desk.scope, 'workspace');
    const paths = (d: any) => d.articles.map((a: any) => a.path);
    // The scan may still be running when the first request comes: it says so, and says when it is done.
    let current = desk;
    while (!current.complete) {
      const heard = client.notifications.filter((n) => n.method === 'muharrir/deskChanged').length;
      await client.waitFor(() => client.notifications.filter((n) => n.method === 'muharrir/deskChanged').length > heard, 10_000, 'deskChanged');
      current = await client.request('muharrir/desk', null);
    }
    assert.deepEqual(paths(current), ['articles/a.md', 'articles/b.md', 'drafts/c.md']);
    assert.equal(current.scanned, 3);
    assert.equal(current.total, 3);
    const c = current.articles.find((a: any) => a.path === 'drafts/c.md');
    assert.equal(c.badges.dateMissing, true);

    // Opened with its sources added, a.md is the buffer's until it closes.
    const uri = ws.uriOf('articles/a.md');
    open(client, uri, ARTICLE_WITH_SOURCES);
    const opened = await client.request('muharrir/desk', null);
    assert.equal(opened.articles.find((a: any) => a.path === 'articles/a.md').counts.errors, 0);
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const closed = await client.request('muharrir/desk', null);
    assert.equal(closed.articles.find((a: any) => a.path === 'articles/a.md').counts.errors, 1);
  });
});
