import type { Rule } from '../engine/rule';
import { getEntry, isEmptyValue } from '../engine/frontmatter';
import { formatInstant, offsetFor } from '../engine/dates';
import { appendToFrontmatter, entryAt, openingDelimiter, replaceEmptyEntry } from './helpers';

export const dateMissing: Rule = {
  id: 'date-missing',
  category: 'dates',
  tags: ['dates', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'suggestion',
  needs: 'frontmatter',
  description: {
    en: 'The article has no publication `date`.',
    ar: 'لا يحمل الخبر تاريخ نشر `date`.',
  },
  docs: {
    why: {
      en: 'Without a date, readers cannot tell old news from new, and every relative expression in the text (yesterday, last Thursday) floats. The quick fix inserts the current time with the configured offset.',
      ar: 'من دون تاريخ لا يميز القارئ الخبر القديم من الجديد، وتفقد كل العبارات النسبية في النص (أمس، الخميس الماضي) مرجعها. يُدرج الإصلاح السريع الوقت الحالي بفارق التوقيت المضبوط.',
    },
    bad: '---\ntitle: انطلاق موسم الحج\nauthor: سارة أحمد\nsources:\n  - وكالة الأنباء السعودية\n---',
    good: '---\ntitle: انطلاق موسم الحج\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - وكالة الأنباء السعودية\n---',
  },
  check(ctx) {
    const entry = getEntry(ctx.fm, 'date');
    if (entry && !isEmptyValue(entry.value)) return;
    const now = ctx.now.getTime();
    const line = `date: ${formatInstant(now, offsetFor(ctx.timeZone, now))}`;
    ctx.report({
      ...(entry ? entryAt(entry) : openingDelimiter(ctx)),
      message: entry
        ? { en: '`date` is empty: give the publication time.', ar: 'الحقل `date` فارغ: اذكر وقت النشر.' }
        : { en: 'The article has no publication `date`.', ar: 'لا يحمل الخبر تاريخ نشر `date`.' },
      fix: {
        title: { en: `Insert ${line}`, ar: `إدراج ${line}` },
        edits: [entry ? replaceEmptyEntry(ctx, entry, [line]) : appendToFrontmatter(ctx, [line])],
        // The current time is a guess at the publication time: the writer confirms it.
        safe: false,
      },
    });
  },
};
