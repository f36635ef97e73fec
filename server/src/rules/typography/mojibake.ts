import type { Rule, RuleContext } from '../../engine/rule';
import type { Bilingual } from '../../engine/types';
import { proseMask, isLetter, isDigit } from '../../engine/arabic';
import { reportByParagraph } from '../../engine/paragraphReports';

/** A lost emoji keeps its variation selector or joiner: `?` + U+FE0F, `??` + ZWJ + `??`. */
const EMOJI_TAIL = new Set(['\uFE0F', '\u200D']);

/**
 * UTF-8 read as Latin-1 / Windows-1252: every Arabic letter becomes Ø, Ù, Ú or Û (its lead byte)
 * followed by a continuation byte shown as a Latin-1 sign or a Windows-1252 punctuation mark
 * (`Ø§Ù„` for «ال»).
 */
const LEAD = new Set(['\u00D8', '\u00D9', '\u00DA', '\u00DB']);
const CP1252_CONTINUATIONS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

function isContinuation(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x80 && c <= 0xbf) || CP1252_CONTINUATIONS.has(ch);
}

/** Windows-1256 Arabic read as Latin-1 (`ÇáÚÑÈíÉ`): a word made only of accented capitals and small letters. */
function isLatin1Letter(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
}

const MESSAGES: Record<'questions' | 'replacement' | 'utf8' | 'cp1256', Bilingual> = {
  questions: {
    en: 'Question marks where characters were lost (emoji or letters dropped by a wrong encoding).',
    ar: 'علامات استفهام في موضع محارف ضائعة (رموز تعبيرية أو حروف أسقطها ترميز خاطئ).',
  },
  replacement: {
    en: 'Replacement character (U+FFFD): the original characters were lost in a wrong encoding.',
    ar: 'محرف الاستبدال (U+FFFD): ضاعت المحارف الأصلية بسبب ترميز خاطئ.',
  },
  utf8: {
    en: 'Garbled Arabic: UTF-8 text read as Latin-1 (`Ø§Ù„` is «ال»). Copy the text again from its source.',
    ar: 'نص عربي مشوَّه: نص بترميز UTF-8 قُرئ بترميز Latin-1 (`Ø§Ù„` هي «ال»). انسخ النص من مصدره من جديد.',
  },
  cp1256: {
    en: 'Garbled Arabic: Windows-1256 text read as Latin-1. Copy the text again from its source.',
    ar: 'نص عربي مشوَّه: نص بترميز Windows-1256 قُرئ بترميز Latin-1. انسخ النص من مصدره من جديد.',
  },
};

function report(ctx: RuleContext, start: number, end: number, kind: keyof typeof MESSAGES): void {
  ctx.report({ start, end, message: MESSAGES[kind] });
}

export const mojibake: Rule = {
  id: 'mojibake',
  category: 'hygiene',
  tags: ['hygiene', 'encoding'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'document',
  description: {
    en: 'Characters lost to a wrong encoding: runs of `?` where emoji or letters were (`???? ليبيا`), the replacement character `\uFFFD`, or garbled Arabic such as `Ø§Ù„`.',
    ar: 'محارف ضاعت بسبب ترميز خاطئ: سلاسل `?` في موضع رموز تعبيرية أو حروف (`???? ليبيا`)، أو محرف الاستبدال `\uFFFD`، أو عربية مشوهة مثل `Ø§Ù„`.',
  },
  docs: {
    why: {
      en: 'When a page or a feed passes through the wrong encoding, emoji become `????` and letters become `\uFFFD` or `Ø§Ù„`. The original is gone, so there is no automatic fix: delete the debris or copy the text again from its source. A single `?`, Arabic `؟؟` for emphasis, `??` right after a word (`really??`) and question marks inside code or URLs are left alone.',
      ar: 'حين تمر صفحة أو خدمة أخبار بترميز خاطئ تتحول الرموز التعبيرية إلى `????` والحروف إلى `\uFFFD` أو `Ø§Ù„`. وقد ضاع الأصل، فلا إصلاح آلي: احذف البقايا أو انسخ النص من مصدره من جديد. ولا تمس القاعدة علامة `?` المفردة، ولا `؟؟` العربية للتوكيد، ولا `??` الملاصقة لكلمة قبلها، ولا علامات الاستفهام داخل الشيفرة أو الروابط.',
    },
    bad: '---\ntitle: تأهل المنتخب إلى النهائي\ndate: 2025-06-02T22:00:00+03:00\nauthor: فهد الشمري\nsources:\n  - الاتحاد السعودي لكرة القدم\n---\n\n???? تأهل المنتخب إلى المباراة النهائية بعد فوزه بهدفين نظيفين.',
    good: '---\ntitle: تأهل المنتخب إلى النهائي\ndate: 2025-06-02T22:00:00+03:00\nauthor: فهد الشمري\nsources:\n  - الاتحاد السعودي لكرة القدم\n---\n\nتأهل المنتخب إلى المباراة النهائية بعد فوزه بهدفين نظيفين.',
  },
  check(ctx) {
    reportByParagraph(ctx, 'mojibake', scan);
  },
};

/** Debris runs stop at a line's end: each lies in one paragraph. */
function scan(ctx: RuleContext, from: number, to: number): void {
  const mask = proseMask(ctx.doc);
  const n = mask.length;
  const candidate = /[?\uFFFD\u00C0-\u00FF]/g;
  // The search for candidates stops at `to`: a paragraph without any does not send it through the rest of the text.
  const part = mask.slice(from, to);
  for (let i = from; i < to; i++) {
    candidate.lastIndex = i - from;
    const next = candidate.exec(part);
    if (!next) break;
    i = from + next.index;
    const ch = mask[i];
    if (ch === '?') {
      let j = i;
      let marks = 0;
      while (j < n && (mask[j] === '?' || EMOJI_TAIL.has(mask[j]))) {
        if (mask[j] === '?') marks++;
        j++;
      }
      const tail = marks < j - i;
      // `really??` and `ماذا??` are emphasis; a run that stands alone, is long, or keeps an emoji selector is debris.
      const afterWord = isLetter(mask[i - 1]) || isDigit(mask[i - 1]);
      if (tail || marks >= 4 || (marks >= 2 && !afterWord)) report(ctx, i, j, 'questions');
      i = j - 1;
    } else if (ch === '\uFFFD') {
      let j = i;
      while (j < n && mask[j] === '\uFFFD') j++;
      report(ctx, i, j, 'replacement');
      i = j - 1;
    } else if (LEAD.has(ch) && isContinuation(mask[i + 1])) {
      // Pairs, possibly across spaces: one report for a garbled phrase.
      let j = i;
      let pairs = 0;
      let end = i;
      while (j < n) {
        if (LEAD.has(mask[j]) && isContinuation(mask[j + 1])) {
          pairs++;
          j += 2;
          end = j;
        } else if (mask[j] === ' ' && LEAD.has(mask[j + 1]) && isContinuation(mask[j + 2])) {
          j++;
        } else break;
      }
      if (pairs >= 2) report(ctx, i, end, 'utf8');
      i = Math.max(i, end - 1);
    } else if (isLatin1Letter(ch) && !isLetter(mask[i - 1])) {
      let j = i;
      while (j < n && isLatin1Letter(mask[j])) j++;
      if (j - i >= 4 && !isLetter(mask[j])) report(ctx, i, j, 'cp1256');
      i = j - 1;
    }
  }
}
