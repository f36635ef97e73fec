import type { Rule } from '../../engine/rule';
import { isEmptyValue } from '../../engine/frontmatter';
import { attributions, groupsOf, isMediaName, keyWords, knownIndexOf, sameSource, type Attribution, type CitedName } from '../../engine/arabic';
import { addSourceEdit, listedSources, sourcesEntry } from './listed';

export const sourceUnlisted: Rule = {
  id: 'source-unlisted',
  category: 'sources',
  tags: ['sources', 'body'],
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  needs: 'frontmatter',
  description: {
    en: 'The body cites an agency, a paper or an official body (`المصدر: X`, `بحسب X`, `نقلاً عن X`, `ذكرت وكالة X`…) that the frontmatter’s `sources` do not list.',
    ar: 'يستشهد المتن بوكالة أو صحيفة أو جهة رسمية (`المصدر: X`، `بحسب X`، `نقلاً عن X`، `ذكرت وكالة X`…) لا تذكرها قائمة المصادر `sources` في الترويسة.',
  },
  docs: {
    why: {
      en: 'The sources list is what the desk checks and what the archive keeps: a source the story leans on but does not list is a source nobody verifies. Names match whatever their article, hamza or taa marbuta, with or without وكالة/صحيفة, and through the registry’s aliases (واس is وكالة الأنباء السعودية). People quoted by title or name (قال الوزير…) are not flagged unless the story says the desk spoke to them itself (في تصريح خاص), and generic references (بحسب التقرير، وفق القانون) never are. When the list names the wire or paper the story comes from, the bodies that speak in it (قال مكتب الأمم المتحدة…) are that wire’s sources; where the story was taken from (بحسب، نقلاً عن، المصدر:) always counts. The quick fix adds the name to `sources`; it is a suggestion, since the writer may prefer the registry’s spelling.',
      ar: 'قائمة المصادر هي ما يتحقق منه المحرر وما يحفظه الأرشيف: والمصدر الذي يستند إليه الخبر ولا يُذكر فيها مصدرٌ لا يتحقق منه أحد. تُطابَق الأسماء بصرف النظر عن أداة التعريف والهمزة والتاء المربوطة، ومع «وكالة/صحيفة» أو دونهما، وعبر الأسماء البديلة في السجل (واس هي وكالة الأنباء السعودية). ولا تُنبَّه القاعدة على الأشخاص المقتبَس عنهم بالصفة أو الاسم (قال الوزير…) إلا إذا ذكر الخبر أن المحرر حاورهم بنفسه (في تصريح خاص)، ولا على الإحالات العامة (بحسب التقرير، وفق القانون). وإذا ذكرت القائمة الوكالة أو الصحيفة التي جاء منها الخبر، فالجهات المتحدثة فيه (قال مكتب الأمم المتحدة…) مصادرُ تلك الوكالة؛ أما ما نُقل عنه الخبر (بحسب، نقلاً عن، المصدر:) فيُحتسب دائمًا. يضيف الإصلاح السريع الاسم إلى `sources`، وهو اقتراح لأن الكاتب قد يفضّل تهجئة السجل.',
    },
    bad: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء السعودية\n---\n\nارتفعت أسعار النفط، بحسب رويترز، إلى أعلى مستوى في شهرين.',
    good: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء السعودية\n  - name: رويترز\n---\n\nارتفعت أسعار النفط، بحسب رويترز، إلى أعلى مستوى في شهرين.',
  },
  check(ctx) {
    const { registry } = ctx.config;
    const known = knownIndexOf(ctx.doc, registry);
    const entry = sourcesEntry(ctx.fm, Object.keys(ctx.profile));
    const listed = listedSources(entry).filter((s) => s.name);
    const noList = !entry || isEmptyValue(entry.value);
    // Each listed name, and every other name of a known source it is one of.
    const listedKeys: (readonly string[])[] = [];
    for (const s of listed) {
      const key = keyWords(s.name);
      listedKeys.push(key);
      for (const g of groupsOf(key, known)) for (const alias of known.groups[g].names) listedKeys.push(keyWords(alias));
    }
    // A story that lists its wire or paper reports the bodies that speak in it through that wire:
    // «قال مكتب الأمم المتحدة…» in a Reuters story is Reuters' source, not the desk's.
    const relayed = listed.some((s) => (s.type ? MEDIA_TYPES.includes(s.type) : isMediaName(s.name, known)));
    const seen = new Set<string>();
    const seenText = new Set<string>();
    for (const att of attributions(ctx.doc, registry)) {
      for (const name of att.names) {
        if (!isSource(name, att) || (att.speaker && !name.media && name.shape !== 'person' && relayed)) continue;
        // With no list at all, sources-missing reports it, and its fix fills in the المصدر: line's names.
        if (name.shape === 'line' && noList) continue;
        if (seenText.has(name.text)) continue;
        seenText.add(name.text);
        const key = keyWords(name.text);
        const k = key.join(' ');
        if (key.length === 0 || seen.has(k)) continue;
        seen.add(k);
        const candidates = [key];
        const groups = name.group !== undefined ? [name.group] : groupsOf(key, known);
        for (const g of groups) for (const alias of known.groups[g].names) candidates.push(keyWords(alias));
        if (candidates.some((c) => listedKeys.some((l) => sameSource(c, l)))) continue;
        ctx.report({
          start: name.start,
          end: name.end,
          message: {
            en: `The body cites «${name.text}», which \`sources\` does not list.`,
            ar: `يستشهد المتن بـ«${name.text}» ولا تذكره قائمة المصادر \`sources\`.`,
          },
          fix: {
            title: { en: `Add «${name.text}» to sources`, ar: `إضافة «${name.text}» إلى المصادر` },
            edits: [addSourceEdit(ctx, entry, name.text)],
            safe: false,
          },
        });
      }
    }
  },
};

const MEDIA_TYPES = ['agency', 'media'];

/**
 * Whether a cited name is a source to list: an organisation, a known agency or paper, a name on
 * the `المصدر:` line, or a Latin name after بحسب/وفق/نقلاً عن (after a verb it is mostly a person).
 */
function isSource(name: CitedName, att: Attribution): boolean {
  switch (name.shape) {
    case 'org':
    case 'known':
    case 'line':
    case 'person':
      return true;
    case 'latin':
      return att.kind === 'phrase';
    default:
      return false;
  }
}
