/**
 * Team snippet packs in the engine: a pack file's templates and its problems at exact ranges;
 * hostile files cost nothing but a diagnostic; the JSON Schema and the engine agree on what is
 * broken; the example pack, filled in, passes every rule.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse as parseJsonc } from 'jsonc-parser';
import { lint, loadConfig, RULE_IDS, type ConfigHost } from '../../server/src/engine';
import {
  fillDefaults,
  MAX_PACK_BYTES,
  MAX_PACK_SNIPPETS,
  newsroomVariables,
  packClashes,
  parsePack,
  resolveVariables,
  type PackProblem,
  type ParsedPack,
} from '../../server/src/engine/templates';
import { FIXTURES, ROOT } from './helpers';

const PACKS = join(FIXTURES, 'packs');
const read = (rel: string) => readFileSync(join(PACKS, rel), 'utf8');
const EXAMPLE_FILE = join(ROOT, 'examples', '.muharrir', 'snippets', 'gulf-desk.json');

/** A problem as the writer sees it: code, severity and exactly the text it underlines. */
function seen(text: string, problems: readonly PackProblem[]): string[] {
  return problems.map((p) => `${p.code} ${p.severity} ${text.slice(p.start, p.end)}`);
}

/** Every problem's range agrees with its offsets and lies in the text. */
function assertRangesValid(text: string, r: ParsedPack): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of r.problems) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.code} ${p.start}-${p.end}`);
    for (const pos of [p.range.start, p.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < lines.length, `line ${pos.line}`);
      assert.ok(pos.character >= 0 && pos.character <= lines[pos.line].length, `character ${pos.character}`);
    }
    assert.ok(p.message.en.length > 10 && p.message.ar.length > 10, 'a message in both languages');
    assert.match(p.message.ar, /[\u0600-\u06ff]/);
  }
}

function pack(snippets: Record<string, unknown>, meta: Record<string, unknown> = { name: 'desk', version: '1.0.0' }): string {
  return JSON.stringify({ pack: meta, snippets }, null, 2);
}

describe('a good pack', () => {
  const text = read('good.json');
  const r = parsePack(text);

  test('comments and trailing commas are fine; metadata and templates are read', () => {
    assert.deepEqual(seen(text, r.problems), []);
    assert.deepEqual(r.pack, { name: 'sports-desk', version: '2.1.0-beta.1', description: 'Sports templates', language: 'ar-SA' });
    assert.deepEqual(
      r.templates.map((t) => [t.id, t.name, t.prefixes, t.pack]),
      [
        ['sports-desk/Match result', 'Match result', ['sport-result', 'نتيجة'], { name: 'sports-desk', version: '2.1.0-beta.1' }],
        ['sports-desk/Transfer', 'Transfer', ['sport-transfer'], { name: 'sports-desk', version: '2.1.0-beta.1' }],
      ],
    );
    assert.equal(r.templates[0].description, 'Final score, scorers and a quote');
  });

  test('a body given as lines is joined with line breaks, JSON escapes decoded, snippet escapes kept', () => {
    const body = r.templates[0].body;
    assert.equal(body.split('\n').length, 7);
    assert.ok(body.startsWith('---\ntitle: "${1:${MUHARRIR_TITLE:الهلال يفوز}}"\n'));
    assert.ok(body.endsWith('– ${4:فاز الهلال} \\$0 $0'));
    const vars = newsroomVariables({ now: new Date('2025-06-02T15:00:00Z'), timeZone: 'Asia/Riyadh', author: 'سارة أحمد' });
    const filled = fillDefaults(body, vars);
    assert.match(filled, /^date: 2025-06-02T18:00:00\+03:00$/m);
    assert.match(filled, /^author: سارة أحمد$/m);
    assert.ok(filled.endsWith('– فاز الهلال $0 '), 'an escaped $ is a dollar sign');
    assert.equal(fillDefaults(r.templates[1].body, vars), 'انتقل اللاعب يوم الاثنين 6 ذو الحجة 1446هـ. 2025');
  });

  test('the language defaults to Arabic', () => {
    assert.equal(parsePack(pack({ A: { prefix: 'a', body: 'b' } })).pack?.language, 'ar');
  });
});

/** Each broken fixture: what the writer sees, exactly where. */
const BROKEN: Record<string, string[]> = {
  'syntax.json': ['pack-json error "snippets"'],
  'not-an-object.json': [`pack-structure error ${read('broken/not-an-object.json').trimEnd()}`],
  'no-pack.json': ['pack-metadata error {'],
  'no-name.json': ['pack-metadata error {'],
  'bad-version.json': ['pack-metadata error "1.0"'],
  'no-snippets.json': ['pack-structure error {'],
  'no-prefix.json': ['snippet-invalid error "A"'],
  'no-body.json': ['snippet-invalid error "A"'],
  'prefix-not-a-string.json': ['snippet-invalid error 5'],
  'body-not-strings.json': ['snippet-invalid error ["line", 2]'],
  'snippet-not-an-object.json': ['snippet-invalid error "just text"'],
  'unknown-pack-key.json': ['unknown-key warning "langauge"'],
  'bad-language.json': ['pack-metadata warning "Arabic!"'],
  'blank-prefix.json': ['snippet-invalid error ["  "]'],
};

/** Valid for a schema; only the engine can tell. */
const WARNED: Record<string, string[]> = {
  'unknown-variable.json': ['unknown-variable warning MUHARRIR_AUTHR'],
  'broken-placeholder.json': ['snippet-syntax warning ${1:headline'],
  'duplicate-prefix.json': ['duplicate-prefix information "news-brief"', 'duplicate-prefix warning "a"'],
};

describe('broken packs', () => {
  test('every fixture is listed here', () => {
    assert.deepEqual(readdirSync(join(PACKS, 'broken')).sort(), Object.keys(BROKEN).sort());
    assert.deepEqual(readdirSync(join(PACKS, 'warned')).sort(), Object.keys(WARNED).sort());
  });

  for (const [dir, table] of [['broken', BROKEN], ['warned', WARNED]] as const) {
    for (const [name, expected] of Object.entries(table)) {
      test(`${dir}/${name}: ${expected.join('; ')}`, () => {
        const text = read(`${dir}/${name}`);
        const r = parsePack(text);
        assert.deepEqual(seen(text, r.problems), expected);
        assertRangesValid(text, r);
      });
    }
  }

  test('what loads: broken JSON or metadata loads nothing; a broken snippet is skipped; warnings load', () => {
    const loaded = (name: string) => parsePack(read(name)).templates.map((t) => t.name);
    for (const name of ['syntax', 'not-an-object', 'no-pack', 'no-name', 'bad-version', 'no-snippets']) assert.deepEqual(loaded(`broken/${name}.json`), [], name);
    assert.deepEqual(loaded('broken/no-prefix.json'), ['B']);
    assert.deepEqual(loaded('broken/no-body.json'), ['B']);
    assert.deepEqual(loaded('broken/unknown-pack-key.json'), ['A']);
    assert.equal(parsePack(read('broken/bad-language.json')).pack?.language, 'ar', 'a bad language tag falls back to Arabic');
    assert.deepEqual(loaded('warned/duplicate-prefix.json'), ['A', 'B']);
    assert.deepEqual(loaded('warned/unknown-variable.json'), ['A']);
  });

  test('an unknown variable suggests the one meant; a lone $word is flagged with the escape to use', () => {
    const [typo] = parsePack(read('warned/unknown-variable.json')).problems;
    assert.match(typo.message.en, /Did you mean MUHARRIR_AUTHOR\?/);
    assert.match(typo.message.ar, /هل تقصد MUHARRIR_AUTHOR؟/);
    const text = pack({ A: { prefix: 'a', body: 'costs $price; ${MUHARRIR_NOPE:x} ${TM_FILENAME} ${MUHARRIR_SLUG}' } });
    const r = parsePack(text);
    assert.deepEqual(seen(text, r.problems), ['unknown-variable warning price', 'unknown-variable warning MUHARRIR_NOPE']);
    assert.match(r.problems[0].message.en, /Write \\\\\$ in the JSON/);
    assert.match(r.problems[1].message.en, /its default is always inserted/);
  });

  test('ranges inside a string follow JSON escapes: \\u, \\" and \\n count as one character of the body', () => {
    const text = '{"pack":{"name":"d","version":"1.0.0"},"snippets":{"A":{"prefix":"a","body":"\\u0633\\"q\\"\\n$MUHARRIR_X"}}}';
    const r = parsePack(text);
    assert.deepEqual(seen(text, r.problems), ['unknown-variable warning MUHARRIR_X']);
  });

  test('duplicate keys, unknown keys and a snippet name used twice are reported, the first one kept', () => {
    const text = '{"pack":{"name":"d","version":"1.0.0"},"extra":1,"snippets":{"A":{"prefix":"a","body":"1","bodi":"x"},"A":{"prefix":"b","body":"2"}},"pack":{}}';
    const r = parsePack(text);
    assert.deepEqual(seen(text, r.problems), [
      'unknown-key warning "extra"',
      'duplicate-key warning "pack"',
      'unknown-key warning "bodi"',
      'duplicate-key warning "A"',
    ]);
    assert.match(r.problems[2].message.en, /Did you mean "body"\?/);
    assert.deepEqual(r.templates.map((t) => t.body), ['1']);
  });

  test('a prefix with a space can never be typed as one word', () => {
    const text = pack({ A: { prefix: ['sport result', 'ok'], body: 'x' } });
    assert.deepEqual(seen(text, parsePack(text).problems), ['snippet-invalid warning "sport result"']);
  });
});

describe('packs side by side', () => {
  test('the same prefix in two packs, and two files with one pack name, are reported on both', () => {
    const a = pack({ Score: { prefix: ['score', 'a-only'], body: 'x' } }, { name: 'sports', version: '1.0.0' });
    const b = pack({ Result: { prefix: 'SCORE', body: 'y' } }, { name: 'sports', version: '2.0.0' });
    const c = pack({ Other: { prefix: 'score', body: 'z' } }, { name: 'broken' });
    const parsed = [parsePack(a), parsePack(b), parsePack(c)];
    const clashes = packClashes(parsed);
    assert.deepEqual(seen(a, clashes[0]), ['duplicate-prefix information "score"', 'duplicate-pack warning "sports"']);
    assert.deepEqual(seen(b, clashes[1]), ['duplicate-prefix information "SCORE"', 'duplicate-pack warning "sports"']);
    assert.match(clashes[0][0].message.en, /snippet "Result" of pack "sports"/);
    assert.deepEqual(clashes[2], [], 'a pack that does not load clashes with nothing');
  });
});

describe('hostile packs', () => {
  test('over 1 MB: not parsed, one error', () => {
    const big = pack({ A: { prefix: 'a', body: 'x'.repeat(MAX_PACK_BYTES) } });
    const r = parsePack(big);
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['pack-too-large'],
    );
    assert.deepEqual(r.templates, []);
    // Counted in UTF-8 bytes: half a million Arabic letters are a megabyte.
    assert.equal(parsePack(pack({ A: { prefix: 'a', body: 'س'.repeat(530_000) } })).problems[0]?.code, 'pack-too-large');
    assert.deepEqual(parsePack(pack({ A: { prefix: 'a', body: 'س'.repeat(500_000) } })).problems, []);
  });

  test('deep nesting is refused before parsing, with no stack overflow', () => {
    for (const text of ['['.repeat(200_000), `{"pack": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`]) {
      const r = parsePack(text);
      assert.deepEqual(
        r.problems.map((p) => p.code),
        ['pack-json'],
      );
      assert.match(r.problems[0].message.en, /nested more than 32 levels/);
    }
    // Brackets inside strings and comments do not count.
    const quoted = `// ${'['.repeat(100)}\n${pack({ A: { prefix: 'a', body: '['.repeat(100) } })}`;
    assert.deepEqual(parsePack(quoted).problems, []);
  });

  test('10,000 snippets: the first 500 load, one error on the 501st', () => {
    const snippets: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) snippets[`s${i}`] = { prefix: `p${i}`, body: `b${i}` };
    const text = pack(snippets);
    const r = parsePack(text);
    assert.equal(r.templates.length, MAX_PACK_SNIPPETS);
    assert.equal(r.templates.at(-1)?.name, 's499');
    assert.deepEqual(seen(text, r.problems), ['too-many-snippets error "s500"']);
    assert.match(r.problems[0].message.en, /this one has 10000/);
  });

  test('JSON that is not an object, empty files and binary junk are one clear problem each', () => {
    for (const [text, code] of [
      ['"text"', 'pack-structure'],
      ['42', 'pack-structure'],
      ['null', 'pack-structure'],
      ['[]', 'pack-structure'],
      ['', 'pack-structure'],
      ['   \n// only a comment\n', 'pack-structure'],
      ['\u0000\u0001\u00ff{', 'pack-json'],
    ] as const) {
      const r = parsePack(text);
      assert.equal(r.problems[0]?.code, code, JSON.stringify(text));
      assert.ok(r.problems.every((p) => p.severity === 'error'));
      assert.deepEqual(r.templates, []);
      assertRangesValid(text, r);
    }
  });

  test('a BOM is read as whitespace and moves no range', () => {
    const text = read('broken/bad-version.json');
    const plain = parsePack(text);
    const bom = parsePack(`\uFEFF${text}`);
    assert.deepEqual(
      bom.problems.map((p) => [p.code, p.start - 1, p.end - 1]),
      plain.problems.map((p) => [p.code, p.start, p.end]),
    );
    assert.equal(parsePack(`\uFEFF${read('good.json')}`).templates.length, 2);
  });

  test('never throws, and every range is valid, whatever the text', () => {
    const jsonish = fc.stringMatching(/^[{}[\]":,\s\\/*a-z0-9$]{0,80}$/);
    const packish = fc.constantFrom('{"pack":{"name":"a","version":"1.0.0"},"snippets":{"A":{"prefix":"a","body":"', '{"snippets":{"', '{"pack":');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), jsonish, fc.tuple(packish, jsonish).map(([a, b]) => a + b)), (text) => {
        const r = parsePack(text);
        assertRangesValid(text, r);
        for (const t of r.templates) assert.equal(typeof fillDefaults(t.body), 'string');
      }),
      { numRuns: 400 },
    );
  });
});

describe('the JSON Schema agrees with the engine', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'snippet-pack.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  // VS Code's own keywords: they let its JSON editor accept comments and trailing commas.
  ajv.addVocabulary(['allowComments', 'allowTrailingCommas']);
  const validate = ajv.compile(schema);
  const asJson = (text: string) => parseJsonc(text, [], { allowTrailingComma: true });

  test('it is a draft-07 schema and accepts the example pack and the good fixture', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    for (const file of [EXAMPLE_FILE, join(PACKS, 'good.json')]) {
      assert.ok(validate(asJson(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });

  for (const name of Object.keys(BROKEN).filter((n) => n !== 'syntax.json')) {
    test(`it rejects broken/${name}, which the engine reports too`, () => {
      const text = read(`broken/${name}`);
      assert.equal(validate(asJson(text)), false, 'the schema accepts it');
      assert.ok(parsePack(text).problems.some((p) => p.severity === 'error' || p.severity === 'warning'));
    });
  }

  test('package.json contributes it for pack files, and the muharrir.snippetPacks setting in both languages', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '**/.muharrir/snippets/*.json', url: './schemas/snippet-pack.schema.json' }]);
    const setting = pkg.contributes.configuration.properties['muharrir.snippetPacks'];
    assert.deepEqual([setting.type, setting.items, setting.default, setting.scope], ['array', { type: 'string' }, [], 'resource']);
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('muharrir.snippetPacks'), 'it chooses files to read');
    const key = setting.markdownDescription.replace(/^%|%$/g, '');
    for (const nls of ['package.nls.json', 'package.nls.ar.json']) {
      assert.match(JSON.parse(readFileSync(join(ROOT, nls), 'utf8'))[key], /\.muharrir\/snippets/, nls);
    }
  });

  test('it accepts what only the engine can see (variables, snippet syntax, prefixes taken)', () => {
    for (const name of Object.keys(WARNED)) assert.ok(validate(asJson(read(`warned/${name}`))), name);
  });

  test('the limits are the same: 500 snippets, semantic versions', () => {
    const snippets = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, { prefix: `p${i}`, body: 'b' }]));
    for (const [text, ok] of [
      [pack(snippets(500)), true],
      [pack(snippets(501)), false],
      [pack(snippets(1), { name: 'd', version: '1.2.3-rc.1+build.5' }), true],
      [pack(snippets(1), { name: 'd', version: 'v1.2.3' }), false],
      [pack(snippets(1), { name: 'a/b', version: '1.0.0' }), false],
      [pack(snippets(1), { name: '  ', version: '1.0.0' }), false],
    ] as const) {
      assert.equal(validate(JSON.parse(text)), ok, text.slice(0, 120));
      assert.equal(parsePack(text).problems.some((p) => p.severity === 'error'), !ok, text.slice(0, 120));
    }
  });
});

describe('the example pack (examples/.muharrir/snippets/gulf-desk.json)', () => {
  const text = readFileSync(EXAMPLE_FILE, 'utf8');
  const r = parsePack(text);
  const host: ConfigHost = {
    readFile: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    resolve: (from, target) => join(from, '..', target),
  };
  const { config, problems: configProblems } = loadConfig(join(ROOT, 'examples', '.muharrir.yaml'), host, RULE_IDS);
  const NOW = new Date('2025-06-02T15:00:00Z');
  const VARS = newsroomVariables({ now: NOW, timeZone: 'Asia/Riyadh' });

  test('is a clean Arabic pack with sports, obituary and weather templates', () => {
    assert.deepEqual(seen(text, r.problems), []);
    assert.deepEqual(configProblems, []);
    assert.equal(r.pack?.name, 'gulf-desk');
    assert.equal(r.pack?.language, 'ar');
    assert.deepEqual(
      r.templates.map((t) => t.name),
      ['خبر رياضي', 'نعي', 'طقس'],
    );
    for (const t of r.templates) assert.ok(t.prefixes.length === 2 && t.description.length > 20, t.name);
  });

  test('uses the newsroom variables', () => {
    const all = r.templates.map((t) => t.body).join('\n');
    for (const v of ['MUHARRIR_DATE', 'MUHARRIR_HIJRI_DATE', 'MUHARRIR_WEEKDAY', 'MUHARRIR_AUTHOR', 'MUHARRIR_DATELINE']) assert.ok(all.includes(`\${${v}`), v);
  });

  for (const name of ['خبر رياضي', 'نعي', 'طقس']) {
    test(`«${name}» filled in with its defaults passes every rule, under the examples' .muharrir.yaml`, () => {
      const t = r.templates.find((x) => x.name === name)!;
      const filled = fillDefaults(t.body, VARS);
      assert.ok(!filled.includes('MUHARRIR_'), 'every variable resolved');
      assert.match(filled, /^date: 2025-06-02T18:00:00\+03:00$/m);
      assert.match(filled, /الاثنين 6 ذو الحجة 1446هـ/);
      const result = lint(filled, { now: NOW, machineTimeZone: 'Asia/Riyadh', locale: 'en', config });
      assert.deepEqual(result.internalErrors, []);
      assert.deepEqual(
        result.diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.rule}: ${d.message} «${filled.slice(d.start, d.end)}»`),
        [],
      );
      // And the check has teeth: a weekday that is not the date's is caught.
      const wrong = fillDefaults(t.body, { ...VARS, MUHARRIR_WEEKDAY: 'الخميس' });
      const caught = lint(wrong, { now: NOW, machineTimeZone: 'Asia/Riyadh', locale: 'en', config }).diagnostics.map((d) => d.rule);
      assert.ok(caught.includes('weekday-mismatch'), caught.join(', '));
      assert.equal(fillDefaults(resolveVariables(t.body, VARS)), filled);
    });
  }
});

describe('snippetPacks in .muharrir.yaml', () => {
  /** A workspace at /ws whose host, like the server's, refuses anything outside it. */
  function load(files: Record<string, string>) {
    const host: ConfigHost = {
      readFile: (p) => files[p],
      resolve: (from, target) => {
        const p = posix.resolve(posix.dirname(from), target);
        return p === '/ws' || p.startsWith('/ws/') ? p : null;
      },
    };
    return loadConfig('/ws/news/.muharrir.yaml', host, RULE_IDS);
  }

  test('folders are resolved against the file that lists them, nearest first, each once', () => {
    const { config, problems } = load({
      '/ws/news/.muharrir.yaml': 'extends: ../base.yaml\nsnippetPacks: [packs, ../team/packs]\n',
      '/ws/base.yaml': 'snippetPacks:\n  - team/packs\n  - shared\n',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.snippetPacks, ['/ws/news/packs', '/ws/team/packs', '/ws/shared']);
  });

  test('a folder outside the workspace is refused with an error on its line; a non-list is an error', () => {
    const text = 'snippetPacks:\n  - ok\n  - ../../outside\n  - 3\n';
    const { config, problems } = load({ '/ws/news/.muharrir.yaml': text });
    assert.deepEqual(config.snippetPacks, ['/ws/news/ok']);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.range.start.line, text.slice(p.start, p.end)]),
      [
        ['error', 2, '../../outside'],
        ['error', 3, '3'],
      ],
    );
    assert.match(problems[0].message.en, /outside the workspace folder/);
    assert.match(problems[0].message.ar, /خارج مجلد مساحة العمل/);
    assert.equal(load({ '/ws/news/.muharrir.yaml': 'snippetPacks: team\n' }).problems.length, 1);
  });
});
