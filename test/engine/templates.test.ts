/**
 * Newsroom templates: the eight built-ins as a writer gets them (every default accepted, variables
 * from a fixed clock) pass every rule; the snippet parser reads VS Code syntax as VS Code does;
 * headlines become sensible slugs; newsroom variables are computed in the newsroom's zone.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { defaultProfile, getEntry, lint, parseArticle, sourceLineNames, SOURCE_TYPES, type FmNode } from '../../server/src/engine';
import {
  builtinTemplates,
  escapeSnippetText,
  fillDefaults,
  newsroomVariables,
  parseSnippet,
  resolveVariables,
  slugify,
  tabStops,
  templatesFromSnippets,
  walkSnippet,
  VSCODE_VARIABLES,
  type Template,
} from '../../server/src/engine/templates';
import { ROOT } from './helpers';

const SNIPPET_FILE = JSON.parse(readFileSync(join(ROOT, 'snippets', 'news.code-snippets'), 'utf8')) as unknown;
const BUILTINS = builtinTemplates(SNIPPET_FILE);
const NOW = new Date('2025-06-02T15:00:00Z');
const VARS = newsroomVariables({ now: NOW, timeZone: 'Asia/Riyadh' });

/** DESIGN §5, written out here rather than taken from the code under test. */
const PREFIXES: [string, string, string][] = [
  ['brief', 'news-brief', 'خبر'],
  ['breaking', 'news-breaking', 'عاجل'],
  ['report', 'news-report', 'تقرير'],
  ['investigation', 'news-investigation', 'تحقيق'],
  ['interview', 'news-interview', 'حوار'],
  ['opinion', 'news-opinion', 'رأي'],
  ['press-release', 'news-press-release', 'بيان'],
  ['correction', 'news-correction', 'تصحيح'],
];

function builtin(genre: string): Template {
  const t = BUILTINS.find((x) => x.genre === genre);
  assert.ok(t, `no built-in template for ${genre}`);
  return t;
}

function scalar(node: FmNode | null | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The `name`, `type` and `reason` of every listed source of a filled-in template. */
function listedSources(text: string): { name?: string; type?: string; reason?: string }[] {
  const sources = getEntry(parseArticle(text).frontmatter?.root, 'sources')?.value;
  assert.equal(sources?.kind, 'seq', 'sources is a list');
  if (sources?.kind !== 'seq') return [];
  return sources.items.map((item) => {
    assert.equal(item.kind, 'map', 'every source is written out with its type');
    if (item.kind !== 'map') return {};
    return {
      name: scalar(getEntry(item, 'name')?.value),
      type: scalar(getEntry(item, 'type')?.value),
      reason: scalar(getEntry(item, 'reason')?.value),
    };
  });
}

describe('built-in templates', () => {
  test('the snippet file holds the eight genres, each a well-formed snippet', () => {
    const { templates, problems } = templatesFromSnippets(SNIPPET_FILE);
    assert.deepEqual(problems, []);
    assert.equal(templates.length, 8);
    assert.deepEqual(
      BUILTINS.map((t) => t.genre),
      PREFIXES.map(([g]) => g),
    );
    assert.deepEqual(
      BUILTINS.map((t) => t.id),
      PREFIXES.map(([, en]) => en),
    );
  });

  for (const [genre, en, ar] of PREFIXES) {
    describe(genre, () => {
      const t = () => builtin(genre);
      const filled = () => fillDefaults(t().body, VARS);

      test(`prefixes ${en} and ${ar}, a name and a description`, () => {
        assert.deepEqual([...t().prefixes].sort(), [en, ar].sort());
        assert.ok(t().name.length > 0);
        assert.ok(t().description.length > 20);
      });

      test('parses completely: every $ belongs to a tab stop or a variable', () => {
        const nodes = parseSnippet(t().body);
        walkSnippet(nodes, (n) => {
          if (n.kind === 'text') assert.ok(!n.value.includes('$'), `stray $ in ${JSON.stringify(n.value.slice(0, 80))}`);
        });
      });

      test('VS Code variables only, and MUHARRIR_ ones only with a default inside a placeholder', () => {
        const check = (nodes: ReturnType<typeof parseSnippet>, inPlaceholder: boolean) => {
          for (const n of nodes) {
            if (n.kind === 'variable') {
              if (n.name.startsWith('MUHARRIR_')) {
                assert.ok(n.children.length > 0, `${n.name} needs a default, or VS Code inserts its name`);
                assert.ok(inPlaceholder, `${n.name} must sit in a placeholder so the writer can change it`);
              } else {
                assert.ok(VSCODE_VARIABLES.has(n.name), `${n.name} is not a VS Code variable`);
              }
              check(n.children, inPlaceholder);
            } else if (n.kind === 'tabstop') {
              check(n.children, true);
            }
          }
        };
        check(parseSnippet(t().body), false);
      });

      test('tab stops run 1..n in the order they appear, $0 last', () => {
        const stops = tabStops(parseSnippet(t().body));
        const firstSeen: number[] = [];
        for (const s of stops) if (!firstSeen.includes(s.index)) firstSeen.push(s.index);
        const zero = firstSeen.indexOf(0);
        assert.equal(zero, firstSeen.length - 1, '$0 comes after every other tab stop');
        assert.equal(stops.filter((s) => s.index === 0).length, 1, 'one final cursor');
        const numbered = firstSeen.slice(0, -1);
        assert.ok(numbered.length >= 8, `only ${numbered.length} tab stops`);
        assert.deepEqual(
          numbered,
          numbered.map((_, i) => i + 1),
          'numbered 1..n without gaps, in order of appearance',
        );
      });

      test('frontmatter has every required field, sources with their type and an anonymous one with its reason', () => {
        const text = filled();
        const root = parseArticle(text).frontmatter?.root;
        assert.ok(root, 'frontmatter parses');
        for (const [key, spec] of Object.entries(defaultProfile())) {
          if (spec.required) assert.ok(getEntry(root, key), `${key} is missing`);
        }
        assert.match(t().body, /^sources:$/m);
        const sources = listedSources(text);
        assert.ok(sources.length >= 1);
        for (const s of sources) {
          assert.ok(s.name, 'every source has a name');
          assert.ok(s.type && (SOURCE_TYPES as readonly string[]).includes(s.type), `type ${s.type}`);
          if (s.type === 'anonymous') assert.ok(s.reason, `${s.name}: an anonymous source needs a reason`);
        }
        assert.equal(scalar(getEntry(root, 'date')?.value), '2025-06-02T18:00:00+03:00', 'the date comes from the clock, in the zone');
        assert.equal(scalar(getEntry(root, 'status')?.value), 'draft');
        assert.ok(scalar(getEntry(root, 'dateline')?.value), 'a dateline city');
      });

      test('filled in with its defaults, it passes every rule (nothing above a hint)', () => {
        const text = filled();
        const r = lint(text, { now: NOW, machineTimeZone: 'Asia/Riyadh', locale: 'en' });
        assert.deepEqual(r.internalErrors, []);
        const found = r.diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${d.rule}: ${d.message} «${text.slice(d.start, d.end)}»`);
        assert.deepEqual(found, []);
      });

      test('the body quotes someone «…» with attribution and ends with an المصدر: line naming listed sources', () => {
        const text = filled();
        assert.match(text, /«[^»]+»/);
        const names = sourceLineNames(parseArticle(text));
        assert.ok(names.length >= 1, 'an المصدر: line');
        const listed = listedSources(text).map((s) => s.name);
        for (const n of names) assert.ok(listed.includes(n), `${n} on the المصدر: line is not in sources`);
      });

      test('with the newsroom variables set, the title, byline and dateline follow them and it still passes', () => {
        const vars = newsroomVariables({ now: NOW, timeZone: 'Asia/Riyadh', author: 'سارة أحمد', dateline: 'جدة', title: 'افتتاح مكتبة الحي بعد ترميمها' });
        const text = fillDefaults(t().body, vars);
        const root = parseArticle(text).frontmatter?.root;
        assert.equal(scalar(getEntry(root, 'author')?.value), 'سارة أحمد');
        assert.equal(scalar(getEntry(root, 'title')?.value), 'افتتاح مكتبة الحي بعد ترميمها');
        assert.equal(scalar(getEntry(root, 'dateline')?.value), 'جدة');
        if (!['opinion', 'correction'].includes(genre)) assert.match(text, /^\*\*جدة\*\* – /m, 'the body dateline mirrors the field');
        const r = lint(text, { now: NOW, machineTimeZone: 'Asia/Riyadh', locale: 'en' });
        assert.deepEqual(
          r.diagnostics.filter((d) => d.severity !== 'hint').map((d) => d.rule),
          [],
        );
      });

      test('resolving variables first and filling in later gives the same article', () => {
        assert.equal(fillDefaults(resolveVariables(t().body, VARS)), filled());
      });
    });
  }

  describe('the structure of each genre', () => {
    const text = (genre: string) => fillDefaults(builtin(genre).body, VARS);
    const body = (genre: string) => text(genre).slice(parseArticle(text(genre)).bodyStart);

    test('news genres open with a dateline: the city in bold, then a dash and the lede', () => {
      for (const genre of ['brief', 'breaking', 'report', 'investigation', 'interview', 'press-release']) {
        const city = scalar(getEntry(parseArticle(text(genre)).frontmatter?.root, 'dateline')?.value);
        assert.match(body(genre), new RegExp(`^\\*\\*${city}\\*\\* – \\S`, 'm'), genre);
      }
    });

    test('breaking news is flagged عاجل and says it is being updated', () => {
      assert.match(text('breaking'), /^title: "عاجل/m);
      assert.match(body('breaking'), /قيد التحديث/);
    });

    test('a report has two attributed quotes and a background section', () => {
      assert.ok((body('report').match(/«[^»]+»/g) ?? []).length >= 2);
      assert.match(body('report'), /^## خلفية$/m);
    });

    test('an investigation has documents, an anonymous source with its reason, a right of reply and its method', () => {
      const sources = listedSources(text('investigation'));
      assert.ok(sources.some((s) => s.type === 'document'));
      assert.ok(sources.some((s) => s.type === 'anonymous' && s.reason));
      assert.match(body('investigation'), /طلب عدم الكشف عن هويته/);
      assert.match(body('investigation'), /^## رد /m);
      assert.match(body('investigation'), /^## منهجية التحقيق$/m);
    });

    test('an interview is at least two question-and-answer pairs, and its guest is a listed interview source', () => {
      const lines = body('interview').split('\n').filter((l) => l.trim());
      let pairs = 0;
      lines.forEach((l, i) => {
        if (/^\*\*س: .+؟\*\*$/.test(l) && /^ج: \S/.test(lines[i + 1] ?? '')) pairs++;
      });
      assert.ok(pairs >= 2, `${pairs} Q/A pairs`);
      assert.ok(listedSources(text('interview')).some((s) => s.type === 'interview'));
    });

    test('an opinion column has the byline, the writer’s bio and the disclaimer', () => {
      const author = scalar(getEntry(parseArticle(text('opinion')).frontmatter?.root, 'author')?.value);
      assert.match(body('opinion'), new RegExp(`^\\*\\*بقلم: ${author}\\*\\*$`, 'm'));
      assert.match(body('opinion'), /^\*[^*]+\*$/m, 'an italic bio line');
      assert.match(body('opinion'), /تعبّر عن آراء كتّابها، ولا تعكس بالضرورة موقف/);
      assert.equal(scalar(getEntry(parseArticle(text('opinion')).frontmatter?.root, 'section')?.value), 'رأي');
    });

    test('a press release is headed بيان صحفي and has the about section, a media contact and the end mark', () => {
      assert.match(body('press-release'), /^\*\*بيان صحفي\*\*$/m);
      assert.match(body('press-release'), /^## نبذة عن /m);
      assert.match(body('press-release'), /^\*\*للتواصل الإعلامي:\*\* /m);
      assert.match(body('press-release'), /^-انتهى-$/m);
    });

    test('a correction links the original article and says what was wrong and what is right', () => {
      assert.match(text('correction'), /^title: "تصحيح/m);
      assert.match(body('correction'), /^\*\*الخبر الأصلي:\*\* \[[^\]]+\]\([^)\s]+\)$/m);
      assert.match(body('correction'), /^\*\*ما ورد خطأً:\*\* \S/m);
      assert.match(body('correction'), /^\*\*الصحيح:\*\* \S/m);
    });
  });
});

describe('a headline with quotes', () => {
  for (const [genre] of PREFIXES) {
    test(`${genre}: a headline with straight quotes and a colon still gives a valid frontmatter with that title`, () => {
      const title = 'وزير المالية: "لا تراجع عن الإصلاحات" \\ بيان';
      const vars = newsroomVariables({ now: NOW, timeZone: 'Asia/Riyadh', title });
      const text = fillDefaults(builtin(genre).body, vars);
      const doc = parseArticle(text);
      assert.equal(scalar(getEntry(doc.frontmatter?.root, 'title')?.value), title);
      const syntax = lint(text, { now: NOW }).diagnostics.filter((d) => d.rule === 'frontmatter-syntax');
      assert.deepEqual(syntax, []);
    });
  }

  test('only quoted YAML values are escaped: the same variable in the body is written as typed', () => {
    const body = 'title: "${MUHARRIR_TITLE}"\nsummary: \'${MUHARRIR_TITLE}\'\n\n# ${MUHARRIR_TITLE}\nقال "${MUHARRIR_TITLE}"';
    const out = fillDefaults(body, { MUHARRIR_TITLE: 'قال "نعم" it\'s' });
    assert.equal(out, 'title: "قال \\"نعم\\" it\'s"\nsummary: \'قال "نعم" it\'\'s\'\n\n# قال "نعم" it\'s\nقال "قال "نعم" it\'s"');
    // Resolved for an editor's snippet engine, then inserted: the same escaped title.
    assert.equal(fillDefaults(resolveVariables(body, { MUHARRIR_TITLE: 'a"b' })).split('\n')[0], 'title: "a\\"b"');
  });
});

describe('snippet syntax', () => {
  test('text, tab stops, placeholders and the final cursor', () => {
    const nodes = parseSnippet('a $1 ${2} ${3:three} $0');
    assert.deepEqual(
      nodes.map((n) => n.kind),
      ['text', 'tabstop', 'text', 'tabstop', 'text', 'tabstop', 'text', 'tabstop'],
    );
    assert.deepEqual(
      tabStops(nodes).map((s) => s.index),
      [1, 2, 3, 0],
    );
    assert.equal(fillDefaults('a $1 ${2} ${3:three} $0'), 'a   three ');
  });

  test('nested placeholders keep their own numbers and defaults', () => {
    const nodes = parseSnippet('${1:قال ${2:الوزير} إن ${3:«${4:نص}»}}');
    assert.deepEqual(
      tabStops(nodes).map((s) => s.index),
      [1, 2, 3, 4],
    );
    assert.equal(fillDefaults('${1:قال ${2:الوزير} إن ${3:«${4:نص}»}}'), 'قال الوزير إن «نص»');
  });

  test('choices offer their first option; \\, and \\| are escapes inside them', () => {
    const [choice] = parseSnippet('${1|agency,official\\,gov,a\\|b|}');
    assert.equal(choice.kind, 'choice');
    assert.deepEqual(choice.kind === 'choice' && choice.options, ['agency', 'official,gov', 'a|b']);
    assert.equal(fillDefaults('type: ${1|agency,official|}'), 'type: agency');
    assert.equal(fillDefaults('${0|a,b|}'), '${0|a,b|}', 'the final cursor has no choice: it is text');
  });

  test('a tab stop mirrors the first default of its number, wherever that is', () => {
    assert.equal(fillDefaults('${1:رويترز} … المصدر: $1'), 'رويترز … المصدر: رويترز');
    assert.equal(fillDefaults('$1 … ${1:رويترز}'), 'رويترز … رويترز');
    assert.equal(fillDefaults('${1|agency,media|} / $1'), 'agency / agency');
    assert.equal(fillDefaults('${1:a} ${1:b}'), 'a a', 'as VS Code: the first default wins');
    assert.equal(fillDefaults('${1:a $1} b'), 'a  b', 'a default that mirrors itself ends');
  });

  test('variables: $NAME, ${NAME}, ${NAME:default}; unknown ones as VS Code inserts them', () => {
    const vars = { CURRENT_YEAR: '2025', TM_FILENAME_BASE: 'x' };
    assert.equal(fillDefaults('$CURRENT_YEAR-${CURRENT_YEAR}', vars), '2025-2025');
    assert.equal(fillDefaults('${MUHARRIR_AUTHOR:فريق التحرير}', vars), 'فريق التحرير');
    assert.equal(fillDefaults('$MUHARRIR_AUTHOR', vars), 'MUHARRIR_AUTHOR', 'an unknown variable without default shows its name');
    assert.equal(fillDefaults('[$CLIPBOARD]', vars), '[]', 'a VS Code variable with no value is empty');
    assert.equal(fillDefaults('${MUHARRIR_AUTHOR:${1:كاتب}}', { MUHARRIR_AUTHOR: 'سارة' }), 'سارة');
  });

  test('escapes: \\$ \\} \\\\ are text, any other backslash stays', () => {
    assert.equal(fillDefaults('\\$1 costs \\$5 \\} \\\\ \\n'), '$1 costs $5 } \\ \\n');
    const [t] = parseSnippet('\\$CURRENT_YEAR');
    assert.equal(t.kind, 'text');
    assert.equal(fillDefaults('${1:a \\} b}'), 'a } b', 'an escaped brace does not close the placeholder');
  });

  test('what does not parse is text, as in VS Code', () => {
    assert.equal(fillDefaults('${1:unclosed'), '${1:unclosed');
    assert.equal(fillDefaults('${1:a ${2:b}'), '${1:a b', 'the inner placeholder survives');
    assert.equal(fillDefaults('$ ${ ${} $% ${1 x} $'), '$ ${ ${} $% ${1 x} $');
    assert.equal(fillDefaults('price: 5$'), 'price: 5$');
  });

  test('transforms are parsed and passed through untouched', () => {
    const body = '${TM_FILENAME/(.*)\\.md/${1:/upcase}/} ${1:x} ${1/(a)/$1b/g}';
    const nodes = parseSnippet(body);
    const v = nodes.find((n) => n.kind === 'variable');
    assert.ok(v && v.kind === 'variable' && v.transform);
    assert.deepEqual(v.transform, { regex: '(.*)\\.md', format: '${1:/upcase}', options: '' });
    assert.equal(resolveVariables(body, { TM_FILENAME: 'a.md' }), body);
    const mirror = nodes.filter((n) => n.kind === 'tabstop').at(-1);
    assert.ok(mirror && mirror.kind === 'tabstop' && mirror.transform?.options === 'g');
  });

  test('resolveVariables writes known values as escaped text and leaves the rest to the editor', () => {
    const body = 'date: ${CURRENT_YEAR}-$CURRENT_MONTH ${1:${MUHARRIR_AUTHOR:فريق التحرير}} ${SELECTION} ${MUHARRIR_SLUG}';
    assert.equal(
      resolveVariables(body, { CURRENT_YEAR: '2025', CURRENT_MONTH: '06', MUHARRIR_AUTHOR: 'سارة $ {أحمد}' }),
      'date: 2025-06 ${1:سارة \\$ {أحمد\\}} ${SELECTION} ${MUHARRIR_SLUG}',
    );
    // A MUHARRIR_ variable with no value gives way to its default, which keeps its tab stops.
    assert.equal(resolveVariables('${1:${MUHARRIR_AUTHOR:${2:فريق} التحرير}}', {}), '${1:${2:فريق} التحرير}');
    // Escapes and choices of the source are kept as written.
    assert.equal(resolveVariables('\\$5 ${2|a\\,b,c|}', {}), '\\$5 ${2|a\\,b,c|}');
  });

  test('hostile bodies are read without a stack overflow or a stall', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => '${' + (i + 1) + ':').join('') + 'x' + '}'.repeat(5000);
    const filled = fillDefaults(deep);
    assert.ok(filled.includes('x'), 'past the nesting limit, the rest is text');
    assert.ok(filled.startsWith('${65:'), 'the first 64 levels are placeholders');
    const chain = Array.from({ length: 3000 }, (_, i) => '${' + (i + 1) + ':$' + (i + 2) + '}').join(' ');
    assert.equal(typeof fillDefaults(chain), 'string');
    // Transforms that never close are text; reading them again and again must not go quadratic.
    const open = '${1/a/b/'.repeat(20000);
    assert.equal(fillDefaults(open), open);
    assert.equal(resolveVariables(open, {}), open);
  });

  test('any text escaped stands for itself; parsing never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        assert.equal(fillDefaults(escapeSnippetText(s)), s);
        assert.equal(fillDefaults(resolveVariables(escapeSnippetText(s), {})), s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[$\\{}:|,/0-9A-Z_ a]{0,40}$/), (s) => {
        parseSnippet(s);
        assert.equal(typeof fillDefaults(s), 'string');
        assert.equal(typeof resolveVariables(s, { A: '$' }), 'string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('snippet files', () => {
  test('entries that are not snippets are reported by name and skipped, nothing throws', () => {
    const { templates, problems } = templatesFromSnippets({
      good: { prefix: 'g', body: ['a', 'b'], description: 'd' },
      noBody: { prefix: 'x' },
      badPrefix: { prefix: 3, body: 'x' },
      notAnObject: 'text',
    });
    assert.deepEqual(
      templates.map((t) => [t.id, t.body, t.prefixes]),
      [['good', 'a\nb', ['g']]],
    );
    assert.deepEqual(
      problems.map((p) => p.snippet),
      ['noBody', 'badPrefix', 'notAnObject'],
    );
    assert.ok(problems.every((p) => p.message.en && p.message.ar));
    assert.equal(templatesFromSnippets([1, 2]).problems.length, 1);
    assert.equal(templatesFromSnippets(null).templates.length, 0);
  });

  test('a pack’s templates carry the pack and are named after it', () => {
    const { templates } = templatesFromSnippets({ 'Sports result': { prefix: ['score', 'نتيجة'], body: 'x' } }, { pack: { name: 'sports-desk', version: '1.2.0' } });
    assert.equal(templates[0].id, 'sports-desk/Sports result');
    assert.deepEqual(templates[0].pack, { name: 'sports-desk', version: '1.2.0' });
  });
});

describe('slugify', () => {
  test('real Arabic headlines keep their letters, as written, joined by dashes', () => {
    assert.equal(slugify('وزارة الصحة تطلق حملة وطنية للتطعيم'), 'وزارة-الصحة-تطلق-حملة-وطنية-للتطعيم');
    assert.equal(slugify('إطلاق مبادرة «اقرأ» في المدارس'), 'إطلاق-مبادرة-اقرأ-في-المدارس');
    assert.equal(slugify('مصر: افتتاح المتحف المصري الكبير.. رسمياً'), 'مصر-افتتاح-المتحف-المصري-الكبير-رسميا');
  });

  test('diacritics and tatweel go, and so does punctuation', () => {
    assert.equal(slugify('عاجــل: مَجْلِسُ الوُزَراءِ يُقِرُّ المُوازَنَةَ'), 'عاجل-مجلس-الوزراء-يقر-الموازنة');
    assert.equal(slugify('«أوبك+» تمدد خفض الإنتاج حتى نهاية 2025؟'), 'أوبك-تمدد-خفض-الإنتاج-حتى-نهاية-2025');
    assert.equal(slugify('هل ترتفع الأسعار؟ خبراء يجيبون!'), 'هل-ترتفع-الأسعار-خبراء-يجيبون');
  });

  test('Arabic-Indic digits become Latin; presentation forms become letters', () => {
    assert.equal(slugify('ارتفاع التضخم إلى ١٣٫٦٪ في مايو'), 'ارتفاع-التضخم-إلى-13-6-في-مايو');
    assert.equal(slugify('نمو ۵ بالمئة'), 'نمو-5-بالمئة');
    assert.equal(slugify('\uFEFB تراجع'), 'لا-تراجع');
  });

  test('Latin and mixed headlines: lower case, accents and apostrophes dropped', () => {
    assert.equal(slugify('Café owners say: "Prices can’t rise again!"'), 'cafe-owners-say-prices-cant-rise-again');
    assert.equal(slugify('قمة G20 في الرياض'), 'قمة-g20-في-الرياض');
    assert.equal(slugify('  Élections   législatives  '), 'elections-legislatives');
  });

  test('long headlines are cut at the last whole word within 60 characters', () => {
    const title = 'الحكومة تعلن حزمة إجراءات جديدة لدعم الشركات الصغيرة والمتوسطة وتخفيف أعباء التمويل في المناطق الريفية';
    const full = slugify(title, { maxLength: 1000 });
    const slug = slugify(title);
    assert.ok([...slug].length <= 60, slug);
    assert.ok(full.startsWith(slug) && full[slug.length] === '-', 'cut at a word boundary');
    assert.ok([...slug].length > 45, 'not cut much shorter than needed');
    assert.equal(slugify('ا'.repeat(80)).length, 60, 'a single word longer than the limit is cut inside it');
  });

  test('nothing left: the fallback', () => {
    assert.equal(slugify(''), 'article');
    assert.equal(slugify('؟!… «» — 🎉'), 'article');
    assert.equal(slugify('???', { fallback: 'khabar' }), 'khabar');
    assert.equal(slugify('CON'), 'con-1', 'a name Windows reserves');
  });

  test('always safe for a file name, and stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        const slug = slugify(s);
        assert.match(slug, /^[\p{L}0-9]+(-[\p{L}0-9]+)*$/u);
        assert.ok([...slug].length <= 60);
        assert.equal(slugify(slug), slug, 'a slug is its own slug');
      }),
      { numRuns: 500 },
    );
  });
});

describe('newsroom variables', () => {
  test('2 June 2025 15:00 UTC in Riyadh: VS Code date variables, ISO date with offset, Hijri date and weekday', () => {
    const v = newsroomVariables({ now: NOW, timeZone: 'Asia/Riyadh' });
    assert.deepEqual(
      [v.CURRENT_YEAR, v.CURRENT_YEAR_SHORT, v.CURRENT_MONTH, v.CURRENT_DATE, v.CURRENT_HOUR, v.CURRENT_MINUTE, v.CURRENT_SECOND, v.CURRENT_TIMEZONE_OFFSET],
      ['2025', '25', '06', '02', '18', '00', '00', '+03:00'],
    );
    assert.equal(v.MUHARRIR_DATE, '2025-06-02T18:00:00+03:00');
    assert.equal(v.MUHARRIR_HIJRI_DATE, '6 ذو الحجة 1446هـ');
    assert.equal(v.MUHARRIR_GREGORIAN_DATE, '2 يونيو 2025');
    assert.equal(v.MUHARRIR_WEEKDAY, 'الاثنين');
    assert.equal(v.CURRENT_SECONDS_UNIX, String(NOW.getTime() / 1000));
  });

  test('the day is the newsroom’s day, not UTC’s', () => {
    const v = newsroomVariables({ now: new Date('2025-06-02T22:30:00Z'), timeZone: 'Asia/Riyadh' });
    assert.equal(v.MUHARRIR_DATE, '2025-06-03T01:30:00+03:00');
    assert.equal(v.MUHARRIR_WEEKDAY, 'الثلاثاء');
    assert.equal(v.MUHARRIR_HIJRI_DATE, '7 ذو الحجة 1446هـ');
  });

  test('zones west of UTC, daylight saving, fixed offsets and the engine’s own choice', () => {
    assert.equal(newsroomVariables({ now: NOW, timeZone: 'America/New_York' }).MUHARRIR_DATE, '2025-06-02T11:00:00-04:00');
    assert.equal(newsroomVariables({ now: new Date('2025-01-15T15:00:00Z'), timeZone: 'America/New_York' }).CURRENT_TIMEZONE_OFFSET, '-05:00');
    assert.equal(newsroomVariables({ now: NOW, timeZone: '+05:30' }).MUHARRIR_DATE, '2025-06-02T20:30:00+05:30');
    assert.equal(newsroomVariables({ now: NOW, timeZone: 'Z' }).MUHARRIR_DATE, '2025-06-02T15:00:00+00:00');
    assert.equal(newsroomVariables({ now: NOW, timeZone: { zone: null, fixedOffset: 120, origin: 'article' } }).CURRENT_HOUR, '17');
    assert.equal(newsroomVariables({ now: NOW, timeZone: 'Not/AZone' }).CURRENT_TIMEZONE_OFFSET, '+00:00', 'an unknown zone is UTC, not a crash');
  });

  test('author, dateline, title and slug when given (trimmed), absent when blank', () => {
    const v = newsroomVariables({ now: NOW, timeZone: 'UTC', author: ' سارة أحمد ', dateline: 'جدة', title: 'افتتاح مكتبة الحي بعد ترميمها', file: '/ws/articles/2025/06/x.article.md' });
    assert.equal(v.MUHARRIR_AUTHOR, 'سارة أحمد');
    assert.equal(v.MUHARRIR_DATELINE, 'جدة');
    assert.equal(v.MUHARRIR_TITLE, 'افتتاح مكتبة الحي بعد ترميمها');
    assert.equal(v.MUHARRIR_SLUG, 'افتتاح-مكتبة-الحي-بعد-ترميمها');
    assert.equal(v.TM_FILENAME, 'x.article.md');
    assert.equal(v.TM_FILENAME_BASE, 'x.article');
    const blank = newsroomVariables({ now: NOW, timeZone: 'UTC', author: '  ', title: '' });
    for (const k of ['MUHARRIR_AUTHOR', 'MUHARRIR_DATELINE', 'MUHARRIR_TITLE', 'MUHARRIR_SLUG', 'TM_FILENAME']) assert.ok(!(k in blank), k);
  });
});
