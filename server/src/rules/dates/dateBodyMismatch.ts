import type { Rule } from '../../engine/rule';
import { anchorText, gregorianText, type DateExpression } from '../../engine/arabic/dateExpressions';
import { bodyDates, quoted } from './shared';

export const dateBodyMismatch: Rule = {
  id: 'date-body-mismatch',
  category: 'dates',
  tags: ['dates', 'body', 'metadata'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'document',
  description: {
    en: 'The dateline’s date («الرياض - 2 يونيو 2025 (واس) -»), or a date introduced as today («اليوم الاثنين 2 يونيو»), is not the day of the article’s `date` in its time zone.',
    ar: 'تاريخ مطلع الخبر («الرياض - 2 يونيو 2025 (واس) -»)، أو تاريخ مقدَّم على أنه اليوم («اليوم الاثنين 2 يونيو»)، ليس يوم تاريخ النشر `date` في المنطقة الزمنية للخبر.',
  },
  docs: {
    why: {
      en: 'When the body and the metadata disagree on the day, one of them is stale: a story re-filed without a new dateline, or a `date` copied from the template. The day of `date` is taken in the article’s time zone (the newsroom’s zone from `.muharrir.yaml`, else the offset written in `date`), so a story filed at 01:30 in Riyadh is dated that day even though it is still the day before in UTC. A Hijri-only dateline may be a day off.',
      ar: 'إذا اختلف المتن والبيانات الوصفية على اليوم فأحدهما قديم: خبر أعيد إرساله دون تحديث مطلعه، أو تاريخ نشر منقول من القالب. يؤخذ يوم `date` في المنطقة الزمنية للخبر (منطقة غرفة الأخبار في `.muharrir.yaml`، وإلا فارق التوقيت المكتوب في `date`)، فالخبر المرسل الساعة 01:30 بتوقيت الرياض مؤرخ بذلك اليوم وإن كان اليوم السابق بالتوقيت العالمي. ويُقبل فرق يوم في مطلع بتاريخ هجري وحده.',
    },
    bad: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-03T01:30:00+03:00\nauthor: سارة أحمد\n---\n\nالرياض - 2 يونيو 2025 (واس) - افتتح وزير الثقافة معرض الكتاب بمشاركة 1800 دار نشر.',
    good: '---\ntitle: افتتاح معرض الكتاب\ndate: 2025-06-03T01:30:00+03:00\nauthor: سارة أحمد\n---\n\nالرياض - 3 يونيو 2025 (واس) - افتتح وزير الثقافة معرض الكتاب بمشاركة 1800 دار نشر.',
  },
  check(ctx) {
    const { list, anchor } = bodyDates(ctx);
    if (!anchor) return;
    const relative = new Map<number, DateExpression>();
    list.forEach((e) => {
      if (e.explicit !== undefined) relative.set(e.explicit, e);
    });
    list.forEach((e, i) => {
      if (e.kind !== 'date' || !e.written || (!e.dateline && e.claim === undefined)) return;
      const partner = e.pair ? list[e.pair.with] : undefined;
      const side = e.written.calendar === 'gregorian' || partner?.written?.calendar !== 'gregorian' ? e : partner;
      if (!side.resolved || !side.written) return;
      const expected = anchor.epoch + (e.claim ?? 0);
      const tolerance = side.written.calendar === 'hijri' ? 1 : 0;
      if (Math.abs(side.resolved.from - expected) <= tolerance) return;
      const said = gregorianText(side.resolved.from);
      const a = anchorText(anchor);
      const rel = relative.get(i);
      if (rel && e.claim !== undefined && e.claim !== 0) {
        const meant = gregorianText(expected);
        ctx.report({
          start: side.dateStart ?? side.start,
          end: side.end,
          message: {
            en: `${quoted(rel.text)} is given as ${said.en}, but counted from the article’s date (${a.en}) it is ${meant.en}.`,
            ar: `كُتب ${quoted(rel.text)} على أنه ${said.ar}، لكنه محسوبًا من تاريخ النشر (${a.ar}) هو ${meant.ar}.`,
          },
        });
        return;
      }
      ctx.report({
        start: side.dateStart ?? side.start,
        end: side.end,
        message: e.dateline
          ? {
              en: `The dateline gives ${said.en}, but the article’s date is ${a.en}.`,
              ar: `تاريخ مطلع الخبر ${said.ar}، لكن تاريخ النشر ${a.ar}.`,
            }
          : {
              en: `${quoted(rel?.text ?? 'اليوم')} is given as ${said.en}, but the article’s date is ${a.en}.`,
              ar: `كُتب ${quoted(rel?.text ?? 'اليوم')} على أنه ${said.ar}، لكن تاريخ النشر ${a.ar}.`,
            },
      });
    });
  },
};
