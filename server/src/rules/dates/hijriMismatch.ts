import type { Rule } from '../../engine/rule';
import { gregorianText, hijriText } from '../../engine/arabic/dateExpressions';
import { bodyDates, days } from './shared';

/** Sighting may start a month a day before or after Umm al-Qura; more than that is a wrong date. */
const TOLERANCE_DAYS = 1;

export const hijriMismatch: Rule = {
  id: 'hijri-mismatch',
  category: 'dates',
  tags: ['dates', 'body', 'hijri', 'accuracy'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'document',
  description: {
    en: 'A Hijri date and the Gregorian date given with it («6 ذو الحجة 1446هـ الموافق 2 يونيو 2025م») are more than a day apart under the Umm al-Qura calendar.',
    ar: 'تاريخ هجري والتاريخ الميلادي المذكور معه («6 ذو الحجة 1446هـ الموافق 2 يونيو 2025م») يتباعدان أكثر من يوم بحسب تقويم أم القرى.',
  },
  docs: {
    why: {
      en: 'Pairs written by hand drift: a day copied from last year’s release, a month name slipped. Pairs joined by «الموافق», or written side by side with both years («1446هـ / 2025م»), are converted with the Umm al-Qura calendar; a one-day difference is allowed, because a month begun by sighting may start a day earlier or later. The message gives the Umm al-Qura equivalent of each side. There is no quick fix: only the writer knows which side is wrong.',
      ar: 'الأزواج المكتوبة باليد تنحرف: يوم منقول من بيان العام الماضي، أو اسم شهر انزلق. تُحوَّل الأزواج المربوطة بـ«الموافق»، أو المكتوبة متجاورة بسنتيها («1446هـ / 2025م»)، بتقويم أم القرى، ويُقبل فرق يوم واحد لأن الشهر الذي يبدأ بالرؤية قد يتقدم يومًا أو يتأخر. تذكر الرسالة ما يقابل كل طرف بتقويم أم القرى. ولا إصلاح سريعًا: الكاتب وحده يعرف أي الطرفين خطأ.',
    },
    bad: 'مكة المكرمة – يبدأ الحجاج يوم التروية الأربعاء 8 ذو الحجة 1446هـ الموافق 6 يونيو 2025م.',
    good: 'مكة المكرمة – يبدأ الحجاج يوم التروية الأربعاء 8 ذو الحجة 1446هـ الموافق 4 يونيو 2025م.',
  },
  check(ctx) {
    const { list } = bodyDates(ctx);
    list.forEach((e, i) => {
      if (!e.pair || e.pair.with < i || !e.written) return;
      const other = list[e.pair.with];
      const hijri = e.written.calendar === 'hijri' ? e : other;
      const greg = e.written.calendar === 'hijri' ? other : e;
      if (!hijri.resolved || !greg.resolved) return;
      const apart = Math.abs(hijri.resolved.from - greg.resolved.from);
      if (apart <= TOLERANCE_DAYS) return;
      const hSide = hijriText(hijri.resolved.from);
      const hAsG = gregorianText(hijri.resolved.from);
      const gSide = gregorianText(greg.resolved.from, false);
      const gAsH = hijriText(greg.resolved.from);
      const n = days(apart);
      ctx.report({
        start: e.dateStart ?? e.start,
        end: other.end,
        message: {
          en: `These dates are ${n.en} apart: under Umm al-Qura ${hSide.en} is ${hAsG.en}, and ${gSide.en} is ${gAsH.en}.`,
          ar: `بين التاريخين ${n.ar}: بحسب تقويم أم القرى يوافق ${hSide.ar} ${hAsG.ar}، ويوافق ${gSide.ar} ${gAsH.ar}.`,
        },
      });
    });
  },
};
