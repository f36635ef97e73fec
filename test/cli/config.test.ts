import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARABIC_LETTER, CLEAN, NOW, muharrir, parseJson, rulesOf, tempDir, write } from './helpers';

const NO_SOURCES = '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\n---\nنص\n';
const NO_DATE = '---\ntitle: خبر\nauthor: سارة\nsources:\n  - رويترز\n---\nنص\n';

function messages(dir: string, args: string[], env?: Record<string, string>): string[] {
  const r = muharrir(['check', '--format', 'json', '--now', NOW, ...args], { cwd: dir, env });
  return parseJson(r).files.flatMap((f) => f.diagnostics.map((d) => d.message));
}

test('--lang ar gives Arabic messages and --lang en English ones', () => {
  const dir = tempDir();
  write(dir, 'a.md', NO_SOURCES);
  const ar = messages(dir, ['--lang', 'ar']);
  const en = messages(dir, ['--lang', 'en']);
  assert.equal(ar.length, 1);
  assert.match(ar[0], ARABIC_LETTER);
  assert.doesNotMatch(en[0], ARABIC_LETTER);
  assert.match(en[0], /sources/);
});

test('locale: ar in .muharrir.yaml applies without --lang, and --lang still wins', () => {
  const dir = tempDir();
  write(dir, '.muharrir.yaml', 'locale: ar\n');
  write(dir, 'a.md', NO_SOURCES);
  assert.match(messages(dir, [])[0], ARABIC_LETTER);
  assert.doesNotMatch(messages(dir, ['--lang', 'en'])[0], ARABIC_LETTER);
});

test('without --lang or a config locale, an Arabic LANG selects Arabic, LC_ALL first', () => {
  const dir = tempDir();
  write(dir, 'a.md', NO_SOURCES);
  assert.match(messages(dir, [], { LANG: 'ar_EG.UTF-8' })[0], ARABIC_LETTER);
  assert.doesNotMatch(messages(dir, [], { LANG: 'en_US.UTF-8' })[0], ARABIC_LETTER);
  assert.doesNotMatch(messages(dir, [], { LC_ALL: 'en_GB.UTF-8', LANG: 'ar_SA.UTF-8' })[0], ARABIC_LETTER);
});

test('rules: {date-missing: off} in the nearest .muharrir.yaml silences the rule for that folder only', () => {
  const dir = tempDir();
  write(dir, 'desk/.muharrir.yaml', 'rules:\n  date-missing: off\n');
  write(dir, 'desk/a.md', NO_DATE);
  write(dir, 'other/b.md', NO_DATE);
  const report = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  assert.deepEqual(rulesOf(report, 'desk/a.md'), []);
  assert.deepEqual(rulesOf(report, 'other/b.md'), ['date-missing']);
});

test('a config found in a parent folder applies to articles below it', () => {
  const dir = tempDir();
  write(dir, '.muharrir.yaml', 'rules:\n  date-missing: off\n');
  write(dir, 'news/2025/06/a.md', NO_DATE);
  const r = muharrir(['check', 'news', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(rulesOf(parseJson(r), 'news/2025/06/a.md'), []);
});

test('fields: a required section with an enum makes a missing section a required-field error', () => {
  const dir = tempDir();
  write(dir, '.muharrir.yaml', 'fields:\n  section:\n    required: true\n    enum: [سياسة, اقتصاد]\n');
  write(dir, 'a.md', CLEAN);
  write(dir, 'b.md', CLEAN.replace('author:', 'section: اقتصاد\nauthor:'));
  const r = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1);
  const report = parseJson(r);
  const missing = report.files.find((f) => f.path === 'a.md')!.diagnostics;
  assert.deepEqual(missing.map((d) => [d.rule, d.severity]), [['required-field', 'error']]);
  assert.match(missing[0].message, /section/);
  assert.deepEqual(rulesOf(report, 'b.md'), []);
});

test('--config FILE applies to every article, wherever it is', () => {
  const dir = tempDir();
  write(dir, 'shared/strict.yaml', 'rules:\n  date-missing: off\n');
  write(dir, 'a/x.md', NO_DATE);
  write(dir, 'b/.muharrir.yaml', 'locale: ar\n');
  write(dir, 'b/y.md', NO_DATE);
  const r = muharrir(['check', '--config', 'shared/strict.yaml', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(parseJson(r).files.map((f) => [f.path, f.diagnostics.length]), [['a/x.md', 0], ['b/y.md', 0]]);
});

test('a broken config is a `config` diagnostic on the config file, reported once, not a crash', () => {
  const dir = tempDir();
  write(dir, '.muharrir.yaml', 'rules:\n  date-missing: [off\nlocale: ar\n');
  write(dir, 'a.md', CLEAN);
  write(dir, 'b.md', CLEAN);
  const r = muharrir(['check', '--format', 'json', '--lang', 'en', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  const report = parseJson(r);
  assert.deepEqual(report.files.map((f) => f.path), ['.muharrir.yaml', 'a.md', 'b.md']);
  const configDiags = report.files[0].diagnostics;
  assert.ok(configDiags.length >= 1);
  for (const d of configDiags) {
    assert.equal(d.rule, 'config');
    assert.equal(d.fixable, false);
  }
  assert.equal(new Set(configDiags.map((d) => JSON.stringify(d))).size, configDiags.length, 'no duplicates');
  assert.equal(report.summary.files, 2, 'the config file is not counted as a checked article');
  assert.equal(report.summary.errors, configDiags.filter((d) => d.severity === 'error').length);
});

test('problems in an explicit --config are reported under the path as given', () => {
  const dir = tempDir();
  write(dir, 'conf/team.yaml', 'rules:\n  no-such-rule: off\n');
  write(dir, 'a.md', CLEAN);
  const r = muharrir(['check', 'a.md', '--config', 'conf/team.yaml', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  const report = parseJson(r);
  assert.equal(report.files[0].path, 'conf/team.yaml');
  assert.equal(report.files[0].diagnostics[0].rule, 'config');
  assert.match(report.files[0].diagnostics[0].message, /no-such-rule/);
});
