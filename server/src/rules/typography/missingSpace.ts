import type { Rule, RuleContext } from '../../engine/rule';
import { proseMask, isArabicLetter, isArabicLetterCode, isArabicMark, isDigit, stripMarks } from '../../engine/arabic';

/** Letters and what rides on them: one Arabic word as the eye sees it. */
function inWord(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c === 0x0640 || isArabicLetterCode(c) || isArabicMark(ch);
}

/** Separators inside a number: 1,250 — 3.5 — ١٬٢٥٠ — ٣٫٥. */
const NUMBER_SEPARATORS = new Set([',', '.', '\u066B', '\u066C']);

function numberStart(mask: string, end: number): number {
  let k = end;
  while (k > 0 && (isDigit(mask[k - 1]) || (NUMBER_SEPARATORS.has(mask[k - 1]) && isDigit(mask[k - 2])))) k--;
  return k;
}

function numberEnd(mask: string, start: number): number {
  let j = start;
  while (j < mask.length && (isDigit(mask[j]) || (NUMBER_SEPARATORS.has(mask[j]) && isDigit(mask[j + 1])))) j++;
  return j;
}

function wordStart(mask: string, end: number): number {
  let k = end;
  while (k > 0 && inWord(mask[k - 1])) k--;
  return k;
}

function wordEnd(mask: string, start: number): number {
  let j = start;
  while (j < mask.length && inWord(mask[j])) j++;
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

/** Runs of digits (separators inside a number included), and single punctuation marks. */
const TRIGGER = /[0-9\u0660-\u0669\u06F0-\u06F9](?:[0-9\u0660-\u0669\u06F0-\u06F9]|[,.\u066B\u066C](?=[0-9\u0660-\u0669\u06F0-\u06F9]))*|[\u060C\u061B\u061F.:!,;?](?=[\u0621-\u064A\u066E-\u06D3\u06D5\u06FA-\u06FF\u0750-\u077F])/g;

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
    const { doc } = ctx;
    const mask = proseMask(doc);
    // Every junction has a digit or a punctuation mark on one side: find those (rare), then look around them.
    TRIGGER.lastIndex = doc.bodyStart;
    for (let m = TRIGGER.exec(mask); m; m = TRIGGER.exec(mask)) {
      const s = m.index;
      const e = s + m[0].length;
      if (isDigit(m[0][0])) {
        if (inWord(mask[s - 1])) {
          // في2025
          const start = wordStart(mask, s);
          if (!NUMBER_PREFIX.test(stripMarks(mask.slice(start, s)))) report(ctx, start, numberEnd(mask, s), s);
        }
        if (isArabicLetter(mask[e])) {
          // 28أبريل
          const end = wordEnd(mask, e);
          if (!YEAR_SUFFIX.test(stripMarks(mask.slice(e, end)))) report(ctx, numberStart(mask, e), end, e);
        }
      } else if (isArabicLetter(mask[e]) && inWord(mask[s - 1])) {
        // قال،إن — الخبر.وقال
        const start = wordStart(mask, s);
        const end = wordEnd(mask, e);
        // ص.ب، د.محمد، أ.د، بي.في.إم: abbreviations and spelled-out initials take their periods without a space.
        if (m[0] === '.' && (letterCount(mask, start, s) <= 2 || letterCount(mask, e, end) <= 2)) continue;
        report(ctx, start, end, e);
      }
    }
  },
};
