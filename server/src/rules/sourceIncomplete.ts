import type { Rule, RuleContext } from '../engine/rule';
import { getEntry, isEmptyValue, type FmMap, type FmNode } from '../engine/frontmatter';
import { SOURCE_TYPES } from '../engine/profile';
import { isDateProblem, parseDateTime } from '../engine/dates';
import { didYouMean, yamlScalar } from '../engine/text';
import { isString } from './helpers';

export const sourceIncomplete: Rule = {
  id: 'source-incomplete',
  category: 'sources',
  tags: ['sources', 'metadata'],
  defaultSeverity: 'warning',
  fixable: 'mixed',
  needs: 'frontmatter',
  description: {
    en: 'A listed source cannot be checked: no name, a link that is not http(s), an unknown type, an anonymous source with no reason, or an access date that is not a date.',
    ar: 'مصدر مذكور لا يمكن التحقق منه: بلا اسم، أو رابط ليس http(s)، أو نوع غير معروف، أو مصدر مجهّل بلا سبب، أو تاريخ اطلاع غير صالح.',
  },
  docs: {
    why: {
      en: 'A source is only as good as the desk’s ability to check it. Anonymous sources are allowed when the article records why the source is not named (`reason`), as editorial standards require.',
      ar: 'قيمة المصدر في قدرة المحرر على التحقق منه. ويُقبل المصدر المجهّل إذا سجّل الخبر سبب عدم تسميته (`reason`) كما تقتضي المعايير التحريرية.',
    },
    bad: '---\nsources:\n  - name: مسؤول حكومي\n    type: anonymous\n  - url: www.spa.gov.sa\n---',
    good: '---\nsources:\n  - name: مسؤول حكومي\n    type: anonymous\n    reason: غير مخوّل بالتصريح لوسائل الإعلام\n  - name: وكالة الأنباء السعودية\n    url: https://www.spa.gov.sa\n    type: agency\n---',
  },
  check(ctx) {
    const sources = getEntry(ctx.fm, 'sources')?.value;
    if (sources?.kind !== 'seq') return;
    for (const item of sources.items) {
      if (item.kind === 'scalar') {
        if (isString(item) && item.value.trim() === '') reportNoName(ctx, item);
      } else if (item.kind === 'map') checkSource(ctx, item);
    }
  },
};

function reportNoName(ctx: RuleContext, node: FmNode): void {
  ctx.report({
    start: node.start,
    end: node.end,
    message: { en: 'This source has no name.', ar: 'هذا المصدر بلا اسم.' },
  });
}

function checkSource(ctx: RuleContext, item: FmMap): void {
  const name = getEntry(item, 'name');
  if (!name || isEmptyValue(name.value) || !isString(name.value)) {
    ctx.report({
      start: name ? name.keyStart : item.start,
      // No `name` at all: the item's first key, so the squiggle marks the source that lacks it.
      end: name ? (name.value?.end ?? name.keyEnd) : (item.entries[0]?.keyEnd ?? item.start + 1),
      message: name
        ? { en: 'This source has no name.', ar: 'هذا المصدر بلا اسم.' }
        : { en: 'This source has no `name`.', ar: 'هذا المصدر بلا اسم `name`.' },
    });
  }
  const url = getEntry(item, 'url');
  if (url?.value && isString(url.value) && url.value.value.trim() !== '' && !isHttpUrl(url.value.value)) {
    const bare = /^(www\.|[a-z0-9-]+\.[a-z]{2,})/i.test(url.value.value.trim());
    ctx.report({
      start: url.value.start,
      end: url.value.end,
      message: {
        en: `The link \`${url.value.value}\` is not a full http(s) address.`,
        ar: `الرابط \`${url.value.value}\` ليس عنوان http(s) كاملًا.`,
      },
      fix: bare
        ? {
            title: { en: 'Add https://', ar: 'إضافة https://' },
            edits: [{ start: url.value.start, end: url.value.end, newText: yamlScalar('https://' + url.value.value.trim()) }],
            safe: false,
          }
        : undefined,
    });
  }
  const type = getEntry(item, 'type');
  const typeValue = isString(type?.value) ? type!.value.value : undefined;
  if (type?.value && typeValue !== undefined && !(SOURCE_TYPES as readonly string[]).includes(typeValue)) {
    const guess = SOURCE_TYPES.find((t) => t === typeValue.trim().toLowerCase()) ?? didYouMean(typeValue, SOURCE_TYPES);
    ctx.report({
      start: type.value.start,
      end: type.value.end,
      message: {
        en: `Source type must be one of: ${SOURCE_TYPES.join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        ar: `يجب أن يكون نوع المصدر واحدًا من: ${SOURCE_TYPES.join('، ')}.${guess ? ` هل تقصد \`${guess}\`؟` : ''}`,
      },
      fix: guess
        ? {
            title: { en: `Change to ${guess}`, ar: `التغيير إلى ${guess}` },
            edits: [{ start: type.value.start, end: type.value.end, newText: guess }],
            safe: guess === typeValue.trim().toLowerCase(),
          }
        : undefined,
    });
  }
  if (typeValue === 'anonymous') {
    const reason = getEntry(item, 'reason');
    if (!reason || isEmptyValue(reason.value)) {
      ctx.report({
        start: type!.keyStart,
        end: type!.value!.end,
        message: {
          en: 'An anonymous source needs a `reason`: why the source cannot be named.',
          ar: 'يلزم المصدرَ المجهّل سببٌ `reason`: لماذا لا يمكن تسميته.',
        },
      });
    }
  }
  const accessed = getEntry(item, 'accessed');
  if (accessed?.value && !isEmptyValue(accessed.value)) {
    const ok = isString(accessed.value) && !isDateProblem(parseDateTime(accessed.value.value));
    if (!ok) {
      ctx.report({
        start: accessed.value.start,
        end: accessed.value.end,
        message: {
          en: '`accessed` must be a date such as 2025-06-02.',
          ar: 'يجب أن يكون `accessed` تاريخًا مثل 2025-06-02.',
        },
      });
    }
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}
