// A project opened whole: many articles open at once. The server keeps full lint results only
// for the most recent ones, so an article opened long ago must still get its fixes and folding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_WITH_SOURCES, codes, makeWorkspace, open, positionOf, serverForSuite, startServer } from './helpers';

const suite = serverForSuite();

test('the first of 40 open articles still offers its quick fixes and folding', async () => {
  const first = ARTICLE_WITH_SOURCES.replace('افتتح وزير الثقافة معرض الكتاب.', 'افتتح وزير الثقافة معرض الكتاب, وقال إنه مهم.');
  const uris: string[] = [];
  for (let i = 0; i < 40; i++) {
    const text = i === 0 ? first : ARTICLE_WITH_SOURCES;
    const uri = suite.ws.write(`articles/a-${i}.md`, text);
    uris.push(uri);
    open(suite.client, uri, text);
  }
  for (const uri of uris) await suite.client.waitForDiagnostics(uri);
  const diagnostics = suite.client.published(uris[0]!).at(-1)!.diagnostics;
  assert.ok(codes(diagnostics).includes('arabic-punctuation'), JSON.stringify(codes(diagnostics)));
  const comma = diagnostics.find((d: any) => d.code === 'arabic-punctuation');
  const actions = await suite.client.request<any[]>('textDocument/codeAction', {
    textDocument: { uri: uris[0] },
    range: comma.range,
    context: { diagnostics: [comma] },
  });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uris[0]!]?.some((e: any) => e.newText === '،'));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const folds = await suite.client.request<any[]>('textDocument/foldingRange', { textDocument: { uri: uris[0] } });
  assert.ok(folds.some((f) => f.startLine === 0), JSON.stringify(folds));
});

test('a hover asked while 300 articles are being opened is answered before the last of their diagnostics', async () => {
  // A fresh server: every analysis of the burst waits for the first settings answer together. The
  // editor answers once the server has taken in the whole burst, so the 300 lints are all due at
  // once when the hover comes. Answered at once, a server fast enough to keep up with the opens
  // left nothing queued, and which came first was a race of one event-loop turn.
  const ws = makeWorkspace();
  const client = await startServer(ws);
  let answerSettings!: () => void;
  const settingsHeld = new Promise<void>((resolve) => (answerSettings = resolve));
  let settingsAsked!: () => void;
  const asked = new Promise<void>((resolve) => (settingsAsked = resolve));
  client.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
    settingsAsked();
    await settingsHeld;
    return params.items.map(() => null);
  });
  try {
    const uris: string[] = [];
    for (let i = 0; i < 300; i++) uris.push(ws.write(`articles/bulk-${i}.md`, ARTICLE_WITH_SOURCES));
    const order: string[] = [];
    // An editor restoring its tabs: every open at once, then the writer hovers the first article's date.
    for (const uri of uris) open(client, uri, ARTICLE_WITH_SOURCES);
    await asked;
    // Messages are handled in order: once a request sent after the opens is answered (here with
    // "method not found"), the server has taken in all 300.
    await client.request('test/afterTheOpens', {}).catch(() => undefined);
    answerSettings();
    const hover = client
      .request('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(ARTICLE_WITH_SOURCES, 'date:') })
      .then((r) => (order.push('hover'), r));
    const lastDiagnostics = client.waitForDiagnostics(uris.at(-1)!, () => true, 0, 60000).then(() => order.push('last diagnostics'));
    const [hovered] = await Promise.all([hover, lastDiagnostics]);
    assert.ok(hovered, 'a hover answer for the date field');
    assert.deepEqual(order, ['hover', 'last diagnostics']);
  } finally {
    await client.stop();
    ws.remove();
  }
});
