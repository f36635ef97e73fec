import type { Rule, RuleContext } from '../../engine/rule';
import { reportByParagraph } from '../../engine/paragraphReports';
import { bodyTokens, firstTokenFrom, isArabicMark, isArabicMarkCode, LONG_WORD, normalize, TATWEEL, WordTest, type Token } from '../../engine/arabic';
import { HAMZA_BY_WRONG, HAMZA_PHRASES, SUFFIXES, type HamzaEntry, type HamzaPhrase } from '../../engine/data/hamza';

const ALEF_HAMZA_BELOW = '\u0625';

/** The word without diacritics and tatweel, and where each of its letters is in the raw word. */
function letters(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (isArabicMark(ch) || ch === TATWEEL) continue;
    text += ch;
    at.push(i);
  }
  return { text, at };
}

/** Whether `raw` is `word` once its marks and tatweel are left out: `letters(raw).text === word` without the copy. */
function lettersAre(raw: string, word: string): boolean {
  let k = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isArabicMarkCode(c) || c === 0x0640) continue;
    if (word.charCodeAt(k) !== c) return false;
    k++;
  }
  return k === word.length;
}

/** Whether text[from, to) is one or more spaces (no-break spaces too). */
function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/** Clitics a noun or masdar may carry: و ف, then ب ل ك, then the article; or ل + article written لل. */
const NOMINAL_PREFIXES: string[] = (() => {
  const out = new Set<string>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ل', 'ك']) for (const art of ['', 'ال']) out.add(conj + prep + art);
    out.add(conj + 'لل');
  }
  return [...out];
})();
const VERBAL_PREFIXES = ['', 'و', 'ف'];

/** The phrases' first words, normalized (hamza-blind): a cheap first test on every token. */
const PHRASE_NORMS = new Set(HAMZA_PHRASES.map((p) => normalize(p.words[0])));

const ALL_SUFFIXES = [...new Set(Object.values(SUFFIXES).flat())];

interface WordHit {
  entry: HamzaEntry;
  /** Index of the إ in the letters of the word. */
  hamza: number;
}

/** Longer than any listed word with all its clitics and endings. */
const MAX_WORD = 24;

function matchWord(word: string): WordHit | undefined {
  if (word.length > MAX_WORD) return undefined;
  for (const prefix of NOMINAL_PREFIXES) {
    if (word[prefix.length] !== ALEF_HAMZA_BELOW || !word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    for (const suffix of ALL_SUFFIXES) {
      if (!rest.endsWith(suffix) || rest.length <= suffix.length) continue;
      for (const entry of HAMZA_BY_WRONG.get(rest.slice(0, rest.length - suffix.length)) ?? []) {
        const nominal = entry.kind === 'masdar' || entry.kind === 'noun';
        if (!nominal && !VERBAL_PREFIXES.includes(prefix)) continue;
        if (!(entry.suffixes ?? SUFFIXES[entry.kind]).includes(suffix)) continue;
        return { entry, hamza: prefix.length };
      }
    }
  }
  return undefined;
}

function reportWord(ctx: RuleContext, token: Token, hit: WordHit, at: number[]): void {
  const offset = token.start + at[hit.hamza];
  const corrected = token.raw.slice(0, at[hit.hamza]) + '\u0627' + token.raw.slice(at[hit.hamza] + 1);
  ctx.report({
    start: token.start,
    end: token.end,
    message: {
      en: `“${token.raw}” is written without a hamza on its alef (hamzat al-wasl): “${corrected}”.`,
      ar: `تُكتب «${token.raw}» بهمزة وصل لا قطع: «${corrected}».`,
    },
    fix: {
      title: { en: `Write “${corrected}”`, ar: `كتابتها «${corrected}»` },
      edits: [{ start: offset, end: offset + 1, newText: '\u0627' }],
      safe: hit.entry.safe,
    },
  });
}

export const hamzaCommonError: Rule = {
  id: 'hamza-common-error',
  category: 'typography',
  tags: ['spelling', 'hamza', 'arabic'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'A common hamza error from a tested list: hamzat al-wasl written as إ (`الإجتماع`, `إستقبل`, `إقرأ`), or `إنشاء الله` for `إن شاء الله`.',
    ar: 'خطأ شائع في الهمزة من قائمة مختبرة: همزة وصل مكتوبة «إ» (`الإجتماع` و`إستقبل` و`إقرأ`)، أو `إنشاء الله` بدل `إن شاء الله`.',
  },
  docs: {
    why: {
      en: 'The masdar and past tense of افتعل، انفعل and استفعل (الاجتماع، الانتخابات، استقبل), nouns such as ابن، اسم، اثنان، امرأة and the imperative اقرأ open with a connecting alef that carries no hamza. The rule works from a curated table, with the clitics (والإجتماع، بالإستثمار، للإقتصاد) and diacritics allowed for; the masdars of أفعل that do take a hamza (إنتاج، إعلان، إصلاح، إنشاء، إطلاق، إجراء) are never flagged. The fix removes the hamza and nothing else.',
      ar: 'يبدأ مصدر افتعل وانفعل واستفعل وماضيها (الاجتماع، الانتخابات، استقبل)، وأسماء مثل ابن واسم واثنان وامرأة، وفعل الأمر اقرأ، بهمزة وصل لا تُكتب. وتعمل القاعدة من جدول منتقى، مع مراعاة السوابق (والإجتماع، بالإستثمار، للإقتصاد) والتشكيل؛ ولا تمس مصادر أفعل التي تُكتب بالهمزة (إنتاج، إعلان، إصلاح، إنشاء، إطلاق، إجراء). ويحذف الإصلاح الهمزة وحدها.',
    },
    bad: '---\ntitle: مجلس الوزراء يقر الميزانية\ndate: 2025-06-02T12:00:00+03:00\nauthor: خالد يوسف\nsources:\n  - مجلس الوزراء\n---\n\nأقر مجلس الوزراء في الإجتماع الأسبوعي خطة لدعم الإستثمار في الطاقة المتجددة.',
    good: '---\ntitle: مجلس الوزراء يقر الميزانية\ndate: 2025-06-02T12:00:00+03:00\nauthor: خالد يوسف\nsources:\n  - مجلس الوزراء\n---\n\nأقر مجلس الوزراء في الاجتماع الأسبوعي خطة لدعم الاستثمار وإنتاج الطاقة المتجددة.',
  },
  check(ctx) {
    reportByParagraph(ctx, 'hamza-common-error', scan);
  },
};

/** A phrase's words are separated by spaces only (onlySpaces): each report is inside one line. */
function scan(ctx: RuleContext, from: number, to: number): void {
  const { doc } = ctx;
  const tokens = bodyTokens(doc);
  for (let i = firstTokenFrom(tokens, from); i < tokens.length && tokens[i].start < to; i++) {
    const token = tokens[i];
    if (!MAY_MATTER.of(token)) continue;
    let reading = readings.get(token.raw);
    if (reading === undefined) {
      reading = read(token);
      // A long spelling may be a cut of the document: kept, it would keep the document alive.
      if (token.raw.length <= MAX_KEPT_LENGTH) {
        if (readings.size >= MAX_READINGS) readings.clear();
        readings.set(token.raw, reading);
      }
    }
    if (reading === null) continue;
    const { text, at, conj } = reading;
    let phrase: HamzaPhrase | undefined;
    for (const p of reading.phrases) {
      if (!phraseAt(doc.text, tokens, i, p.words)) continue;
      phrase = p;
      break;
    }
    if (phrase) {
      const last = tokens[i + phrase.words.length - 1];
      const wordStart = token.start + (phrase.words[0] === text ? 0 : at[conj]);
      const wrong = doc.text.slice(token.start, last.end);
      const right = doc.text.slice(token.start, wordStart) + phrase.first + doc.text.slice(token.end, last.end);
      ctx.report({
        start: token.start,
        end: last.end,
        message: { en: `“${wrong}” is spelled “${right}”.`, ar: `تُكتب «${wrong}» هكذا: «${right}».` },
        fix: {
          title: { en: `Write “${right}”`, ar: `كتابتها «${right}»` },
          edits: [{ start: wordStart, end: token.end, newText: phrase.first }],
          safe: phrase.safe,
        },
      });
      i += phrase.words.length - 1;
      continue;
    }
    if (reading.hit) reportWord(ctx, token, reading.hit, at);
  }
}

/**
 * What each spelling was read as. A text repeats its words and the editor reads it again at every
 * keystroke: each spelling is read once. Emptied when full.
 */
const readings = new Map<string, Reading | null>();
const MAX_READINGS = 8192;
const MAX_KEPT_LENGTH = 64;

/** What a spelling may be: the first word of some phrases, a word with a wrong إ, or (null) neither. */
interface Reading {
  text: string;
  at: number[];
  /** 1 when the word starts with و or ف that may be a conjunction before a phrase. */
  conj: number;
  /** The phrases it may begin, in the table's order; the words after it decide. */
  phrases: HamzaPhrase[];
  hit: WordHit | undefined;
}

/**
 * Most words hold no إ and are none of the phrases' spellings: skipped before looking closer.
 * Longer words than any of the tables' are not read letter by letter. (Only a word that starts
 * with و or ف can be a phrase's first word with the conjunction on it.)
 */
const MAY_MATTER = new WordTest((norm, raw) => {
  if (norm === LONG_WORD) return false;
  const conjFirst = norm[0] === '\u0648' || norm[0] === '\u0641';
  return raw.includes(ALEF_HAMZA_BELOW) || PHRASE_NORMS.has(norm) || (conjFirst && PHRASE_NORMS.has(norm.slice(1)));
});

function read(token: Token): Reading | null {
  if (!MAY_MATTER.of(token)) return null;
  const { text, at } = letters(token.raw);
  // «وإن شاء الله» is often written «وانشاء الله»: the conjunction stays.
  const conj = (text[0] === '\u0648' || text[0] === '\u0641') && text.length > 2 ? 1 : 0;
  const phrases = HAMZA_PHRASES.filter((p) => p.words[0] === text || (conj && p.words[0] === text.slice(conj)));
  const hit = text.includes(ALEF_HAMZA_BELOW) ? matchWord(text) : undefined;
  if (phrases.length === 0 && !hit) return null;
  return { text, at, conj, phrases, hit };
}

/** The phrase's words follow token i one after the other, with only spaces between them. */
function phraseAt(text: string, tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const t = tokens[i + k];
    if (!t || !lettersAre(t.raw, words[k]!)) return false;
    if (!onlySpaces(text, tokens[i + k - 1].end, t.start)) return false;
  }
  return true;
}
