/**
 * The New Article command's logic that needs no VS Code: a free name for a second article of the
 * same headline, the picker's grouping, and its strings in both languages (the Arabic bundle and
 * package.nls files cover every string the command shows).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SUFFIX, firstFreeArticlePath, pickerEntries, type TemplateChoice } from '../../client/src/newArticleModel';

const ROOT = process.env.MUHARRIR_ROOT ?? process.cwd();
const readJson = (rel: string) => JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));

describe('firstFreeArticlePath', () => {
  const P = 'articles/2025/06/2025-06-02-قمة-الرياض.md';

  test('a new name is used as is', async () => {
    assert.equal(await firstFreeArticlePath(P, async () => false), P);
  });

  test('taken names get -2, then -3, before .md; a gap is reused', async () => {
    const taken = new Set([P, P.replace('.md', '-2.md')]);
    const asked: string[] = [];
    const free = await firstFreeArticlePath(P, async (p) => (asked.push(p), taken.has(p)));
    assert.equal(free, 'articles/2025/06/2025-06-02-قمة-الرياض-3.md');
    assert.deepEqual(asked, [P, P.replace('.md', '-2.md'), free]);
    taken.delete(P);
    assert.equal(await firstFreeArticlePath(P, async (p) => taken.has(p)), P);
  });

  test('when every candidate is taken the answer is none, never an overwrite', async () => {
    let calls = 0;
    assert.equal(await firstFreeArticlePath(P, async () => (calls++, true)), undefined);
    assert.equal(calls, MAX_SUFFIX);
  });
});

describe('pickerEntries', () => {
  const t = (id: string, pack?: { name: string; version: string }): TemplateChoice => ({
    id,
    name: id,
    description: '',
    prefixes: [id],
    body: '',
    ...(pack ? { pack } : {}),
  });
  const sport = { name: 'sport-desk', version: '1.2.0' };
  const econ = { name: 'economy', version: '0.3.0' };

  test('built-ins first under their heading, then one heading per pack in the server’s order', () => {
    const entries = pickerEntries([t('s1', sport), t('news-brief'), t('e1', econ), t('news-report'), t('s2', sport)], 'Built-in');
    assert.deepEqual(
      entries.map((e) => (e.kind === 'separator' ? `— ${e.label}` : e.template.id)),
      ['— Built-in', 'news-brief', 'news-report', '— sport-desk 1.2.0', 's1', 's2', '— economy 0.3.0', 'e1'],
    );
  });

  test('no empty headings: packs only, or built-ins only', () => {
    assert.deepEqual(
      pickerEntries([t('e1', econ)], 'Built-in').map((e) => e.kind),
      ['separator', 'template'],
    );
    assert.equal(pickerEntries([t('news-brief')], 'Built-in').filter((e) => e.kind === 'separator').length, 1);
    assert.deepEqual(pickerEntries([], 'Built-in'), []);
  });
});

describe('the command in both languages', () => {
  const newArticleStrings = [...readFileSync(join(ROOT, 'client', 'src', 'newArticle.ts'), 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map(
    (m) => m[1],
  );

  test('every string of the New Article command has an Arabic translation with the same {n} placeholders', () => {
    const bundle = readJson('l10n/bundle.l10n.ar.json') as Record<string, string>;
    assert.ok(newArticleStrings.length >= 10, 'the command’s strings were found');
    for (const s of newArticleStrings) {
      const ar = bundle[s];
      assert.ok(ar, `no Arabic for "${s}"`);
      assert.match(ar, /[\u0600-\u06FF]/, `"${ar}" is not Arabic`);
      const holes = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(holes(ar), holes(s), s);
    }
  });

  test('package.json: the command, its localized title and the path setting; l10n/ ships in the .vsix', () => {
    const pkg = readJson('package.json');
    const en = readJson('package.nls.json');
    const ar = readJson('package.nls.ar.json');
    const cmd = pkg.contributes.commands.find((c: any) => c.command === 'muharrir.newArticle');
    assert.ok(cmd, 'muharrir.newArticle is contributed');
    const key = (v: string) => /^%(.+)%$/.exec(v)![1];
    assert.equal(`${en[key(cmd.category)]}: ${en[key(cmd.title)]}`, 'Muharrir: New Article from Template…');
    assert.equal(`${ar[key(cmd.category)]}: ${ar[key(cmd.title)]}`, 'محرّر: خبر جديد من قالب…');
    const setting = pkg.contributes.configuration.properties['muharrir.newArticle.path'];
    assert.equal(setting.default, 'articles/{yyyy}/{mm}/{yyyy}-{mm}-{dd}-{slug}.md');
    assert.equal(setting.scope, 'resource');
    assert.ok(en[key(setting.markdownDescription)] && ar[key(setting.markdownDescription)]);
    assert.equal(pkg.l10n, './l10n');
    assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!l10n/*.json'));
  });
});
