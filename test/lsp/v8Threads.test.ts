import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverExecArgv, v8PoolSize } from '../../server/src/node/v8Threads';
import { TIERING_FLAGS, optimizeSooner } from '../../server/src/node/v8Tiering';
import { LspClient, SERVER } from './client';

describe('V8 background threads for the server', () => {
  test('one fewer than the cores, never none, never more than Node gives by default', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map((n) => v8PoolSize(n)), [1, 1, 2, 3, 4, 4]);
    assert.deepEqual(serverExecArgv(2), ['--v8-pool-size=1']);
  });

  test('the server starts and answers with the flags the client gives node', async () => {
    const client = new LspClient(['--stdio'], SERVER, serverExecArgv());
    try {
      const result = await client.initialize({ rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo.name, 'muharrir-language-server');
    } finally {
      await client.stop();
    }
  });
});

describe('V8 optimizing sooner in the server', () => {
  /** How many functions V8 optimized while a short burst of work ran, with these flags set at run time first. */
  function optimizedAfterBurst(flags: readonly string[]): number {
    const script = `
      const v8 = require('node:v8');
      for (const f of JSON.parse(process.argv[1])) v8.setFlagsFromString(f);
      const double = (y) => y * 2;
      function total(xs) { return xs.map(double).reduce((a, b) => a + b, 0); }
      const xs = Array.from({ length: 50 }, (_, i) => i);
      let t = 0;
      for (let i = 0; i < 200; i++) t += total(xs);
      if (t !== 490000) throw new Error('wrong total ' + t);`;
    const r = spawnSync(process.execPath, ['--trace-opt', '-e', script, JSON.stringify(flags)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.split('\n').filter((l) => /^\[completed (optimizing|compiling)/.test(l)).length;
  }

  test('the flags the server sets make V8 optimize a burst of work that its defaults leave unoptimized', () => {
    const defaults = optimizedAfterBurst([]);
    const ours = optimizedAfterBurst(TIERING_FLAGS);
    assert.ok(ours > defaults, `optimized with the server's flags: ${ours}, with V8's defaults: ${defaults}`);
  });

  test('set on Node, left alone under Electron, whose V8 flags may be frozen', () => {
    const underElectron: string[] = [];
    const onNode: string[] = [];
    assert.equal(optimizeSooner({ ...process.versions, electron: '29.4.0' } as NodeJS.ProcessVersions, (f) => void underElectron.push(f)), false);
    const { electron: _, ...node } = process.versions as NodeJS.ProcessVersions & { electron?: string };
    assert.equal(optimizeSooner(node as NodeJS.ProcessVersions, (f) => void onNode.push(f)), true);
    assert.deepEqual(underElectron, []);
    assert.deepEqual(onNode, [...TIERING_FLAGS]);
  });

  test('a flag this V8 does not know is ignored at run time instead of stopping node', () => {
    const r = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--no-such-muharrir-flag'); console.log('running')"], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'running');
  });
});
