// A large archive is checked on worker threads; the writer and CI must not be able to tell:
// the same report in the same order, the same warnings, the same exit code, the same fixes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { NOW, muharrir, tempDir, write } from './helpers';

const CLEAN = (n: number) =>
  ['---', `title: خبر رقم ${n}`, 'date: 2025-06-02T10:00:00+03:00', 'author: سارة أحمد', 'sources:', '  - وكالة الأنباء السعودية', '---', '', 'افتتح وزير الثقافة معرض الكتاب.', ''].join('\n');
const FLAWED = (n: number) =>
  ['---', `title: خبر رقم ${n}`, 'date: 2025-06-02T10:00:00+03:00', '---', '', 'قال الوزير إن المعرض مهم, وإن الإجتماع  ناجح.', ''].join('\n');

/** 260 articles (over the threshold for workers), some flawed, one unreadable as text. */
function archive(): string {
  const dir = tempDir();
  for (let i = 0; i < 260; i++) write(dir, `news/a-${String(i).padStart(3, '0')}.md`, i % 7 === 0 ? FLAWED(i) : CLEAN(i));
  write(dir, 'news/binary.md', Buffer.from([0, 1, 2, 0, 255, 0]));
  return dir;
}

test('workers and a single thread give the same report, warnings and exit code', () => {
  const dir = archive();
  const one = muharrir(['check', 'news', '--format', 'json', '--now', NOW], { cwd: dir, env: { MUHARRIR_WORKERS: '0' } });
  const many = muharrir(['check', 'news', '--format', 'json', '--now', NOW], { cwd: dir, env: { MUHARRIR_WORKERS: '2' } });
  assert.equal(one.code, 1);
  assert.equal(many.code, one.code);
  assert.equal(many.stdout, one.stdout);
  assert.equal(many.stderr, one.stderr);
  const report = JSON.parse(many.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[]; summary: { files: number } };
  assert.equal(report.summary.files, 260);
  const paths = report.files.map((f) => f.path);
  assert.deepEqual(paths, [...paths].sort());
  assert.ok(report.files[0]!.diagnostics.some((d) => d.rule === 'sources-missing'));
  assert.match(many.stderr, /skipped news\/binary\.md: binary file/);
});

test('--fix on worker threads rewrites every flawed file once', () => {
  const dir = archive();
  const r = muharrir(['check', 'news', '--fix', '--format', 'json', '--now', NOW], { cwd: dir, env: { MUHARRIR_WORKERS: '2' } });
  assert.match(r.stderr, /fixed 38 files/);
  const text = fs.readFileSync(path.join(dir, 'news/a-007.md'), 'utf8');
  assert.doesNotMatch(text, /,|الإجتماع|  /);
  assert.equal(fs.readFileSync(path.join(dir, 'news/a-001.md'), 'utf8'), CLEAN(1));
});
