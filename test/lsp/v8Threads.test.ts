import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverExecArgv, v8PoolSize } from '../../server/src/node/v8Threads';
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
