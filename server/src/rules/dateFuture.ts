import type { Rule } from '../engine/rule';
import { getEntry } from '../engine/frontmatter';
import { dateFields, instantOf } from './dateFields';

/** Clocks drift and writers round up: five minutes ahead is not "the future". */
const TOLERANCE_MS = 5 * 60_000;

export const dateFuture: Rule = {
  id: 'date-future',
  category: 'dates',
  tags: ['dates', 'metadata'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'frontmatter',
  description: {
    en: 'An article marked `published` carries a `date` (or `updated`) in the future.',
    ar: 'خبر بحالة `published` يحمل تاريخ نشر `date` (أو تحديث `updated`) في المستقبل.',
  },
  docs: {
    why: {
      en: 'A published story dated tomorrow is usually a typo in the year or month, and it sorts above today’s news. Scheduled stories stay `approved` until they go out.',
      ar: 'الخبر المنشور المؤرخ بالغد خطأ مطبعي في السنة أو الشهر غالبًا، ويتقدم على أخبار اليوم في الترتيب. وتبقى الأخبار المجدولة بحالة `approved` حتى تُنشر.',
    },
    bad: '---\nstatus: published\ndate: 2052-06-02T18:00:00+03:00\n---',
    good: '---\nstatus: published\ndate: 2025-06-02T18:00:00+03:00\n---',
  },
  check(ctx) {
    const status = getEntry(ctx.fm, 'status')?.value;
    if (status?.kind !== 'scalar' || status.value !== 'published') return;
    for (const f of dateFields(ctx)) {
      if (f.key !== 'date' && f.key !== 'updated') continue;
      const at = instantOf(f);
      if (at === undefined || ctx.isPast(at - TOLERANCE_MS)) continue;
      ctx.report({
        start: f.node.start,
        end: f.node.end,
        message: {
          en: `The article is published but \`${f.key}\` is in the future.`,
          ar: `الخبر منشور لكن \`${f.key}\` في المستقبل.`,
        },
      });
    }
  },
};
