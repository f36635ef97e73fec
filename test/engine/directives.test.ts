/** Inline switches: `<!-- muharrir-… -->` in the body and `# muharrir-…` comments in the frontmatter. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lint } from '../../server/src/engine';
import { parseDirectives } from '../../server/src/engine/directives';
import { BASE_OPTIONS } from './helpers';

function directives(text: string) {
  return parseDirectives(text, new LineIndex(text));
}

function found(text: string) {
  return lint(text, BASE_OPTIONS).diagnostics.map((d) => [d.rule, d.range.start.line + 1, text.slice(d.start, d.end)]);
}

const HEAD = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة أحمد\nsources: [رويترز]\n';

describe('body comments', () => {
  test('disable-next-line silences the named rules on the next line only', () => {
    const d = directives('سطر\n<!-- muharrir-disable-next-line source-unlisted quote-unattributed -->\nالمصدر: رويترز\nسطر آخر\n');
    assert.equal(d.isDisabled('source-unlisted', 2), true);
    assert.equal(d.isDisabled('quote-unattributed', 2), true);
    assert.equal(d.isDisabled('mojibake', 2), false, 'other rules still run');
    assert.equal(d.isDisabled('source-unlisted', 1), false, 'not the comment’s own line');
    assert.equal(d.isDisabled('source-unlisted', 3), false, 'not the line after');
  });

  test('rule names may be separated by commas; no names means every rule', () => {
    const d = directives('<!-- muharrir-disable-next-line tatweel,mojibake -->\nأ\n<!-- muharrir-disable-next-line -->\nب\n');
    assert.equal(d.isDisabled('tatweel', 1), true);
    assert.equal(d.isDisabled('mojibake', 1), true);
    assert.equal(d.isDisabled('double-space', 1), false);
    assert.equal(d.isDisabled('double-space', 3), true);
  });

  test('disable … enable is a region, inclusive of both comment lines', () => {
    const text = ['أ', '<!-- muharrir-disable web-boilerplate -->', 'ب', 'ج', '<!-- muharrir-enable web-boilerplate -->', 'د'].join('\n');
    const d = directives(text);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((l) => d.isDisabled('web-boilerplate', l)), [false, true, true, true, true, false]);
    assert.equal(d.isDisabled('mojibake', 2), false);
  });

  test('a region without enable runs to the end; enable without names closes every open region', () => {
    const d = directives('<!-- muharrir-disable tatweel -->\nأ\n<!-- muharrir-disable mojibake -->\nب\n<!-- muharrir-enable -->\nج\n<!-- muharrir-disable double-space -->\nد\n');
    assert.equal(d.isDisabled('tatweel', 3), true);
    assert.equal(d.isDisabled('mojibake', 3), true);
    assert.equal(d.isDisabled('tatweel', 5), false);
    assert.equal(d.isDisabled('mojibake', 5), false);
    assert.equal(d.isDisabled('double-space', 7), true);
    assert.equal(d.isDisabled('double-space', 1000), true);
  });

  test('enable with names closes only those', () => {
    const d = directives('<!-- muharrir-disable tatweel mojibake -->\nأ\n<!-- muharrir-enable tatweel -->\nب\n');
    assert.equal(d.isDisabled('tatweel', 3), false);
    assert.equal(d.isDisabled('mojibake', 3), true);
  });

  test('directives work in CRLF text', () => {
    const d = directives('أ\r\n<!-- muharrir-disable-next-line tatweel -->\r\nب\r\n');
    assert.equal(d.isDisabled('tatweel', 2), true);
    assert.equal(d.isDisabled('tatweel', 1), false);
  });

  test('a body region comment at the top silences frontmatter-missing', () => {
    const text = '<!-- muharrir-disable frontmatter-missing -->\n# ملاحظات التحرير\n\nليست خبرًا.\n';
    assert.deepEqual(found(text), []);
    assert.deepEqual(found('# ملاحظات التحرير\n'), [['frontmatter-missing', 1, '# ملاحظات التحرير']]);
  });

  test('text that merely mentions muharrir is not a directive', () => {
    const d = directives('كتب محرر muharrir-disabled في الخبر\n');
    assert.equal(d.isDisabled('tatweel', 0), false);
    assert.equal(d.isDisabled('tatweel', 1), false);
  });
});

describe('frontmatter comments', () => {
  test('# muharrir-disable-next-line silences the named rule on the next field', () => {
    const text = `${HEAD}# muharrir-disable-next-line unknown-field\neditor: منى\nphoto: ماجد\n---\n`;
    assert.deepEqual(found(text), [['unknown-field', 8, 'photo']]);
  });

  test('# muharrir-disable-line at the end of a field silences that field', () => {
    const text = `${HEAD}editor: منى # muharrir-disable-line unknown-field\nstatus: Published # muharrir-disable-line unknown-field\n---\n`;
    assert.deepEqual(found(text), [['field-type', 7, 'Published']]);
  });

  test('# muharrir-disable in the frontmatter covers the whole article, even the opening ---', () => {
    const text = '---\n# muharrir-disable sources-missing date-missing\ntitle: بيان صحفي\nauthor: المكتب الإعلامي\n---\nنص البيان.\n';
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text.replace('# muharrir-disable sources-missing date-missing\n', '')), [
      ['date-missing', 1, '---'],
      ['sources-missing', 1, '---'],
    ]);
  });

  test('a directive for another rule does not silence this one', () => {
    const text = `${HEAD}# muharrir-disable-next-line field-type\neditor: منى\n---\n`;
    assert.deepEqual(found(text), [['unknown-field', 7, 'editor']]);
  });

  test('directives are found after a BOM and in CRLF frontmatter', () => {
    const text = `\uFEFF${HEAD}# muharrir-disable-next-line unknown-field\neditor: منى\n---\n`.replace(/\n/g, '\r\n');
    assert.deepEqual(found(text), []);
  });
});
