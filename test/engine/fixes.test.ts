/** Fixes are exact text edits: applied without overlaps, safe ones only, idempotently, keeping CRLF and BOM. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, lint, safeFixEdits, type EngineDiagnostic } from '../../server/src/engine';
import { BASE_OPTIONS } from './helpers';

const BROKEN = `---
title: ارتفاع أسعار النفط
date: 2025-06-02T18:00:00+03:00
updated: ٢٠٢٥/٠٦/٠٢ ٢٠:٠٠ +03:00
author: سلمان الدوسري
status: Published
tags: نفط
titel: مكرر
---

ارتفعت أسعار النفط.

المصدر: رويترز
`;

describe('applyEdits', () => {
  test('applies non-overlapping edits in offset order, whatever order they come in', () => {
    const r = applyEdits('abcdef', [
      { start: 4, end: 5, newText: 'E' },
      { start: 0, end: 1, newText: 'A' },
      { start: 2, end: 2, newText: '+' },
    ]);
    assert.deepEqual(r, { text: 'Ab+cdEf', applied: 3 });
  });

  test('an edit overlapping one already taken is ignored, first come first kept', () => {
    const r = applyEdits('abcdef', [
      { start: 1, end: 4, newText: 'X' },
      { start: 3, end: 5, newText: 'Y' },
      { start: 5, end: 6, newText: 'Z' },
    ]);
    assert.deepEqual(r, { text: 'aXeZ', applied: 2 });
  });

  test('edits outside the text or backwards are ignored', () => {
    const r = applyEdits('نص', [
      { start: 1, end: 9, newText: 'x' },
      { start: 2, end: 1, newText: 'y' },
      { start: 2, end: 2, newText: '!' },
    ]);
    assert.deepEqual(r, { text: 'نص!', applied: 1 });
  });

  test('no edits, same text', () => {
    assert.deepEqual(applyEdits('خبر', []), { text: 'خبر', applied: 0 });
  });
});

describe('safeFixEdits', () => {
  const d = (rule: string, safe: boolean, ...edits: [number, number, string][]): EngineDiagnostic => ({
    rule,
    severity: 'error',
    message: '',
    messages: { en: '', ar: '' },
    start: 0,
    end: 0,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fix: { title: { en: '', ar: '' }, safe, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) },
  });

  test('only safe fixes, and a fix is taken whole or not at all', () => {
    const edits = safeFixEdits([
      d('a', true, [0, 2, 'x']),
      d('b', false, [5, 6, 'y']),
      d('c', true, [8, 9, 'z'], [1, 3, 'w']),
      d('e', true, [8, 9, 'v']),
    ]);
    assert.deepEqual(edits, [
      { start: 0, end: 2, newText: 'x' },
      { start: 8, end: 9, newText: 'v' },
    ]);
  });

  test('two insertions at the same point collide', () => {
    const edits = safeFixEdits([d('a', true, [3, 3, 'x']), d('b', true, [3, 3, 'y'])]);
    assert.deepEqual(edits, [{ start: 3, end: 3, newText: 'x' }]);
  });
});

describe('fixAll', () => {
  test('applies every safe fix and leaves the rest for the writer', () => {
    const { text, fixed } = fixAll(BROKEN, BASE_OPTIONS);
    assert.equal(
      text,
      BROKEN.replace('٢٠٢٥/٠٦/٠٢ ٢٠:٠٠ +03:00', '2025-06-02T20:00:00+03:00')
        .replace('Published', 'published')
        .replace('tags: نفط', 'tags: [نفط]')
        .replace('titel: مكرر\n', 'titel: مكرر\nsources:\n  - name: رويترز\n'),
    );
    assert.equal(fixed, 4);
    // `titel` cannot become `title` (there is one already): that stays for the writer.
    assert.deepEqual(lint(text, BASE_OPTIONS).diagnostics.map((x) => x.rule), ['unknown-field']);
  });

  test('is idempotent', () => {
    const once = fixAll(BROKEN, BASE_OPTIONS).text;
    const twice = fixAll(once, BASE_OPTIONS);
    assert.equal(twice.text, once);
    assert.equal(twice.fixed, 0);
    assert.equal(twice.passes, 0);
  });

  test('keeps CRLF line endings, including in the lines it adds', () => {
    const crlf = BROKEN.replace(/\n/g, '\r\n');
    const { text } = fixAll(crlf, BASE_OPTIONS);
    assert.equal(text, fixAll(BROKEN, BASE_OPTIONS).text.replace(/\n/g, '\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'no bare \\n');
  });

  test('keeps a BOM', () => {
    const { text } = fixAll('\uFEFF' + BROKEN, BASE_OPTIONS);
    assert.equal(text, '\uFEFF' + fixAll(BROKEN, BASE_OPTIONS).text);
  });

  test('unsafe fixes are never applied: guessed dates, blank placeholders, guessed offsets', () => {
    const text = '---\ntitle: خبر عاجل\nauthor: سارة\nupdated: 2025-06-02 20:00\nsection: رياضه\n---\n\nنص بلا سطر مصدر.\n';
    const r = lint(text, BASE_OPTIONS).diagnostics;
    assert.deepEqual(r.map((x) => [x.rule, x.fix?.safe]), [
      ['date-missing', false],
      ['sources-missing', false],
      ['date-timezone', false],
    ]);
    assert.equal(fixAll(text, BASE_OPTIONS).text, text);
  });

  test('a fix revealed by another one is applied in a later pass', () => {
    // `Date` is no date field until it is renamed; then its slashes are rewritten as ISO 8601.
    const text = '---\ntitle: خبر\nDate: 2025/06/02 18:00 +03:00\nauthor: سارة\nsources: [رويترز]\n---\n';
    const r = fixAll(text, BASE_OPTIONS);
    assert.equal(r.passes, 2);
    assert.equal(r.text, text.replace('Date: 2025/06/02 18:00 +03:00', 'date: 2025-06-02T18:00:00+03:00'));
  });

  test('stops after the pass limit instead of looping', () => {
    const r = fixAll(BROKEN, BASE_OPTIONS, 1);
    assert.equal(r.passes, 1);
  });
});
