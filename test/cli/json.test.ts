import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN, NOW, muharrir, parseJson, tempDir, write } from './helpers';

test('--format json on a folder of flawed articles follows the DESIGN §4 contract', () => {
  const dir = tempDir();
  write(dir, 'no-sources.md', '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\n---\nنص الخبر.\n');
  write(dir, 'no-date.md', '---\ntitle: خبر\nauthor: سارة\nsources:\n  - رويترز\n---\nنص الخبر.\n');
  write(dir, 'impossible-date.md', '---\ntitle: خبر\nauthor: سارة\ndate: 2025-02-30T10:00:00+02:00\nsources:\n  - رويترز\n---\nنص الخبر.\n');
  // Line 3 (0-based) opens a flow list that never closes.
  write(dir, 'broken-yaml.md', '---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\ntags: [اقتصاد, سياسة\nauthor: سارة\nsources: [رويترز]\n---\nنص\n');

  const r = muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const report = parseJson(r);

  assert.deepEqual(Object.keys(report).sort(), ['files', 'summary', 'version']);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.summary).sort(), ['errors', 'files', 'warnings']);
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['broken-yaml.md', 'impossible-date.md', 'no-date.md', 'no-sources.md'],
    'every checked file is listed, in sorted order, by the path under the folder given',
  );
  for (const f of report.files) {
    assert.deepEqual(Object.keys(f).sort(), ['diagnostics', 'path']);
    for (const d of f.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['fixable', 'message', 'range', 'rule', 'severity']);
      assert.deepEqual(Object.keys(d.range).sort(), ['end', 'start']);
      assert.deepEqual(Object.keys(d.range.start).sort(), ['character', 'line']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      assert.equal(typeof d.fixable, 'boolean');
      assert.ok(d.message.length > 0);
    }
  }

  const byPath = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics]));
  const only = (file: string, rule: string) => {
    const found = byPath[file].filter((d) => d.rule === rule);
    assert.equal(found.length, 1, `${file}: expected one ${rule}, got ${JSON.stringify(byPath[file])}`);
    return found[0];
  };
  assert.equal(only('no-sources.md', 'sources-missing').severity, 'error');
  assert.equal(only('no-date.md', 'date-missing').severity, 'error');
  const invalid = only('impossible-date.md', 'date-invalid');
  assert.equal(invalid.range.start.line, 3, 'date-invalid points at the `date:` line (0-based)');
  assert.equal(invalid.range.start.character, 'date: '.length);
  const syntax = only('broken-yaml.md', 'frontmatter-syntax');
  assert.equal(syntax.range.start.line, 3, 'the YAML error is on the unclosed `[` line');
  assert.equal(syntax.severity, 'error');

  const all = report.files.flatMap((f) => f.diagnostics);
  assert.deepEqual(report.summary, {
    files: 4,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  });
  assert.ok(report.summary.errors >= 4);
});

test('a clean article alone: exit 0 and an entry with no diagnostics', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  const r = muharrir(['check', 'clean.md', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(parseJson(r), {
    version: 1,
    files: [{ path: 'clean.md', diagnostics: [] }],
    summary: { files: 1, errors: 0, warnings: 0 },
  });
});

test('fixable is true exactly for diagnostics that --fix repairs', () => {
  const dir = tempDir();
  // `status: Published` has a safe fix (lower-case it); a missing date only has a placeholder suggestion.
  write(dir, 'a.md', '---\ntitle: خبر\nauthor: سارة\nstatus: Published\nsources:\n  - رويترز\n---\nنص\n');
  const report = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  const diags = report.files[0].diagnostics;
  const status = diags.find((d) => d.rule === 'field-type');
  const date = diags.find((d) => d.rule === 'date-missing');
  assert.equal(status?.fixable, true);
  assert.equal(date?.fixable, false);

  muharrir(['check', '--fix', '--now', NOW], { cwd: dir });
  const after = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  const rules = after.files[0].diagnostics.map((d) => d.rule);
  assert.ok(!rules.includes('field-type'), 'the fixable one is gone');
  assert.ok(rules.includes('date-missing'), 'the one that was not fixable remains');
});

test('paths under a folder given on the command line are joined with the folder as given', () => {
  const dir = tempDir();
  write(dir, 'news/2025/a.md', CLEAN);
  write(dir, 'news/b.md', CLEAN);
  const r = muharrir(['check', 'news/', '--format', 'json', '--now', NOW], { cwd: dir });
  assert.deepEqual(
    parseJson(r).files.map((f) => f.path),
    ['news/2025/a.md', 'news/b.md'],
  );
});

test('a file with a BOM is reported at the columns the editor shows (the BOM is not a character)', () => {
  const dir = tempDir();
  write(dir, 'bom.md', '\ufeff---\ntitle: خبر\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة\n---\nنص الخبر.\n');
  const r = muharrir(['check', '--format', 'json', '--now', NOW, 'bom.md'], { cwd: dir });
  const [file] = parseJson(r).files;
  assert.deepEqual(
    file.diagnostics.map((d) => [d.rule, d.range.start, d.range.end]),
    [['sources-missing', { line: 0, character: 0 }, { line: 0, character: 3 }]],
  );
});
