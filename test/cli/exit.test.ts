import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, NOW, muharrir, parseJson, tempDir, write } from './helpers';

// `editorNote` is not a profile field: unknown-field, a warning and nothing else.
const WARNINGS_ONLY = CLEAN.replace('author:', 'editorNote: راجعه المحرر\nauthor:');

test('exit 0 with no problems, 1 with errors', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  assert.equal(muharrir(['check', '--now', NOW], { cwd: dir }).code, 0);
  write(dir, 'bad.md', CLEAN.replace(/sources:[\s\S]*?---/, '---'));
  const r = muharrir(['check', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /sources-missing/);
});

test('warnings alone exit 0, unless --max-warnings is exceeded', () => {
  const dir = tempDir();
  write(dir, 'a.md', WARNINGS_ONLY);
  const plain = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(plain.code, 0, plain.stdout);
  const summary = parseJson(plain).summary;
  assert.equal(summary.errors, 0);
  assert.equal(summary.warnings, 1);

  const strict = muharrir(['check', '--max-warnings', '0', '--now', NOW], { cwd: dir });
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /^muharrir: too many warnings/m);
  assert.equal(muharrir(['check', '--max-warnings=1', '--now', NOW], { cwd: dir }).code, 0, 'at the limit is fine');
  assert.equal(muharrir(['check', '--max-warnings', '-1', '--now', NOW], { cwd: dir }).code, 0, '-1 means no limit');
});

test('usage errors exit 2 with one line on stderr prefixed muharrir:', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  const cases: [string[], RegExp][] = [
    [['check', '--frobnicate'], /unknown option --frobnicate/],
    [['check', 'missing.md'], /no such file or folder: missing\.md/],
    [['check', '--now', 'yesterday'], /--now needs an ISO 8601 date-time/],
    [['check', '--now', '2025-02-30T00:00:00Z'], /--now/],
    [['check', '--format', 'xml'], /unknown format "xml"/],
    [['check', '--lang', 'fr'], /unknown language "fr"/],
    [['check', '--max-warnings', 'many'], /--max-warnings/],
    [['check', '--config', 'nope.yaml'], /cannot read config file nope\.yaml/],
    [['check', 'no/such/**/*.md'], /no files match/],
    [['lint'], /unknown command "lint"/],
    [[], /missing command/],
  ];
  for (const [args, message] of cases) {
    const r = muharrir(args, { cwd: dir });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', `${args.join(' ')} prints no report`);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0], /^muharrir: /);
    assert.match(lines[0], message);
  }
});

test('--help and --version print to stdout and exit 0', () => {
  const dir = tempDir();
  const help = muharrir(['--help'], { cwd: dir });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /muharrir check \[paths\|globs…\]/);
  for (const flag of ['--format', '--config', '--lang', '--fix', '--max-warnings', '--now']) assert.ok(help.stdout.includes(flag), flag);
  assert.equal(muharrir(['check', '-h'], { cwd: dir }).stdout, help.stdout);

  const version = muharrir(['--version'], { cwd: dir });
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), (require('../../package.json') as { version: string }).version);
});
