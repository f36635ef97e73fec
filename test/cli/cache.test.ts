/**
 * `--cache`: a second run reuses the reports of unchanged files and lints the rest; the output is
 * the same as without the cache; a changed file, config, language or clock window means a fresh
 * lint; a broken cache file is ignored; `--fix` never uses it. Reuse is proven by planting a
 * marker in a cached report: it shows up only when the entry was trusted.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOW, muharrir, tempDir, write } from './helpers';

const article = (title: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2025-06-01T10:00:00+03:00\nauthor: سارة أحمد\nstatus: draft\nsources:\n  - وكالة الأنباء السعودية\n${extra}---\n\nقال المتحدث إن  الإجتماع مستمر، وأضاف أن النتائج تظهر قريبا.\n`;

function workspace(): string {
  const dir = tempDir();
  write(dir, 'articles/a.md', article('خبر أول'));
  write(dir, 'articles/b.md', article('خبر ثان'));
  write(dir, 'articles/c.md', article('خبر ثالث'));
  return dir;
}

const check = (dir: string, ...more: string[]) => muharrir(['check', 'articles', '--format', 'json', '--now', NOW, ...more], { cwd: dir });

/** Rewrites every cached diagnostic's message to MARK, keeping hashes and keys: a reused entry now shows itself. */
function plant(cacheFile: string, mark: string): void {
  const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  for (const e of Object.values(data.entries) as { diagnostics: { message: string }[] }[]) for (const d of e.diagnostics) d.message = mark;
  fs.writeFileSync(cacheFile, JSON.stringify(data));
}

const messages = (stdout: string) => (JSON.parse(stdout).files as { path: string; diagnostics: { message: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => `${f.path}:${d.message}`));

describe('--cache', () => {
  test('a second run gives the same report, from the cache, and only changed files are linted again', () => {
    const dir = workspace();
    const plain = check(dir);
    const first = check(dir, '--cache');
    assert.equal(first.stdout, plain.stdout);
    assert.equal(first.code, plain.code);
    const cacheFile = path.join(dir, '.muharrircache');
    assert.ok(fs.existsSync(cacheFile), 'the cache file was written');
    assert.equal(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries).length, 3);

    const second = check(dir, '--cache');
    assert.equal(second.stdout, plain.stdout, 'a reused report is the report');

    plant(cacheFile, 'FROM-CACHE');
    write(dir, 'articles/b.md', article('خبر ثان معدل'));
    const third = check(dir, '--cache');
    const shown = messages(third.stdout);
    assert.ok(shown.some((m) => m.startsWith('articles/a.md:FROM-CACHE')), 'unchanged a.md came from the cache');
    assert.ok(!shown.some((m) => m.startsWith('articles/b.md:FROM-CACHE')), 'edited b.md was linted again');
    assert.ok(shown.some((m) => m.startsWith('articles/b.md:') && !m.includes('FROM-CACHE')));
  });

  test('another config, language or output shape is a miss', () => {
    const dir = workspace();
    check(dir, '--cache');
    const cacheFile = path.join(dir, '.muharrircache');
    plant(cacheFile, 'FROM-CACHE');
    assert.ok(!check(dir, '--cache', '--lang', 'ar').stdout.includes('FROM-CACHE'), 'another language');
    plant(cacheFile, 'FROM-CACHE');
    write(dir, '.muharrir.yaml', 'rules:\n  arabic-punctuation: off\n');
    assert.ok(!check(dir, '--cache', '--lang', 'ar').stdout.includes('FROM-CACHE'), 'another config');
    plant(cacheFile, 'FROM-CACHE');
    assert.ok(!muharrir(['check', 'articles', '--format', 'sarif', '--now', NOW, '--cache'], { cwd: dir }).stdout.includes('FROM-CACHE'), 'SARIF spells out fixes');
  });

  test('a published article dated ahead is checked again once its date has come', () => {
    const dir = tempDir();
    write(dir, 'articles/ahead.md', article('خبر', '').replace('date: 2025-06-01T10:00:00+03:00', 'date: 2025-06-12T10:00:00+03:00').replace('status: draft', 'status: published'));
    const before = check(dir, '--cache');
    assert.match(before.stdout, /date-future/);
    const later = muharrir(['check', 'articles', '--format', 'json', '--now', '2025-06-13T00:00:00Z', '--cache'], { cwd: dir });
    assert.doesNotMatch(later.stdout, /date-future/);
    // And back before the date, the entry written at the later clock does not apply either.
    assert.match(check(dir, '--cache').stdout, /date-future/);
  });

  test('a broken cache file is ignored with a warning and rewritten; --fix neither reads nor writes it', () => {
    const dir = workspace();
    const cacheFile = path.join(dir, 'ci', 'muharrir.cache');
    fs.mkdirSync(path.dirname(cacheFile));
    fs.writeFileSync(cacheFile, '{ not json');
    const plain = check(dir);
    const r = check(dir, '--cache-location', 'ci/muharrir.cache');
    assert.equal(r.stdout, plain.stdout);
    assert.match(r.stderr, /ignoring the cache file .*muharrir\.cache: it is not valid JSON/);
    assert.equal(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).version, 1);

    const other = tempDir();
    write(other, 'articles/a.md', article('خبر أول'));
    muharrir(['check', 'articles', '--fix', '--cache', '--now', NOW], { cwd: other });
    assert.ok(!fs.existsSync(path.join(other, '.muharrircache')));
  });
});
