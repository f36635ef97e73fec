/**
 * The rule docs are generated from the rules' metadata (scripts/gen-docs.ts) and must match what
 * is committed; every example must do what it says.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, RULES } from '../../server/src/engine';
import {
  MARKER_END,
  MARKER_START,
  README,
  RULES_DOCS_DIR,
  renderAll,
  renderReadmeTable,
  renderRulePage,
  updateReadme,
} from '../../scripts/gen-docs';
import { BASE_OPTIONS, ROOT } from '../engine/helpers';

const generated = renderAll();

function onDisk(rel: string): string | undefined {
  const p = join(ROOT, rel);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

describe('rule docs', () => {
  test('every rule has a page, plus the index, and nothing else is generated', () => {
    assert.deepEqual(
      [...generated.keys()].sort(),
      [...RULES.map((r) => `${RULES_DOCS_DIR}/${r.id}.md`), `${RULES_DOCS_DIR}/README.md`].sort(),
    );
  });

  test('docs/rules holds exactly the generated pages', () => {
    const files = readdirSync(join(ROOT, RULES_DOCS_DIR)).map((n) => `${RULES_DOCS_DIR}/${n}`).sort();
    assert.deepEqual(files, [...generated.keys()].sort());
  });

  for (const [rel, content] of generated) {
    test(`${rel} is up to date with the rule metadata (run npm run docs)`, () => {
      assert.equal(onDisk(rel), content);
    });
  }

  test('the generator is deterministic', () => {
    assert.deepEqual(renderAll(), generated);
  });

  test('the README rules table matches, when the README has the markers', () => {
    const readme = onDisk(README);
    if (readme === undefined || !readme.includes(MARKER_START)) return;
    assert.equal(updateReadme(readme), readme, 'README table is stale: run npm run docs');
    const between = readme.slice(readme.indexOf(MARKER_START) + MARKER_START.length, readme.indexOf(MARKER_END));
    assert.equal(between.trim(), renderReadmeTable());
  });

  test('updateReadme leaves a README without markers alone and replaces only between them', () => {
    assert.equal(updateReadme('# Muharrir\n\nNo table here.\n'), undefined);
    const before = `# Muharrir\n\nintro\n\n${MARKER_START}\nold table\n${MARKER_END}\n\n## After\n`;
    const after = updateReadme(before)!;
    assert.ok(after.startsWith('# Muharrir\n\nintro\n\n' + MARKER_START + '\n'));
    assert.ok(after.endsWith(`${MARKER_END}\n\n## After\n`));
    assert.ok(!after.includes('old table'));
    assert.equal(updateReadme(after), after, 'idempotent');
    const crlf = updateReadme(before.replace(/\n/g, '\r\n'))!;
    assert.ok(!/[^\r]\n/.test(crlf), 'a CRLF README stays CRLF');
  });
});

describe('rule pages', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const page = renderRulePage(rule);

      test('has the title, both languages, severity, fixability, category and tags', () => {
        assert.ok(page.includes(`\n# ${rule.id}\n`));
        assert.ok(page.includes('## English'));
        assert.ok(page.includes('<div dir="rtl" lang="ar">'));
        assert.ok(page.indexOf('## English') < page.indexOf('## العربية'), 'English first, then Arabic');
        assert.ok(page.includes(rule.description.en) && page.includes(rule.description.ar));
        assert.ok(page.includes(rule.docs.why.en) && page.includes(rule.docs.why.ar));
        assert.ok(page.includes(`\`${rule.defaultSeverity}\``));
        assert.ok(page.includes(rule.category));
        for (const tag of rule.tags) assert.ok(page.includes(`\`${tag}\``), tag);
        assert.ok(page.includes('```markdown\n' + rule.docs.bad + '\n```'), 'bad example');
        assert.ok(page.includes('```markdown\n' + rule.docs.good + '\n```'), 'good example');
        assert.ok(page.includes(`  ${rule.id}: off`), 'how to turn it off');
        assert.ok(page.includes(`muharrir-disable`), 'how to disable it inline');
      });

      test('its bad example triggers it, its good example does not', () => {
        const bad = lint(rule.docs.bad, BASE_OPTIONS).diagnostics.map((d) => d.rule);
        assert.ok(bad.includes(rule.id), `bad example gives ${JSON.stringify(bad)}`);
        const good = lint(rule.docs.good, BASE_OPTIONS).diagnostics.map((d) => d.rule);
        assert.ok(!good.includes(rule.id), `good example gives ${JSON.stringify(good)}`);
      });

      test('its inline directive really silences it in the bad example', () => {
        const directive = page.match(/```(?:yaml|markdown)\n((?:# |<!-- )muharrir-disable[^\n]*)\n```/)?.[1];
        assert.ok(directive, 'the page shows a directive');
        // The page's whole-article form: `# muharrir-disable RULE` in the frontmatter, or the comment on line 1.
        const whole = directive.replace('-next-line', '');
        const text = rule.docs.bad.startsWith('---\n')
          ? rule.docs.bad.replace('---\n', `---\n${whole}\n`)
          : `${whole}\n${rule.docs.bad}`;
        const left = lint(text, BASE_OPTIONS).diagnostics.map((d) => d.rule);
        assert.ok(!left.includes(rule.id), `${JSON.stringify(whole)} leaves ${JSON.stringify(left)}`);
      });
    });
  }
});
