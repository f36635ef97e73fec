import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LspClient } from './client';
import {
  ARTICLE_NO_SOURCES,
  ARTICLE_WITH_SOURCES,
  applyTextEdits,
  codes,
  makeWorkspace,
  open,
  positionOf,
  sendEdits,
  startServer,
  type Pos,
  type TestWorkspace,
} from './helpers';

const CONFIG = [
  'sources:',
  '  registry:',
  '    - name: وكالة الأنباء السعودية',
  '      aliases: [واس, SPA]',
  '      type: agency',
  '',
].join('\n');

/** Another article of the folder, never opened: its sources feed completion through the scan. */
const OTHER_ARTICLE = [
  '---',
  'title: خبر سابق',
  'date: 2025-05-01T09:00:00+03:00',
  'author: فريق التحرير',
  'sources:',
  '  - name: رويترز',
  '    type: agency',
  '---',
  '',
  'نص.',
  '',
].join('\n');

describe('frontmatter completion, hover, code actions, symbols and folding', () => {
  let ws: TestWorkspace;
  let client: LspClient;

  const complete = async (uri: string, position: Pos, triggerCharacter?: string) => {
    const r = await client.request('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
    return (Array.isArray(r) ? r : (r?.items ?? [])) as any[];
  };
  const labels = (items: any[]) => items.map((i) => i.label);
  const hover = (uri: string, position: Pos) => client.request('textDocument/hover', { textDocument: { uri }, position });
  const codeActions = (uri: string, diagnostics: any[], only?: string[]) =>
    client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  before(async () => {
    ws = makeWorkspace({ '.muharrir.yaml': CONFIG, 'articles/2025/older.md': OTHER_ARTICLE });
    client = await startServer(ws);
  });
  after(async () => {
    await client.stop();
    ws.remove();
  });

  test('an empty frontmatter line offers the missing fields, with both languages in the docs', async () => {
    const text = ARTICLE_NO_SOURCES.replace('author: سارة أحمد\n', 'author: سارة أحمد\n\n');
    const uri = ws.write('articles/c1.md', text);
    open(client, uri, text);
    const items = await complete(uri, { line: 4, character: 0 });
    assert.ok(labels(items).includes('sources'), JSON.stringify(labels(items)));
    assert.ok(!labels(items).includes('title'), 'title is already there');
    const sources = items.find((i) => i.label === 'sources');
    assert.equal(sources.kind, 10 /* Property */);
    assert.equal(sources.textEdit.newText, 'sources: ');
    assert.match(sources.documentation.value, /Every source/);
    assert.match(sources.documentation.value, /كل مصدر/);
  });

  test('keys are offered while the half-typed line breaks the YAML', async () => {
    const text = ARTICLE_NO_SOURCES.replace('author: سارة أحمد\n', 'author: سارة أحمد\nsou\n');
    const uri = ws.write('articles/c0.md', text);
    open(client, uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(codes(diagnostics).includes('frontmatter-syntax'), 'the YAML is broken at this point');
    const items = await complete(uri, { line: 4, character: 3 });
    const sources = items.find((i) => i.label === 'sources');
    assert.ok(sources, JSON.stringify(labels(items)));
    assert.deepEqual(sources.textEdit.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
  });

  test('sources is not offered when the article already lists them', async () => {
    const text = ARTICLE_WITH_SOURCES.replace('---\n\n', '\n---\n\n');
    const uri = ws.write('articles/c2.md', text);
    open(client, uri, text);
    const line = text.split('\n').indexOf('', 1);
    const items = await complete(uri, { line, character: 0 });
    assert.ok(items.length > 0, 'other fields are offered');
    assert.ok(!labels(items).includes('sources'), JSON.stringify(labels(items)));
    assert.ok(labels(items).includes('status'));
  });

  test('status: offers the workflow states; language: tags; date: now with the article offset', async () => {
    const text = ARTICLE_WITH_SOURCES.replace('---\n\n', 'status: \nlanguage: \nupdated: \n---\n\n');
    const uri = ws.write('articles/c3.md', text);
    open(client, uri, text);
    const status = await complete(uri, positionOf(text, 'status: ', 8), ' ');
    assert.deepEqual(labels(status), ['draft', 'review', 'approved', 'published']);
    const language = await complete(uri, positionOf(text, 'language: ', 10), ' ');
    assert.ok(labels(language).includes('ar') && labels(language).includes('ar-EG'), JSON.stringify(labels(language)));
    const updated = await complete(uri, positionOf(text, 'updated: ', 9), ' ');
    assert.equal(updated.length, 1);
    // The article's own date is +03:00, so a new timestamp is written in +03:00 too.
    assert.match(updated[0].label, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    assert.match(updated[0].detail, /\+03:00/);
    const nowMs = Date.parse(updated[0].label);
    assert.ok(Math.abs(nowMs - Date.now()) < 60_000, 'it is the current time');
  });

  test('inside sources: registry names, names other articles cite, and source types', async () => {
    const text = ARTICLE_NO_SOURCES.replace('---\n\n', 'sources:\n  - \n  - name: مصدر\n    type: \n---\n\n');
    const uri = ws.write('articles/c4.md', text);
    open(client, uri, text);
    const names = await complete(uri, positionOf(text, '  - \n', 4), ' ');
    const registry = names.find((i) => i.label === 'وكالة الأنباء السعودية');
    assert.ok(registry, JSON.stringify(labels(names)));
    assert.match(registry.filterText, /واس/);
    assert.ok(labels(names).includes('رويترز'), 'scanned from articles/2025/older.md');
    const types = await complete(uri, positionOf(text, '    type: ', 10), ' ');
    assert.deepEqual(labels(types), ['agency', 'official', 'document', 'interview', 'media', 'anonymous']);
    const body = await complete(uri, positionOf(text, 'افتتح'));
    assert.deepEqual(body, [], 'nothing in the body');
  });

  test('hover: field docs in Arabic and English; a date value in Gregorian and Hijri', async () => {
    const text = ARTICLE_WITH_SOURCES.replace('2025-06-02T10:00:00+03:00', '2025-06-02T18:00:00+02:00') + '';
    const uri = ws.write('articles/h1.md', text);
    open(client, uri, text);
    const key = await hover(uri, positionOf(text, 'date:', 1));
    assert.match(key.contents.value, /Publication time/);
    assert.match(key.contents.value, /وقت النشر/);
    assert.match(key.contents.value, /docs\/rules\/date-invalid\.md/);
    const value = await hover(uri, positionOf(text, '2025-06-02', 3));
    assert.match(value.contents.value, /2025-06-02T18:00:00\+02:00/);
    assert.match(value.contents.value, /ذو الحجة 1446/);
    assert.match(value.contents.value, /Monday, June 2, 2025/);
    assert.match(value.contents.value, /الاثنين/);

    const bad = text.replace('2025-06-02T18:00:00+02:00', '2025-02-30T18:00:00+02:00');
    const badUri = ws.write('articles/h2.md', bad);
    open(client, badUri, bad);
    const why = await hover(badUri, positionOf(bad, '2025-02-30', 2));
    assert.match(why.contents.value, /28 days/);
    assert.match(why.contents.value, /28 يومًا/);
    assert.equal(await hover(uri, positionOf(text, 'افتتح')), null);
  });

  test('the sources-missing quick fix, applied, makes the problem go away', async () => {
    let text = ARTICLE_NO_SOURCES + '\nالمصدر: وكالة الأنباء السعودية\n';
    const uri = ws.write('articles/q1.md', text);
    open(client, uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => codes(d).includes('sources-missing'));
    const missing = diagnostics.find((d) => d.code === 'sources-missing');
    const actions = await codeActions(uri, [missing]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.title, 'Add sources: وكالة الأنباء السعودية');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [missing]);
    assert.ok(!actions.some((a) => /Disable/.test(a.title)), 'no disable action on the --- line');
    const edits = fix.edit.changes[uri];
    text = applyTextEdits(text, edits);
    assert.match(text, /sources:\n {2}- name: وكالة الأنباء السعودية\n---/);
    const seen = client.published(uri).length;
    sendEdits(client, uri, 2, edits);
    const after = await client.waitForDiagnostics(uri, () => true, seen);
    assert.ok(!codes(after).includes('sources-missing'), JSON.stringify(codes(after)));
  });

  test('disable for this line inserts a YAML comment directive and silences that rule', async () => {
    let text = ARTICLE_WITH_SOURCES.replace('2025-06-02T10:00:00+03:00', '2025-06-02 10:00');
    const uri = ws.write('articles/q2.md', text);
    open(client, uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => codes(d).includes('date-timezone'));
    const d = diagnostics.find((x) => x.code === 'date-timezone');
    const actions = await codeActions(uri, [d]);
    const disable = actions.find((a) => a.title === 'Disable date-timezone for this line');
    assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(disable.isPreferred, false);
    const edits = disable.edit.changes[uri];
    text = applyTextEdits(text, edits);
    assert.match(text, /\n# muharrir-disable-next-line date-timezone\ndate: 2025-06-02 10:00\n/);
    const seen = client.published(uri).length;
    sendEdits(client, uri, 2, edits);
    const after = await client.waitForDiagnostics(uri, () => true, seen);
    assert.ok(!codes(after).includes('date-timezone'), JSON.stringify(codes(after)));
  });

  test('fix all: one minimal edit applying every safe fix', async () => {
    let text = [
      '---',
      'titel: افتتاح معرض الكتاب',
      'date: 2025-06-02T10:00:00+03:00',
      'updated: 2025-06-02 12:30',
      'author: سارة أحمد',
      'sources:',
      '  - وكالة الأنباء السعودية',
      '---',
      '',
      'نص الخبر.',
      '',
    ].join('\n');
    const uri = ws.write('articles/q3.md', text);
    open(client, uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(codes(diagnostics).includes('unknown-field') && codes(diagnostics).includes('date-timezone'), JSON.stringify(codes(diagnostics)));
    const source = await codeActions(uri, diagnostics, ['source.fixAll.muharrir']);
    assert.equal(source.length, 1, JSON.stringify(source));
    assert.equal(source[0].kind, 'source.fixAll.muharrir');
    const edits = source[0].edit.changes[uri];
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, 1, 'the unchanged first line is not rewritten');
    assert.equal(edits[0].range.end.line, 3);
    text = applyTextEdits(text, edits);
    assert.match(text, /\ntitle: افتتاح/);
    assert.match(text, /\nupdated: 2025-06-02T12:30:00\+03:00\n/);
    const quick = await codeActions(uri, diagnostics);
    assert.ok(quick.some((a) => a.kind === 'quickfix' && a.title === 'Fix all safe Muharrir problems'));
    const seen = client.published(uri).length;
    sendEdits(client, uri, 2, edits);
    const after = await client.waitForDiagnostics(uri, () => true, seen);
    assert.deepEqual(codes(after), []);
  });

  test('document symbols and folding ranges', async () => {
    const text = ARTICLE_WITH_SOURCES + '\n# العنوان\n\nنص\n\n## تفاصيل\n\nنص\n\n```\n# not a heading\n```\n\n# خاتمة\n';
    const uri = ws.write('articles/s1.md', text);
    open(client, uri, text);
    const symbols = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['Frontmatter', 'العنوان', 'خاتمة'],
    );
    assert.deepEqual(
      symbols[0].children.map((c: any) => c.name),
      ['title', 'date', 'author', 'sources'],
    );
    assert.deepEqual(
      symbols[1].children.map((c: any) => c.name),
      ['تفاصيل'],
    );
    const folds = await client.request<any[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [0, 6],
        [4, 5],
      ],
    );
  });
});
