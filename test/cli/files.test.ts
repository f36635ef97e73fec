import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CLEAN, NOW, muharrir, parseJson, rulesOf, tempDir, write } from './helpers';

function checkedPaths(dir: string, args: string[]): string[] {
  const r = muharrir(['check', '--format', 'json', '--now', NOW, ...args], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  return parseJson(r).files.map((f) => f.path);
}

test('walking a folder finds *.md and skips node_modules, .git, dot-folders and other files', () => {
  const dir = tempDir();
  write(dir, 'news/a.md', CLEAN);
  write(dir, 'news/deep/er/b.md', CLEAN);
  write(dir, 'news/notes.txt', 'not an article');
  write(dir, 'news/image.md.bak', CLEAN);
  write(dir, 'node_modules/pkg/README.md', '# readme');
  write(dir, 'news/node_modules/x.md', '# readme');
  write(dir, '.git/COMMIT_EDITMSG.md', 'x');
  write(dir, '.drafts/c.md', 'x');
  write(dir, 'top.md', CLEAN);
  assert.deepEqual(checkedPaths(dir, []), ['news/a.md', 'news/deep/er/b.md', 'top.md']);
  assert.deepEqual(checkedPaths(dir, ['.']), ['news/a.md', 'news/deep/er/b.md', 'top.md']);
  assert.deepEqual(checkedPaths(dir, ['news']), ['news/a.md', 'news/deep/er/b.md']);
});

test('a glob expands from its static prefix with the engine glob syntax', () => {
  const dir = tempDir();
  write(dir, 'dir/a.md', CLEAN);
  write(dir, 'dir/sub/b.md', CLEAN);
  write(dir, 'dir/sub/c.txt', CLEAN);
  write(dir, 'dir/node_modules/d.md', CLEAN);
  write(dir, 'other/e.md', CLEAN);
  assert.deepEqual(checkedPaths(dir, ['dir/**/*.md']), ['dir/a.md', 'dir/sub/b.md']);
  assert.deepEqual(checkedPaths(dir, ['dir/*.md']), ['dir/a.md']);
  assert.deepEqual(checkedPaths(dir, ['{dir,other}/*.md']), ['dir/a.md', 'other/e.md']);
  assert.deepEqual(checkedPaths(dir, ['**/?.md']), ['dir/a.md', 'dir/sub/b.md', 'other/e.md']);
});

test('files given twice (directly and through a folder) are checked once, in sorted order', () => {
  const dir = tempDir();
  write(dir, 'b.md', CLEAN);
  write(dir, 'a.md', CLEAN);
  assert.deepEqual(checkedPaths(dir, ['b.md', '.', 'a.md']), ['a.md', 'b.md']);
});

test('a file named on the command line is checked whatever its extension', () => {
  const dir = tempDir();
  write(dir, 'story.markdown', '---\ntitle: خبر\n---\nنص\n');
  const r = muharrir(['check', 'story.markdown', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.ok(rulesOf(parseJson(r), 'story.markdown').includes('sources-missing'));
});

test('a binary file is skipped with a note on stderr, and does not stop the others', () => {
  const dir = tempDir();
  write(dir, 'photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
  write(dir, 'clean.md', CLEAN);
  const r = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^muharrir: skipped photo\.md: binary file$/m);
  const report = parseJson(r);
  assert.deepEqual(report.files.map((f) => f.path), ['clean.md']);
  assert.equal(report.summary.files, 1);
});

test('an empty file is an article without frontmatter, not a crash', () => {
  const dir = tempDir();
  write(dir, 'empty.md', '');
  const r = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(rulesOf(parseJson(r), 'empty.md'), ['frontmatter-missing']);
});

test('hostile inputs (unclosed frontmatter, ---js, YAML aliases, a huge line) are reported, never crash', () => {
  const dir = tempDir();
  write(dir, 'unclosed.md', '---\ntitle: خبر\nauthor: سارة\n');
  write(dir, 'js.md', '---js\n{ title: require("child_process").execSync("touch pwned") }\n---\nنص\n');
  write(dir, 'bomb.md', '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nنص\n');
  write(dir, 'long.md', '---\ntitle: ' + 'خ'.repeat(2_000_000) + '\n---\n' + 'نص '.repeat(500_000) + '\n');
  const r = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  const report = parseJson(r);
  assert.equal(report.summary.files, 4);
  for (const f of report.files) assert.ok(f.diagnostics.length > 0, `${f.path} has a diagnostic`);
  assert.deepEqual(
    fs.readdirSync(dir).sort(),
    ['bomb.md', 'js.md', 'long.md', 'unclosed.md'],
    'nothing in the frontmatter was executed',
  );
});
