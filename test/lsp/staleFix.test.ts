/**
 * Quick fixes never land on text they were not computed for: with a client that takes
 * `documentChanges` (VS Code, Neovim), every edit names the document version it was computed
 * for, and the editor refuses a version that is no longer current instead of applying edits at
 * stale positions over what the writer typed since.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, applyTextEdits, open, serverForSuite, type Edit } from './helpers';

const VERSIONED = {
  ...PULL_CAPABILITIES,
  workspace: { ...PULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } },
};

const TEXT = [
  '---',
  'title: الوزير يعلن الموازنة',
  'date: 2025-06-02T10:00:00+03:00',
  'author: سارة أحمد',
  'sources:',
  '  - وزارة المالية',
  '---',
  '',
  'قال وزير المالية, إن الموازنة جاهزة?',
  '',
].join('\n');

/** What the writer typed after the fixes were offered: a new first paragraph, so every line below moves. */
const TYPED = 'أعلنت الحكومة موازنتها الجديدة أمس.\n\n';
const TEXT_V2 = TEXT.replace('\n\nقال', `\n\n${TYPED}قال`);

interface VersionedEdit {
  documentChanges: { textDocument: { uri: string; version: number }; edits: Edit[] }[];
  changes?: unknown;
}

function only(edit: VersionedEdit, uri: string): { version: number; edits: Edit[] } {
  assert.equal(edit.changes, undefined, 'no unversioned `changes` beside them');
  assert.equal(edit.documentChanges.length, 1);
  const [change] = edit.documentChanges;
  assert.equal(change!.textDocument.uri, uri);
  return { version: change!.textDocument.version, edits: change!.edits };
}

describe('quick fixes carry the version they were computed for', () => {
  const suite = serverForSuite({ capabilities: VERSIONED });

  test('each fix, the disable action and a resolved fix-all name their version; typing moves it on', async () => {
    const { client, ws } = suite;
    const uri = ws.write('articles/stale.md', TEXT);
    open(client, uri, TEXT, 7);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const punctuation = report.items.filter((d: any) => d.code === 'arabic-punctuation');
    assert.equal(punctuation.length, 2, JSON.stringify(report.items.map((d: any) => d.code)));

    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: punctuation[0].range,
      context: { diagnostics: punctuation },
    });
    const comma = actions.find((a) => a.kind === 'quickfix' && a.isPreferred && a.diagnostics[0].range.start.character === punctuation[0].range.start.character);
    assert.ok(comma, JSON.stringify(actions.map((a) => a.title)));
    const fix = only(comma.edit, uri);
    assert.equal(fix.version, 7);
    assert.equal(applyTextEdits(TEXT, fix.edits), TEXT.replace('المالية,', 'المالية،'));

    const disable = actions.find((a) => a.title.startsWith('Disable arabic-punctuation'));
    assert.equal(only(disable.edit, uri).version, 7);

    const fixAll = actions.find((a) => a.data && !a.edit);
    assert.ok(fixAll, 'fix-all offered lazily');

    // The writer types before choosing fix-all: the document is at version 8, lines have moved.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 8 },
      contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: TYPED }],
    });

    // The fix offered at version 7 still says 7, which the editor now refuses: its positions
    // (line 8) would land in the new paragraph.
    assert.equal(fix.edits[0]!.range.start.line, 8);
    assert.notEqual(applyTextEdits(TEXT_V2, fix.edits), TEXT_V2.replace('المالية,', 'المالية،'));

    // Fix-all, resolved now, is computed for version 8 and says so.
    const resolved = await client.request('codeAction/resolve', fixAll);
    const all = only(resolved.edit, uri);
    assert.equal(all.version, 8);
    assert.equal(applyTextEdits(TEXT_V2, all.edits), TEXT_V2.replace('المالية,', 'المالية،').replace('جاهزة?', 'جاهزة؟'));

    // Asked again, the fixes are for version 8 and its positions.
    const fresh = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const moved = fresh.items.filter((d: any) => d.code === 'arabic-punctuation');
    assert.deepEqual(moved.map((d: any) => d.range.start.line), [10, 10]);
    const again = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: moved[0].range,
      context: { diagnostics: moved },
    });
    for (const a of again.filter((x) => x.edit)) assert.equal(only(a.edit, uri).version, 8, a.title);
    const quick = again.find((a) => a.isPreferred && a.diagnostics[0].range.start.character === moved[0].range.start.character);
    assert.equal(applyTextEdits(TEXT_V2, only(quick.edit, uri).edits), TEXT_V2.replace('المالية,', 'المالية،'));
  });

  test('the source fix-all (on save) without resolve support carries its version too', async () => {
    const { client, ws } = suite;
    const uri = ws.write('articles/onsave.md', TEXT);
    open(client, uri, TEXT, 3);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const [action] = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: report.items, only: ['source.fixAll.muharrir'] },
    });
    // Lazy with resolve support: the version comes with the edit, when it is resolved.
    const resolved = await client.request('codeAction/resolve', action);
    assert.equal(only(resolved.edit, uri).version, 3);
  });
});

describe('a client without documentChanges', () => {
  const suite = serverForSuite({ capabilities: PUSH_CAPABILITIES });

  test('gets plain `changes`, which it can apply', async () => {
    const { client, ws } = suite;
    const uri = ws.write('articles/plain.md', TEXT);
    open(client, uri, TEXT);
    const pushed = await client.waitForDiagnostics(uri, (d) => d.some((x: any) => x.code === 'arabic-punctuation'));
    const shown = pushed.filter((d: any) => d.code === 'arabic-punctuation');
    const actions = await client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: shown[0].range,
      context: { diagnostics: shown },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.equal(fix.edit.documentChanges, undefined);
    assert.equal(applyTextEdits(TEXT, fix.edit.changes[uri]), TEXT.replace('المالية,', 'المالية،'));
  });
});
