import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/engine';
import { CLEAN, NOW, muharrir, parseJson, tempDir, write } from './helpers';

// The SARIF 2.1.0 schema as published on SchemaStore (the URL our logs name in `$schema`).
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): void {
  assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
}

const FLAWED = '---\ntitle: خبر\ndate: 2025-02-30T10:00:00+02:00\nauthor: سارة\nstatus: Published\n---\nنص\n';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  fixes?: unknown[];
}

test('--format sarif validates against the SARIF 2.1.0 schema and carries rules, results and 1-based regions', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  write(dir, 'news/خبر عاجل.md', FLAWED);
  write(dir, '.muharrir.yaml', 'rules:\n  no-such-rule: off\n');
  const r = muharrir(['check', '--format', 'sarif', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);

  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir).href + '/');
  const driver = run.tool.driver;
  assert.equal(driver.name, 'muharrir');
  for (const rule of RULES) {
    const d = driver.rules.find((x: { id: string }) => x.id === rule.id);
    assert.ok(d, `${rule.id} is described`);
    assert.equal(d.shortDescription.text, rule.description.en);
    assert.match(d.helpUri, new RegExp(`${rule.id}\\.md$`));
    assert.ok(['error', 'warning', 'note'].includes(d.defaultConfiguration.level));
  }

  const results: SarifResult[] = run.results;
  for (const res of results) {
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
    const region = res.locations[0].physicalLocation.region;
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= 1 && region.endColumn >= 1);
  }
  const invalid = results.find((x) => x.ruleId === 'date-invalid')!;
  assert.equal(invalid.level, 'error');
  assert.deepEqual(invalid.locations[0].physicalLocation.artifactLocation, {
    uri: 'news/' + encodeURIComponent('خبر عاجل.md'),
    uriBaseId: '%SRCROOT%',
  });
  // `date: 2025-02-30T10:00:00+02:00` is line 3; the value starts at column 7 and ends before column 32.
  assert.deepEqual(invalid.locations[0].physicalLocation.region, { startLine: 3, startColumn: 7, endLine: 3, endColumn: 32 });
  const status = results.find((x) => x.ruleId === 'field-type')!;
  assert.ok(status.fixes && status.fixes.length === 1, 'a safe fix travels with its result');
  const config = results.find((x) => x.ruleId === 'config')!;
  assert.equal(config.locations[0].physicalLocation.artifactLocation.uri, '.muharrir.yaml');
});

test('SARIF for a clean archive is valid with an empty result list', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  const r = muharrir(['check', '--format', 'sarif', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0);
  const log = JSON.parse(r.stdout);
  assertValidSarif(log);
  assert.deepEqual(log.runs[0].results, []);
});

test('--format github prints one workflow command per diagnostic with escaped properties and data', () => {
  const dir = tempDir();
  write(dir, 'news/a,b.md', FLAWED);
  const json = parseJson(muharrir(['check', '--format', 'json', '--now', NOW], { cwd: dir }));
  const r = muharrir(['check', '--format', 'github', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  const diags = json.files.flatMap((f) => f.diagnostics);
  assert.equal(lines.length, diags.length);
  const syntax = /^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=muharrir\(([a-z-]+)\)::(.+)$/;
  lines.forEach((line, i) => {
    const m = syntax.exec(line);
    assert.ok(m, `not a workflow command: ${line}`);
    const d = diags[i];
    assert.equal(m[1], d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice');
    assert.equal(m[2], 'news/a%2Cb.md', 'a comma in a property is escaped');
    assert.equal(Number(m[3]), d.range.start.line + 1);
    assert.equal(Number(m[4]), d.range.start.character + 1);
    assert.equal(Number(m[5]), d.range.end.line + 1);
    assert.equal(m[7], d.rule);
    assert.equal(m[8], d.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  });
  assert.ok(lines.some((l) => l.startsWith('::error file=news/a%2Cb.md,line=3,col=7,') && l.includes('title=muharrir(date-invalid)')));
});

test('stylish lists each file and its problems with 1-based positions, then a total', () => {
  const dir = tempDir();
  write(dir, 'a.md', FLAWED);
  write(dir, 'clean.md', CLEAN);
  const r = muharrir(['check', '--now', NOW, '--lang', 'en'], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'a.md');
  assert.ok(!r.stdout.includes('clean.md'), 'files without problems are not listed');
  assert.ok(lines.some((l) => /^ {2}3:7 +error +`date` does not exist.* {2}date-invalid$/.test(l)), r.stdout);
  assert.match(r.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings?\)$/m);
  assert.match(r.stdout, /potentially fixable with the `--fix` option/);
  assert.ok(!r.stdout.includes('\u001b['), 'no colour codes when stdout is not a terminal');
});

test('stylish prints nothing when there is nothing to report', () => {
  const dir = tempDir();
  write(dir, 'clean.md', CLEAN);
  const r = muharrir(['check', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
});
