// The language server as an editor sees it: spawned over stdio, fed edits, timed until the
// diagnostics for that exact version arrive. Push (Neovim, Helix, Emacs) includes the server's
// debounce; pull (VS Code) asks at once and is answered with a fresh lint.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lsp/client';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES } from '../test/lsp/helpers';
import { prng } from './archive';
import { serverExecArgv } from '../server/src/node/v8Threads';

export interface Latency {
  mode: 'push' | 'pull';
  words: number;
  edits: number;
  samples: number[];
  /** What the server answered for the article as opened (the floor server answers with the same). */
  diagnostics: unknown[];
  /** Milliseconds from the didOpen, on the freshly started server, to the article's first diagnostics. */
  openMs: number;
  /**
   * Per edit, what the server itself says it took (`$/logTrace`, server/src/lsp/timings.ts): push
   * from its debounce timer firing to the notification written, pull from the request to the
   * answer. Empty for a server that does not trace (the floor server).
   */
  server: number[];
  /** Push only: per edit, how long the lint took when the server ran it as the change arrived. */
  ahead: number[];
}

/** A server other than Muharrir's: the script and its arguments. */
export interface OtherServer {
  script: string;
  args: string[];
}

/** Node's flags as the VS Code client starts the server with them (and the README's Neovim setup). */
const NODE_FLAGS = serverExecArgv();

async function start(dir: string, capabilities: unknown, other?: OtherServer): Promise<LspClient> {
  const client = new LspClient(other?.args, other?.script, NODE_FLAGS);
  const uri = pathToFileURL(dir).href;
  // Muharrir's own timings come as $/logTrace while the client traces verbosely.
  await client.initialize({ rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities, trace: other ? undefined : 'verbose' });
  return client;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * A writer's edits: mostly one letter typed, sometimes a space, a comma or a deletion, at places
 * spread over the body (never in the frontmatter), the same places on every run.
 */
function* edits(text: string, count: number, seed: number): Generator<{ start: number; end: number; insert: string }> {
  const rng = prng(seed);
  const bodyStart = text.indexOf('\n---', 4) + 5;
  let doc = text;
  for (let i = 0; i < count; i++) {
    let at = bodyStart + Math.floor(rng() * (doc.length - bodyStart - 2));
    while (doc[at] === '\n' || doc[at - 1] === '\n') at++;
    const r = rng();
    const edit = r < 0.15 ? { start: at, end: at + 1, insert: '' } : { start: at, end: at, insert: r < 0.3 ? ' ' : r < 0.4 ? '،' : 'ن' };
    doc = doc.slice(0, edit.start) + edit.insert + doc.slice(edit.end);
    yield edit;
  }
}

/** Milliseconds from each didChange to the diagnostics of its version. */
export async function keystrokeLatency(text: string, words: number, mode: 'push' | 'pull', count = 50, other?: OtherServer): Promise<Latency> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-bench-')));
  const file = path.join(dir, 'articles', `long-${words}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const client = await start(dir, mode === 'push' ? PUSH_CAPABILITIES : PULL_CAPABILITIES, other);
  const samples: number[] = [];
  let diagnostics: unknown[] = [];
  let traced: { params?: { verbose?: string } }[] = [];
  let openMs = NaN;
  try {
    const opened = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    if (mode === 'push') diagnostics = (await client.waitFor(() => client.published(uri).find((p) => p.version === 1), 30000, 'first diagnostics')).diagnostics;
    else diagnostics = (await client.request('textDocument/diagnostic', { textDocument: { uri } }, 30000)).items;
    openMs = performance.now() - opened;
    let doc = text;
    let version = 1;
    for (const e of edits(text, count, words)) {
      version++;
      const range = { start: positionAt(doc, e.start), end: positionAt(doc, e.end) };
      doc = doc.slice(0, e.start) + e.insert + doc.slice(e.end);
      const v = version;
      const t0 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: e.insert }] });
      if (mode === 'push') {
        await client.waitFor(() => client.published(uri).some((p) => p.version === v), 30000, `diagnostics of version ${v}`);
      } else {
        await client.request('textDocument/diagnostic', { textDocument: { uri } }, 30000);
      }
      samples.push(performance.now() - t0);
      // A writer's next key comes later than the answer; let the server settle as it would.
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    traced = client.notifications.filter((n) => n.method === '$/logTrace');
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const timings = other ? { server: [], ahead: [] } : serverTimings(traced, uri, count);
  return { mode, words, edits: count, samples, diagnostics, openMs, ...timings };
}

/** The server's own milliseconds for versions 2..count+1 of `uri`, in edit order (NaN where it sent none). */
function serverTimings(traced: { params?: { verbose?: string } }[], uri: string, count: number): { server: number[]; ahead: number[] } {
  const byVersion = new Map<number, { ms: number; aheadMs?: number }>();
  for (const n of traced) {
    try {
      const t = JSON.parse(n.params?.verbose ?? '') as { uri?: string; version?: number; ms?: number; aheadMs?: number };
      if (t.uri === uri && typeof t.version === 'number' && typeof t.ms === 'number') byVersion.set(t.version, { ms: t.ms, aheadMs: t.aheadMs });
    } catch {
      // Another trace line: not a timing.
    }
  }
  const versions = Array.from({ length: count }, (_, i) => byVersion.get(i + 2));
  return { server: versions.map((t) => t?.ms ?? NaN), ahead: versions.map((t) => t?.aheadMs ?? NaN) };
}

function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** The server's resident memory once `files` are open and each has had its diagnostics. */
export const SETTLE_MS = 10000;

export async function memoryWithOpen(
  root: string,
  files: readonly string[],
): Promise<{ open: number; rssMb: number; settledRssMb: number; peakMb: number; idleRssMb: number }> {
  const client = await start(root, PUSH_CAPABILITIES);
  try {
    const idle = rssOf(client.proc.pid!);
    const uris = new Set<string>();
    for (const f of files) {
      const uri = pathToFileURL(f).href;
      uris.add(uri);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(f, 'utf8') } });
    }
    const seen = new Set<string>();
    let checked = 0;
    await client.waitFor(
      () => {
        for (; checked < client.notifications.length; checked++) {
          const n = client.notifications[checked]!;
          if (n.method === 'textDocument/publishDiagnostics' && uris.has(n.params.uri)) seen.add(n.params.uri);
        }
        return seen.size === uris.size;
      },
      300000,
      `diagnostics for ${files.length} open articles`,
    );
    const loaded = rssOf(client.proc.pid!);
    // Then as the writer reads: no requests for a while, so V8's memory reducer may collect.
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = rssOf(client.proc.pid!);
    return { open: files.length, idleRssMb: idle.rssMb, rssMb: loaded.rssMb, settledRssMb: settled.rssMb, peakMb: settled.peakMb };
  } finally {
    await client.stop();
  }
}
