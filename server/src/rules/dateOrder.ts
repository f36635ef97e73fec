import type { Rule } from '../engine/rule';
import { getEntry } from '../engine/frontmatter';
import { dateFields, instantOf } from './dateFields';

export const dateOrder: Rule = {
  id: 'date-order',
  category: 'dates',
  tags: ['dates', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'none',
  needs: 'frontmatter',
  description: {
    en: 'Dates contradict each other: `updated` before `date`, or a published article dated before its `embargo` lifts.',
    ar: 'تواريخ متناقضة: `updated` قبل `date`، أو خبر منشور بتاريخ يسبق رفع الحظر `embargo`.',
  },
  docs: {
    why: {
      en: 'An update cannot precede the story, and publishing before an embargo lifts breaks the newsroom’s word to its source.',
      ar: 'لا يسبق التحديثُ الخبرَ نفسه، والنشر قبل رفع الحظر إخلال بالتزام غرفة الأخبار تجاه مصدرها.',
    },
    bad: '---\ndate: 2025-06-02T18:00:00+03:00\nupdated: 2025-06-01T09:00:00+03:00\n---',
    good: '---\ndate: 2025-06-02T18:00:00+03:00\nupdated: 2025-06-02T21:15:00+03:00\n---',
  },
  check(ctx) {
    const fields = dateFields(ctx);
    const byKey = (k: string) => fields.find((f) => f.key === k);
    const date = byKey('date');
    const at = instantOf(date);
    if (at === undefined) return;
    const updated = byKey('updated');
    const up = instantOf(updated);
    if (updated && up !== undefined && up < at) {
      ctx.report({
        start: updated.node.start,
        end: updated.node.end,
        message: {
          en: '`updated` is earlier than `date`: an update cannot come before publication.',
          ar: '`updated` أسبق من `date`: لا يأتي التحديث قبل النشر.',
        },
      });
    }
    const status = getEntry(ctx.fm, 'status')?.value;
    const published = status?.kind === 'scalar' && status.value === 'published';
    const embargo = byKey('embargo');
    const em = instantOf(embargo);
    if (published && embargo && em !== undefined && at < em) {
      ctx.report({
        start: embargo.node.start,
        end: embargo.node.end,
        message: {
          en: 'The article is published with a `date` before its `embargo` lifts.',
          ar: 'الخبر منشور بتاريخ `date` يسبق رفع الحظر `embargo`.',
        },
      });
    }
  },
};
