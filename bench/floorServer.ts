// The keystroke floor: a language server that checks nothing. It speaks the same stdio framing,
// keeps the same push debounce and answers with the diagnostics the real server gave for the
// article (read from the JSON file named on its command line), so the time it takes is the pipe,
// the JSON and the timer on this machine: what no checker could go under in the same run.
import * as fs from 'node:fs';

const diagnostics: unknown[] = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
const debounceMs = Number(process.argv[3] ?? 30);

const send = (message: unknown) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...(message as object) });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};

const versions = new Map<string, number>();
const timers = new Map<string, NodeJS.Timeout>();
const publish = (uri: string) => send({ method: 'textDocument/publishDiagnostics', params: { uri, version: versions.get(uri), diagnostics } });

function handle(m: { id?: number; method?: string; params?: any }): void {
  switch (m.method) {
    case 'initialize':
      return send({ id: m.id, result: { capabilities: { textDocumentSync: 2, diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } } });
    case 'shutdown':
      return send({ id: m.id, result: null });
    case 'exit':
      return process.exit(0);
    case 'textDocument/didOpen':
      versions.set(m.params.textDocument.uri, m.params.textDocument.version);
      return publish(m.params.textDocument.uri);
    case 'textDocument/didChange': {
      const { uri, version } = m.params.textDocument;
      versions.set(uri, version);
      clearTimeout(timers.get(uri));
      timers.set(uri, setTimeout(() => publish(uri), debounceMs));
      return;
    }
    case 'textDocument/diagnostic':
      return send({ id: m.id, result: { kind: 'full', items: diagnostics } });
    default:
      if (m.id !== undefined && m.method) send({ id: m.id, result: null });
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk: Buffer) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end === -1) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
    if (buffer.length < end + 4 + length) return;
    const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    buffer = buffer.subarray(end + 4 + length);
    handle(JSON.parse(body));
  }
});
