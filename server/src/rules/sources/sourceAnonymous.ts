import type { Rule } from '../../engine/rule';
import type { ArticleDocument } from '../../engine/document';
import { memo } from '../../engine/document';
import { attributions, bare, bodyTokens, firstTokenFrom, nameAt, normalize, phraseWords, proseMask, sameBare, stems, WordTest, type Token } from '../../engine/arabic';
import { ANONYMOUS_ADJECTIVES, ANONYMOUS_ADJECTIVES_AFTER_ATTRIBUTION, ANONYMOUS_PHRASES } from '../../engine/data/attribution';
import { listedSources, sourcesEntry } from './listed';

export const sourceAnonymous: Rule = {
  id: 'source-anonymous',
  category: 'sources',
  tags: ['sources', 'body', 'anonymous'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'frontmatter',
  description: {
    en: 'The body relies on an unnamed source (مصادر مطلعة، مصدر طلب عدم الكشف عن هويته…) but the frontmatter declares no anonymous source with a reason.',
    ar: 'يعتمد المتن على مصدر غير مسمّى (مصادر مطلعة، مصدر طلب عدم الكشف عن هويته…) ولا تصرّح الترويسة بمصدر مجهّل مع سبب إغفال اسمه.',
  },
  docs: {
    why: {
      en: 'Unnamed sources are sometimes the only way to report a story, and editorial standards allow them when the desk knows who the source is and why the name is withheld. Declaring the source in `sources` with `type: anonymous` and a `reason` is that record; the body’s «مصادر مطلعة» alone is not.',
      ar: 'قد تكون المصادر غير المسمّاة السبيل الوحيد لنقل الخبر، وتجيزها المعايير التحريرية حين يعرف المحرر المصدر وسبب حجب اسمه. والتصريح بالمصدر في `sources` بالنوع `type: anonymous` مع السبب `reason` هو ذلك السجل؛ أما عبارة «مصادر مطلعة» في المتن وحدها فلا تكفي.',
    },
    bad: '---\ntitle: تعديل وزاري مرتقب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء الأردنية\n---\n\nقالت مصادر مطلعة إن تعديلًا وزاريًا سيُعلن قبل نهاية الشهر.',
    good: '---\ntitle: تعديل وزاري مرتقب\ndate: 2025-06-02T10:00:00+03:00\nauthor: سارة أحمد\nsources:\n  - name: وكالة الأنباء الأردنية\n  - name: مسؤول في رئاسة الوزراء\n    type: anonymous\n    reason: غير مخوّل بالتصريح قبل الإعلان الرسمي\n---\n\nقالت مصادر مطلعة إن تعديلًا وزاريًا سيُعلن قبل نهاية الشهر.',
  },
  check(ctx) {
    const anonymous = listedSources(sourcesEntry(ctx.fm, Object.keys(ctx.profile))).filter((s) => s.type === 'anonymous');
    if (anonymous.some((s) => s.reason)) return;
    const withoutReason = anonymous.length > 0;
    const hits = phraseHits(ctx.doc);
    // «قالت مصادر إن…», «بحسب مصادر في الحكومة»: an attribution that names only «مصادر».
    for (const att of attributions(ctx.doc, ctx.config.registry)) {
      for (const n of att.names) if (n.shape === 'anonymous') hits.push({ start: n.start, end: n.end });
    }
    for (const h of merge(ctx.doc, hits)) {
      const phrase = ctx.doc.text.slice(h.start, h.end);
      ctx.report({
        start: h.start,
        end: h.end,
        message: withoutReason
          ? {
              en: `«${phrase}» is an unnamed source, and the anonymous source in \`sources\` gives no \`reason\` for withholding the name.`,
              ar: `«${phrase}» مصدر غير مسمّى، والمصدر المجهّل في \`sources\` بلا سبب \`reason\` لحجب اسمه.`,
            }
          : {
              en: `«${phrase}» is an unnamed source: declare it in \`sources\` with \`type: anonymous\` and a \`reason\`.`,
              ar: `«${phrase}» مصدر غير مسمّى: صرّح به في \`sources\` بالنوع \`type: anonymous\` مع السبب \`reason\`.`,
            },
      });
    }
  },
};

interface Hit {
  start: number;
  end: number;
}

const WHERE = new Set(['في', 'من', 'داخل', 'لدى', 'على'].map((w) => normalize(w)));

/**
 * One report per unnamed source: «مصادر مقربة من النادي» takes in where the source sits, and
 * «مصدر في وزارة الصحة، فضّل عدم ذكر اسمه» is one source, not two.
 */
function merge(doc: ArticleDocument, hits: Hit[]): Hit[] {
  const tokens = bodyTokens(doc);
  const mask = proseMask(doc);
  const extended = hits.map((hit) => {
    let h = hit;
    let j = firstTokenFrom(tokens, h.end);
    // «مصدر حكومي مسؤول», «مصادر أمنية عراقية»: the describing words after the phrase belong to it.
    for (let n = 0; n < 3 && tokens[j] && /^\s*$/.test(mask.slice(h.end, tokens[j].start)) && isDescribing(tokens[j]); n++) {
      h = { start: h.start, end: tokens[j].end };
      j++;
    }
    const tok = tokens[j];
    if (!tok || !WHERE.has(tok.norm) || !/^\s*$/.test(mask.slice(h.end, tok.start))) return h;
    const where = nameAt(doc, j + 1);
    if (!where || !/^\s*$/.test(mask.slice(tok.end, where.start))) return h;
    // «في وزارة الصحة», «من النادي» say who the source is; «في نيويورك» only where they spoke.
    const institution = where.shape === 'org' || where.shape === 'known' || normalize(where.text).startsWith('\u0627\u0644');
    return institution ? { start: h.start, end: where.end } : h;
  });
  extended.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of extended) {
    const last = out[out.length - 1];
    if (last && (h.start < last.end || /^[\s\u060C,]*$/.test(mask.slice(last.end, h.start)))) {
      last.end = Math.max(last.end, h.end);
      continue;
    }
    out.push({ ...h });
  }
  return out;
}

let describing: Set<string> | undefined;

/** An indefinite adjective of an unnamed source: one of the table's («مسؤول», «مطلعة») or a nisba («غربي», «عراقية»). */
function isDescribing(tok: Token): boolean {
  describing ??= new Set([...ANONYMOUS_ADJECTIVES, ...ANONYMOUS_ADJECTIVES_AFTER_ATTRIBUTION].flat().flatMap((a) => [a, a + 'ون', a + 'ين', a + 'ان']).map((w) => normalize(w)));
  if (tok.norm.startsWith('\u0627\u0644')) return false;
  return describing.has(tok.norm) || (tok.norm.length > 3 && /(\u064A|\u064A\u0647|\u064A\u0648\u0646|\u064A\u064A\u0646)$/.test(tok.norm));
}

let index: Map<string, string[][]> | undefined;

/** The anonymous phrases by their first word (article dropped), longest first. */
function phraseIndex(): Map<string, string[][]> {
  if (!index) {
    index = new Map();
    for (const p of ANONYMOUS_PHRASES) {
      const words = phraseWords(p);
      const list = index.get(bare(words[0])) ?? [];
      if (!list.some((w) => w.join(' ') === words.join(' '))) list.push(words);
      index.set(bare(words[0]), list);
    }
    for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  }
  return index;
}

/** Whether a phrase of the table may start with this word: asked once per spelling. */
const MAY_START_PHRASE = new WordTest((norm) => {
  const idx = phraseIndex();
  return stems(norm).some((stem) => idx.has(stem));
});

function phraseHits(doc: ArticleDocument): Hit[] {
  return [
    ...memo(doc, 'anonymous-phrases', () => {
      const idx = phraseIndex();
      const tokens = bodyTokens(doc);
      const out: Hit[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (!MAY_START_PHRASE.of(tokens[i])) continue;
        const match = longestAt(tokens, i, idx);
        if (match) {
          out.push({ start: tokens[i].start, end: tokens[i + match - 1].end });
          i += match - 1;
        }
      }
      return out;
    }),
  ];
}

function longestAt(tokens: readonly Token[], i: number, idx: Map<string, string[][]>): number {
  for (const stem of tokens[i].stems) {
    const list = idx.get(stem);
    if (!list) continue;
    outer: for (const words of list) {
      if (i + words.length > tokens.length) continue;
      for (let k = 1; k < words.length; k++) if (!sameBare(tokens[i + k].norm, words[k]!)) continue outer;
      return words.length;
    }
  }
  return 0;
}
