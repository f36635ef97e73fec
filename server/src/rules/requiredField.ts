import type { Rule } from '../engine/rule';
import { getEntry, isEmptyValue } from '../engine/frontmatter';
import { firstHeading } from '../engine/body';
import { yamlScalar } from '../engine/text';
import { appendToFrontmatter, entryAt, openingDelimiter, replaceEmptyEntry } from './helpers';

/** Fields with their own, more specific rule. */
const OWN_RULE = new Set(['date', 'sources']);

export const requiredField: Rule = {
  id: 'required-field',
  category: 'frontmatter',
  tags: ['frontmatter', 'metadata'],
  defaultSeverity: 'error',
  fixable: 'suggestion',
  needs: 'frontmatter',
  description: {
    en: 'A field the newsroom requires (title and author by default; `.muharrir.yaml` adds more) is missing or empty.',
    ar: 'حقل تشترطه غرفة الأخبار (العنوان والكاتب افتراضيًا، ويضيف \u200E.muharrir.yaml غيرهما) مفقود أو فارغ.',
  },
  docs: {
    why: {
      en: 'An article without a headline or a byline cannot go through the desk. Dates and sources have their own rules: `date-missing` and `sources-missing`.',
      ar: 'لا يمر خبر بلا عنوان أو بلا اسم كاتب على المحرر. وللتاريخ والمصادر قاعدتان خاصتان: `date-missing` و`sources-missing`.',
    },
    bad: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T18:00:00+03:00\nsources:\n  - رويترز\n---',
    good: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T18:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - رويترز\n---',
  },
  check(ctx) {
    for (const [key, spec] of Object.entries(ctx.profile)) {
      if (!spec.required || OWN_RULE.has(key)) continue;
      const entry = getEntry(ctx.fm, key);
      if (entry && !isEmptyValue(entry.value)) continue;
      const value = suggestedValue(key, ctx);
      const line = value === undefined ? undefined : `${key}: ${value}`;
      ctx.report({
        ...(entry ? entryAt(entry) : openingDelimiter(ctx)),
        message: entry
          ? { en: `\`${key}\` is required but empty.`, ar: `الحقل \`${key}\` مطلوب لكنه فارغ.` }
          : { en: `\`${key}\` is required.`, ar: `الحقل \`${key}\` مطلوب.` },
        fix:
          line === undefined
            ? undefined
            : {
                title: { en: `Set ${line}`, ar: `إضافة ${line}` },
                edits: [entry ? replaceEmptyEntry(ctx, entry, [line]) : appendToFrontmatter(ctx, [line])],
                safe: false,
              },
      });
    }
  },
};

/** Only values we actually know: a fix that writes an empty placeholder fixes nothing. */
function suggestedValue(key: string, ctx: Parameters<Rule['check']>[0]): string | undefined {
  if (key === 'title') {
    const h = firstHeading(ctx.doc);
    return h ? yamlScalar(h.text) : undefined;
  }
  if (key === 'author') return ctx.author ? yamlScalar(ctx.author) : undefined;
  const spec = ctx.profile[key];
  if (spec.example) return yamlScalar(spec.example);
  if (spec.enum?.length === 1) return yamlScalar(spec.enum[0]);
  return undefined;
}
