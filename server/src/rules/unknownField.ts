import type { Rule, RuleContext } from '../engine/rule';
import { getEntry, type FmMap } from '../engine/frontmatter';
import { SOURCE_KEYS } from '../engine/profile';
import { ARABIC_FIELD_NAMES } from '../engine/arabicData';
import { didYouMean } from '../engine/text';

export const unknownField: Rule = {
  id: 'unknown-field',
  category: 'frontmatter',
  tags: ['frontmatter', 'metadata'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'frontmatter',
  description: {
    en: 'A field the profile does not know, usually a typo (`titel`, `sorces`) or an Arabic key name (`العنوان`); the likely field is suggested.',
    ar: 'حقل لا يعرفه التعريف، وغالبًا ما يكون خطأً إملائيًا (`titel`، `sorces`) أو اسمًا عربيًا للمفتاح (`العنوان`)؛ ويُقترح الحقل المقصود.',
  },
  docs: {
    why: {
      en: 'A misspelt key is a missing field to the CMS: `sorces:` means the article has no sources. Newsroom-specific fields are declared under `fields` in `.muharrir.yaml`.',
      ar: 'المفتاح المكتوب خطأً حقلٌ مفقود في نظر نظام إدارة المحتوى: \u200F`sorces:` تعني أن الخبر بلا مصادر. وتُعرَّف الحقول الخاصة بغرفة الأخبار تحت `fields` في \u200E.muharrir.yaml.',
    },
    bad: '---\ntitel: اجتماع طارئ لمجلس الأمن\nsorces:\n  - الأمم المتحدة\n---',
    good: '---\ntitle: اجتماع طارئ لمجلس الأمن\nsources:\n  - الأمم المتحدة\n---',
  },
  check(ctx) {
    checkKeys(ctx, ctx.fm, Object.keys(ctx.profile), '');
    const sources = getEntry(ctx.fm, 'sources')?.value;
    if (sources?.kind === 'seq') {
      for (const item of sources.items) if (item.kind === 'map') checkKeys(ctx, item, SOURCE_KEYS, 'sources.');
    }
  },
};

function checkKeys(ctx: RuleContext, map: FmMap, known: readonly string[], prefix: string): void {
  const present = new Set(map.entries.map((e) => e.key));
  // Newsroom fields can be declared in the config; the keys of a source are fixed.
  const otherwise =
    prefix === ''
      ? { en: ' Declare it under `fields` in .muharrir.yaml if the newsroom uses it.', ar: ' عرّفه تحت `fields` في \u200E.muharrir.yaml إن كانت غرفة الأخبار تستخدمه.' }
      : { en: ` A source has: ${known.join(', ')}.`, ar: ` مفاتيح المصدر: ${known.join('، ')}.` };
  for (const e of map.entries) {
    if (known.includes(e.key)) continue;
    const guess = intendedKey(e.key, known, prefix === '');
    const canRename = guess !== undefined && !present.has(guess);
    // Two typos of one field must not both become it in the same pass.
    if (canRename) present.add(guess);
    ctx.report({
      start: e.keyStart,
      end: e.keyEnd,
      message: {
        en: `Unknown field \`${prefix}${e.key}\`.${guess ? ` Did you mean \`${guess}\`?` : otherwise.en}`,
        ar: `الحقل \`${prefix}${e.key}\` غير معروف.${guess ? ` هل تقصد \`${guess}\`؟` : otherwise.ar}`,
      },
      fix: canRename
        ? {
            title: { en: `Rename to ${guess}`, ar: `إعادة التسمية إلى ${guess}` },
            edits: [{ start: e.keyStart, end: e.keyEnd, newText: guess! }],
            safe: true,
          }
        : undefined,
    });
  }
}

/** The field a misspelt or Arabic key most likely means (`sorces` → `sources`, `المصادر` → `sources`). */
export function intendedKey(key: string, known: readonly string[], topLevel: boolean): string | undefined {
  const arabic = topLevel ? ARABIC_FIELD_NAMES[key.trim()] : undefined;
  return arabic && known.includes(arabic) ? arabic : didYouMean(key, known);
}
