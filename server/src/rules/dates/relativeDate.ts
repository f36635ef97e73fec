import type { Rule } from '../../engine/rule';
import { WEEKDAYS } from '../../engine/data/calendar';
import { normalize } from '../../engine/arabic/normalize';
import { describeResolution, weekdayOf, type DateExpression } from '../../engine/arabic/dateExpressions';
import type { Fix } from '../../engine/types';
import { bodyDates, quoted } from './shared';

/**
 * Relative days after which a weekday reads naturally in news copy: «أمس الأحد», «اليوم الاثنين»,
 * «غدًا الثلاثاء», «مساء أمس الأحد», «أول من أمس السبت», «بعد غد الأربعاء». Not «الليلة الماضية»
 * or «بالأمس», which take no weekday after them.
 */
const NAMES_A_WEEKDAY = new Set(['اليوم', 'أمس', 'أول أمس', 'أول من أمس', 'غدا', 'بعد غد', 'غد'].map((w) => normalize(w)));

function addWeekday(e: DateExpression): Fix | undefined {
  const r = e.relative;
  if (!r || !e.resolved || r.unit !== 'day' || r.toWeekday !== undefined || e.weekday || !NAMES_A_WEEKDAY.has(r.core)) return undefined;
  const name = WEEKDAYS[weekdayOf(e.resolved.from)].ar;
  const phrase = `${e.text} ${name}`;
  return {
    title: { en: `Name the day: «${phrase}»`, ar: `اذكر اليوم: «${phrase}»` },
    edits: [{ start: e.end, end: e.end, newText: ` ${name}` }],
    safe: false,
  };
}

export const relativeDate: Rule = {
  id: 'relative-date',
  category: 'dates',
  tags: ['dates', 'body', 'clarity'],
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  needs: 'document',
  description: {
    en: 'A relative date in the body («أمس», «اليوم», «غدًا», «الأسبوع الماضي», «الخميس المقبل»): a hint giving the day it means, counted from `date`; a warning when the article has no valid `date` to count from.',
    ar: 'تاريخ نسبي في المتن («أمس»، «اليوم»، «غدًا»، «الأسبوع الماضي»، «الخميس المقبل»): تلميح يذكر اليوم المقصود محسوبًا من تاريخ النشر `date`، وتحذير إذا لم يكن للخبر تاريخ نشر صالح يُحسب منه.',
  },
  docs: {
    why: {
      en: '«أمس» means a different day in every copy that is republished, syndicated or read next week. With a `date`, the rule only shows (as a hint, and in the hover) which day each expression means in both calendars, counted in the article’s time zone, and offers to name the weekday («أمس الأحد»). Without a `date` nothing anchors it, and that is worth a warning. Fixed phrases where «اليوم» is not today («حتى اليوم», «اليوم العالمي للصحة», «العالم اليوم») are left alone.',
      ar: '«أمس» يعني يومًا مختلفًا في كل نسخة يُعاد نشرها أو تُقرأ بعد أسبوع. إذا كان للخبر تاريخ نشر `date` فالقاعدة تكتفي بأن تبيّن (تلميحًا، وعند التمرير فوق العبارة) اليوم الذي تعنيه كل عبارة بالتقويمين، محسوبًا في المنطقة الزمنية للخبر، وتعرض ذكر اسم اليوم («أمس الأحد»). وإن لم يكن له تاريخ نشر فلا شيء يثبّتها، وهذا يستحق تحذيرًا. ولا تُحتسب التعابير الثابتة التي لا تعني فيها «اليوم» هذا اليوم («حتى اليوم»، «اليوم العالمي للصحة»، «العالم اليوم»).',
    },
    bad: '---\ntitle: افتتاح معرض الكتاب\nauthor: سارة أحمد\n---\n\nافتتح وزير الثقافة أمس معرض الكتاب بمشاركة 1800 دار نشر.',
    good: '---\ntitle: افتتاح معرض الكتاب\nauthor: سارة أحمد\n---\n\nافتتح وزير الثقافة الأحد 1 يونيو 2025 معرض الكتاب بمشاركة 1800 دار نشر.',
  },
  check(ctx) {
    // No frontmatter at all, or one that cannot be read: frontmatter-missing or -syntax says so once.
    if (!ctx.fm) return;
    const { list, anchor } = bodyDates(ctx);
    for (const e of list) {
      if (e.kind !== 'relative' || e.explicit !== undefined) continue;
      // «أمس الأحد» when the weekday is right; a wrong one is weekday-mismatch's to report.
      const right = e.weekday && e.resolved && weekdayOf(e.resolved.from) === e.weekday.index;
      const words = quoted(right ? ctx.doc.text.slice(e.start, e.weekday!.end) : e.text);
      if (!anchor || !e.resolved) {
        ctx.report({
          start: e.start,
          end: e.end,
          message: {
            en: `${words} cannot be resolved: the article has no valid \`date\` to count it from.`,
            ar: `لا يمكن تحديد ${words}: ليس للخبر تاريخ نشر \`date\` صالح يُحسب منه.`,
          },
        });
        continue;
      }
      const meant = describeResolution(e.resolved);
      ctx.report({
        start: e.start,
        end: e.end,
        severity: 'hint',
        message: {
          en: `${words} = ${meant.en} (counted from \`date\`).`,
          ar: `${words} = ${meant.ar} (محسوبًا من تاريخ النشر \`date\`).`,
        },
        fix: addWeekday(e),
      });
    }
  },
};
