// Issue 8: one language server session takes every hostile file, edits with positions far outside
// the document and malformed JSON-RPC, and afterwards still checks a normal article and answers hover.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CANARY, hostileCases } from '../fixtures/hostile';
import type { LspClient } from './client';
import { ARTICLE_NO_SOURCES, codes, makeWorkspace, open, positionOf, startServer, type TestWorkspace } from './helpers';

const cases = hostileCases();
const HUGE = 1_000_000;

function assertAlive(client: LspClient): void {
  assert.equal(client.exited, undefined, `server exited; stderr: ${client.stderr.slice(-2000)}`);
  assert.equal(client.proc.exitCode, null);
}

function wellFormed(name: string, diagnostics: any[]): void {
  for (const d of diagnostics) {
    assert.equal(d.source, 'muharrir', name);
    const { start, end } = d.range;
    for (const n of [start.line, start.character, end.line, end.character]) assert.ok(Number.isInteger(n) && n >= 0, `${name}: ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${name}: ${JSON.stringify(d.range)}`);
  }
}

describe('one server session survives every hostile file, bad edits and malformed JSON-RPC', () => {
  let ws: TestWorkspace;
  let client: LspClient;
  const uris = new Map<string, string>();

  before(async () => {
    ws = makeWorkspace();
    client = await startServer(ws);
  });
  after(async () => {
    console.log(`hostile LSP: ${cases.length} files opened and edited in one session`);
    await client.stop();
    ws.remove();
  });

  for (const c of cases) {
    test(`didOpen ${c.name} (${c.attack}): diagnostics published, hover answered`, async () => {
      const uri = ws.write(`articles/${c.name}`, '');
      fs.writeFileSync(ws.file(`articles/${c.name}`), c.bytes);
      uris.set(c.name, uri);
      // An editor shows a binary file as Latin-1 text at best; invalid UTF-8 arrives with U+FFFD.
      const text = c.binary ? c.bytes.toString('latin1') : c.bytes.toString('utf8');
      open(client, uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, () => true, 0, 20000);
      wellFormed(c.name, diagnostics);
      if (!c.binary) for (const rule of c.expect) assert.ok(codes(diagnostics).includes(rule), `${c.name}: no ${rule} among ${JSON.stringify([...new Set(codes(diagnostics))])}`);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      assertAlive(client);
    });
  }

  test('edits far outside every document are clamped, never fatal', async () => {
    let version = 2;
    for (const c of cases) {
      const uri = uris.get(c.name)!;
      const before = client.published(uri).length;
      const far = { line: HUGE, character: HUGE };
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: version++ },
        contentChanges: [
          { range: { start: far, end: far }, text: '\nنص في آخر الملف' },
          // Start after end, and a character far past the end of line 0.
          { range: { start: { line: 2, character: HUGE }, end: { line: 0, character: 0 } }, text: 'x' },
          { range: { start: { line: 0, character: HUGE }, end: { line: HUGE, character: 0 } }, text: '' },
        ],
      });
      wellFormed(c.name, await client.waitForDiagnostics(uri, () => true, before, 20000));
      const answers = await Promise.all([
        client.request('textDocument/hover', { textDocument: { uri }, position: far }),
        client.request('textDocument/completion', { textDocument: { uri }, position: far }),
        client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: far, end: far }, context: { diagnostics: [] } }),
        client.request('textDocument/documentSymbol', { textDocument: { uri } }),
        client.request('textDocument/foldingRange', { textDocument: { uri } }),
      ]);
      assert.equal(answers.length, 5);
    }
    assertAlive(client);
  });

  test('malformed JSON-RPC: garbage JSON, a body shorter than its header, unknown methods', async () => {
    const garbage = Buffer.from('{"jsonrpc": "2.0", "id": 99, "method": textDocument/hover, ]]]\u0000', 'utf8');
    client.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${garbage.length}\r\n\r\n`), garbage]));
    // Valid JSON that is not a JSON-RPC message at all.
    for (const body of ['[]', '42', 'null', '"text"', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":{"a":1},"method":7}']) {
      client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    // A response to a request the server never sent.
    const stray = '{"jsonrpc":"2.0","id":424242,"result":1}';
    client.writeRaw(`Content-Length: ${Buffer.byteLength(stray)}\r\n\r\n${stray}`);
    await assert.rejects(client.request('muharrir/noSuchMethod', { x: 1 }), /failed/);
    client.notify('muharrir/noSuchNotification', { x: 1 });
    client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 1 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } });
    // Requests with missing or mistyped parameters get an answer (a result or an error), not silence.
    for (const [method, params] of [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 'file:///never/opened.md' }, position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: 'here' }],
      ['textDocument/codeAction', { textDocument: { uri: uris.get('empty.md') }, range: null, context: null }],
    ] as const) {
      await client.request(method, params).catch((err: Error) => assert.match(err.message, /failed/));
    }
    assertAlive(client);
  });

  test('afterwards the same session checks a normal article and answers hover; nothing from a file ran', async () => {
    const uri = ws.write('articles/normal.md', ARTICLE_NO_SOURCES);
    open(client, uri, ARTICLE_NO_SOURCES);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['sources-missing']);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE_NO_SOURCES, 'date:', 1) });
    assert.match(hover.contents.value, /Publication time/);
    assertAlive(client);
    assert.doesNotMatch(client.stderr, /FATAL|heap out of memory|Unhandled/i);
    for (const where of [ws.dir, ws.file('articles'), process.cwd()]) {
      assert.ok(!fs.existsSync(path.join(where, CANARY)), `${path.join(where, CANARY)} exists: text from a file was executed`);
    }
  });
});
