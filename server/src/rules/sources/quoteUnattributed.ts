import type { Rule } from '../../engine/rule';
import { attributions, normalize, paragraphs, proseMask, stems, tokenize, type Attribution, type Paragraph } from '../../engine/arabic';
import { QUOTE_TITLE_NOUNS } from '../../engine/data/attribution';

/** Quotes shorter than this are names, titles or scare quotes, not speech. */
const MIN_WORDS = 4;

export const quoteUnattributed: Rule = {
  id: 'quote-unattributed',
  category: 'sources',
  tags: ['sources', 'body', 'quotes'],
  defaultSeverity: 'warning',
  fixable: 'none',
  needs: 'document',
  description: {
    en: 'A direct quote («…», “…”) of four words or more whose paragraph says nobody said it: no قال، أكد، بحسب، نقلاً عن… .',
    ar: 'اقتباس مباشر («…»، “…») من أربع كلمات أو أكثر لا تذكر فقرته قائله: لا قال ولا أكد ولا بحسب ولا نقلاً عن… .',
  },
  docs: {
    why: {
      en: 'A quote is someone’s words; the reader is owed the name. The attribution may sit anywhere in the quote’s paragraph, or end the paragraph before it with a colon (وقال الوزير:). Short quoted names and titles (a programme, a campaign, «رؤية 2030») are not quotes of speech and are left alone.',
      ar: 'الاقتباس كلام أحدٍ ما، ومن حق القارئ أن يعرف قائله. يكفي أن يرد الإسناد في أي موضع من فقرة الاقتباس، أو أن تنتهي الفقرة التي قبله بنقطتين (وقال الوزير:). أما الأسماء والعناوين القصيرة بين علامات التنصيص (برنامج، حملة، «رؤية 2030») فليست كلامًا منقولًا ولا تُنبَّه عليها.',
    },
    bad: '---\ntitle: افتتاح المستشفى الجديد\n---\n\nافتتحت الوزارة المستشفى الجديد في حي النرجس. «سيخدم المستشفى أكثر من مئتي ألف نسمة في شمال المدينة».',
    good: '---\ntitle: افتتاح المستشفى الجديد\n---\n\nافتتحت الوزارة المستشفى الجديد في حي النرجس. وقال وزير الصحة: «سيخدم المستشفى أكثر من مئتي ألف نسمة في شمال المدينة».',
  },
  check(ctx) {
    const { doc } = ctx;
    const mask = proseMask(doc);
    const paras = paragraphs(doc);
    const atts = attributions(doc, ctx.config.registry);
    let a = 0;
    let previous: { para: Paragraph; attributed: boolean } | undefined;
    for (const para of paras) {
      while (a < atts.length && atts[a].start < para.start) a++;
      let b = a;
      while (b < atts.length && atts[b].start < para.end) b++;
      const inPara = atts.slice(a, b);
      const { quotes, firstStop } = para.kind === 'heading' ? { quotes: [], firstStop: -1 } : quotesIn(mask, para);
      const attributed = someOutside(inPara, quotes);
      const fromPrevious = previous !== undefined && previous.attributed && mask[previous.para.end - 1] === ':';
      for (const q of quotes) {
        if (attributed || fromPrevious) break;
        if (!isSpeech(mask, para, q, firstStop)) continue;
        ctx.report({
          start: q.start,
          end: q.end,
          message: {
            en: 'Who said this? The quote’s paragraph has no attribution (قال، أكد، بحسب، نقلاً عن…).',
            ar: 'من قائل هذا؟ لا إسناد في فقرة الاقتباس (قال، أكد، بحسب، نقلاً عن…).',
          },
        });
      }
      previous = { para, attributed };
    }
  },
};

/** Whether an attribution stands outside the quotes (both lists in document order): «قال لي أحدهم» inside a quote names no speaker. */
function someOutside(atts: readonly Attribution[], quotes: readonly Quote[]): boolean {
  let q = 0;
  for (const a of atts) {
    while (q < quotes.length && quotes[q].end <= a.start) q++;
    if (q === quotes.length || a.end <= quotes[q].start || a.start < quotes[q].start) return true;
  }
  return false;
}

interface Quote {
  /** The quote with its marks. */
  start: number;
  end: number;
}

const PAIRS: Record<string, string> = { '\u00AB': '\u00BB', '\u201C': '\u201D' };

/**
 * The outermost quotes of a paragraph, closed within it: «…» and “…” (nesting counted), and
 * "…" in pairs. A quote left open (a quote running over several paragraphs) is not one here.
 */
const QUOTE_OR_STOP = /[:\n\u00AB\u00BB\u201C\u201D"]/g;

function quotesIn(mask: string, para: Paragraph): { quotes: Quote[]; firstStop: number } {
  const out: Quote[] = [];
  /** The paragraph's first colon or line break (see labelled). */
  let firstStop = -1;
  let open = -1;
  let opener = '';
  let depth = 0;
  // Straight to each colon, line break or quotation mark: the only characters this reads.
  QUOTE_OR_STOP.lastIndex = para.start;
  while (QUOTE_OR_STOP.test(mask)) {
    const i = QUOTE_OR_STOP.lastIndex - 1;
    if (i >= para.end) break;
    const code = mask.charCodeAt(i);
    if (firstStop === -1 && (code === 0x3a || code === 0x0a)) firstStop = i;
    if (code !== 0xab && code !== 0xbb && code !== 0x201c && code !== 0x201d && code !== 0x22) continue;
    const c = mask[i];
    if (open === -1) {
      if (PAIRS[c] || c === '"') {
        open = i;
        opener = c;
        depth = 1;
      }
      continue;
    }
    if (opener === '"') {
      if (c === '"') {
        out.push({ start: open, end: i + 1 });
        open = -1;
      }
      continue;
    }
    if (c === opener) depth++;
    else if (c === PAIRS[opener] && --depth === 0) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return { quotes: out, firstStop };
}

/**
 * Whether the paragraph opens with a short label and a colon right before the quote: what
 * /^[^:\n]*:\s*$/ says of the text before the quote. Only the paragraph's first colon can be that
 * colon, so the text before it is read once per paragraph, not once per quote.
 */
function labelled(mask: string, para: Paragraph, q: Quote, firstStop: number): boolean {
  let colon = q.start;
  while (colon > para.start && /\s/.test(mask[colon - 1])) colon--;
  colon--;
  if (colon !== firstStop || mask[colon] !== ':') return false;
  const words = tokenize(mask.slice(para.start, colon)).length;
  return words > 0 && words <= 3;
}

let titleNouns: Set<string> | undefined;

/** Whether a quote is speech: four words or more, mostly Arabic, not a name after بعنوان، حملة، صحيفة… . */
function isSpeech(mask: string, para: Paragraph, q: Quote, firstStop: number): boolean {
  const inner = mask.slice(q.start + 1, q.end - 1);
  const words = tokenize(inner);
  if (words.length < MIN_WORDS) return false;
  // «Make America Great Again» in an Arabic story is a name, not the speech of a source.
  const arabic = words.filter((w) => /[\u0600-\u06FF]/.test(w.raw)).length;
  if (arabic * 2 < words.length) return false;
  const before = mask.slice(Math.max(para.start, q.start - 60), q.start);
  // «ج: «…»», «الوزير: «…»»: a short label and a colon at the head of the paragraph name the speaker.
  if (labelled(mask, para, q, firstStop)) return false;
  titleNouns ??= new Set(QUOTE_TITLE_NOUNS.map((w) => normalize(w)));
  const prev = tokenize(before);
  let k = prev.length - 1;
  // «بـ«…»», «لـ«…»»: look past the standalone preposition.
  if (k >= 0 && (prev[k].norm === 'ب' || prev[k].norm === 'ل') && /^\s*$/.test(before.slice(prev[k].end))) k--;
  if (k >= 0 && /^[\s\u0640]*(?:[بل][\u0640]*)?\s*$/.test(before.slice(prev[k].end))) {
    if (stems(prev[k].norm).some((s) => titleNouns!.has(s))) return false;
  }
  return true;
}
