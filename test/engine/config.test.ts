/** `.muharrir.yaml`: extends, rule settings, fields, timezone, the sources registry, and its problems. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, lint, loadConfig, RULE_IDS, type ConfigHost, type ConfigProblem } from '../../server/src/engine';
import { BASE_OPTIONS, configFromText } from './helpers';

const ARTICLE = `---
title: ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية
date: 2025-06-02T18:00:00+03:00
author: سلمان الدوسري
section: اقتصاد
sources:
  - رويترز
---

ارتفعت أسعار النفط في التعاملات الآسيوية.
`;

/** Problems as `[line (1-based), severity, flagged text]` in the file they belong to. */
function where(problems: ConfigProblem[], files: Record<string, string>): [string, number, string, string][] {
  return problems.map((p) => [p.file.replace('/ws/', ''), p.range.start.line + 1, p.severity, files[p.file.replace('/ws/', '')].slice(p.start, p.end)]);
}

function load(main: string, extra: Record<string, string> = {}) {
  const r = configFromText(main, extra);
  return { ...r, where: () => where(r.problems, { '.muharrir.yaml': main, ...extra }) };
}

function rulesOf(text: string, config = defaultConfig()) {
  return lint(text, { ...BASE_OPTIONS, config }).diagnostics.map((d) => [d.rule, d.severity]);
}

describe('extends', () => {
  test('a chain is merged with the nearest file winning', () => {
    const { config, problems } = load(
      'extends: ./team.yaml\ntimezone: Asia/Riyadh\nrules:\n  unknown-field: error\n',
      {
        'team.yaml': 'extends: ./shared/base.yaml\nlocale: ar\nrules:\n  unknown-field: info\n  date-future: off\n',
        'shared/base.yaml': 'timezone: Africa/Cairo\nlocale: en\nrules:\n  date-timezone: hint\n  unknown-field: off\narticles: ["stories/**/*.md"]\n',
      },
    );
    assert.deepEqual(problems, []);
    assert.equal(config.timezone, 'Asia/Riyadh');
    assert.equal(config.locale, 'ar');
    assert.deepEqual(config.articles, ['stories/**/*.md']);
    assert.equal(config.rules['unknown-field'].severity, 'error');
    assert.equal(config.rules['date-future'].severity, 'off');
    assert.equal(config.rules['date-timezone'].severity, 'hint');
    assert.deepEqual(config.files, ['/ws/.muharrir.yaml', '/ws/team.yaml', '/ws/shared/base.yaml']);
  });

  test('a parent’s fields and registry are kept, the child adds to them', () => {
    const { config } = load(
      'extends: base.yaml\nfields:\n  section:\n    enum: [سياسة, اقتصاد]\nsources:\n  registry:\n    - name: رويترز\n      aliases: [Reuters]\n',
      { 'base.yaml': 'fields:\n  section:\n    required: true\n  editor:\n    type: string\nsources:\n  registry:\n    - وكالة الأنباء السعودية\n' },
    );
    assert.equal(config.profile.section.required, true);
    assert.deepEqual(config.profile.section.enum, ['سياسة', 'اقتصاد']);
    assert.equal(config.profile.editor.type, 'string');
    assert.deepEqual(config.registry.map((s) => s.name), ['رويترز', 'وكالة الأنباء السعودية']);
  });

  test('a cycle is reported on the extends that closes it, and loading stops', () => {
    const a = 'extends: b.yaml\nlocale: ar\n';
    const b = 'extends: .muharrir.yaml\ntimezone: Asia/Dubai\n';
    const { config, where } = load(a, { 'b.yaml': b });
    assert.deepEqual(where(), [['b.yaml', 1, 'error', '.muharrir.yaml']]);
    assert.equal(config.locale, 'ar');
    assert.equal(config.timezone, 'Asia/Dubai');
  });

  test('a file that extends itself is a cycle too', () => {
    const { where } = load('locale: ar\nextends: ./.muharrir.yaml\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 2, 'error', './.muharrir.yaml']]);
  });

  test('an unreadable extends is reported on its value, and the rest of the file still applies', () => {
    const { config, problems, where } = load('timezone: Asia/Riyadh\nextends: ../missing/base.yaml\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 2, 'error', '../missing/base.yaml']]);
    assert.match(problems[0].message.en, /cannot be read/);
    assert.equal(config.timezone, 'Asia/Riyadh');
  });

  test('an extends the host refuses (outside the workspace) is reported as such', () => {
    const { where, problems } = load('extends: /etc/muharrir.yaml\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 1, 'error', '/etc/muharrir.yaml']]);
    assert.match(problems[0].message.en, /outside the workspace/);
  });

  test('a very long chain stops instead of looping', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`c${i}.yaml`] = `extends: c${i + 1}.yaml\n`;
    const { problems } = load('extends: c0.yaml\n', files);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
  });
});

describe('rules', () => {
  const noSources = ARTICLE.replace('sources:\n  - رويترز\n', '');

  test('`off` (or false) turns a rule off', () => {
    assert.deepEqual(rulesOf(noSources), [['sources-missing', 'error']]);
    for (const off of ['off', 'false']) {
      const { config, problems } = load(`rules:\n  sources-missing: ${off}\n`);
      assert.deepEqual(problems, []);
      assert.deepEqual(rulesOf(noSources, config), []);
    }
  });

  test('a severity, alone or as {severity}, changes what the diagnostic carries', () => {
    for (const setting of ['warning', '{severity: warning}', '\n    severity: warning']) {
      const { config, problems } = load(`rules:\n  sources-missing: ${setting}\n`);
      assert.deepEqual(problems, []);
      assert.deepEqual(rulesOf(noSources, config), [['sources-missing', 'warning']]);
    }
    const { config } = load('rules:\n  sources-missing: info\n');
    assert.deepEqual(rulesOf(noSources, config), [['sources-missing', 'information']]);
  });

  test('options alone keep the default severity', () => {
    const { config, problems } = load('rules:\n  date-future:\n    options:\n      tolerance: 10\n');
    assert.deepEqual(problems, []);
    assert.equal(config.rules['date-future'].severity, undefined);
    assert.deepEqual(config.rules['date-future'].options, { tolerance: 10 });
  });

  test('an unknown rule id is a warning on that key, the known ones still apply', () => {
    const { config, problems, where } = load('rules:\n  sources-missing: warning\n  source-missing: off\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 3, 'warning', 'source-missing']]);
    assert.deepEqual(problems[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 16 } });
    assert.equal(config.rules['sources-missing'].severity, 'warning');
  });

  test('an unknown severity is an error on its value', () => {
    const { where, problems } = load('rules:\n  date-future: loud\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 2, 'error', 'loud']]);
    assert.match(problems[0].message.en, /off, hint, info, warning, error/);
  });
});

describe('fields', () => {
  test('required, enum and maxLength apply to articles', () => {
    const { config, problems } = load(
      'fields:\n  dateline:\n    required: true\n  section:\n    enum: [سياسة, رياضة]\n  title:\n    maxLength: 20\n',
    );
    assert.deepEqual(problems, []);
    const found = lint(ARTICLE, { ...BASE_OPTIONS, config }).diagnostics.map((d) => [d.rule, ARTICLE.slice(d.start, d.end)]);
    assert.deepEqual(found, [
      ['required-field', '---'],
      ['field-type', 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية'],
      ['field-type', 'اقتصاد'],
    ]);
  });

  test('a new field with a type is known to unknown-field and checked by field-type', () => {
    const { config, problems } = load('fields:\n  priority:\n    type: number\n  breaking:\n    type: boolean\n  editors:\n    type: string-list\n');
    assert.deepEqual(problems, []);
    const text = ARTICLE.replace('section: اقتصاد\n', 'priority: عالية\nbreaking: true\neditors: [منى]\n');
    assert.deepEqual(
      lint(text, { ...BASE_OPTIONS, config }).diagnostics.map((d) => [d.rule, text.slice(d.start, d.end)]),
      [['field-type', 'عالية']],
    );
    assert.deepEqual(
      lint(text, BASE_OPTIONS).diagnostics.map((d) => [d.rule, text.slice(d.start, d.end)]),
      [
        ['unknown-field', 'priority'],
        ['unknown-field', 'breaking'],
        ['unknown-field', 'editors'],
      ],
    );
  });

  test('bad field settings are reported on their values', () => {
    const main = 'fields:\n  section:\n    required: yes please\n    enum: سياسة\n    maxLength: -3\n    type: text\n    colour: red\n  tags: [a]\n';
    const { where } = load(main);
    assert.deepEqual(where(), [
      ['.muharrir.yaml', 3, 'error', 'yes please'],
      ['.muharrir.yaml', 4, 'error', 'سياسة'],
      ['.muharrir.yaml', 5, 'error', '-3'],
      ['.muharrir.yaml', 6, 'error', 'text'],
      ['.muharrir.yaml', 7, 'warning', 'colour'],
      ['.muharrir.yaml', 8, 'error', '[a]'],
    ]);
  });
});

describe('timezone, locale and the rest', () => {
  test('a valid IANA zone is kept and used for new offsets', () => {
    const { config, problems } = load('timezone: Asia/Riyadh\n');
    assert.deepEqual(problems, []);
    const text = ARTICLE.replace('2025-06-02T18:00:00+03:00', '2025-06-02 18:00');
    const d = lint(text, { ...BASE_OPTIONS, config, machineTimeZone: 'America/New_York' }).diagnostics[0];
    assert.equal(d.rule, 'date-timezone');
    assert.deepEqual(d.fix?.edits.map((e) => e.newText), ['2025-06-02T18:00:00+03:00']);
    assert.equal(d.fix?.safe, true);
  });

  test('a bad timezone is an error on its value and is ignored', () => {
    const { config, where } = load('locale: ar\ntimezone: Arabia/Mecca\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 2, 'error', 'Arabia/Mecca']]);
    assert.equal(config.timezone, null);
  });

  test('a UTC offset is not a zone name', () => {
    const { where } = load('timezone: "+03:00"\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 1, 'error', '"+03:00"']]);
  });

  test('bad locale, unknown top-level keys and wrong shapes', () => {
    const main = 'locale: fr\nlanguage: ar\narticles: "**/*.md"\nrules: [sources-missing]\n';
    const { where } = load(main);
    assert.deepEqual(where(), [
      ['.muharrir.yaml', 1, 'error', 'fr'],
      ['.muharrir.yaml', 2, 'warning', 'language'],
      ['.muharrir.yaml', 3, 'error', '"**/*.md"'],
      ['.muharrir.yaml', 4, 'error', '[sources-missing]'],
    ]);
  });

  test('YAML errors in the config are problems on the config, never a throw', () => {
    const { where, config, problems } = load('rules:\n  sources-missing: "warning\ntimezone: Asia/Riyadh\n');
    // The syntax error where the quote opens; the swallowed text then is not a severity either.
    assert.deepEqual(where()[0], ['.muharrir.yaml', 2, 'error', '"warning']);
    assert.match(problems[0].message.en, /not valid YAML: Missing closing "quote/);
    assert.ok(problems.every((p) => p.range.start.line === 1));
    assert.equal(config.timezone, null);
  });

  test('aliases and tags are refused in config files too', () => {
    const { where } = load('timezone: &tz Asia/Riyadh\nlocale: !!str ar\n');
    assert.deepEqual(where().map((w) => [w[1], w[3]]), [
      [1, '&tz Asia/Riyadh'],
      [2, '!!str ar'],
    ]);
  });

  test('an empty config file is the defaults', () => {
    const { config, problems } = load('');
    assert.deepEqual(problems, []);
    const d = defaultConfig();
    assert.deepEqual({ ...config, files: [] }, { ...d, files: [] });
  });

  test('a config file with a BOM is read with the right lines', () => {
    const { where, config } = load('\uFEFFtimezone: Asia/Riyadh\nrules:\n  nope: off\n');
    assert.equal(config.timezone, 'Asia/Riyadh');
    assert.deepEqual(where(), [['.muharrir.yaml', 3, 'warning', 'nope']]);
  });
});

describe('sources registry', () => {
  test('names, aliases, urls and types are read', () => {
    const main = [
      'sources:',
      '  registry:',
      '    - name: وكالة الأنباء السعودية',
      '      aliases: [واس, SPA]',
      '      url: https://www.spa.gov.sa',
      '      type: agency',
      '    - رويترز',
      '',
    ].join('\n');
    const { config, problems } = load(main);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.registry, [
      { name: 'وكالة الأنباء السعودية', aliases: ['واس', 'SPA'], url: 'https://www.spa.gov.sa', type: 'agency' },
      { name: 'رويترز', aliases: [] },
    ]);
  });

  test('a source without a name, a bad type and unknown keys are reported where they are', () => {
    const main = ['sources:', '  registry:', '    - url: https://www.reuters.com', '    - name: الجزيرة', '      type: channel', '  known: []', ''].join('\n');
    const { config, where } = load(main);
    assert.deepEqual(where(), [
      ['.muharrir.yaml', 3, 'error', 'url: https://www.reuters.com'],
      ['.muharrir.yaml', 5, 'error', 'channel'],
      ['.muharrir.yaml', 6, 'warning', 'known'],
    ]);
    assert.deepEqual(config.registry.map((s) => s.name), ['الجزيرة']);
  });

  test('a registry that is not a list is reported', () => {
    const { where } = load('sources:\n  registry: رويترز\n');
    assert.deepEqual(where(), [['.muharrir.yaml', 2, 'error', 'رويترز']]);
  });
});

test('the loader only reads through its host', () => {
  const read: string[] = [];
  const host: ConfigHost = {
    readFile: (p) => {
      read.push(p);
      return p === '/a/.muharrir.yaml' ? 'extends: ../b/base.yaml\n' : p === '/b/base.yaml' ? 'locale: ar\n' : undefined;
    },
    resolve: (from, target) => (target === '../b/base.yaml' && from === '/a/.muharrir.yaml' ? '/b/base.yaml' : null),
  };
  const { config, problems } = loadConfig('/a/.muharrir.yaml', host, RULE_IDS);
  assert.deepEqual(problems, []);
  assert.equal(config.locale, 'ar');
  assert.deepEqual(read, ['/a/.muharrir.yaml', '/b/base.yaml']);
});

describe('config problems speak of the config file', () => {
  test('broken YAML in .muharrir.yaml is called a config problem, not a frontmatter one', () => {
    const { problems, where } = load('locale: ar\nrules: [unclosed\n');
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message.en, /^This config file is not valid YAML/);
    assert.match(problems[0].message.ar, /^ملف الإعدادات ليس YAML صالحًا/);
    assert.equal(where()[0][1], 2, 'on the line of the unclosed list');
  });

  test('a misspelt rule id gets a did-you-mean', () => {
    const { problems } = load('rules:\n  sources-mising: off\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].message.en, 'Unknown rule `sources-mising`. Did you mean `sources-missing`?');
  });

  test('a chain deeper than ten files is called too deep, not a loop', () => {
    const extra: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) extra[`c${i}.yaml`] = `extends: ./c${i + 1}.yaml\n`;
    extra['c13.yaml'] = 'locale: ar\n';
    const { problems } = load('extends: ./c1.yaml\n', extra);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message.en, /more than 10 files deep/);
  });
});
