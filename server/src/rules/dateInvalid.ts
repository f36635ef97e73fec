import type { Rule } from '../engine/rule';
import { formatCanonical } from '../engine/dates';
import { dateFields, problemWords } from './dateFields';

export const dateInvalid: Rule = {
  id: 'date-invalid',
  category: 'dates',
  tags: ['dates', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: 'frontmatter',
  description: {
    en: 'A date field is not a date, names a day or time that does not exist (2025-02-30, 25:00), or is not written as ISO 8601.',
    ar: 'حقل تاريخ ليس تاريخًا، أو يذكر يومًا أو وقتًا لا وجود له (2025-02-30، 25:00)، أو غير مكتوب بصيغة ISO 8601.',
  },
  docs: {
    why: {
      en: 'An impossible date is silently rolled over or dropped by most systems: 30 February becomes 2 March. Dates written with Arabic-Indic digits, slashes or a space instead of `T` are rewritten to ISO 8601 by the fix.',
      ar: 'تُرحِّل معظم الأنظمة التاريخ المستحيل أو تُسقطه بصمت: يصبح 30 فبراير هو 2 مارس. ويعيد الإصلاح كتابة التواريخ المكتوبة بالأرقام الهندية أو بالشرطة المائلة أو بمسافة بدل `T` بصيغة ISO 8601.',
    },
    bad: '---\ndate: 2025-02-30T10:00:00+02:00\nupdated: ٢٠٢٥/٠٣/٠١ 09:00+02:00\n---',
    good: '---\ndate: 2025-02-28T10:00:00+02:00\nupdated: 2025-03-01T09:00:00+02:00\n---',
  },
  check(ctx) {
    for (const f of dateFields(ctx)) {
      const p = f.parsed;
      if ('kind' in p) {
        ctx.report({ start: f.node.start, end: f.node.end, message: problemWords(f.key, p) });
        continue;
      }
      // Values without an offset are `date-timezone`'s, whose fix also rewrites the form.
      if (p.canonical || p.offsetMinutes === null) continue;
      const canonical = formatCanonical(p, p.offsetMinutes);
      ctx.report({
        start: f.node.start,
        end: f.node.end,
        message: {
          en: `\`${f.key}\` is not in ISO 8601 form; write ${canonical}.`,
          ar: `قيمة \`${f.key}\` ليست بصيغة ISO 8601؛ اكتبها ${canonical}.`,
        },
        fix: {
          title: { en: `Rewrite as ${canonical}`, ar: `إعادة الكتابة ${canonical}` },
          edits: [{ start: f.node.start, end: f.node.end, newText: canonical }],
          safe: true,
        },
      });
    }
  },
};
