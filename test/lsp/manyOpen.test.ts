// A project opened whole: many articles open at once. The server keeps full lint results only
// for the most recent ones, so an article opened long ago must still get its fixes and folding.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LspClient } from './client';
import { ARTICLE_WITH_SOURCES, codes, makeWorkspace, open, startServer, type TestWorkspace } from './helpers';

let ws: TestWorkspace;
let client: LspClient;

before(async () => {
  ws = makeWorkspace();
  client = await startServer(ws);
});
after(async () => {
  await client.stop();
  ws.remove();
});

test('the first of 40 open articles still offers its quick fixes and folding', async () => {
  const first = ARTICLE_WITH_SOURCES.replace('افتتح وزير الثقافة معرض الكتاب.', 'افتتح وزير الثقافة معرض الكتاب, وقال إنه مهم.');
  const uris: string[] = [];
  for (let i = 0; i < 40; i++) {
    const text = i === 0 ? first : ARTICLE_WITH_SOURCES;
    const uri = ws.write(`articles/a-${i}.md`, text);
    uris.push(uri);
    open(client, uri, text);
  }
  for (const uri of uris) await client.waitForDiagnostics(uri);
  const diagnostics = client.published(uris[0]!).at(-1)!.diagnostics;
  assert.ok(codes(diagnostics).includes('arabic-punctuation'), JSON.stringify(codes(diagnostics)));
  const comma = diagnostics.find((d: any) => d.code === 'arabic-punctuation');
  const actions = await client.request<any[]>('textDocument/codeAction', {
    textDocument: { uri: uris[0] },
    range: comma.range,
    context: { diagnostics: [comma] },
  });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.edit?.changes?.[uris[0]!]?.some((e: any) => e.newText === '،'));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  const folds = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri: uris[0] } });
  assert.ok(folds.some((f) => f.startLine === 0), JSON.stringify(folds));
});
