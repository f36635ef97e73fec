import type { Rule } from '../../engine/rule';
import { WEEKDAYS } from '../../engine/data/calendar';
import { anchorText, gregorianText, hijriText, weekdayOf, type DateExpression } from '../../engine/arabic/dateExpressions';
import type { Bilingual, Fix } from '../../engine/types';
import { bodyDates, quoted } from './shared';

const RELATIVE_WORDS: Record<number, Bilingual> = {
  [-2]: { en: 'the day before yesterday', ar: 'أول أمس' },
  [-1]: { en: 'yesterday', ar: 'أمس' },
  0: { en: 'today', ar: 'اليوم' },
  1: { en: 'tomorrow', ar: 'غدًا' },
  2: { en: 'the day after tomorrow', ar: 'بعد غد' },
};

/** Replaces the weekday word, keeping nothing else: a quick fix, since the date may be the wrong part. */
function replaceWeekday(e: DateExpression, real: number): Fix {
  const w = e.weekday!;
  const name = WEEKDAYS[real].ar;
  return {
    title: { en: `Change the weekday to «${name}» (${WEEKDAYS[real].en})`, ar: `تغيير اليوم إلى «${name}»` },
    edits: [{ start: w.start, end: w.end, newText: name }],
    safe: false,
  };
}

export const weekdayMismatch: Rule = {
  id: 'weekday-mismatch',
  category: 'dates',
  tags: ['dates', 'body', 'accuracy'],
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  needs: 'document',
  description: {
    en: 'A weekday in the body does not fall on the date written with it («الخميس 4 ديسمبر 2024»), or «اليوم الخميس», «أمس الأربعاء» disagree with the article’s `date`.',
    ar: 'يوم أسبوع في المتن لا يوافق التاريخ المكتوب معه («الخميس 4 ديسمبر 2024»)، أو «اليوم الخميس» و«أمس الأربعاء» لا تتفق مع تاريخ النشر `date`.',
  },
  docs: {
    why: {
      en: 'A wrong weekday is the error readers spot first and the one that makes them doubt the rest. Weekdays are checked against the Gregorian calendar; against a Hijri date alone, a day either way is allowed, since the month may have begun by sighting. «اليوم», «أمس», «غدًا» are counted from `date` in the article’s time zone. The quick fix puts in the weekday the date falls on, but the date may be what is wrong: check it first.',
      ar: 'اليوم الخطأ أول ما يلاحظه القارئ، وأكثر ما يزرع الشك في بقية الخبر. يُقارن يوم الأسبوع بالتقويم الميلادي؛ أما مع تاريخ هجري وحده فيُقبل فرق يوم في أي اتجاه، لأن الشهر قد يبدأ بالرؤية. وتُحسب «اليوم» و«أمس» و«غدًا» من تاريخ النشر `date` في المنطقة الزمنية للخبر. يضع الإصلاح السريع اليوم الذي يقع عليه التاريخ، لكن الخطأ قد يكون في التاريخ نفسه: تحقق منه أولًا.',
    },
    bad: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\n---\n\nافتتح وزير الثقافة اليوم الثلاثاء معرض الكتاب، على أن يستمر حتى الخميس 12 يونيو 2025.',
    good: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\n---\n\nافتتح وزير الثقافة اليوم الاثنين معرض الكتاب، على أن يستمر حتى الخميس 12 يونيو 2025.',
  },
  check(ctx) {
    const { list, anchor } = bodyDates(ctx);
    for (const e of list) {
      const w = e.weekday;
      if (!w || !e.resolved) continue;
      const written = quoted(ctx.doc.text.slice(w.start, w.end));
      if (e.kind === 'relative') {
        // «اليوم الاثنين 2 يونيو»: the date written after it carries the weekday and is checked there.
        if (e.explicit !== undefined || !anchor || e.relative?.toWeekday !== undefined) continue;
        const real = weekdayOf(e.resolved.from);
        if (real === w.index) continue;
        const rel = RELATIVE_WORDS[e.relative!.offset] ?? { en: quoted(e.text), ar: quoted(e.text) };
        const day = gregorianText(e.resolved.from);
        ctx.report({
          start: w.start,
          end: w.end,
          message: {
            en: `${written} does not match the article’s date: ${rel.en} is ${day.en} (date: ${anchorText(anchor).en}).`,
            ar: `${written} لا يوافق تاريخ الخبر: ${rel.ar} هو ${day.ar} (تاريخ النشر: ${anchorText(anchor).ar}).`,
          },
          fix: replaceWeekday(e, real),
        });
        continue;
      }
      if (e.kind === 'weekday') {
        if (!anchor || weekdayOf(anchor.epoch) === w.index) continue;
        const real = weekdayOf(anchor.epoch);
        ctx.report({
          start: w.start,
          end: w.end,
          message: {
            en: `The dateline says ${written}, but the article’s date is ${anchorText(anchor).en}.`,
            ar: `مطلع الخبر يقول ${written}، لكن تاريخ النشر ${anchorText(anchor).ar}.`,
          },
          fix: replaceWeekday(e, real),
        });
        continue;
      }
      // An explicit date: its year written, taken from its pair, or (with `date`) the nearest one.
      if (!e.written || ((e.yearFrom === 'date' || e.yearFrom === 'weekday') && !anchor)) continue;
      const partner = e.pair ? list[e.pair.with] : undefined;
      const greg = e.written.calendar === 'gregorian' ? e : partner?.written?.calendar === 'gregorian' ? partner : undefined;
      const hijri = e.written.calendar === 'hijri' ? e : partner?.written?.calendar === 'hijri' ? partner : undefined;
      // A Gregorian date has exactly one weekday; a Hijri date alone may be a day either way.
      if (greg?.resolved) {
        if (weekdayOf(greg.resolved.from) === w.index) continue;
      } else if (hijri?.resolved) {
        const h = hijri.resolved.from;
        if ([h - 1, h, h + 1].some((d) => weekdayOf(d) === w.index)) continue;
      } else continue;
      if (greg?.resolved) {
        const at = greg.resolved.from;
        const real = weekdayOf(at);
        const guessed = greg.yearFrom === 'date';
        const day = gregorianText(at, false);
        ctx.report({
          start: w.start,
          end: w.end,
          message: {
            en: `${written}, but ${day.en} is a ${WEEKDAYS[real].en}${guessed ? ` (the year taken as ${day.en.slice(-4)}, nearest the article’s date)` : ''}.`,
            ar: `${written}، لكن ${day.ar} يوافق يوم ${WEEKDAYS[real].ar}${guessed ? ` (السنة ${day.ar.slice(-4)}، الأقرب إلى تاريخ الخبر)` : ''}.`,
          },
          // Only when the year is certain; a guessed year makes the weekday the less likely culprit.
          fix: guessed ? undefined : replaceWeekday(e, real),
        });
      } else if (hijri?.resolved) {
        const at = hijri.resolved.from;
        const h = hijriText(at);
        const g = gregorianText(at);
        ctx.report({
          start: w.start,
          end: w.end,
          message: {
            en: `${written}, but under Umm al-Qura ${h.en} is ${g.en}, and no day either side of it is a ${WEEKDAYS[w.index].en}.`,
            ar: `${written}، لكن ${h.ar} بحسب تقويم أم القرى يوافق ${g.ar}، وليس اليوم الذي قبله ولا الذي بعده يوم ${WEEKDAYS[w.index].ar}.`,
          },
        });
      }
    }
  },
};
