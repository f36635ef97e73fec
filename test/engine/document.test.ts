/** The document model: offsets, lines and positions exactly as LSP counts them (UTF-16, \n \r\n \r). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lint, parseArticle } from '../../server/src/engine';
import { BASE_OPTIONS } from './helpers';

const BOM = '\uFEFF';
const ARTICLE = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\nsources: [واس]\n---\nنص الخبر\n';

describe('LineIndex', () => {
  test('counts \\n, \\r\\n and a lone \\r as line breaks, like VS Code', () => {
    const idx = new LineIndex('a\nb\r\nc\rd');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => idx.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.deepEqual(idx.lineStarts, [0, 2, 5, 7]);
  });

  test('a trailing line break opens an empty last line', () => {
    const idx = new LineIndex('سطر\n');
    assert.equal(idx.lineCount, 2);
    assert.equal(idx.lineText(1), '');
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  });

  test('\\r\\n is one break: the offset between \\r and \\n stays on the first line', () => {
    const idx = new LineIndex('ab\r\ncd');
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(3), { line: 0, character: 3 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.equal(idx.lineEnd(0), 2);
    // A position past the end of a line's content clamps to it, before the break.
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
  });

  test('characters are UTF-16 code units: an emoji is two, an Arabic letter one', () => {
    const text = 'خبر 👍 عاجل\n🇱🇾 ليبيا';
    const idx = new LineIndex(text);
    const afterEmoji = text.indexOf(' عاجل');
    assert.deepEqual(idx.positionAt(afterEmoji), { line: 0, character: 6 });
    assert.deepEqual(idx.positionAt(text.indexOf('ليبيا')), { line: 1, character: 5 });
    assert.equal(text.slice(idx.offsetAt({ line: 1, character: 5 })), 'ليبيا');
  });

  test('positionAt and offsetAt round-trip for every offset', () => {
    const text = `${BOM}---\r\nعنوان: «خبر» 😀\rسطر\n\n𝔸 آخر`;
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      // The offset between \r and \n of a CRLF maps to the end of its line's content, like LSP clients do.
      const expected = text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o;
      assert.equal(idx.offsetAt(p), expected, `offset ${o} → ${JSON.stringify(p)}`);
    }
    for (let line = 0; line < idx.lineCount; line++) {
      for (let character = 0; character <= idx.lineText(line).length; character++) {
        assert.deepEqual(idx.positionAt(idx.offsetAt({ line, character })), { line, character });
      }
    }
  });

  test('out-of-range positions and offsets clamp instead of throwing', () => {
    const idx = new LineIndex('أ\nب');
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 1 });
    assert.equal(idx.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(idx.offsetAt({ line: 7, character: 0 }), 3);
    assert.equal(idx.offsetAt({ line: 0, character: -4 }), 0);
  });
});

describe('parseArticle', () => {
  test('a BOM is kept in the text, skipped when looking for the frontmatter', () => {
    const doc = parseArticle(BOM + ARTICLE);
    assert.equal(doc.bom, true);
    assert.equal(doc.text[0], BOM);
    assert.ok(doc.frontmatter);
    assert.equal(doc.frontmatter.start, 1);
    assert.deepEqual(
      doc.frontmatter.root?.entries.map((e) => e.key),
      ['title', 'date', 'author', 'sources'],
    );
  });

  test('after a BOM, offsets still index the text as given and positions count the BOM', () => {
    const text = BOM + ARTICLE.replace('sources: [واس]\n', '');
    const r = lint(text, BASE_OPTIONS);
    assert.deepEqual(r.diagnostics.map((d) => [d.rule, text.slice(d.start, d.end), d.range]), [
      ['sources-missing', '---', { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } }],
    ]);
    const title = r.document.frontmatter!.root!.entries[0];
    assert.equal(text.slice(title.keyStart, title.keyEnd), 'title');
  });

  test('CRLF documents: eol is \\r\\n, the body starts after the closing line, ranges are on the right lines', () => {
    const text = ARTICLE.replace('author: سارة\n', 'author:\n').replace(/\n/g, '\r\n');
    const doc = parseArticle(text);
    assert.equal(doc.eol, '\r\n');
    assert.equal(text.slice(doc.bodyStart), 'نص الخبر\r\n');
    const d = lint(text, BASE_OPTIONS).diagnostics;
    assert.deepEqual(d.map((x) => [x.rule, x.range.start.line, text.slice(x.start, x.end)]), [['required-field', 3, 'author']]);
  });

  test('lone CR documents are read line by line too', () => {
    const text = ARTICLE.replace('author: سارة\n', 'author:\n').replace(/\n/g, '\r');
    const doc = parseArticle(text);
    assert.equal(doc.eol, '\r');
    assert.equal(doc.lines.lineCount, 8);
    assert.equal(text.slice(doc.bodyStart), 'نص الخبر\r');
    const d = lint(text, BASE_OPTIONS).diagnostics;
    assert.deepEqual(d.map((x) => [x.rule, x.range.start.line, text.slice(x.start, x.end)]), [['required-field', 3, 'author']]);
  });

  test('frontmatter offsets are right after emoji and Arabic in earlier lines', () => {
    const text = '---\ntitle: "🇸🇦 عاجل 😀 خبر"\nsummary: 😀😀\ndates: x\n---\n';
    const r = lint(text, BASE_OPTIONS);
    const unknown = r.diagnostics.find((d) => d.rule === 'unknown-field')!;
    assert.equal(text.slice(unknown.start, unknown.end), 'dates');
    assert.deepEqual(unknown.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } });
  });

  test('a document that is only a BOM, or empty, is read without throwing', () => {
    for (const text of ['', BOM, '\n', '---', `${BOM}---`]) {
      const r = lint(text, BASE_OPTIONS);
      assert.deepEqual(r.internalErrors, []);
      for (const d of r.diagnostics) assert.ok(d.start >= 0 && d.end <= text.length);
    }
  });
});
