// Issue 8: malformed params are refused at the boundary with InvalidParams (-32602) and one line in
// the log, never a stack trace; well-formed positions outside the document are clamped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';
import { ARTICLE_NO_SOURCES, PULL_CAPABILITIES, PUSH_CAPABILITIES, makeWorkspace, open, positionOf, serverForSuite } from './helpers';

const INVALID_PARAMS = -32602;
const FAR = 2 ** 31 - 1;

interface RawAnswer {
  result?: unknown;
  error?: { code: number; message: string };
}

let rawId = 0;

/** A request sent and answered outside LspClient, which reports errors without their code. */
function rawRequest(client: LspClient, method: string, params: unknown, withParams = true): Promise<RawAnswer> {
  const id = `raw-${++rawId}`;
  let buffer = Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(() => reject(new Error(`${method} got no answer; stderr: ${client.stderr.slice(-1000)}`))), 15000);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd === -1) return;
        const length = Number(/Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === id) done(() => resolve(message));
      }
    };
    const done = (settle: () => void) => {
      clearTimeout(timer);
      client.proc.stdout.off('data', onData);
      settle();
    };
    client.proc.stdout.on('data', onData);
    const body = JSON.stringify(withParams ? { jsonrpc: '2.0', id, method, params } : { jsonrpc: '2.0', id, method });
    client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

function logLines(client: LspClient): string[] {
  const logged = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params.message));
  return [...logged, client.stderr].flatMap((m) => m.split('\n'));
}

function assertNoStackTrace(client: LspClient): void {
  const stack = logLines(client).filter((l) => /^\s+at /.test(l));
  assert.deepEqual(stack, [], 'stack trace lines in the server log');
}

describe('malformed params get InvalidParams, not a stack trace', () => {
  const suite = serverForSuite({ capabilities: PULL_CAPABILITIES });
  let uri = '';

  const MALFORMED: [string, unknown, RegExp][] = [
    ['textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: null }, /position must be an object \(got null\)/],
    ['textDocument/hover', { textDocument: 5, position: { line: 0, character: 0 } }, /textDocument must be an object \(got 5\)/],
    ['textDocument/hover', null, /params must be an object \(got null\)/],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: -1, character: 0 } }, /position\.line must be an integer from 0/],
    ['textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 1.5 } }, /position\.character must be an integer/],
    ['textDocument/completion', { textDocument: { uri: 42 }, position: 'here' }, /textDocument\.uri must be a string \(got 42\)/],
    ['textDocument/codeAction', { textDocument: { uri: 'file:///x.md' }, range: null, context: null }, /range must be an object/],
    [
      'textDocument/codeAction',
      { textDocument: { uri: 'file:///x.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ message: 'x' }] } },
      /context\.diagnostics\[0\]\.range must be an object/,
    ],
    ['codeAction/resolve', null, /params must be an object/],
    ['codeAction/resolve', { data: { fixAll: 'file:///x.md' } }, /title must be a string/],
    ['workspace/executeCommand', { command: 7 }, /command must be a string/],
    ['textDocument/documentSymbol', { textDocument: null }, /textDocument must be an object/],
    ['textDocument/foldingRange', [], /params must be an object \(got \[\]\)/],
    ['textDocument/diagnostic', { textDocument: { uri: ['a'] } }, /textDocument\.uri must be a string/],
    ['muharrir/newArticle', { title: { toString: 1 } }, /title must be a string/],
    ['muharrir/templates', 'articles/x.md', /params must be an object/],
    ['workspace/diagnostic', null, /params must be an object \(got null\)/],
    ['workspace/diagnostic', { previousResultIds: [{ uri: 'file:///x.md', value: 3 }] }, /previousResultIds\[0\]\.value must be a string/],
    ['muharrir/desk', 5, /params must be an object/],
    ['muharrir/articleSummary', { uri: null }, /uri must be a string/],
  ];

  test('each handler answers a malformed request with InvalidParams and a one-line message', async () => {
    uri = suite.ws.write('articles/a.md', ARTICLE_NO_SOURCES);
    open(suite.client, uri, ARTICLE_NO_SOURCES);
    for (const [method, params, says] of MALFORMED) {
      const answer = await rawRequest(suite.client, method, params);
      assert.ok(answer.error, `${method} ${JSON.stringify(params)}: answered ${JSON.stringify(answer.result)}`);
      assert.equal(answer.error.code, INVALID_PARAMS, `${method}: ${answer.error.message}`);
      assert.match(answer.error.message, new RegExp(`^Invalid params for ${method.replace('/', '\\/')}: `));
      assert.match(answer.error.message, says);
      assert.doesNotMatch(answer.error.message, /\n/);
    }
    const refused = logLines(suite.client).filter((l) => l.startsWith('[muharrir] refused '));
    assert.equal(refused.length, MALFORMED.length, refused.join('\n'));
    assertNoStackTrace(suite.client);
  });

  test('malformed notifications are dropped with one line each; the documents stay as they were', async () => {
    const before = logLines(suite.client).filter((l) => l.startsWith('[muharrir] ignored ')).length;
    const notes: [string, unknown][] = [
      ['textDocument/didOpen', { textDocument: 5 }],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///y.md', languageId: 'markdown', version: 1, text: null } }],
      ['textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'all of it' }],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: null, end: null }, text: 'x' }] }],
      ['textDocument/didClose', {}],
      ['textDocument/willSave', { textDocument: 3, reason: 1 }],
      ['workspace/didChangeConfiguration', null],
      ['workspace/didChangeWatchedFiles', { changes: 5 }],
      ['workspace/didChangeWorkspaceFolders', { event: { added: null } }],
    ];
    for (const [method, params] of notes) suite.client.notify(method, params);
    // Answered after the notifications (messages are handled in order): the article is unchanged.
    const report = await suite.client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(
      report.items.map((d: any) => d.code),
      ['sources-missing'],
    );
    const ignored = logLines(suite.client).filter((l) => l.startsWith('[muharrir] ignored '));
    assert.equal(ignored.length - before, notes.length, ignored.join('\n'));
    assert.ok(ignored.some((l) => l.includes('textDocument/didOpen: textDocument must be an object (got 5)')), ignored.join('\n'));
    assertNoStackTrace(suite.client);
    assert.equal(suite.client.exited, undefined);
  });

  test('well-formed positions past the end are clamped: answers, with ranges inside the document', async () => {
    const far = { line: FAR, character: FAR };
    const hover = await suite.client.request('textDocument/hover', { textDocument: { uri }, position: far });
    assert.equal(hover, null);
    const pastLine = await suite.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: FAR } });
    // Line 2 is `date: …`: a character past its end is its end, inside the date value.
    assert.match(pastLine.contents.value, /2025/);
    assert.equal(pastLine.range.end.line, 2);

    const emptyUri = suite.ws.write('drafts/empty.md', '');
    open(suite.client, emptyUri, '');
    const items = await suite.client.request('textDocument/completion', { textDocument: { uri: emptyUri }, position: { line: 1000, character: 0 } });
    const list = Array.isArray(items) ? items : items.items;
    assert.ok(list.length > 0, 'templates offered in an empty document');
    for (const item of list) assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, item.label);

    const actions = await suite.client.request('textDocument/codeAction', {
      textDocument: { uri },
      // Start after end and far away: well-formed, so answered.
      range: { start: far, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
    assertNoStackTrace(suite.client);
  });

  test('a request without params where the method needs them is refused, and the server still answers a normal hover', async () => {
    const answer = await rawRequest(suite.client, 'textDocument/hover', undefined, false);
    assert.equal(answer.error?.code, INVALID_PARAMS);
    const hover = await suite.client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(ARTICLE_NO_SOURCES, 'date:', 1) });
    assert.match(hover.contents.value, /Publication time/);
    assertNoStackTrace(suite.client);
    assert.equal(suite.client.exited, undefined);
  });
});

test('a malformed initialize is refused, and a well-formed one afterwards starts the session', async () => {
  const ws = makeWorkspace({ 'articles/a.md': ARTICLE_NO_SOURCES });
  const client = new LspClient();
  try {
    const refused = await rawRequest(client, 'initialize', { processId: null, capabilities: {}, workspaceFolders: 5 });
    assert.equal(refused.error?.code, INVALID_PARAMS);
    assert.match(refused.error!.message, /^Invalid params for initialize: workspaceFolders must be an array \(got 5\)$/);
    const result = await client.initialize({ rootUri: ws.uri, workspaceFolders: [{ uri: ws.uri, name: 'ws' }], capabilities: PUSH_CAPABILITIES });
    assert.equal(result.serverInfo.name, 'muharrir-language-server');
    const uri = ws.uriOf('articles/a.md');
    open(client, uri, ARTICLE_NO_SOURCES);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['sources-missing']);
    assertNoStackTrace(client);
  } finally {
    await client.stop();
    ws.remove();
  }
});
