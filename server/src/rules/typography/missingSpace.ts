import type { Rule, RuleContext } from '../../engine/rule';
import { reportByParagraph } from '../../engine/paragraphReports';
import { proseMask, isArabicLetterCode, isArabicMarkCode, isDigitCode, isNumberSeparatorCode, stripMarks } from '../../engine/arabic';

/** Letters and what rides on them: one Arabic word as the eye sees it. */
function inWord(c: number): boolean {
  return c === 0x0640 || isArabicLetterCode(c) || isArabicMarkCode(c);
}

function numberStart(mask: string, end: number): number {
  let k = end;
  while (k > 0 && (isDigitCode(mask.charCodeAt(k - 1)) || (isNumberSeparatorCode(mask.charCodeAt(k - 1)) && isDigitCode(mask.charCodeAt(k - 2))))) k--;
  return k;
}

function numberEnd(mask: string, start: number): number {
  let j = start;
  while (j < mask.length && (isDigitCode(mask.charCodeAt(j)) || (isNumberSeparatorCode(mask.charCodeAt(j)) && isDigitCode(mask.charCodeAt(j + 1))))) j++;
  return j;
}

function wordStart(mask: string, end: number): number {
  let k = end;
  while (k > 0 && inWord(mask.charCodeAt(k - 1))) k--;
  return k;
}

function wordEnd(mask: string, start: number): number {
  let j = start;
  while (j < mask.length && inWord(mask.charCodeAt(j))) j++;
  return j;
}

/**
 * `2025م` and `1446هـ`: the Gregorian and Hijri markers are written on the number.
 * Anything longer glued to a number (`28أبريل`, `10صباحاً`) is a missing space.
 */
const YEAR_SUFFIX = /^[مه]$/;

/**
 * One-letter clitics and the article, written on a number in normal Arabic: «ب20 مليون»،
 * «و3 أشخاص»، «لـ5 سنوات»، «الـ20»، «للـ20». A whole word before a number (`في2025`) is not.
 */
const NUMBER_PREFIX = /^(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)$/;

function letterCount(mask: string, start: number, end: number): number {
  let n = 0;
  for (let k = start; k < end; k++) if (isArabicLetterCode(mask.charCodeAt(k))) n++;
  return n;
}

/** ، ؛ ؟ . : ! , ; ? */
/** Where a digit or a punctuation mark of isPunctuationCode is: the only places a junction can be. */
const CANDIDATE = /[0-9\u0660-\u0669\u06F0-\u06F9\u060C\u061B\u061F.:!,;?]/g;

/** The next candidate at or after `from` in `part`, the text from `base` on; -1 past its end. */
function nextCandidate(part: string, base: number, from: number): number {
  CANDIDATE.lastIndex = from - base;
  return CANDIDATE.test(part) ? base + CANDIDATE.lastIndex - 1 : -1;
}

function isPunctuationCode(c: number): boolean {
  return c === 0x060c || c === 0x061b || c === 0x061f || c === 0x2e || c === 0x3a || c === 0x21 || c === 0x2c || c === 0x3b || c === 0x3f;
}

/** The letters a word glued after punctuation may start with (Arabic, with its supplement). */
function isGluedLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f);
}

function report(ctx: RuleContext, start: number, end: number, at: number): void {
  ctx.report({
    start,
    end,
    message: {
      en: 'Missing space: two words are written as one.',
      ar: 'مسافة ناقصة: كلمتان مكتوبتان كلمةً واحدة.',
    },
    fix: {
      title: { en: 'Insert a space', ar: 'إدراج مسافة' },
      edits: [{ start: at, end: at, newText: ' ' }],
      safe: true,
    },
  });
}

export const missingSpace: Rule = {
  id: 'missing-space',
  category: 'typography',
  tags: ['typography', 'spacing', 'arabic'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'A number glued to an Arabic word (`28أبريل`, `في2025`), or an Arabic word glued to the punctuation before it (`قال،إن`).',
    ar: 'رقم ملتصق بكلمة عربية (`28أبريل` و`في2025`)، أو كلمة عربية ملتصقة بعلامة الترقيم قبلها (`قال،إن`).',
  },
  docs: {
    why: {
      en: 'Glued words break search, hyphenation and screen readers, and scraped or pasted copy is full of them. Normal Arabic spellings stay quiet: the year markers `2025م` and `1446هـ`, one-letter prefixes on a number (`ب20 مليون`, `و3 أشخاص`, `الـ20`), abbreviations such as `ص.ب` and `د.محمد`, decimals and percentages. The fix inserts one space.',
      ar: 'تُفسد الكلمات الملتصقة البحث وتقطيع الأسطر وقارئات الشاشة، والنصوص المنسوخة من الويب مليئة بها. وتسكت القاعدة عن الكتابة العربية السليمة: علامتا السنة `2025م` و`1446هـ`، والسوابق ذات الحرف الواحد قبل الرقم (`ب20 مليون` و`و3 أشخاص` و`الـ20`)، والاختصارات مثل `ص.ب` و`د.محمد`، والكسور العشرية والنسب المئوية. ويُدرج الإصلاح مسافة واحدة.',
    },
    bad: '---\ntitle: افتتاح معرض الرياض للكتاب\ndate: 2025-09-25T10:00:00+03:00\nauthor: نورة القحطاني\nsources:\n  - هيئة الأدب والنشر والترجمة\n---\n\nيفتتح معرض الرياض الدولي للكتاب أبوابه في26 سبتمبر،بمشاركة أكثر من 2000 دار نشر.',
    good: '---\ntitle: افتتاح معرض الرياض للكتاب\ndate: 2025-09-25T10:00:00+03:00\nauthor: نورة القحطاني\nsources:\n  - هيئة الأدب والنشر والترجمة\n---\n\nيفتتح معرض الرياض الدولي للكتاب أبوابه في 26 سبتمبر، بمشاركة أكثر من 2000 دار نشر.',
  },
  check(ctx) {
    reportByParagraph(ctx, 'missing-space', scan);
  },
};

/** Every junction is inside a word and its number or punctuation: within one paragraph. */
function scan(ctx: RuleContext, from: number, to: number): void {
  const mask = proseMask(ctx.doc);
  // The search for candidates stops at `to`: a paragraph without any does not send it through the rest of the text.
  const part = mask.slice(from, to);
  // Every junction has a digit or a punctuation mark on one side: find those (rare), then look
  // around them. A run of digits (separators inside the number included) is one place to look.
  for (let s = nextCandidate(part, from, from); s !== -1; s = nextCandidate(part, from, s + 1)) {
    const c = mask.charCodeAt(s);
    if (isDigitCode(c)) {
      const e = numberEnd(mask, s);
      if (inWord(mask.charCodeAt(s - 1))) {
        // في2025
        const start = wordStart(mask, s);
        if (!NUMBER_PREFIX.test(stripMarks(mask.slice(start, s)))) report(ctx, start, numberEnd(mask, s), s);
      }
      if (isArabicLetterCode(mask.charCodeAt(e))) {
        // 28أبريل
        const end = wordEnd(mask, e);
        if (!YEAR_SUFFIX.test(stripMarks(mask.slice(e, end)))) report(ctx, numberStart(mask, e), end, e);
      }
      s = e - 1;
    } else if (isPunctuationCode(c) && isGluedLetterCode(mask.charCodeAt(s + 1))) {
      const e = s + 1;
      if (!isArabicLetterCode(mask.charCodeAt(e)) || !inWord(mask.charCodeAt(s - 1))) continue;
      // قال،إن — الخبر.وقال
      const start = wordStart(mask, s);
      const end = wordEnd(mask, e);
      // ص.ب، د.محمد، أ.د، بي.في.إم: abbreviations and spelled-out initials take their periods without a space.
      if (c === 0x2e && (letterCount(mask, start, s) <= 2 || letterCount(mask, e, end) <= 2)) continue;
      report(ctx, start, end, e);
    }
  }
}
