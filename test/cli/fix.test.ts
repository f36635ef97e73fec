import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeIfUnchanged } from '../../server/src/cli/write';
import { CLEAN, NOW, muharrir, parseJson, tempDir, write } from './helpers';

const BOM = '\ufeff';
const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

const BEFORE = BOM + crlf([
  '---',
  'titel: خبر عاجل',
  'date: 2025-06-02T18:00:00+03:00',
  'author: سارة',
  'status: Published',
  'tags: اقتصاد',
  'sources:',
  '  - رويترز',
  '---',
  'نص الخبر.',
]);

const AFTER = BOM + crlf([
  '---',
  'title: خبر عاجل',
  'date: 2025-06-02T18:00:00+03:00',
  'author: سارة',
  'status: published',
  'tags: [اقتصاد]',
  'sources:',
  '  - رويترز',
  '---',
  'نص الخبر.',
]);

const past = new Date('2020-01-01T00:00:00Z');

test('--fix rewrites a CRLF + BOM article, keeping both, and reports what is left', () => {
  const dir = tempDir();
  const file = write(dir, 'a.md', BEFORE);
  const before = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  const rulesBefore = before.files[0].diagnostics.map((d) => d.rule).sort();
  assert.deepEqual(rulesBefore, ['field-type', 'field-type', 'required-field', 'unknown-field']);

  const r = muharrir(['check', '--fix', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /^muharrir: fixed 1 file$/m);
  assert.deepEqual(parseJson(r).files, [{ path: 'a.md', diagnostics: [] }], 'the report is of the fixed text');

  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  assert.equal(bytes.toString('utf8'), AFTER);
  assert.ok(!/[^\r]\n/.test(bytes.toString('utf8')), 'no bare LF introduced');
  assert.deepEqual(fs.readdirSync(dir), ['a.md'], 'no temporary file left behind');
});

test('a second --fix changes nothing, not even the modification time', () => {
  const dir = tempDir();
  const file = write(dir, 'a.md', BEFORE);
  muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
  const once = fs.readFileSync(file);
  fs.utimesSync(file, past, past);
  const r = muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
  assert.match(r.stderr, /fixed 0 files/);
  assert.ok(fs.readFileSync(file).equals(once));
  assert.equal(fs.statSync(file).mtimeMs, past.getTime());
});

test('an article with nothing safe to fix is not rewritten', () => {
  const dir = tempDir();
  // Missing sources and date: only placeholder suggestions, which --fix must not apply.
  const text = '---\ntitle: خبر\nauthor: سارة\n---\nنص\n';
  const file = write(dir, 'a.md', text);
  fs.utimesSync(file, past, past);
  const r = muharrir(['check', '--fix', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(fs.readFileSync(file, 'utf8'), text);
  assert.equal(fs.statSync(file).mtimeMs, past.getTime());
  const rules = parseJson(r).files[0].diagnostics.map((d) => d.rule);
  assert.ok(rules.includes('sources-missing') && rules.includes('date-missing'));
});

test('--fix leaves a file with invalid UTF-8 alone rather than replace its bytes', () => {
  const dir = tempDir();
  const bytes = Buffer.concat([Buffer.from('---\ntitle: خبر\nstatus: Published\n---\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  const file = write(dir, 'a.md', bytes);
  const r = muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  assert.match(r.stderr, /not fixed a\.md: .*UTF-8/);
  assert.ok(fs.readFileSync(file).equals(bytes));
});

test('--fix through a symlink rewrites the article and keeps the link', () => {
  const dir = tempDir();
  const real = write(dir, 'store/a.md', BEFORE);
  fs.mkdirSync(path.join(dir, 'site'));
  fs.symlinkSync(real, path.join(dir, 'site', 'a.md'));
  muharrir(['check', 'site/a.md', '--fix', '--now', NOW], { cwd: dir });
  assert.ok(fs.lstatSync(path.join(dir, 'site', 'a.md')).isSymbolicLink());
  assert.equal(fs.readFileSync(real, 'utf8'), AFTER);
});

test('the atomic write refuses when the file changed after it was read', () => {
  const dir = tempDir();
  const file = write(dir, 'a.md', CLEAN);
  const stale = Buffer.from(CLEAN.replace('سارة', 'سلمى'));
  const result = writeIfUnchanged(file, stale, 'fixed text');
  assert.equal(result.ok, false);
  assert.equal(fs.readFileSync(file, 'utf8'), CLEAN, "the writer's newer text is kept");
  assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  assert.deepEqual(writeIfUnchanged(file, Buffer.from(CLEAN), 'fixed text'), { ok: true });
  assert.equal(fs.readFileSync(file, 'utf8'), 'fixed text');
});
