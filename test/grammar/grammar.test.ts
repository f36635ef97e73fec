/**
 * The TextMate grammars in syntaxes/: generated from the engine's tables, contributed to VS Code,
 * colouring the fixtures in test/fixtures/grammar/ as their JSON says (in VS Code 1.139's and 1.93's
 * own Markdown and YAML grammars), and colouring the same attribution words and dates the engine
 * reads, in generated sentences and across the article corpus.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { chooseTimeZone, defaultConfig, parseArticle } from '../../server/src/engine';
import { attributions, dateExpressions, normalize } from '../../server/src/engine/arabic';
import { ATTRIBUTION_PARTICIPLES, ATTRIBUTION_PHRASES, ATTRIBUTION_VERBS } from '../../server/src/engine/data/attribution';
import * as CAL from '../../server/src/engine/data/calendar';
import { GRAMMARS, MARKS, renderGrammars } from '../../scripts/gen-grammar';
import { check, scopeMatches, type ExpectationFile } from './expect';
import { EDITORS, FIXTURES, markdownGrammar, onigLib, ROOT, tokenize, type Editor, type Token } from './tokenize';

const ATTRIBUTION = 'keyword.other.attribution';
const QUOTE = 'string.quoted.other';
const DAY_DATES = ['constant.other.date.gregorian', 'constant.other.date.hijri'];
const MONTH_ONLY = ['constant.other.date.gregorian.month', 'constant.other.date.hijri.month'];

describe('grammar files', () => {
  test('the committed grammars are what scripts/gen-grammar.ts makes of the engine data (npm run grammar)', () => {
    for (const [rel, text] of renderGrammars()) {
      const file = join(ROOT, rel);
      assert.ok(existsSync(file), `${rel} is missing: run npm run grammar`);
      assert.equal(readFileSync(file, 'utf8'), text, `${rel} is out of date: run npm run grammar`);
    }
  });

  test('package.json contributes each grammar, injected into Markdown', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const contributed: { path: string; scopeName: string; injectTo?: string[] }[] = pkg.contributes?.grammars ?? [];
    for (const g of GRAMMARS) {
      const entry = contributed.find((c) => c.scopeName === g.scopeName);
      assert.ok(entry, `package.json contributes.grammars has no ${g.scopeName}: add ${JSON.stringify(g)}`);
      assert.equal(join(entry.path), join(g.path), `${g.scopeName} path`);
      assert.deepEqual(entry.injectTo, g.injectTo, `${g.scopeName} injectTo`);
    }
  });

  test('every regex of both grammars compiles in Oniguruma', async () => {
    await onigLib();
    let count = 0;
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') {
            count++;
            assert.doesNotThrow(() => new oniguruma.OnigScanner([v]), `${where}.${k}`);
          } else walk(v, `${where}.${k}`);
        }
      }
    };
    for (const [rel, text] of renderGrammars()) walk(JSON.parse(text), rel);
    assert.ok(count > 10);
  });

  test('the marks allowed after each letter are the ones the engine ignores, bar Quranic annotation signs', () => {
    const allowed = new RegExp(MARKS.replace(/\\x\{([0-9A-F]+)\}/g, '\\u{$1}').replace(/\*$/, ''), 'u');
    const annotation = [0x06dd, 0x06de, 0x06e5, 0x06e6, 0x06e9];
    for (let c = 0x0600; c <= 0x06ff; c++) {
      const ch = String.fromCharCode(c);
      const ignored = normalize(ch) === '';
      if (annotation.includes(c)) continue;
      assert.equal(allowed.test(ch), ignored, `U+${c.toString(16)}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

for (const editor of Object.keys(EDITORS) as Editor[]) {
  describe(`fixtures in ${editor}`, () => {
    for (const name of fixtureNames) {
      test(name, async (t) => {
        const expected: ExpectationFile = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
        const text = readFileSync(join(FIXTURES, `${name}.md`), 'utf8');
        const lines = tokenize(await markdownGrammar(editor), text);
        const source = text.split(/\r?\n/);
        const problems: string[] = [];
        let checks = 0;
        for (const e of expected.expect) {
          if (e.editors && !e.editors.includes(editor)) continue;
          const r = check(lines, source, e);
          problems.push(...r.problems);
          checks += r.checks;
        }
        t.diagnostic(`${checks} checks`);
        assert.deepEqual(problems, [], `${name}.md (${expected.about})`);
      });
    }
  });
}

test('every fixture has its expectations beside it', () => {
  for (const name of fixtureNames) assert.ok(existsSync(join(FIXTURES, `${name}.json`)), `${name}.json`);
  assert.ok(fixtureNames.length >= 10);
});

// ---------------------------------------------------------------------------------------------
// The grammar and the engine read the same words.

interface Span {
  start: number;
  end: number;
  kind: string;
}

const key = (s: Span) => `${s.start}-${s.end} ${s.kind}`;

/** Tokens with document offsets. */
function located(text: string, lines: Token[][]): (Token & { from: number; to: number })[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return lines.flat().map((t) => ({ ...t, from: starts[t.line] + t.start, to: starts[t.line] + t.end }));
}

/** Runs of tokens carrying a scope of `kinds` (the first matching one names the run), not inside a quote. */
function grammarSpans(tokens: ReturnType<typeof located>, kinds: string[], except: string[] = []): Span[] {
  const out: Span[] = [];
  for (const t of tokens) {
    if (t.from === t.to) continue;
    const scope = t.scopes.find((s) => kinds.some((k) => scopeMatches(s, k)) && !except.some((x) => scopeMatches(s, x)));
    if (!scope || t.scopes.some((s) => except.some((x) => scopeMatches(s, x)))) continue;
    const last = out[out.length - 1];
    if (last && last.end === t.from && last.kind === scope) last.end = t.to;
    else out.push({ start: t.from, end: t.to, kind: scope });
  }
  return out;
}

function inQuote(tokens: ReturnType<typeof located>, offset: number): boolean {
  return tokens.some((t) => t.from <= offset && offset < t.to && t.scopes.some((s) => scopeMatches(s, QUOTE)));
}

const KIND_SCOPE: Record<string, string> = {
  verb: 'keyword.other.attribution.verb.muharrir',
  participle: 'keyword.other.attribution.participle.muharrir',
  phrase: 'keyword.other.attribution.phrase.muharrir',
};

/** The attribution words the engine reads and the ones the grammar colours, outside quotes. */
async function attributionSpans(text: string): Promise<{ engine: Span[]; grammar: Span[] }> {
  const tokens = located(text, tokenize(await markdownGrammar('vscode-1.139'), text));
  const engine = attributions(parseArticle(text))
    .filter((a) => KIND_SCOPE[a.kind] && !inQuote(tokens, a.start))
    .map((a) => ({ start: a.start, end: a.end, kind: KIND_SCOPE[a.kind] }));
  return { engine, grammar: grammarSpans(tokens, [ATTRIBUTION], [QUOTE]) };
}

/** The dates the engine reads (a day of a month) and the ones the grammar colours, outside quotes. */
async function dateSpans(text: string): Promise<{ engine: Span[]; grammar: Span[] }> {
  const tokens = located(text, tokenize(await markdownGrammar('vscode-1.139'), text));
  const doc = parseArticle(text);
  const engine = dateExpressions(doc, chooseTimeZone(doc, defaultConfig(), 'Asia/Riyadh'))
    .list.filter((e) => e.kind === 'date' && e.written && !inQuote(tokens, e.start))
    .map((e) => ({ start: e.start, end: e.end, kind: 'date' }));
  const grammar = grammarSpans(tokens, DAY_DATES, [...MONTH_ONLY, QUOTE]).map((s) => ({ ...s, kind: 'date' }));
  return { engine, grammar };
}

function assertSame(text: string, spans: { engine: Span[]; grammar: Span[] }, where: string): number {
  const g = new Set(spans.grammar.map(key));
  const e = new Set(spans.engine.map(key));
  const show = (s: Span) => `«${text.slice(s.start, s.end)}» ${s.kind} …${text.slice(Math.max(0, s.start - 20), s.end + 20).replace(/\n/g, ' ')}…`;
  const onlyEngine = spans.engine.filter((s) => !g.has(key(s))).map(show);
  const onlyGrammar = spans.grammar.filter((s) => !e.has(key(s))).map(show);
  assert.deepEqual({ onlyEngine, onlyGrammar }, { onlyEngine: [], onlyGrammar: [] }, where);
  return spans.engine.length;
}

const FRONT = '---\ntitle: خبر\ndate: 2025-06-02T10:00:00+03:00\n---\n\n';
const article = (paragraphs: string[]) => FRONT + paragraphs.join('\n\n') + '\n';

/** A form as writers also type it: alef seats dropped, a vowel mark after the first letter. */
const withoutHamza = (w: string) => w.replace(/[\u0623\u0625\u0622]/g, '\u0627');
const withMark = (w: string) => w[0] + '\u064E' + w.slice(1);

describe('the grammar colours what the engine reads, from the engine tables', () => {
  test('every attribution verb form, bare, with و and ف, without hamza, with a vowel mark; and the conditions on them', async (t) => {
    const paragraphs: string[] = [];
    for (const v of ATTRIBUTION_VERBS) {
      for (const f of v.forms) {
        for (const w of new Set([f, '\u0648' + f, '\u0641' + f, withoutHamza(f), withMark(f)])) {
          paragraphs.push(`${w} المسؤول عن الخطة.`);
          // «نقل» with no «عن» after it; a bare «أوضح» before «من» (the comparative).
          if (v.needsAfter) paragraphs.push(`${w} المسؤول الخطة كاملة.`);
          if (v.alsoComparative) paragraphs.push(`${w} من قبل.`);
        }
      }
    }
    const text = article(paragraphs);
    const n = assertSame(text, await attributionSpans(text), 'verbs');
    t.diagnostic(`${paragraphs.length} sentences, ${n} verbs agreed`);
    assert.ok(n > 1000);
  });

  test('every participle and every phrase, with و', async (t) => {
    const paragraphs: string[] = [];
    for (const p of ATTRIBUTION_PARTICIPLES) paragraphs.push(`وتابع الحديث ${p} إن الخطة جاهزة.`, `أنهى الحديث و${p} إن الخطة جاهزة.`);
    for (const p of ATTRIBUTION_PHRASES) {
      paragraphs.push(`ارتفع الدخل ${p.phrase} الهيئة العامة للإحصاء.`, `ارتفع الدخل و${p.phrase} الهيئة.`);
      if (p.then === '\u0644') paragraphs.push(`ارتفع الدخل ${p.phrase} لـ الهيئة.`, `ارتفع الدخل ${p.phrase} للهيئة.`);
      else if (p.then) for (const b of p.then) paragraphs.push(`أعلنت الخطة ${p.phrase} ${b === '\u0644' ? 'لـ' : b} الهيئة.`);
    }
    const text = article(paragraphs);
    const n = assertSame(text, await attributionSpans(text), 'participles and phrases');
    t.diagnostic(`${paragraphs.length} sentences, ${n} agreed`);
    assert.ok(n > 100);
  });

  test('every month name of both families and every Hijri month, with a day, a year, a weekday, an ordinal', async (t) => {
    const paragraphs: string[] = [];
    for (const m of CAL.GREGORIAN_MONTH_FORMS.flat()) {
      paragraphs.push(`وصل الوفد في 2 ${m} 2025م.`, `وصل الوفد في ١٥ ${m} ٢٠٢٤.`, `يصل الوفد الخميس 4 ${m} المقبل.`, `يصل الوفد في الرابع من ${m}.`);
    }
    for (const m of CAL.HIJRI_MONTHS.flatMap((x) => x.forms)) {
      paragraphs.push(`عاد الحجاج في 6 ${m} 1446هـ.`, `عاد الحجاج في غرة ${m} 1447 هـ.`, `عاد الحجاج يوم الاثنين 14 ${m}.`);
    }
    for (const w of CAL.WEEKDAYS.flatMap((x) => x.forms)) paragraphs.push(`يبدأ الموسم ${w}، 2 يونيو 2025.`);
    const text = article(paragraphs);
    const n = assertSame(text, await dateSpans(text), 'dates');
    t.diagnostic(`${paragraphs.length} sentences, ${n} dates agreed`);
    assert.ok(n > 150);
  });
});

// ---------------------------------------------------------------------------------------------

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'vendor') return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : f.endsWith('.md') ? [p] : [];
  });
}

describe('the grammar and the engine agree on the article corpus', () => {
  const files = ['test/fixtures/articles', 'test/fixtures/corpus', 'examples', 'test/fixtures/grammar'].flatMap((d) => markdownFiles(join(ROOT, d)));

  test('attribution words outside quotes: the same words, the same extent', async (t) => {
    let n = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      n += assertSame(text, await attributionSpans(text), relative(ROOT, f));
    }
    t.diagnostic(`${files.length} articles, ${n} attribution words agreed`);
    assert.ok(n > 200);
  });

  test('dates with a day outside quotes: the same dates, the same extent', async (t) => {
    let n = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      n += assertSame(text, await dateSpans(text), relative(ROOT, f));
    }
    t.diagnostic(`${files.length} articles, ${n} dates agreed`);
    assert.ok(n > 60);
  });
});
