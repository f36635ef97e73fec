import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
const SERVER = path.join(ROOT, 'dist', 'server.js');
const LUA = path.join(ROOT, 'test', 'nvim', 'diagnostics.lua');
const NVIM_TIMEOUT_MS = 30_000;

const ARTICLE = [
  '---',
  'title: افتتاح معرض الكتاب في الرياض',
  'date: 2025-06-02T10:00:00+03:00',
  'author: سارة أحمد',
  '---',
  '',
  'افتتح وزير الثقافة معرض الكتاب.',
  '',
].join('\n');

function findNvim(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'nvim' : undefined;
}

test('Neovim (vim.lsp, push diagnostics) shows sources-missing on line 0', async () => {
  const nvim = findNvim();
  // Not a skip: a missing editor would otherwise turn this tier green without testing anything.
  assert.ok(nvim, 'nvim not found: run scripts/setup-test-deps.sh');
  assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`);

  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'muharrir-nvim-')));
  try {
    const article = path.join(dir, 'articles', 'x.md');
    fs.mkdirSync(path.dirname(article), { recursive: true });
    fs.writeFileSync(article, ARTICLE);
    const out = path.join(dir, 'out.json');

    const child = spawn(nvim!, ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${LUA}`], {
      cwd: dir,
      env: {
        ...process.env,
        MUHARRIR_NODE: process.execPath,
        MUHARRIR_SERVER: SERVER,
        MUHARRIR_WORKSPACE: dir,
        MUHARRIR_ARTICLE: article,
        MUHARRIR_OUT: out,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, NVIM_TIMEOUT_MS);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(timer);
    assert.ok(!timedOut, `nvim did not finish in ${NVIM_TIMEOUT_MS / 1000} s; output: ${output.slice(-2000)}`);
    assert.ok(fs.existsSync(out), `nvim wrote no result (exit ${code}); output: ${output.slice(-2000)}`);

    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(result.error, undefined, `lua failed: ${result.error}`);
    assert.equal(result.waited, true, 'diagnostics arrived within 15 s');
    const missing = result.diagnostics.find((d: any) => d.code === 'sources-missing');
    assert.ok(missing, `sources-missing among ${JSON.stringify(result.diagnostics)}`);
    assert.equal(missing.lnum, 0);
    assert.equal(missing.source, 'muharrir');
    assert.equal(missing.message, 'لا يذكر الخبر أي مصدر: أضف الحقل `sources`.', 'the Arabic message, from settings.muharrir.locale');
    assert.match(missing.href, /docs\/rules\/sources-missing\.md$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
