/**
 * Per-rule fixtures: test/fixtures/rules/<rule-id>/{fires,quiet}-*.md, each with the full list of
 * diagnostics the engine must produce for it (every rule, not only the folder's) in a `.json` beside it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixAll, lint, RULE_IDS } from '../../server/src/engine';
import { FIXTURES, listFiles, lintFixture, loadFixture, type Fixture } from './helpers';

const RULES_DIR = join(FIXTURES, 'rules');

function fixturesOf(rule: string): Fixture[] {
  return listFiles(join(RULES_DIR, rule), '.md').map(loadFixture);
}

describe('fixture layout', () => {
  test('there is a fixture folder for every rule, and no folder for a rule that does not exist', () => {
    const folders = readdirSync(RULES_DIR)
      .filter((n) => statSync(join(RULES_DIR, n)).isDirectory())
      .sort();
    assert.deepEqual(folders, [...RULE_IDS].sort());
  });

  test('every fixture has its expectations, and every expectation or config has its fixture', () => {
    for (const rule of RULE_IDS) {
      const dir = join(RULES_DIR, rule);
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (name.endsWith('.md')) {
          assert.ok(/^(fires|quiet)-[a-z0-9-]+\.md$/.test(name), `${rule}/${name}: fixtures are named fires-*.md or quiet-*.md`);
          assert.ok(existsSync(p.replace(/\.md$/, '.json')), `${rule}/${name} has no .json beside it`);
        } else if (name.endsWith('.config.yaml')) {
          assert.ok(existsSync(p.replace(/\.config\.yaml$/, '.md')), `${rule}/${name} belongs to no fixture`);
        } else if (name.endsWith('.json')) {
          assert.ok(existsSync(p.replace(/\.json$/, '.md')), `${rule}/${name} belongs to no fixture`);
        } else {
          assert.fail(`${rule}/${name}: unexpected file in a fixture folder`);
        }
      }
    }
  });
});

for (const rule of RULE_IDS) {
  describe(rule, () => {
    const fixtures = fixturesOf(rule);
    const fires = fixtures.filter((f) => basename(f.path).startsWith('fires-'));
    const quiet = fixtures.filter((f) => basename(f.path).startsWith('quiet-'));

    test('has at least two fixtures that fire and two that stay quiet', () => {
      assert.ok(fires.length >= 2, `${rule}: ${fires.length} fires-* fixtures`);
      assert.ok(quiet.length >= 2, `${rule}: ${quiet.length} quiet-* fixtures`);
    });

    for (const f of fixtures) {
      test(basename(f.path), () => {
        assert.deepEqual(f.configProblems, [], 'the fixture config loads without problems');
        const actual = lintFixture(f);
        assert.deepEqual(actual, f.expected, `${f.name}: diagnostics differ from ${basename(f.path, '.md')}.json`);
        const rules = actual.map((d) => d.rule);
        if (fires.includes(f)) assert.ok(rules.includes(rule), `${f.name} must trigger ${rule}`);
        else assert.ok(!rules.includes(rule), `${f.name} must not trigger ${rule}`);
      });
    }

    const fixable = fixtures.filter((f) => lint(f.text, f.options).diagnostics.some((d) => d.fix));
    for (const f of fixable) {
      test(`${basename(f.path)}: fixes stay inside the document, fix-all is idempotent`, () => {
        const { diagnostics } = lint(f.text, f.options);
        for (const d of diagnostics) {
          for (const e of d.fix?.edits ?? []) {
            assert.ok(0 <= e.start && e.start <= e.end && e.end <= f.text.length, `${d.rule}: edit ${e.start}-${e.end} outside 0-${f.text.length}`);
          }
        }
        const once = fixAll(f.text, f.options).text;
        const twice = fixAll(once, f.options).text;
        assert.equal(twice, once, 'a second fix-all changes nothing');
        const left = lint(once, f.options).diagnostics.filter((d) => d.fix?.safe);
        assert.deepEqual(left.map((d) => d.rule), [], 'no safe fix is left after fix-all');
        if (diagnostics.some((d) => d.fix?.safe)) assert.notEqual(once, f.text, 'safe fixes change the text');
      });
    }
  });
}
