import type { Rule } from '../engine/rule';
import { formatCanonical, toInstant, zoneOffsetAt } from '../engine/dates';
import { dateFields } from './dateFields';

export const dateTimezone: Rule = {
  id: 'date-timezone',
  category: 'dates',
  tags: ['dates', 'metadata'],
  defaultSeverity: 'warning',
  fixable: 'mixed',
  needs: 'frontmatter',
  description: {
    en: 'A date-time has no UTC offset (or no time at all), so it means a different moment in every time zone.',
    ar: 'تاريخ بلا فارق توقيت عن UTC (أو بلا وقت أصلًا)، فيدل على لحظة مختلفة في كل منطقة زمنية.',
  },
  docs: {
    why: {
      en: '`2025-05-10 14:30` is 14:30 in Riyadh for the writer and 13:30 in Cairo for the server. The fix adds the offset of the newsroom’s `timezone` (from `.muharrir.yaml`), else of the article’s own `date`, else of this machine, and rewrites the value as ISO 8601.',
      ar: 'تعني \u200E`2025-05-10 14:30` الساعة 14:30 بتوقيت الرياض عند الكاتب و13:30 بتوقيت القاهرة عند الخادم. يضيف الإصلاح فارق توقيت `timezone` الخاص بغرفة الأخبار (من \u200E.muharrir.yaml)، وإلا فارق `date` في الخبر نفسه، وإلا فارق هذا الجهاز، ويعيد كتابة القيمة بصيغة ISO 8601.',
    },
    bad: '---\ndate: 2025-05-10 14:30\n---',
    good: '---\ndate: 2025-05-10T14:30:00+03:00\n---',
  },
  check(ctx) {
    for (const f of dateFields(ctx)) {
      const p = f.parsed;
      if ('kind' in p || p.offsetMinutes !== null) continue;
      // The offset in force at that local time in the chosen zone (DST-aware for IANA zones).
      const tz = ctx.timeZone;
      const guess = toInstant(p, 0);
      const offset = tz.zone
        ? (zoneOffsetAt(tz.zone, guess - (zoneOffsetAt(tz.zone, guess) ?? 0) * 60_000) ?? 0)
        : (tz.fixedOffset ?? 0);
      if (!p.hasTime) {
        // The example uses the offset the article would get, not a fixed one.
        const example = formatCanonical({ ...p, hour: 9, minute: 0, second: 0, fraction: '' }, offset);
        ctx.report({
          start: f.node.start,
          end: f.node.end,
          message: {
            en: `\`${f.key}\` has a day but no time or offset; write e.g. ${example}.`,
            ar: `في \`${f.key}\` يوم بلا وقت ولا فارق توقيت؛ اكتبه مثلًا ${example}.`,
          },
        });
        continue;
      }
      const canonical = formatCanonical(p, offset);
      ctx.report({
        start: f.node.start,
        end: f.node.end,
        message: {
          en: `\`${f.key}\` has no UTC offset; write ${canonical}.`,
          ar: `لا يحمل \`${f.key}\` فارق التوقيت عن UTC؛ اكتبه ${canonical}.`,
        },
        fix: {
          title: { en: `Rewrite as ${canonical}`, ar: `إعادة الكتابة ${canonical}` },
          edits: [{ start: f.node.start, end: f.node.end, newText: canonical }],
          // The machine's zone is a guess; the newsroom's or the article's own offset is not.
          safe: tz.origin !== 'machine',
        },
      });
    }
  },
};
