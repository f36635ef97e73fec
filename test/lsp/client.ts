// A tiny LSP client over stdio: Content-Length framing, requests with ids, notifications, and
// answers to the requests a server sends back (configuration, registrations, progress, refresh).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

type Handler = (params: any) => unknown;

export const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Every notification the server sent, in order. */
  readonly notifications: Message[] = [];
  /** Every request the server sent, in order. */
  readonly serverRequests: Message[] = [];
  stderr = '';
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Set<() => void>();
  private readonly handlers = new Map<string, Handler>();

  /**
   * `server`: another script to speak to (the benchmark's floor server); Muharrir's by default.
   * `nodeFlags`: what the editor starts node with (the benchmark passes the VS Code client's).
   */
  constructor(args: string[] = ['--stdio'], server = SERVER, nodeFlags: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeFlags, server, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.proc.on('exit', (code, signal) => {
      this.exited = { code, signal };
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal}) during ${p.method}`));
      this.pending.clear();
      this.wake();
    });
    // Defaults a real editor would answer with.
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/diagnostic/refresh', () => null);
    this.onRequest('window/showDocument', () => ({ success: true }));
    this.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  }

  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 15000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer in ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the predicate's first truthy value, re-checked on every message from the server. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 10000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let v: T | undefined | null | false;
        try {
          v = predicate();
        } catch (err) {
          done();
          reject(err as Error);
          return;
        }
        if (v) {
          done();
          resolve(v);
        } else if (this.exited) {
          done();
          reject(new Error(`server exited (${this.exited.code ?? this.exited.signal}) while waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.notifications.slice(-5).map((n) => `${n.method} ${JSON.stringify(n.params).slice(0, 300)}`);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last notifications:\n${seen.join('\n')}\nstderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Diagnostics the server published for a uri, newest last. */
  published(uri: string): { version?: number; diagnostics: any[] }[] {
    return this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params);
  }

  /** Waits for a publishDiagnostics for `uri`, published after `after` earlier ones, that satisfies `ok`. */
  waitForDiagnostics(uri: string, ok: (diagnostics: any[]) => boolean = () => true, after = 0, timeoutMs = 10000): Promise<any[]> {
    return this.waitFor(
      () => this.published(uri).slice(after).find((p) => ok(p.diagnostics))?.diagnostics,
      timeoutMs,
      `publishDiagnostics for ${uri}`,
    );
  }

  async initialize(params: Record<string, unknown>): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, ...params });
    this.notify('initialized', {});
    return result;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // Killed below either way.
    }
    const gone = new Promise<void>((resolve) => (this.exited ? resolve() : this.proc.once('exit', () => resolve())));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  }

  /** Writes bytes to the server's stdin as they are, for framing and JSON the client would never send. */
  writeRaw(data: string | Buffer): void {
    this.proc.stdin.write(data);
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined && msg.id !== null) {
      this.serverRequests.push(msg);
      const handler = this.handlers.get(msg.method);
      Promise.resolve()
        .then(() => (handler ? handler(msg.params) : Promise.reject(new Error(`unhandled ${msg.method}`))))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: msg.id, result: result ?? null }),
          (err: Error) => this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: err.message } }),
        );
    } else if (msg.method !== undefined) {
      this.notifications.push(msg);
    } else if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) {
        if (msg.error) p.reject(new Error(`${p.method} failed: ${msg.error.message}`));
        else p.resolve(msg.result);
      }
    }
    this.wake();
  }

  private wake(): void {
    for (const l of [...this.listeners]) l();
  }
}
