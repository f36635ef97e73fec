/**
 * Templates through the language server: editors other than VS Code get the built-ins as
 * completions in a new article (VS Code has them from contributes.snippets), with the date in the
 * newsroom's zone; `muharrir/templates` serves the New Article command.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import { PUSH_CAPABILITIES, applyTextEdits, makeWorkspace, open, startServer, type Edit, type Pos, type TestWorkspace } from './helpers';

/** Asia/Karachi is +05:00 all year: no machine this runs on is likely to share it. */
const CONFIG = 'timezone: Asia/Karachi\n';
const AUTHOR = 'سارة أحمد';

const SNIPPET_CAPABILITIES = {
  ...PUSH_CAPABILITIES,
  textDocument: {
    ...PUSH_CAPABILITIES.textDocument,
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
  },
};

async function complete(client: LspClient, uri: string, position: Pos, triggerCharacter?: string): Promise<any[]> {
  const r = await client.request('textDocument/completion', {
    textDocument: { uri },
    position,
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
  });
  return (Array.isArray(r) ? r : (r?.items ?? [])) as any[];
}

const snippetItems = (items: any[]) => items.filter((i) => i.kind === 15 /* Snippet */);
const labels = (items: any[]) => snippetItems(items).map((i) => i.label);

/** The `date:` an inserted template carries, checked to be now, written with the Karachi offset. */
function assertDateIsNowInKarachi(text: string): void {
  const m = /^date: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})$/m.exec(text);
  assert.ok(m, `no ISO date in:\n${text.slice(0, 400)}`);
  assert.equal(m[2], '+05:00');
  const minutesOff = Math.abs(Date.parse(`${m[1]}${m[2]}`) - Date.now()) / 60_000;
  assert.ok(minutesOff < 10, `the date ${m[0]} is not now`);
}

describe('templates for editors other than VS Code', () => {
  let ws: TestWorkspace;
  let snippetClient: LspClient;
  let plainClient: LspClient;

  before(async () => {
    ws = makeWorkspace({ '.muharrir.yaml': CONFIG });
    const settings = () => ({ author: AUTHOR });
    [snippetClient, plainClient] = await Promise.all([
      startServer(ws, { capabilities: SNIPPET_CAPABILITIES, settings }),
      startServer(ws, { capabilities: PUSH_CAPABILITIES, settings }),
    ]);
  });
  after(async () => {
    await Promise.all([snippetClient.stop(), plainClient.stop()]);
    ws.remove();
  });

  test('an empty article offers every template; ت offers تقرير, تحقيق and تصحيح; تق and news-rep only the report', async () => {
    const uri = ws.uriOf('articles/2025/empty.md');
    open(snippetClient, uri, '');
    assert.deepEqual(
      labels(await complete(snippetClient, uri, { line: 0, character: 0 })).sort(),
      ['news-breaking', 'news-brief', 'news-correction', 'news-interview', 'news-investigation', 'news-opinion', 'news-press-release', 'news-report'],
    );

    const letter = ws.uriOf('articles/2025/ta.md');
    open(snippetClient, letter, 'ت');
    assert.deepEqual(labels(await complete(snippetClient, letter, { line: 0, character: 1 })).sort(), ['تحقيق', 'تصحيح', 'تقرير']);

    const arabic = ws.uriOf('articles/2025/report-ar.md');
    open(snippetClient, arabic, 'تق');
    const items = await complete(snippetClient, arabic, { line: 0, character: 2 });
    assert.deepEqual(labels(items), ['تقرير']);
    const report = items.find((i) => i.label === 'تقرير');
    assert.equal(report.insertTextFormat, 2 /* Snippet */);
    assert.deepEqual(report.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.match(report.detail, /تقرير/);

    const latin = ws.uriOf('articles/2025/report-en.md');
    open(snippetClient, latin, 'news-rep');
    assert.deepEqual(labels(await complete(snippetClient, latin, { line: 0, character: 8 }, '-')), ['news-report']);
  });

  test('the inserted snippet has its date in the configured zone, the writer as author, and tab stops', async () => {
    const uri = ws.uriOf('articles/2025/report-snippet.md');
    open(snippetClient, uri, 'news-report');
    const [item] = snippetItems(await complete(snippetClient, uri, { line: 0, character: 11 }));
    assert.equal(item.label, 'news-report');
    const snippet: string = item.textEdit.newText;
    assertDateIsNowInKarachi(snippet);
    assert.ok(!snippet.includes('CURRENT_'), 'the server resolved the date variables itself');
    assert.match(snippet, /^author: \$\{3:سارة أحمد\}$/m, 'muharrir.author fills the byline placeholder');
    assert.match(snippet, /^title: "\$\{1:[^$]+\}"$/m);
    assert.match(snippet, /\$0$/);
  });

  test('a client without snippet support gets the article as plain text, and it passes the rules', async () => {
    const uri = ws.uriOf('articles/2025/brief-plain.md');
    open(plainClient, uri, 'خبر');
    // The open's own report first, so the one awaited after the edit below is the edit's.
    await plainClient.waitForDiagnostics(uri);
    const [item] = snippetItems(await complete(plainClient, uri, { line: 0, character: 3 }));
    assert.equal(item.label, 'خبر');
    assert.equal(item.insertTextFormat, 1 /* PlainText */);
    const text = applyTextEdits('خبر', [item.textEdit as Edit]);
    assert.ok(!/\$\{?\d/.test(text), 'no tab stops in plain text');
    assertDateIsNowInKarachi(text);
    assert.match(text, new RegExp(`^author: ${AUTHOR}$`, 'm'));
    assert.match(text, /^sources:\n {2}- name: .+\n {4}type: agency$/m);

    plainClient.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const diagnostics = await plainClient.waitForDiagnostics(uri, () => true, plainClient.published(uri).length);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity !== 4 /* Hint */).map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });

  test('no templates inside an article that already has frontmatter, on a line with other words, or for unrelated words', async () => {
    const withFm = ws.uriOf('articles/2025/has-fm.md');
    const fmText = '---\ntitle: خبر\n---\n\nخبر';
    open(snippetClient, withFm, fmText);
    assert.deepEqual(labels(await complete(snippetClient, withFm, { line: 4, character: 3 })), []);

    const prose = ws.uriOf('articles/2025/prose.md');
    open(snippetClient, prose, 'افتتح الوزير خبر');
    assert.deepEqual(labels(await complete(snippetClient, prose, { line: 0, character: 16 })), []);

    const other = ws.uriOf('articles/2025/other.md');
    open(snippetClient, other, 'hello');
    assert.deepEqual(labels(await complete(snippetClient, other, { line: 0, character: 5 })), []);
  });

  test('muharrir/templates lists the eight built-ins, resolved for the new file, headline and dateline included', async () => {
    const title = 'افتتاح مكتبة الحي بعد ترميمها';
    const r = await snippetClient.request('muharrir/templates', { uri: ws.uriOf('articles/2025/06/new.md'), title, dateline: 'جدة' });
    const templates: any[] = r.templates;
    assert.deepEqual(
      templates.map((t) => t.id),
      ['news-brief', 'news-breaking', 'news-report', 'news-investigation', 'news-interview', 'news-opinion', 'news-press-release', 'news-correction'],
    );
    for (const t of templates) {
      assert.equal(t.pack, undefined);
      assert.ok(t.name && t.description && t.prefixes.length === 2, t.id);
      assert.match(t.body, new RegExp(`^title: "\\$\\{1:${title}\\}"$`, 'm'), t.id);
      assert.match(t.body, /^dateline: \$\{\d+:جدة\}$/m, t.id);
      assert.ok(!t.body.includes('MUHARRIR_'), `${t.id}: every newsroom variable is resolved`);
      assert.match(t.text, new RegExp(`^title: "${title}"$`, 'm'));
      assert.match(t.text, new RegExp(`^author: ${AUTHOR}$`, 'm'));
      assertDateIsNowInKarachi(t.text);
    }
    const none = await snippetClient.request('muharrir/templates', null);
    assert.equal(none.templates.length, 8, 'works without parameters too');
  });
});

describe('templates for VS Code', () => {
  test('a client announcing itself as VS Code gets no template completions (it has contributes.snippets), but the request still answers', async () => {
    const ws = makeWorkspace({ '.muharrir.yaml': CONFIG });
    const client = await startServer(ws, { capabilities: SNIPPET_CAPABILITIES, initializationOptions: { client: 'vscode' } });
    try {
      const empty = ws.uriOf('articles/2025/empty.md');
      open(client, empty, '');
      assert.deepEqual(labels(await complete(client, empty, { line: 0, character: 0 })), []);
      const typed = ws.uriOf('articles/2025/typed.md');
      open(client, typed, 'news-brief');
      assert.deepEqual(labels(await complete(client, typed, { line: 0, character: 10 })), []);
      const r = await client.request('muharrir/templates', {});
      assert.equal(r.templates.length, 8);
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
