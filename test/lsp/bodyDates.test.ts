/** Dates in the body through the language server: the hover resolves them, the hint offers the weekday. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits, codes, open, positionOf, type Pos, serverForSuite } from './helpers';

const ARTICLE = [
  '---',
  'title: افتتاح معرض الكتاب في الرياض',
  'date: 2025-06-02T10:00:00+03:00',
  'author: سارة أحمد',
  'sources:',
  '  - وكالة الأنباء السعودية',
  '---',
  '',
  'الرياض - افتتح وزير الثقافة معرض الكتاب الذي وصلت أجنحته أمس، ويستمر حتى 10 ذو الحجة 1446هـ.',
  '',
].join('\n');

describe('body dates: hover and the relative-date hint', () => {
  const suite = serverForSuite();
  const hover = (uri: string, position: Pos) => suite.client.request('textDocument/hover', { textDocument: { uri }, position });

  test('hovering «أمس» gives the day before `date` in both calendars and both languages', async () => {
    const uri = suite.ws.write('articles/d1.md', ARTICLE);
    open(suite.client, uri, ARTICLE);
    const h = await hover(uri, positionOf(ARTICLE, 'أمس', 1));
    assert.ok(h, 'a hover');
    const v: string = h.contents.value;
    assert.match(v, /الأحد 1 يونيو 2025/);
    assert.match(v, /5 ذو الحجة 1446هـ/);
    assert.match(v, /Sunday 1 June 2025/);
    assert.match(v, /5 Dhu al-Hijjah 1446 AH/);
    assert.match(v, /Counted from `date`/);
    const start = positionOf(ARTICLE, 'أمس');
    assert.deepEqual(h.range, { start, end: { line: start.line, character: start.character + 3 } });
  });

  test('hovering a Hijri date gives its Gregorian day (Umm al-Qura)', async () => {
    const uri = suite.ws.write('articles/d2.md', ARTICLE);
    open(suite.client, uri, ARTICLE);
    const h = await hover(uri, positionOf(ARTICLE, 'ذو الحجة', 2));
    const v: string = h.contents.value;
    assert.match(v, /\*\*10 ذو الحجة 1446هـ\*\*/);
    assert.match(v, /Friday 6 June 2025/);
    assert.match(v, /الجمعة 6 يونيو 2025/);
    assert.match(v, /Umm al-Qura/);
  });

  test('a Hijri date resolves without frontmatter; plain words have no hover', async () => {
    const text = 'يبدأ شهر رمضان يوم 1 رمضان 1446هـ بحسب التقويم.\n';
    const uri = suite.ws.write('articles/d3.md', text);
    open(suite.client, uri, text);
    const h = await hover(uri, positionOf(text, '1 رمضان', 1));
    assert.match(h.contents.value, /Saturday 1 March 2025/);
    assert.equal(await hover(uri, positionOf(text, 'التقويم', 1)), null);
  });

  test('«أمس» is a hint whose quick fix names the weekday', async () => {
    const uri = suite.ws.write('articles/d4.md', ARTICLE);
    open(suite.client, uri, ARTICLE);
    const diagnostics = await suite.client.waitForDiagnostics(uri, (d) => codes(d).includes('relative-date'));
    const hint = diagnostics.find((d) => d.code === 'relative-date');
    assert.equal(hint.severity, 4, 'hint');
    assert.match(hint.message, /Sunday 1 June 2025/);
    const actions = await suite.client.request<any[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: hint.range,
      context: { diagnostics: [hint] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && /أمس الأحد/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.notEqual(fix.isPreferred, true, 'a suggestion, not the preferred fix');
    const fixed = applyTextEdits(ARTICLE, fix.edit.changes[uri]);
    assert.ok(fixed.includes('وصلت أجنحته أمس الأحد، ويستمر'), fixed);
  });
});
