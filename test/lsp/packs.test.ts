/**
 * Team snippet packs through the language server: their templates are completed in a new article
 * for every client (VS Code included), listed by `muharrir/templates` with their pack; a broken
 * pack is a diagnostic on the pack file and nothing worse; packs reload when they change; folders
 * come from `.muharrir/snippets/`, `muharrir.snippetPacks` and `.muharrir.yaml`, inside the
 * workspace folder only.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LspClient } from './client';
import { ROOT } from './client';
import { ARTICLE_NO_SOURCES, PULL_CAPABILITIES, PUSH_CAPABILITIES, codes, makeWorkspace, open, startServer, type Pos, type TestWorkspace } from './helpers';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'packs');
const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', '.muharrir', 'snippets', 'gulf-desk.json'), 'utf8');

const SNIPPETS = {
  ...PUSH_CAPABILITIES,
  textDocument: {
    ...PUSH_CAPABILITIES.textDocument,
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
  },
};
const VSCODE = { capabilities: { ...PULL_CAPABILITIES, textDocument: { ...PULL_CAPABILITIES.textDocument, completion: SNIPPETS.textDocument.completion } }, initializationOptions: { client: 'vscode' } };

async function complete(client: LspClient, uri: string, position: Pos = { line: 0, character: 0 }): Promise<any[]> {
  const r = await client.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
  return ((Array.isArray(r) ? r : (r?.items ?? [])) as any[]).filter((i) => i.kind === 15 /* Snippet */);
}
const labels = (items: any[]) => items.map((i) => i.label).sort();

/** Opens a fresh article holding `text` and asks for completion at its end. */
let counter = 0;
async function completeIn(client: LspClient, ws: TestWorkspace, text = ''): Promise<any[]> {
  const uri = ws.uriOf(`articles/new-${++counter}.md`);
  open(client, uri, text);
  return complete(client, uri, { line: 0, character: text.length });
}

function pack(name: string, snippets: Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>, version = '1.0.0'): string {
  return JSON.stringify({ pack: { name, version }, snippets }, null, 2);
}

describe('packs in .muharrir/snippets', () => {
  let ws: TestWorkspace;
  let vscode: LspClient;
  let neovim: LspClient;

  before(async () => {
    ws = makeWorkspace({
      '.muharrir.yaml': 'timezone: Asia/Karachi\n',
      '.muharrir/snippets/gulf-desk.json': EXAMPLE,
      '.muharrir/snippets/broken.json': fixture('broken/syntax.json'),
    });
    const settings = () => ({ author: 'سارة أحمد' });
    [vscode, neovim] = await Promise.all([startServer(ws, { ...VSCODE, settings }), startServer(ws, { capabilities: SNIPPETS, settings })]);
  });
  after(async () => {
    await Promise.all([vscode.stop(), neovim.stop()]);
    ws.remove();
  });

  test('VS Code gets the pack’s templates (not the built-ins, it has those) in an empty article', async () => {
    assert.deepEqual(labels(await completeIn(vscode, ws)), ['gulf-obituary', 'gulf-sport', 'gulf-weather']);
    const items = await completeIn(vscode, ws, 'نع');
    assert.deepEqual(labels(items), ['نعي']);
    const [item] = items;
    assert.equal(item.detail, 'نعي · gulf-desk');
    assert.equal(item.insertTextFormat, 2 /* Snippet */);
    const snippet: string = item.textEdit.newText;
    assert.match(snippet, /^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/m, 'the date in the newsroom’s zone');
    assert.match(snippet, /^author: \$\{3:سارة أحمد\}$/m, 'muharrir.author fills the byline');
    assert.match(snippet, /اليوم (الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت) \d{1,2} \S+( \S+)? \d{4}هـ/, 'weekday and Hijri date resolved');
    assert.ok(!snippet.includes('MUHARRIR_'), 'every newsroom variable is resolved by the server');
  });

  test('other editors get the built-ins and the pack’s templates', async () => {
    const all = labels(await completeIn(neovim, ws));
    for (const p of ['news-brief', 'news-report', 'gulf-sport', 'gulf-weather']) assert.ok(all.includes(p), `${p} in ${all}`);
    assert.deepEqual(labels(await completeIn(neovim, ws, 'طق')), ['طقس']);
  });

  test('muharrir/templates lists the pack’s templates with the pack name and version, resolved', async () => {
    const r = await vscode.request('muharrir/templates', { uri: ws.uriOf('articles/2025/new.md'), title: 'موجة حر في الدمام', dateline: 'الدمام' });
    const fromPack = r.templates.filter((t: any) => t.pack);
    assert.deepEqual(
      fromPack.map((t: any) => [t.id, t.pack]),
      [
        ['gulf-desk/خبر رياضي', { name: 'gulf-desk', version: '1.0.0' }],
        ['gulf-desk/نعي', { name: 'gulf-desk', version: '1.0.0' }],
        ['gulf-desk/طقس', { name: 'gulf-desk', version: '1.0.0' }],
      ],
    );
    const weather = fromPack.find((t: any) => t.name === 'طقس');
    assert.match(weather.text, /^title: "موجة حر في الدمام"$/m);
    assert.match(weather.text, /^\*\*الدمام\*\* – /m);
    assert.equal(r.templates.length, 8 + 3, 'the built-ins are still listed');
  });

  test('a broken pack is a diagnostic on its file, pushed even to a pull client, and nothing else breaks', async () => {
    const brokenUri = ws.uriOf('.muharrir/snippets/broken.json');
    for (const client of [neovim, vscode]) {
      const [d] = await client.waitForDiagnostics(brokenUri, (ds) => ds.length > 0);
      assert.equal(d.code, 'pack-json');
      assert.equal(d.source, 'muharrir');
      assert.equal(d.severity, 1 /* Error */);
      assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } });
      assert.match(d.message, /JSON/);
    }
    assert.deepEqual(vscode.published(ws.uriOf('.muharrir/snippets/gulf-desk.json')), [], 'a clean pack gets nothing');

    const article = ws.uriOf('articles/broken-neighbour.md');
    open(neovim, article, ARTICLE_NO_SOURCES);
    assert.ok(codes(await neovim.waitForDiagnostics(article, (d) => d.length > 0)).includes('sources-missing'));
    open(vscode, article, ARTICLE_NO_SOURCES);
    const report = await vscode.request('textDocument/diagnostic', { textDocument: { uri: article } });
    assert.ok(codes(report.items).includes('sources-missing'));
    assert.ok(labels(await completeIn(vscode, ws)).includes('gulf-sport'), 'the good pack still loads');
    assert.equal(neovim.exited ?? vscode.exited, undefined);
  });
});

describe('pack reloads', () => {
  let ws: TestWorkspace;
  let client: LspClient;

  before(async () => {
    ws = makeWorkspace({ '.muharrir/snippets/desk.json': pack('desk', { One: { prefix: 'desk-one', body: 'one $0' } }) });
    client = await startServer(ws, { capabilities: SNIPPETS });
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  test('the server watches pack files when the client lets it', async () => {
    const globs = await client.waitFor(
      () => {
        const all = client.serverRequests
          .filter((r) => r.method === 'client/registerCapability')
          .flatMap((r) => r.params.registrations)
          .filter((r: any) => r.method === 'workspace/didChangeWatchedFiles')
          .flatMap((r: any) => r.registerOptions.watchers.map((w: any) => w.globPattern));
        return all.includes('**/.muharrir/snippets/*.json') && all;
      },
      5000,
      'a pack watcher',
    );
    assert.ok(globs.includes('**/.muharrir.yaml'), 'configs are still watched');
  });

  test('a pack edited on disk, then didChangeWatchedFiles: the new template appears, the old one goes', async () => {
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-one']);
    const uri = ws.write('.muharrir/snippets/desk.json', pack('desk', { Two: { prefix: 'desk-two', body: 'two $0' } }, '1.1.0'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-two']);

    // A new pack file in the folder, then a broken edit: the diagnostic comes and the templates go.
    const added = ws.write('.muharrir/snippets/extra.json', pack('extra', { Three: { prefix: 'desk-three', body: 'three' } }));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: added, type: 1 }] });
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-three', 'desk-two']);
    ws.write('.muharrir/snippets/extra.json', '{ "pack": { "name": "extra" }, "snippets": {} }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: added, type: 2 }] });
    const problems = await client.waitForDiagnostics(added, (d) => d.length > 0);
    assert.deepEqual(codes(problems), ['pack-metadata', 'pack-structure']);
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-two']);

    // Deleting it clears its diagnostics.
    fs.rmSync(ws.file('.muharrir/snippets/extra.json'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: added, type: 3 }] });
    await client.waitForDiagnostics(added, (d) => d.length === 0);
  });

  test('an open pack is checked as it is typed, from the buffer, and feeds completion before it is saved', async () => {
    const uri = ws.uriOf('.muharrir/snippets/desk.json');
    const text = pack('desk', { Two: { prefix: 'desk-two', body: 'two ${MUHARRIR_AUTHR}' } }, '1.1.0');
    let seen = client.published(uri).length;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const [warning] = await client.waitForDiagnostics(uri, (d) => d.length > 0, seen);
    assert.equal(warning.code, 'unknown-variable');
    assert.equal(warning.severity, 2 /* Warning */);
    assert.match(warning.message, /Did you mean MUHARRIR_AUTHOR\?/);
    const line = text.split('\n').findIndex((l) => l.includes('MUHARRIR_AUTHR'));
    assert.equal(warning.range.start.line, line);

    seen = client.published(uri).length;
    const fixed = pack('desk', { Typed: { prefix: 'desk-typed', body: 'typed ${MUHARRIR_AUTHOR}' } }, '1.2.0');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    await client.waitForDiagnostics(uri, (d) => d.length === 0, seen);
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-typed']);

    // Closing without saving: the disk counts again.
    client.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(labels(await completeIn(client, ws, 'desk')), ['desk-two']);
  });
});

describe('pack folders from .muharrir.yaml and muharrir.snippetPacks', () => {
  let ws: TestWorkspace;
  let outside: string;
  let client: LspClient;

  before(async () => {
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-outside-')));
    fs.writeFileSync(path.join(outside, 'stolen.json'), pack('stolen', { S: { prefix: 'team-stolen', body: 'x' } }));
    ws = makeWorkspace({
      '.muharrir.yaml': ['timezone: Asia/Riyadh', 'snippetPacks:', '  - team/packs', '  - ../outside', '  - linked', ''].join('\n'),
      'team/packs/sports.json': pack('sports', { Result: { prefix: 'team-result', body: 'result' } }),
      'settings-packs/culture.json': pack('culture', { Review: { prefix: 'team-review', body: 'review' } }),
    });
    fs.symlinkSync(outside, ws.file('linked'));
    fs.symlinkSync(outside, ws.file('linked-by-setting'));
    client = await startServer(ws, { capabilities: SNIPPETS, settings: () => ({ snippetPacks: ['settings-packs', '../../etc', 'linked-by-setting'] }) });
  });
  after(async () => {
    await client.stop();
    ws.remove();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('folders listed in .muharrir.yaml (relative to it) and in the setting are loaded', async () => {
    assert.deepEqual(labels(await completeIn(client, ws, 'team')), ['team-result', 'team-review']);
    // The New Article picker asks for the workspace folder itself.
    const listed = await client.request('muharrir/templates', { uri: ws.uri });
    assert.deepEqual(
      listed.templates.filter((t: any) => t.pack).map((t: any) => `${t.pack.name}/${t.name}`),
      ['culture/Review', 'sports/Result'],
      'settings folders come first, then the config’s',
    );
  });

  test('a folder outside the workspace, by .. or by a symlink, is refused with a diagnostic on its config line', async () => {
    const configUri = ws.uriOf('.muharrir.yaml');
    const problems = await client.waitForDiagnostics(configUri, (d) => d.length >= 2);
    assert.deepEqual(
      problems.map((d) => [d.code, d.range.start.line, d.severity]),
      [
        ['config', 3, 1],
        ['config', 4, 1],
      ],
    );
    assert.match(problems[0].message, /outside the workspace folder/);
    assert.equal(client.published(pathToFileURL(path.join(outside, 'stolen.json')).href).length, 0, 'nothing outside is read');
  });

  test('the setting’s folders outside the workspace are refused with a logged warning', async () => {
    const logs = await client.waitFor(
      () => {
        const warnings = client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 2).map((n) => n.params.message as string);
        return warnings.some((m) => m.includes('../../etc')) && warnings.some((m) => m.includes('linked-by-setting')) && warnings;
      },
      5000,
      'warnings for refused folders',
    );
    assert.ok(logs.every((m) => !m.includes('settings-packs"')));
    assert.ok(!labels(await completeIn(client, ws, 'team')).includes('team-stolen'));
  });
});

describe('pack files in a pull client (VS Code)', () => {
  test('an open pack answers the pull from its buffer and is not pushed as well; closed, it is pushed again', async () => {
    const ws = makeWorkspace({ '.muharrir/snippets/desk.json': fixture('broken/bad-version.json') });
    const client = await startServer(ws, VSCODE);
    try {
      const uri = ws.uriOf('.muharrir/snippets/desk.json');
      const [pushed] = await client.waitForDiagnostics(uri, (d) => d.length > 0);
      assert.equal(pushed.code, 'pack-metadata');

      const text = fixture('broken/bad-version.json');
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
      await client.waitForDiagnostics(uri, (d) => d.length === 0, 1);
      const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(
        report.items.map((d: any) => [d.code, d.range.start.line, d.range.start.character]),
        [['pack-metadata', 1, text.split('\n')[1].indexOf('"1.0"')]],
      );

      const fixedText = text.replace('"1.0"', '"1.0.0"');
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixedText }] });
      const again = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(again.items, []);
      assert.ok(labels(await completeIn(client, ws)).includes('a'), 'the fixed buffer loads');
      assert.ok(client.published(uri).slice(1).every((p) => p.diagnostics.length === 0), 'nothing pushed while open');

      const seen = client.published(uri).length;
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const back = await client.waitForDiagnostics(uri, (d) => d.length > 0, seen);
      assert.equal(back[0].code, 'pack-metadata', 'the disk still has the old version');

      // An article is still answered as before.
      const article = ws.uriOf('articles/a.md');
      open(client, article, ARTICLE_NO_SOURCES);
      const articleReport = await client.request('textDocument/diagnostic', { textDocument: { uri: article } });
      assert.ok(codes(articleReport.items).includes('sources-missing'));
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
