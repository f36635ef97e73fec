/**
 * Reading a file must show the writer exactly what an editor shows: malformed UTF-8 becomes
 * U+FFFD the WHATWG way (as VS Code's TextDecoder does), one leading BOM is taken off and remembered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeArticle } from '../../server/src/node/configFiles';

const whatwg = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
// Bytes that start, continue or break UTF-8 sequences, so malformed input is common.
const tricky = fc.oneof(fc.constantFrom(0xef, 0xbb, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xf5, 0x80, 0xbf, 0xa0, 0x9f, 0x90, 0x8f, 0xd8, 0xa7), fc.integer({ min: 0, max: 255 }));

test('malformed UTF-8 decodes as TextDecoder decodes it, BOM off and remembered (fast-check, fixed seed)', () => {
  fc.assert(
    fc.property(fc.array(tricky, { maxLength: 48 }), (bytes) => {
      const buf = Buffer.from(bytes);
      const expected = whatwg.decode(buf);
      const got = decodeArticle(buf);
      const bom = expected.charCodeAt(0) === 0xfeff;
      assert.equal(got.bom, bom);
      assert.equal(got.text, bom ? expected.slice(1) : expected);
    }),
    { seed: 7, numRuns: 20000 },
  );
});

test('an Arabic article with a BOM and a broken byte', () => {
  const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('خبر ', 'utf8'), Buffer.from([0xd8]), Buffer.from(' عاجل', 'utf8')]);
  const got = decodeArticle(buf);
  assert.deepEqual(got, { text: 'خبر \uFFFD عاجل', bom: true, binary: false });
});
