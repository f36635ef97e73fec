// Issue 9, item 1: `muharrir.diagnostics.scope: workspace` checks the articles nobody opened, over
// a generated workspace of 300 articles (a third of them without sources).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { ROOT } from './client';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, codes, makeWorkspace, open, positionOf, startServer, type TestWorkspace } from './helpers';

const COUNT = 300;
const SECTIONS = ['politics', 'economy', 'sports'];
const STATUSES = ['draft', 'review', 'approved', 'published', undefined];

/** Every third article lists no sources (an error); every fourth has a Latin comma and a double space. */
function article(i: number): string {
  const status = STATUSES[i % 5];
  const body = i % 4 === 1 ? 'افتتح الوزير المعرض, وقال  كلمة.' : 'افتتح وزير الثقافة معرض الكتاب.';
  return [
    '---',
    `title: خبر رقم ${i} عن افتتاح معرض الكتاب`,
    'date: 2025-06-02T10:00:00+03:00',
    'author: سارة أحمد',
    `section: ${SECTIONS[Math.floor(i / 5) % 3]}`,
    ...(status ? [`status: ${status}`] : []),
    ...(i % 3 === 0 ? [] : ['sources:', '  - وكالة الأنباء السعودية']),
    '---',
    '',
    body,
    '',
  ].join('\n');
}

const rel = (i: number) => `articles/${SECTIONS[i % 3]}/n${String(i).padStart(3, '0')}.md`;
const broken = (i: number) => i % 3 === 0;

function generate(): TestWorkspace {
  const ws = makeWorkspace();
  for (let i = 0; i < COUNT; i++) ws.write(rel(i), article(i));
  // Never read: dependencies, dot-folders, and a README that is not an article.
  ws.write('node_modules/pkg/news/x.md', article(0));
  ws.write('.git/news/y.md', article(0));
  ws.write('notes/README.md', '# Notes\n\nplain text, with a Latin comma, here\n');
  // A symlink loop is not followed, and a file over 5 MB is not read.
  fs.symlinkSync('../..', ws.file('articles/politics/loop'));
  ws.write('big/news/huge.md', article(0) + 'نص طويل, '.repeat(600_000));
  return ws;
}

const WORKSPACE_SCOPE = () => ({ diagnostics: { scope: 'workspace' } });

describe('workspace diagnostics, pull (VS Code)', () => {
  let ws: TestWorkspace;
  let client: LspClient;
  before(async () => {
    ws = generate();
    client = await startServer(ws, { capabilities: PULL_CAPABILITIES, settings: WORKSPACE_SCOPE });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  test('the server answers a hover while it scans', async () => {
    const order: string[] = [];
    const text = article(1);
    const uri = ws.uriOf(rel(1));
    open(client, uri, text);
    // Asked first, answered once every article is checked; the hover, asked after, must not wait for that.
    const pulled = client.request('workspace/diagnostic', { previousResultIds: [] }, 60_000).then((r) => (order.push('workspace'), r));
    const hover = client
      .request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'date:') })
      .then((r) => (order.push('hover'), r));
    const [report, hovered] = await Promise.all([pulled, hover]);
    assert.deepEqual(order, ['hover', 'workspace']);
    assert.ok(hovered, 'a hover answer for the date field');
    // The open article is the document pull's; every other one is here.
    assert.equal(report.items.length, COUNT - 1);
  });

  test('a pull gets one report per article with its problems; a second pull with result ids gets unchanged and one full', async () => {
    const first = await client.request('workspace/diagnostic', { previousResultIds: [] }, 60_000);
    const byUri = new Map<string, any>(first.items.map((r: any) => [r.uri, r]));
    for (let i = 0; i < COUNT; i++) {
      if (i === 1) continue; // open
      const r = byUri.get(ws.uriOf(rel(i)));
      assert.ok(r, `a report for ${rel(i)}`);
      assert.equal(r.kind, 'full');
      assert.equal(r.version, null);
      assert.equal(codes(r.items).includes('sources-missing'), broken(i), `${rel(i)}: ${codes(r.items)}`);
      assert.equal(codes(r.items).includes('arabic-punctuation'), i % 4 === 1, `${rel(i)}: ${codes(r.items)}`);
    }
    assert.equal(byUri.size, COUNT - 1, 'nothing from node_modules, .git, the README, the loop or the 5 MB file');
    assert.equal([...byUri.values()].filter((r) => codes(r.items).includes('sources-missing')).length, COUNT / 3);

    // One broken article gets its sources on disk; the editor's file watcher says so.
    const fixed = 3;
    const fixedUri = ws.write(rel(fixed), article(fixed).replace('author: سارة أحمد\n', 'author: سارة أحمد\nsources:\n  - رويترز\n'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fixedUri, type: 2 }] });
    const previousResultIds = first.items.map((r: any) => ({ uri: r.uri, value: r.resultId }));
    const second = await client.request('workspace/diagnostic', { previousResultIds }, 60_000);
    const full = second.items.filter((r: any) => r.kind === 'full');
    assert.deepEqual(full.map((r: any) => r.uri), [fixedUri]);
    assert.deepEqual(codes(full[0].items), []);
    const unchanged = second.items.filter((r: any) => r.kind === 'unchanged');
    assert.equal(unchanged.length, COUNT - 2);
    for (const r of unchanged) assert.equal(r.resultId, byUri.get(r.uri).resultId);
  });

  test('a file deleted on disk is cleared; a document pull for a closed article answers from the scan', async () => {
    const gone = ws.uriOf(rel(6));
    const first = await client.request('workspace/diagnostic', { previousResultIds: [] }, 60_000);
    fs.rmSync(ws.file(rel(6)));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: gone, type: 3 }] });
    const second = await client.request(
      'workspace/diagnostic',
      { previousResultIds: first.items.map((r: any) => ({ uri: r.uri, value: r.resultId })) },
      60_000,
    );
    const full = second.items.filter((r: any) => r.kind === 'full');
    assert.deepEqual(full.map((r: any) => [r.uri, r.items.length]), [[gone, 0]]);

    // VS Code pulls a document once more after closing it: the disk's problems, not nothing.
    const closed = ws.uriOf(rel(9));
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri: closed } });
    assert.ok(codes(report.items).includes('sources-missing'), JSON.stringify(report));
  });

  test('muharrir/desk lists every article with the same counts as the CLI, grouped by status and section', async () => {
    const desk = await client.request('muharrir/desk', null, 60_000);
    assert.equal(desk.scope, 'workspace');
    assert.equal(desk.complete, true);
    assert.equal(desk.articles.length, COUNT - 1, 'one article was deleted above');
    assert.equal(desk.scanned, desk.total);

    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', 'articles'], {
      cwd: ws.dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', LC_ALL: '' },
    });
    const report = JSON.parse(cli.stdout);
    const expected = new Map<string, { errors: number; warnings: number; infos: number }>();
    for (const f of report.files) {
      const counts = { errors: 0, warnings: 0, infos: 0 };
      for (const d of f.diagnostics) {
        if (d.severity === 'error') counts.errors++;
        else if (d.severity === 'warning') counts.warnings++;
        else counts.infos++;
      }
      expected.set(f.path, counts);
    }
    assert.equal(expected.size, COUNT - 1);
    const byPath = new Map<string, any>(desk.articles.map((a: any) => [a.path, a]));
    for (const [p, counts] of expected) assert.deepEqual(byPath.get(p)?.counts, counts, p);
    const total = (k: 'errors' | 'warnings' | 'infos') => desk.articles.reduce((n: number, a: any) => n + a.counts[k], 0);
    assert.deepEqual(
      { errors: total('errors'), warnings: total('warnings'), infos: total('infos') },
      { errors: report.summary.errors, warnings: report.summary.warnings, infos: report.summary.infos ?? total('infos') },
    );

    const groups = (key: 'status' | 'section') => {
      const g: Record<string, number> = {};
      for (const a of desk.articles) g[a[key]] = (g[a[key]] ?? 0) + 1;
      return g;
    };
    const want = (key: 'status' | 'section') => {
      const g: Record<string, number> = {};
      for (let i = 0; i < COUNT; i++) {
        if (i === 6) continue;
        const v = key === 'status' ? (STATUSES[i % 5] ?? 'draft') : SECTIONS[Math.floor(i / 5) % 3];
        g[v] = (g[v] ?? 0) + 1;
      }
      return g;
    };
    assert.deepEqual(groups('status'), want('status'));
    assert.deepEqual(groups('section'), want('section'));
    const one = byPath.get(rel(9));
    assert.equal(one.folder, path.basename(ws.dir));
    assert.equal(one.uri, ws.uriOf(rel(9)));
    assert.equal(one.badges.sourcesMissing, true);
  });

  test('a pull with nothing new is held until something changes, then answered', async () => {
    const current = await client.request('workspace/diagnostic', { previousResultIds: [] }, 60_000);
    const previousResultIds = current.items.map((r: any) => ({ uri: r.uri, value: r.resultId }));
    let answered = false;
    const held = client.request('workspace/diagnostic', { previousResultIds }, 60_000).then((r) => ((answered = true), r));
    // A request sent after the held one is answered first: the held pull is waiting, not working.
    await client.request('muharrir/desk', null);
    assert.equal(answered, false, 'nothing changed, so the pull is still held');
    const uri = ws.write(rel(15), article(15).replace('افتتح وزير', 'افتتح  وزير'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    const report = await held;
    const full = report.items.filter((r: any) => r.kind === 'full');
    assert.deepEqual(full.map((r: any) => r.uri), [uri]);
    assert.ok(codes(full[0].items).includes('double-space'));
  });

  test('with a partialResultToken the reports are streamed as $/progress and the answer itself is empty', async () => {
    const token = 'stream-1';
    const report = await client.request('workspace/diagnostic', { previousResultIds: [], partialResultToken: token }, 60_000);
    assert.deepEqual(report, { items: [] });
    const streamed = client.notifications.filter((n) => n.method === '$/progress' && n.params.token === token).flatMap((n) => n.params.value.items);
    assert.equal(streamed.length, COUNT - 2, 'every closed article, once');
    assert.equal(new Set(streamed.map((r: any) => r.uri)).size, COUNT - 2);
    assert.ok(streamed.every((r: any) => r.kind === 'full'));
  });

  test('a config change re-checks every file, and files whose problems did not change keep their result ids', async () => {
    const first = await client.request('workspace/diagnostic', { previousResultIds: [] }, 60_000);
    const configUri = ws.write('.muharrir.yaml', 'rules:\n  arabic-punctuation: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const second = await client.request(
      'workspace/diagnostic',
      { previousResultIds: first.items.map((r: any) => ({ uri: r.uri, value: r.resultId })) },
      60_000,
    );
    const full = second.items.filter((r: any) => r.kind === 'full');
    const withComma = first.items.filter((r: any) => codes(r.items).includes('arabic-punctuation')).map((r: any) => r.uri);
    assert.ok(withComma.length > 50);
    assert.deepEqual(full.map((r: any) => r.uri).sort(), withComma.sort());
    for (const r of full) assert.ok(!codes(r.items).includes('arabic-punctuation'));
    assert.equal(second.items.length, first.items.length);
  });
});

describe('workspace diagnostics, push (Neovim)', () => {
  let ws: TestWorkspace;
  let client: LspClient;
  let scope = 'workspace';
  before(async () => {
    ws = generate();
    client = await startServer(ws, { capabilities: PUSH_CAPABILITIES, settings: () => ({ diagnostics: { scope } }) });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  const brokenUris = () => Array.from({ length: COUNT }, (_, i) => i).filter(broken).map((i) => ws.uriOf(rel(i)));

  test('closed articles get publishDiagnostics, with progress begin and end', async () => {
    for (const uri of brokenUris()) {
      const d = await client.waitForDiagnostics(uri, (x) => codes(x).includes('sources-missing'), 0, 60_000);
      assert.ok(d.length > 0);
    }
    // A clean article has nothing to publish; nothing from node_modules or .git.
    assert.deepEqual(client.published(ws.uriOf(rel(2))), []);
    assert.deepEqual(client.published(ws.uriOf('node_modules/pkg/news/x.md')), []);
    assert.deepEqual(client.published(ws.uriOf('.git/news/y.md')), []);

    const created = await client.waitFor(() => client.serverRequests.find((r) => r.method === 'window/workDoneProgress/create'), 60_000, 'progress create');
    const ofScan = () => client.notifications.filter((n) => n.method === '$/progress' && n.params.token === created.params.token);
    await client.waitFor(() => ofScan().some((n) => n.params.value.kind === 'end'), 60_000, 'progress end');
    const progress = ofScan();
    assert.equal(progress[0].params.value.kind, 'begin');
    assert.equal(progress[0].params.value.title, 'Muharrir');
    assert.equal(progress.at(-1)!.params.value.kind, 'end');
    for (const p of progress.filter((x) => x.params.value.kind === 'report')) {
      assert.match(p.params.value.message, /^Checking articles \d+\/\d+$/);
    }
  });

  test('an open article is the buffer’s; closing it brings the disk’s problems back', async () => {
    const uri = ws.uriOf(rel(12));
    const fixedText = article(12).replace('author: سارة أحمد\n', 'author: سارة أحمد\nsources:\n  - رويترز\n');
    let seen = client.published(uri).length;
    open(client, uri, fixedText);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, () => true, seen)), []);
    seen = client.published(uri).length;
    client.notify('textDocument/didClose', { textDocument: { uri } });
    const back = await client.waitForDiagnostics(uri, (d) => d.length > 0, seen);
    assert.ok(codes(back).includes('sources-missing'));
  });

  test('scope back to openFiles clears every closed article', async () => {
    const counts = new Map(brokenUris().map((u) => [u, client.published(u).length]));
    scope = 'openFiles';
    client.notify('workspace/didChangeConfiguration', { settings: null });
    for (const [uri, seen] of counts) {
      await client.waitForDiagnostics(uri, (d) => d.length === 0, seen, 30_000);
    }
    const desk = await client.request('muharrir/desk', null);
    assert.equal(desk.scope, 'openFiles');
    assert.deepEqual(desk.articles, []);
  });
});

describe('scope openFiles (the default)', () => {
  let ws: TestWorkspace;
  const clients: LspClient[] = [];
  before(() => {
    ws = generate();
  });
  after(async () => {
    for (const c of clients) await c.stop();
    ws?.remove();
  });

  test('a pull client gets no reports for closed articles', async () => {
    const client = await startServer(ws, { capabilities: PULL_CAPABILITIES });
    clients.push(client);
    const report = await client.request('workspace/diagnostic', { previousResultIds: [] });
    assert.deepEqual(report, { items: [] });
  });

  test('a client without workspace/configuration turns the workspace scope on in initializationOptions', async () => {
    const capabilities = { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, configuration: false } };
    const client = await startServer(ws, { capabilities, initializationOptions: { settings: { diagnostics: { scope: 'workspace' } } } });
    clients.push(client);
    const d = await client.waitForDiagnostics(ws.uriOf(rel(3)), (x) => x.length > 0, 0, 60_000);
    assert.ok(codes(d).includes('sources-missing'));
  });

  test('a push client hears of the open article only', async () => {
    const client = await startServer(ws, { capabilities: PUSH_CAPABILITIES });
    clients.push(client);
    const uri = ws.uriOf(rel(0));
    open(client, uri, article(0));
    assert.ok(codes(await client.waitForDiagnostics(uri, (d) => d.length > 0)).includes('sources-missing'));
    const desk = await client.request('muharrir/desk', null);
    assert.equal(desk.scope, 'openFiles');
    assert.deepEqual(desk.articles.map((a: any) => a.path), [rel(0)]);
    const others = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri !== uri);
    assert.deepEqual(others, []);
    assert.ok(!client.notifications.some((n) => n.method === '$/progress'), 'no scan, no progress');
  });
});
