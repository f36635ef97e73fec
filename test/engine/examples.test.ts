/** The sample articles the README's main command runs on, under the sample newsroom config. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint, type LintOptions } from '../../server/src/engine';
import { ROOT, configFromText, summarize } from './helpers';

const EXAMPLES = join(ROOT, 'examples');
const { config, problems } = configFromText(readFileSync(join(EXAMPLES, '.muharrir.yaml'), 'utf8'));
// `npx muharrir check examples/ --now 2025-06-10T00:00:00Z`, on a machine anywhere.
const OPTIONS: LintOptions = { config, now: new Date('2025-06-10T00:00:00Z'), machineTimeZone: 'America/Los_Angeles', locale: 'en' };

function check(name: string) {
  const text = readFileSync(join(EXAMPLES, 'articles', '2025', '06', name), 'utf8');
  return { text, found: summarize(text, lint(text, OPTIONS).diagnostics) };
}

test('the sample config loads without problems and declares the newsroom’s sections and sources', () => {
  assert.deepEqual(problems, []);
  assert.equal(config.timezone, 'Asia/Riyadh');
  assert.ok(config.profile.section.enum?.includes('سياسة'));
  const saudi = config.registry.find((s) => s.name === 'وكالة الأنباء السعودية');
  assert.deepEqual(saudi?.aliases.slice(0, 2), ['واس', 'SPA']);
  assert.ok(config.registry.find((s) => s.name === 'رويترز')?.aliases.includes('Reuters'));
});

test('the Libya diplomacy article passes every rule', () => {
  assert.deepEqual(check('2025-06-02-libya-diplomacy.md').found, []);
});

test('the oil prices article has no sources and a date without an offset, both fixable', () => {
  const { text, found } = check('2025-06-03-oil-prices.md');
  assert.deepEqual(found, [
    { rule: 'sources-missing', line: 1, text: '---' },
    { rule: 'date-timezone', line: 3, text: '2025-06-03 16:45' },
  ]);
  const fixed = fixAll(text, OPTIONS).text;
  assert.match(fixed, /^date: 2025-06-03T16:45:00\+03:00$/m);
  assert.match(fixed, /^sources:\n {2}- name: رويترز\n---$/m);
  assert.deepEqual(lint(fixed, OPTIONS).diagnostics, []);
});

test('the heatwave article has an anonymous source without a reason and `status: Published`', () => {
  const { found } = check('2025-06-04-heatwave.md');
  assert.deepEqual(found, [
    { rule: 'field-type', line: 7, text: 'Published' },
    { rule: 'source-incomplete', line: 12, text: 'type: anonymous' },
  ]);
});
