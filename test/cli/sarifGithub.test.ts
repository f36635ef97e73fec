// What GitHub code scanning reads from a SARIF upload (docs.github.com, "SARIF support for code
// scanning"): per rule an id, short and full descriptions and help; per result a ruleId, a
// message, and a first location with a repository-relative path and a 1-based start line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/engine';
import { CLEAN, NOW, muharrir, tempDir, write } from './helpers';

interface Descriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
}

test('SARIF has what GitHub code scanning needs from every rule and result', () => {
  const dir = tempDir();
  write(dir, 'news/clean.md', CLEAN);
  write(dir, 'news/flawed.md', '---\ntitle: خبر\ndate: 2025-02-30T10:00:00+02:00\nauthor: سارة\n---\nقال مسؤول,إن الاجتماع  انتهى.\n');
  write(dir, '.muharrir.yaml', 'rules:\n  no-such-rule: off\n');
  const r = muharrir(['check', '--format', 'sarif', '--now', NOW], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const run = JSON.parse(r.stdout).runs[0];
  const rules: Descriptor[] = run.tool.driver.rules;

  for (const d of rules) {
    assert.ok(d.id && d.shortDescription.text && d.fullDescription.text, `${d.id}: id and descriptions`);
    assert.ok(d.help && d.help.text.length > 20, `${d.id}: help text, shown beside the alert`);
    assert.ok(d.help.markdown, `${d.id}: help markdown`);
  }
  for (const rule of RULES) {
    const d = rules.find((x) => x.id === rule.id)!;
    assert.match(d.helpUri!, new RegExp(`/docs/rules/${rule.id}\\.md$`));
    assert.ok(d.help!.markdown!.includes(rule.docs.bad), `${rule.id}: the flagged example is in the help`);
    assert.ok(d.help!.markdown!.includes(d.helpUri!), `${rule.id}: the help links its page`);
  }

  assert.ok(run.results.length >= 3);
  for (const res of run.results) {
    assert.ok(rules.some((d) => d.id === res.ruleId), `${res.ruleId} is described`);
    assert.ok(res.message.text.trim().length > 0);
    const loc = res.locations[0].physicalLocation;
    // Relative to the repository root (the folder the CLI ran in), as alerts are matched by path.
    assert.ok(!/^[a-z]+:/.test(loc.artifactLocation.uri), `${loc.artifactLocation.uri} is relative`);
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(loc.region.startLine >= 1);
    // No made-up fingerprints: github/codeql-action/upload-sarif computes primaryLocationLineHash
    // from the checked-out files when it is missing, and would keep one of ours instead.
    assert.equal(res.partialFingerprints, undefined);
  }
});
