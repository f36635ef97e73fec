import type { RuleContext } from '../engine/rule';
import type { FmEntry, FmNode } from '../engine/frontmatter';
import { isEmptyValue } from '../engine/frontmatter';
import { GREGORIAN_MONTHS } from '../engine/arabicData';
import { parseDateTime, toInstant, type DateProblem, type ParsedDateTime } from '../engine/dates';
import { memo } from '../engine/document';
import type { Bilingual } from '../engine/types';

export interface DateField {
  key: string;
  entry: FmEntry;
  node: FmNode;
  /** Parsed value, or why it is not a date; `not-text` when YAML gave a number, list… */
  parsed: ParsedDateTime | DateProblem | { kind: 'not-text' };
}

/**
 * Every non-empty datetime field of the profile, parsed once per document and profile (five date
 * rules read them). Callers must not change the list.
 */
export function dateFields(ctx: RuleContext): DateField[] {
  const cached = memo(ctx.doc, 'date-fields', () => ({ profile: ctx.profile, fields: readDateFields(ctx) }));
  return cached.profile === ctx.profile ? cached.fields : readDateFields(ctx);
}

function readDateFields(ctx: RuleContext): DateField[] {
  const out: DateField[] = [];
  for (const entry of ctx.fm.entries) {
    if (ctx.profile[entry.key]?.type !== 'datetime' || isEmptyValue(entry.value)) continue;
    const node = entry.value!;
    if (out.some((f) => f.key === entry.key)) continue;
    const parsed =
      node.kind === 'scalar' && typeof node.value === 'string' ? parseDateTime(node.value) : { kind: 'not-text' as const };
    out.push({ key: entry.key, entry, node, parsed });
  }
  return out;
}

export function validDate(f: DateField | undefined): ParsedDateTime | undefined {
  return f && !('kind' in f.parsed) ? f.parsed : undefined;
}

/** The instant of a field, when it is a real date with an offset; comparisons need both. */
export function instantOf(f: DateField | undefined): number | undefined {
  const d = validDate(f);
  return d && d.offsetMinutes !== null ? toInstant(d) : undefined;
}

export function problemWords(key: string, p: DateProblem | { kind: 'not-text' }): Bilingual {
  switch (p.kind) {
    case 'not-text':
    case 'unparsable':
      return {
        en: `\`${key}\` is not a date: write it as ISO 8601, e.g. 2025-06-02T18:00:00+03:00.`,
        ar: `قيمة \`${key}\` ليست تاريخًا: اكتبها بصيغة ISO 8601، مثل 2025-06-02T18:00:00+03:00.`,
      };
    case 'month':
      return {
        en: `\`${key}\` has month ${p.month}; months run from 01 to 12.`,
        ar: `في \`${key}\` الشهر ${p.month}، والأشهر من 01 إلى 12.`,
      };
    case 'day': {
      const m = GREGORIAN_MONTHS[p.month - 1];
      return {
        en: `\`${key}\` does not exist: ${m.en} ${p.year} has ${p.max} days, not ${p.day}.`,
        ar: `التاريخ في \`${key}\` غير موجود: شهر ${m.ar} (${m.levant}) ${p.year} فيه ${p.max} يومًا، لا ${p.day}.`,
      };
    }
    case 'time':
      return {
        en: `\`${key}\` has the time ${p.text}, which does not exist on a 24-hour clock.`,
        ar: `في \`${key}\` الوقت ${p.text}، وهو غير موجود في نظام الأربع والعشرين ساعة.`,
      };
    case 'offset':
      return {
        en: `\`${key}\` has the offset ${p.text}; offsets run from -12:00 to +14:00.`,
        ar: `في \`${key}\` فارق التوقيت ${p.text}، والفارق بين \u200E-12:00 و\u200E+14:00.`,
      };
  }
}
