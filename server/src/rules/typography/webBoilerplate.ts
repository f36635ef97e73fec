import type { Rule } from '../../engine/rule';
import type { ArticleDocument } from '../../engine/document';
import { memo } from '../../engine/document';
import { bodyTokens, proseMask, paragraphs, phraseWords, type Token } from '../../engine/arabic';
import {
  BOILERPLATE,
  SOCIAL_NETWORKS,
  FOLLOW_TAIL_WORDS,
  FOOTER_WORDS,
  HEADLINE_TAIL_WORDS,
  LABEL_TAIL_WORDS,
  type BoilerplateTail,
} from '../../engine/data/boilerplate';

interface Phrase {
  words: string[];
  tail: BoilerplateTail;
}

/** The table in normalized words, longest phrase first so «شارك هذا المقال» wins over «شارك». */
const PHRASES: Phrase[] = BOILERPLATE.map((e) => ({ words: phraseWords(e.phrase), tail: e.tail })).sort((a, b) => b.words.length - a.words.length);
/** Phrases by their first word, longest first, so a line is matched without trying the whole table at every word. */
const BY_FIRST = new Map<string, Phrase[]>();
for (const p of PHRASES) BY_FIRST.set(p.words[0], [...(BY_FIRST.get(p.words[0]) ?? []), p]);
const NETWORKS: string[][] = SOCIAL_NETWORKS.map(phraseWords).sort((a, b) => b.length - a.length);

function wordsAt(tokens: readonly Token[], k: number, words: readonly string[], conjunction = false): boolean {
  if (k + words.length > tokens.length) return false;
  for (let n = 0; n < words.length; n++) {
    const t = tokens[k + n].norm;
    // «وتويتر»: a network name may carry the conjunction.
    if (t !== words[n] && !(conjunction && n === 0 && t === '\u0648' + words[n])) return false;
  }
  return true;
}

/**
 * Whether a line is made of boilerplate phrases only (with what each phrase allows after it),
 * and so can go as a whole. A phrase that is only part of a sentence never qualifies.
 */
function isBoilerplate(text: string, tokens: readonly Token[]): boolean {
  if (tokens.length <= FOOTER_WORDS) {
    for (let k = 0; k < tokens.length; k++) if ((BY_FIRST.get(tokens[k].norm) ?? []).some((p) => p.tail === 'anywhere' && wordsAt(tokens, k, p.words))) return true;
  }
  let k = 0;
  while (k < tokens.length) {
    const phrase = BY_FIRST.get(tokens[k].norm)?.find((p) => wordsAt(tokens, k, p.words));
    if (!phrase) return false;
    k += phrase.words.length;
    if (phrase.tail === 'label') return tokens.length - k <= LABEL_TAIL_WORDS;
    if (phrase.tail === 'headline' && k < tokens.length) {
      const between = text.slice(tokens[k - 1].end, tokens[k].start);
      if (/[:\uFF1A]/.test(between)) return tokens.length - k <= HEADLINE_TAIL_WORDS;
    }
    if (phrase.tail === 'social' || phrase.tail === 'follow') {
      let networks = 0;
      for (;;) {
        const net = NETWORKS.find((w) => wordsAt(tokens, k, w, true));
        if (!net) break;
        k += net.length;
        networks++;
      }
      if (phrase.tail === 'follow' && networks > 0) return tokens.length - k <= FOLLOW_TAIL_WORDS;
    }
  }
  return true;
}

export interface BoilerplateLine {
  line: number;
  start: number;
  end: number;
}

/** Body lines that are web-page furniture, computed once per run. */
export function boilerplateLines(doc: ArticleDocument): BoilerplateLine[] {
  return memo(doc, 'boilerplate-lines', () => {
    const mask = proseMask(doc);
    const { lines } = doc;
    const out: BoilerplateLine[] = [];
    // A one-word line («شارك», «التعليقات») counts only as a block of its own, not as the first line of a wrapped sentence.
    const alone = new Set(paragraphs(doc).filter((p) => p.firstLine === p.lastLine).map((p) => p.firstLine));
    const all = bodyTokens(doc);
    let p = 0;
    const first = doc.bodyStart >= mask.length ? lines.lineCount : lines.positionAt(doc.bodyStart).line;
    for (let line = first; line < lines.lineCount && p < all.length; line++) {
      const ls = lines.lineStart(line);
      const le = lines.lineEnd(line);
      while (p < all.length && all[p].start < ls) p++;
      let q = p;
      while (q < all.length && all[q].start < le) q++;
      const count = q - p;
      const from = p;
      p = q;
      // Long lines are prose; the longest entry with its tail is far shorter.
      if (le - ls > 400) continue;
      if (count === 0 || (count === 1 && !alone.has(line)) || !isBoilerplate(doc.text, all.slice(from, q))) continue;
      let start = ls;
      while (start < le && /\s/.test(doc.text[start])) start++;
      let end = le;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      out.push({ line, start, end });
    }
    return out;
  });
}

export const webBoilerplate: Rule = {
  id: 'web-boilerplate',
  category: 'hygiene',
  tags: ['hygiene', 'copy-paste', 'web'],
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  needs: 'document',
  description: {
    en: 'A line of web-page furniture copied with the article: the comment form, share buttons, “read also”, “more from the author”, newsletter prompts.',
    ar: 'سطر من عناصر صفحة الويب نُسخ مع الخبر: نموذج التعليقات، وأزرار المشاركة، و«اقرأ أيضاً»، و«المزيد من الكاتب»، ودعوات الاشتراك في النشرة.',
  },
  docs: {
    why: {
      en: 'Copy taken from a web page brings the page’s furniture with it (`اترك تعليقاً`, `لن يتم نشر عنوان بريدك الإلكتروني`, `المزيد من الكاتب`, `إقرأ أيضاً:`, share-button text), and it ends up printed under the story. Only whole lines made of these phrases are flagged, from a tested table, so the same words inside a sentence stay. The quick fix deletes the line; it is never applied by fix-all, because deleting is the writer’s call.',
      ar: 'يجلب النص المنسوخ من صفحة ويب عناصر الصفحة معه (`اترك تعليقاً` و`لن يتم نشر عنوان بريدك الإلكتروني` و`المزيد من الكاتب` و`إقرأ أيضاً:` ونصوص أزرار المشاركة)، فتُنشر تحت الخبر. ولا تُعلَّم إلا الأسطر المؤلفة كلها من هذه العبارات، من جدول مختبر، فتبقى الكلمات نفسها إذا وردت في جملة. ويحذف الإصلاح السريع السطر، ولا يطبقه «إصلاح الكل» أبدًا لأن الحذف قرار الكاتب.',
    },
    bad: '---\ntitle: افتتاح جسر جديد في بغداد\ndate: 2025-06-02T12:00:00+03:00\nauthor: علي حسين\nsources:\n  - أمانة بغداد\n---\n\nافتتحت أمانة بغداد جسرًا جديدًا يربط جانبي الكرخ والرصافة.\n\nاترك تعليقاً',
    good: '---\ntitle: افتتاح جسر جديد في بغداد\ndate: 2025-06-02T12:00:00+03:00\nauthor: علي حسين\nsources:\n  - أمانة بغداد\n---\n\nافتتحت أمانة بغداد جسرًا جديدًا يربط جانبي الكرخ والرصافة، ودعت السكان إلى أن يتركوا تعليقاً على التصميم عبر موقعها.',
  },
  check(ctx) {
    const { doc } = ctx;
    const { lines } = doc;
    for (const b of boilerplateLines(doc)) {
      // The whole line with its line break; the last line takes the break before it instead.
      const last = b.line + 1 >= lines.lineCount;
      const del = last
        ? { start: b.line > 0 ? lines.lineEnd(b.line - 1) : lines.lineStart(b.line), end: doc.text.length }
        : { start: lines.lineStart(b.line), end: lines.lineStart(b.line + 1) };
      const text = doc.text.slice(b.start, b.end);
      ctx.report({
        start: b.start,
        end: b.end,
        message: {
          en: `Web-page text copied with the article: “${text}”.`,
          ar: `نص من صفحة الويب نُسخ مع الخبر: «${text}».`,
        },
        fix: {
          title: { en: 'Delete this line', ar: 'حذف هذا السطر' },
          edits: [{ start: Math.max(del.start, doc.bodyStart), end: del.end, newText: '' }],
          safe: false,
        },
      });
    }
  },
};
