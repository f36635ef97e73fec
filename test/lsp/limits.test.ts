// Issue 8: where the server skips work on a document too big for it, the writer is told what was
// skipped, in the editor, in both languages — never a silently incomplete list of problems.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ARTICLE_CHARS } from '../../server/src/lsp/articles';
import { MAX_FRONTMATTER_CHARS } from '../../server/src/engine/frontmatter';
import { MAX_REPORTS_PER_RULE } from '../../server/src/engine/lint';
import { codes, open, serverForSuite } from './helpers';

const FIELDS = 'title: حد الحجم\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - رويترز\n';

for (const locale of ['en', 'ar'] as const) {
  describe(`size limits say what they skip (${locale})`, () => {
    const suite = serverForSuite({ locale });
    const check = async (name: string, text: string) => {
      const uri = suite.ws.write(`articles/${name}`, text);
      open(suite.client, uri, text);
      return suite.client.waitForDiagnostics(uri, (d) => d.length > 0, 0, 30000);
    };

    test(`a document over ${MAX_ARTICLE_CHARS} characters: one diagnostic saying it is not checked, nothing else`, async () => {
      // A field missing and a Latin comma in Arabic text: a lint would report both.
      const text = `---\ntitle: ضخم\n---\n\nالحكومة, ${'ا'.repeat(MAX_ARTICLE_CHARS)}\n`;
      const diagnostics = await check('huge.md', text);
      assert.deepEqual(codes(diagnostics), ['file-too-large']);
      assert.match(diagnostics[0].message, locale === 'en' ? /larger than 5 MB, so Muharrir does not check it/ : /أكبر من 5 ميغابايت، لذلك لا يفحصه محرّر/);
    });

    test(`frontmatter over ${MAX_FRONTMATTER_CHARS} characters: reported as not read, and no field reported missing`, async () => {
      const text = `---\n${FIELDS}note: "${'ن'.repeat(MAX_FRONTMATTER_CHARS)}"\n---\n\nالحكومة, نص الخبر.\n`;
      const diagnostics = await check('big-frontmatter.md', text);
      const syntax = diagnostics.filter((d) => d.code === 'frontmatter-syntax');
      assert.equal(syntax.length, 1, JSON.stringify(codes(diagnostics)));
      assert.match(syntax[0].message, locale === 'en' ? /^The frontmatter is larger than 256 KB; it was not read\.$/ : /^البيانات الوصفية أكبر من 256 كيلوبايت؛ لم تُقرأ\.$/);
      assert.equal(syntax[0].range.start.line, 0);
      // Fields that were never read are not called missing; the body is still checked.
      assert.deepEqual(codes(diagnostics).filter((c) => /required-field|missing|field-type|unknown-field/.test(c)), []);
      assert.ok(codes(diagnostics).includes('arabic-punctuation'), JSON.stringify(codes(diagnostics)));
    });

    test('frontmatter nested too deeply: reported where the nesting goes too deep, and not read', async () => {
      const text = `---\n${FIELDS}tags: ${'['.repeat(500)}${']'.repeat(500)}\n---\n\nنص الخبر.\n`;
      const diagnostics = await check('deep.md', text);
      const syntax = diagnostics.filter((d) => d.code === 'frontmatter-syntax');
      assert.equal(syntax.length, 1, JSON.stringify(codes(diagnostics)));
      assert.match(syntax[0].message, locale === 'en' ? /nested too deeply to be a real field; it was not read/ : /التداخل في YAML أعمق من أن يكون حقلًا حقيقيًا/);
      assert.equal(syntax[0].range.start.line, 6);
      assert.deepEqual(codes(diagnostics).filter((c) => /required-field|missing/.test(c)), []);
    });

    test(`a body rule lists ${MAX_REPORTS_PER_RULE} problems, then one more diagnostic counts the rest`, async () => {
      const total = MAX_REPORTS_PER_RULE + 137;
      const text = `---\n${FIELDS}---\n\n${'الحكومة, '.repeat(total)}انتهى\n`;
      const diagnostics = await check('flood.md', text);
      const listed = diagnostics.filter((d) => d.code === 'arabic-punctuation');
      assert.equal(listed.length, MAX_REPORTS_PER_RULE + 1);
      const summary = listed.at(-1);
      assert.match(
        summary.message,
        locale === 'en'
          ? new RegExp(`^137 more arabic-punctuation problems in this file are not listed: each rule lists at most ${MAX_REPORTS_PER_RULE}\\.`)
          : new RegExp(`من القاعدة arabic-punctuation في هذا الملف، وعددها 137: لا تعرض كل قاعدة أكثر من ${MAX_REPORTS_PER_RULE}`),
      );
      // It sits where the list stops: at the first problem not listed.
      const lastListed = listed.at(-2);
      assert.ok(
        summary.range.start.line > lastListed.range.start.line ||
          (summary.range.start.line === lastListed.range.start.line && summary.range.start.character > lastListed.range.start.character),
      );
    });
  });
}
