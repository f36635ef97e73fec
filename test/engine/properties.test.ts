/**
 * Property tests over the whole engine (DESIGN §8): random text and randomly mutated real
 * articles must never make `lint` throw or lose a rule to an internal error, every diagnostic must
 * lie inside the document at the LSP position of its offsets, every fix must stay in its place,
 * fix-all must be idempotent, and CRLF or a BOM must not change what the writer is told.
 * Each property runs with a fixed seed so CI sees the same inputs every time; the seed and the
 * number of runs are printed as test diagnostics. A failure prints fast-check's shrunk
 * counterexample and the seed and path to replay it.
 */
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAll, lint, type EngineDiagnostic, type LintResult, type Position } from '../../server/src/engine';
import { decodeArticle } from '../../server/src/node/configFiles';
import { BASE_OPTIONS, FIXTURES, markdownFiles } from './helpers';

/** Bigger articles add time, not new shapes: every fixture is cut to this many characters. */
const MAX_ARTICLE_CHARS = 8 * 1024;

const CORPUS: readonly string[] = [...markdownFiles(join(FIXTURES, 'articles')), ...markdownFiles(join(FIXTURES, 'rules'))].map((p) =>
  readFileSync(p, 'utf8').slice(0, MAX_ARTICLE_CHARS),
);

// ---------------------------------------------------------------------------------------------
// Generators

const BIDI = ['\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const BREAKS = ['\n', '\r\n', '\r'];
const YAML_PUNCTUATION = ['---', '...', ':', ': ', '- ', '[', ']', '{', '}', ',', '&a', '*a', '!!str ', '|', '>', '#', '%', '@', '`', "'", '"', '?', '\t'];
const ARABIC_MARKS = ['«', '»', '،', '؛', '؟', '\u0640' /* tatweel */, '\uFFFD', '\uFEFF', '\u200C', '\u200D', '\u064E', '\u0651'];
const DIGITS = ['0', '7', '2025', '٠', '٣', '٩', '٢٠٢٥', '۱۴۰۴', '/', '-', 'T', '+03:00'];
/** Snippets of real article shapes, so random text often reaches the rules' deeper paths. */
const SNIPPETS = [
  '---\n',
  'title: خبر\n',
  'date: 2025-06-02T10:00:00+03:00\n',
  'date: ٢٠٢٥/٠٦/٠٢\n',
  'author: سارة\n',
  'sources:\n  - name: رويترز\n',
  'status: Published\n',
  'tags: نفط\n',
  '# عنوان\n',
  'المصدر: وكالة الأنباء\n',
  'قال المتحدث أمس إن ',
  'الإجتماع',
  'إقرأ أيضاً:',
  '<!-- muharrir-disable -->',
  '<!-- muharrir-disable-next-line hamza-common-error -->',
];

/** Any UTF-16 code unit, lone surrogates included: what a broken editor buffer could hold. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const arabicLetter = fc
  .oneof(fc.integer({ min: 0x0600, max: 0x06ff }), fc.integer({ min: 0x0750, max: 0x077f }), fc.integer({ min: 0xfb50, max: 0xfdff }), fc.integer({ min: 0xfe70, max: 0xfeff }))
  .map((c) => String.fromCharCode(c));

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: arabicLetter },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 2, arbitrary: fc.constantFrom(...YAML_PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...ARABIC_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 1, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 1, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: anyCodeUnit },
);

const randomText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '', '---\n', '---\r\n', '\uFEFF', '\uFEFF---\n', '\n\n---\n'), fc.array(piece, { maxLength: 400 }))
  .map(([head, parts]) => head + parts.join(''));

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number };

const insertion = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }), text: insertion }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : ('at' in m ? m.at : 0) % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

/** A real article, unchanged or with a few random mutations. */
const mutatedArticle: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { maxLength: 8 }))
  .map(([i, ms]) => ms.reduce(mutate, CORPUS[i]));

const anyText = fc.oneof(randomText, mutatedArticle);

// ---------------------------------------------------------------------------------------------
// Independent oracles

/** LSP positions (0-based line, UTF-16 character) computed apart from the engine's LineIndex. */
function positionOracle(text: string): (offset: number) => Position {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
}

function lineSpans(text: string): { start: number; contentEnd: number; next: number }[] {
  const spans: { start: number; contentEnd: number; next: number }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start, contentEnd: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  spans.push({ start, contentEnd: text.length, next: text.length });
  return spans;
}

function lintClean(text: string): LintResult {
  const r = lint(text, BASE_OPTIONS);
  assert.deepEqual(r.internalErrors.map((e) => `${e.rule}: ${e.error.split('\n')[0]}`), [], 'no rule threw');
  return r;
}

/** Rules whose fix adds a field or a list entry to the frontmatter, away from where the problem is seen. */
const FRONTMATTER_WRITERS = new Set(['date-missing', 'sources-missing', 'required-field', 'source-unlisted']);

/**
 * The documented neighbourhood of a diagnostic's fix. Always: the diagnostic's own lines widened
 * over the blank lines around them, from the end of the previous non-blank line to the start of
 * the next one (deleting a boilerplate or repeated-headline line takes its break and the gap after
 * it, or the break before it at the end of the file); a fix never touches another written line.
 * For the rules that record a missing field or source: also the frontmatter block, from its
 * opening `---` to the end of its closing one. For `frontmatter-missing`: also the head of the
 * document up to the diagnostic (the blank lines above a pushed-down `---`, or a new block at the top).
 */
function neighbourhoods(r: LintResult, d: EngineDiagnostic): [number, number][] {
  const { text } = r.document;
  const spans = lineSpans(text);
  const at = positionOracle(text);
  const blank = (i: number) => /^\s*$/.test(text.slice(spans[i].start, spans[i].contentEnd));
  let first = at(d.start).line;
  let last = at(d.end).line;
  while (first > 0 && blank(first - 1)) first--;
  while (last + 1 < spans.length && blank(last + 1)) last++;
  const lo = first > 0 ? spans[first - 1].contentEnd : 0;
  const hi = last + 1 < spans.length ? spans[last + 1].start : text.length;
  const out: [number, number][] = [[lo, hi]];
  const fm = r.document.frontmatter;
  if (FRONTMATTER_WRITERS.has(d.rule) && fm) out.push([fm.start, fm.end]);
  if (d.rule === 'frontmatter-missing') out.push([r.document.bom ? 1 : 0, d.end]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Properties

/** Runs a property with a fixed seed and says in the test output what ran. */
function check<T>(
  t: TestContext,
  name: string,
  seed: number,
  numRuns: number,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  examples: T[] = [],
): void {
  const details = fc.check(fc.property(arb, predicate), { seed, numRuns, examples: examples.map((e) => [e] as [T]) });
  t.diagnostic(`${name}: seed ${seed}, ${details.numRuns} runs${details.failed ? ', FAILED' : ''}`);
  if (details.failed) {
    const input = JSON.stringify(details.counterexample?.[0]);
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    assert.fail(`${name} fails after ${details.numRuns} runs (seed ${seed}, path ${details.counterexamplePath}).\ninput: ${input}\n${error}`);
  }
}

describe('engine properties over random and mutated articles', () => {
  test(`the corpus of real articles is loaded (${CORPUS.length} files)`, () => {
    assert.ok(CORPUS.length >= 100, `${CORPUS.length} fixtures`);
  });

  test('lint never throws and no rule fails, whatever the text', (t) => {
    check(t, 'no-throw (random text)', 0x4d7501, 400, randomText, (text) => void lintClean(text));
    check(t, 'no-throw (mutated articles)', 0x4d7502, 300, mutatedArticle, (text) => void lintClean(text));
  });

  test('every diagnostic lies inside the document, well ordered, at the LSP position of its offsets', (t) => {
    check(t, 'ranges', 0x4d7503, 400, anyText, (text) => {
      const r = lintClean(text);
      const at = positionOracle(text);
      const spans = lineSpans(text);
      for (const d of r.diagnostics) {
        const where = `${d.rule} at ${d.start}-${d.end}`;
        assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end), where);
        assert.ok(0 <= d.start && d.start <= d.end && d.end <= text.length, `${where}: offsets inside [0, ${text.length}]`);
        assert.deepEqual(d.range, { start: at(d.start), end: at(d.end) }, `${where}: range is the LSP position of its offsets`);
        const { start, end } = d.range;
        assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${where}: range ordered`);
        for (const p of [start, end]) {
          const span = spans[p.line];
          assert.ok(span !== undefined, `${where}: line ${p.line} exists`);
          assert.ok(p.character <= span.contentEnd - span.start, `${where}: character ${p.character} within line ${p.line}`);
        }
      }
    });
  });

  test('every fix edits inside the document, without overlapping itself, within its documented neighbourhood', (t) => {
    check(t, 'fix-confined', 0x4d7504, 400, anyText, (text) => {
      const r = lintClean(text);
      for (const d of r.diagnostics) {
        if (!d.fix) continue;
        const edits = [...d.fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
        assert.ok(edits.length > 0, `${d.rule}: a fix with no edits`);
        let previousEnd = -1;
        for (const e of edits) {
          const where = `${d.rule} (diagnostic ${d.start}-${d.end}) edit ${e.start}-${e.end} → ${JSON.stringify(e.newText)}`;
          assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${where}: inside [0, ${text.length}]`);
          assert.ok(e.start > previousEnd || (e.start === previousEnd && e.start < e.end), `${where}: overlaps another edit of the same fix`);
          previousEnd = e.end;
          const allowed = neighbourhoods(r, d);
          assert.ok(
            allowed.some(([lo, hi]) => lo <= e.start && e.end <= hi),
            `${where}: outside its neighbourhoods ${JSON.stringify(allowed)}`,
          );
        }
      }
    });
  });

  test('fix-all is idempotent: applying all safe fixes twice is applying them once', (t) => {
    check(t, 'fix-all idempotent', 0x4d7505, 250, anyText, (text) => {
      const once = fixAll(text, BASE_OPTIONS);
      const twice = fixAll(once.text, BASE_OPTIONS);
      assert.equal(twice.text, once.text);
      assert.equal(twice.fixed, 0);
      lintClean(once.text);
    });
  });

  test('CRLF and LF give the same diagnostics: rules, messages, lines and characters', (t) => {
    const key = (d: EngineDiagnostic) => ({ rule: d.rule, severity: d.severity, messages: d.messages, range: d.range, fixed: !!d.fix, safe: d.fix?.safe });
    check(t, 'crlf = lf', 0x4d7506, 300, anyText, (text) => {
      const lf = text.replace(/\r\n|\r/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      assert.deepEqual(lintClean(crlf).diagnostics.map(key), lintClean(lf).diagnostics.map(key));
    });
  });

  /**
   * Found by this property: line walkers read line 0 from offset 0, BOM included, so after a BOM
   * `\t…` was no indented code, `> ` no quote marker, `# …` no heading.
   */
  const BOM_REGRESSIONS = ['\tء٠', '>  0', '# عنوان  الخبر\n\nنص.', '```\nكود  هنا,\n```\n'];

  test('a BOM changes nothing but the offsets it shifts, and the CLI decoder strips exactly one', (t) => {
    const key = (d: EngineDiagnostic, shift: number) => ({
      rule: d.rule,
      severity: d.severity,
      messages: d.messages,
      start: d.start - shift,
      end: d.end - shift,
      // The BOM is one UTF-16 unit of line 0 in the LSP's counting, nowhere else.
      range: {
        start: { line: d.range.start.line, character: d.range.start.character - (d.range.start.line === 0 ? shift : 0) },
        end: { line: d.range.end.line, character: d.range.end.character - (d.range.end.line === 0 ? shift : 0) },
      },
      fixed: !!d.fix,
      safe: d.fix?.safe,
    });
    check(t, 'bom = no bom', 0x4d7507, 300, anyText, (text) => {
      const bare = text.replace(/^\uFEFF+/, '');
      const withBom = '\uFEFF' + bare;
      assert.deepEqual(lintClean(withBom).diagnostics.map((d) => key(d, 1)), lintClean(bare).diagnostics.map((d) => key(d, 0)));
      // Through the CLI's decoder: bytes with a BOM read as the text without it (when the text has
      // no lone surrogate, which UTF-8 cannot carry).
      if (Buffer.from(bare, 'utf8').toString('utf8') === bare) {
        const decoded = decodeArticle(Buffer.from(withBom, 'utf8'));
        assert.equal(decoded.bom, true);
        assert.equal(decoded.text, bare);
      }
    }, BOM_REGRESSIONS);
  });
});
