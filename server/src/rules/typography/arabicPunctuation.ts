import type { Rule } from '../../engine/rule';
import type { Bilingual } from '../../engine/types';
import { MASK, proseMask, scriptOf, isLetter, isDigit, type LetterScript } from '../../engine/arabic';

/** Each Latin mark, its Arabic one, and the words of its report (worded once: a pasted page may hold thousands). */
const ARABIC: Record<string, { to: string; message: Bilingual; title: Bilingual }> = Object.fromEntries(
  (
    [
      [',', '\u060C', 'comma', 'فاصلة'],
      [';', '\u061B', 'semicolon', 'فاصلة منقوطة'],
      ['?', '\u061F', 'question mark', 'علامة استفهام'],
    ] as const
  ).map(([from, to, en, ar]) => [
    from,
    {
      to,
      message: { en: `Latin ${en} in Arabic text: use “${to}”.`, ar: `${ar} لاتينية في نص عربي: استعمل «${to}».` },
      title: { en: `Replace with “${to}”`, ar: `كتابة «${to}» مكانها` },
    },
  ]),
);

/** A bracketed aside or a quotation is stepped over as a whole: `(Saudi Aramco),` belongs to the Arabic sentence around it. */
const CLOSERS: Record<string, string> = { ')': '(', '\u00BB': '\u00AB', '\u201D': '\u201C' };
const OPENERS: Record<string, string> = { '(': ')', '\u00AB': '\u00BB', '\u201C': '\u201D' };
/** How far an aside may reach; beyond it the mark is judged by what touches it. */
const ASIDE = 200;

function isStop(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === MASK;
}

/**
 * The script of the nearest letter on each side, on the same line. Digits, spaces and
 * punctuation are stepped over (`عام 2020, قال` is Arabic on both sides), and so are bracketed
 * asides and quotations; masked text (a URL, code) or a line break ends the search with no
 * answer, so punctuation touching them is left alone. Asked in document order, it remembers its
 * last answers, so a long run of punctuation is read once, not once per mark.
 */
class Neighbours {
  private backFrom = -1;
  private backScript: LetterScript | null = null;
  private nextFrom = -1;
  private nextAt = -1;
  private nextScript: LetterScript | null = null;
  private lastDigit = -1;
  private lineEnds = false;

  constructor(private readonly mask: string) {}

  before(at: number): LetterScript | null {
    const { mask } = this;
    let found: LetterScript | null = null;
    let cached = true;
    let j = at - 1;
    for (; j >= 0; j--) {
      if (cached && j === this.backFrom) {
        // Back at the previous mark asked about: what lies before it is already known.
        found = this.backScript;
        break;
      }
      const ch = mask[j];
      if (isStop(ch)) break;
      if (isLetter(ch)) {
        found = scriptOf(ch);
        break;
      }
      const opener = CLOSERS[ch];
      if (opener) {
        const k = findAside(mask, opener, j, -1);
        if (k === -1) break;
        if (k <= this.backFrom) cached = false;
        j = k;
      }
    }
    this.backFrom = at;
    this.backScript = found;
    return found;
  }

  after(at: number): LetterScript | null {
    if (at > this.nextFrom && at < this.nextAt) return this.nextScript;
    const { mask } = this;
    this.nextFrom = at;
    this.lastDigit = -1;
    let firstAside = -1;
    let j = at + 1;
    let letter = false;
    for (; j < mask.length; j++) {
      const ch = mask[j];
      if (isStop(ch)) break;
      if (isLetter(ch)) {
        letter = true;
        break;
      }
      if (isDigit(ch)) this.lastDigit = j;
      const closer = OPENERS[ch];
      if (closer) {
        const k = findAside(mask, closer, j, 1);
        if (k === -1) break;
        if (firstAside === -1) firstAside = j;
        j = k;
      }
    }
    // Marks inside a skipped aside have neighbours of their own: the memory stops where the aside starts.
    this.nextAt = firstAside === -1 ? j : firstAside;
    this.nextScript = letter ? scriptOf(mask[j]) : null;
    this.lineEnds = !letter && (j >= mask.length || mask[j] === '\n' || mask[j] === '\r');
    return this.nextScript;
  }

  /** After `at` (just asked about): nothing but closing quotes, brackets and marks up to the end of the line. */
  endsLine(at: number): boolean {
    return this.lineEnds && this.lastDigit < at;
  }
}

/** The other end of an aside, on the same line and within reach; -1 when there is none. */
function findAside(mask: string, target: string, from: number, dir: 1 | -1): number {
  for (let k = from + dir, n = 0; k >= 0 && k < mask.length && n < ASIDE; k += dir, n++) {
    const ch = mask[k];
    if (ch === target) return k;
    if (isStop(ch)) return -1;
  }
  return -1;
}

/** `&amp;` and `&#1234;`: a semicolon that ends an HTML entity is not punctuation. */
function endsEntity(mask: string, at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 12; j--) {
    const ch = mask[j];
    if (ch === '&') return j < at - 1;
    if (!/[A-Za-z0-9#]/.test(ch)) return false;
  }
  return false;
}

export const arabicPunctuation: Rule = {
  id: 'arabic-punctuation',
  category: 'typography',
  tags: ['typography', 'punctuation', 'arabic'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'A Latin comma, semicolon or question mark (`,` `;` `?`) in Arabic text, where Arabic punctuation (`،` `؛` `؟`) belongs.',
    ar: 'فاصلة أو فاصلة منقوطة أو علامة استفهام لاتينية (`,` `;` `?`) في نص عربي، وموضعها العلامات العربية (`،` `؛` `؟`).',
  },
  docs: {
    why: {
      en: 'The Latin marks face the wrong way in right-to-left text and break the line in the wrong places. The rule fires only when the nearest words on both sides are Arabic (a bracketed aside or a quotation in between is stepped over, so the comma in `أرامكو (Saudi Aramco), أكبر` is flagged), so numbers (`1,250`, `3,5`), URLs, code, English quotes and Latin names such as `(Reuters, AP)` stay as they are. The fix writes the Arabic mark in place of the Latin one.',
      ar: 'تتجه العلامات اللاتينية في النص العربي إلى الجهة الخطأ وتكسر السطر في غير موضعه. ولا تعمل القاعدة إلا إذا كانت أقرب كلمتين على جانبي العلامة عربيتين (مع تخطي ما بين القوسين أو علامتي الاقتباس، فتُعلَّم الفاصلة في `أرامكو (Saudi Aramco), أكبر`)، فتبقى الأرقام (`1,250` و`3,5`) والروابط والشيفرة والاقتباسات الإنجليزية والأسماء اللاتينية مثل `(Reuters, AP)` على حالها. ويكتب الإصلاح العلامة العربية مكان اللاتينية.',
    },
    bad: '---\ntitle: الأمطار تغلق مدارس العاصمة\ndate: 2025-06-02T08:00:00+03:00\nauthor: هالة منصور\nsources:\n  - وزارة التربية\n---\n\nأعلنت وزارة التربية تعليق الدراسة يوم الاثنين, بسبب الأمطار الغزيرة. فهل تمدد الوزارة القرار?',
    good: '---\ntitle: الأمطار تغلق مدارس العاصمة\ndate: 2025-06-02T08:00:00+03:00\nauthor: هالة منصور\nsources:\n  - وزارة التربية\n---\n\nأعلنت وزارة التربية تعليق الدراسة يوم الاثنين، بسبب الأمطار الغزيرة. فهل تمدد الوزارة القرار؟',
  },
  check(ctx) {
    const { doc } = ctx;
    const mask = proseMask(doc);
    const near = new Neighbours(mask);
    const marks = /[,;?]/g;
    marks.lastIndex = doc.bodyStart;
    for (let m = marks.exec(mask); m; m = marks.exec(mask)) {
      const i = m.index;
      const ch = m[0];
      const spec = ARABIC[ch];
      if (ch === ',' && isDigit(mask[i - 1]) && isDigit(mask[i + 1])) continue; // 1,250 and 3,5
      if (ch === ';' && endsEntity(mask, i)) continue;
      if (ch === '?') {
        // `??` and `?` + U+FE0F are lost characters (mojibake), not a question.
        const next = mask[i + 1];
        if (mask[i - 1] === '?' || next === '?' || next === '\uFE0F' || next === '\u200D') continue;
      }
      if (near.before(i) !== 'arabic') continue;
      const after = near.after(i);
      if (after !== 'arabic' && !(ch === '?' && after === null && near.endsLine(i))) continue;
      ctx.report({
        start: i,
        end: i + 1,
        message: spec.message,
        fix: { title: spec.title, edits: [{ start: i, end: i + 1, newText: spec.to }], safe: true },
      });
    }
  },
};
