import type { Rule, RuleContext } from '../../engine/rule';
import { reportByParagraph } from '../../engine/paragraphReports';

/**
 * Embedding, override and isolate controls: LRE RLE PDF LRO RLO (U+202A–U+202E) and
 * LRI RLI FSI PDI (U+2066–U+2069). They reorder what the reader sees without showing
 * themselves ("Trojan Source"). The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are the
 * normal way to settle the direction of a neutral character in Arabic text and are not here.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]+/g;

const NAMES: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

export const bidiControl: Rule = {
  id: 'bidi-control',
  category: 'hygiene',
  tags: ['hygiene', 'invisible', 'security', 'bidi'],
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'Invisible bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069) anywhere in the file.',
    ar: 'محارف تحكم خفية في اتجاه النص (التضمين والتجاوز والعزل: U+202A–U+202E وU+2066–U+2069) في أي موضع من الملف.',
  },
  docs: {
    why: {
      en: 'These controls come in with text copied from word processors and social media. They reorder characters without showing themselves, so a title, a number or a name can read differently from what is stored, and they can hide text (“Trojan Source”). They are reported everywhere: frontmatter, code and body. LRM, RLM and ALM (U+200E, U+200F, U+061C) are normal in Arabic text and stay. The fix deletes the controls.',
      ar: 'تدخل هذه المحارف مع النصوص المنسوخة من برامج التحرير ومواقع التواصل. وهي تعيد ترتيب الحروف دون أن تظهر، فيُقرأ العنوان أو الرقم أو الاسم على غير ما هو مخزَّن، وقد تُخفي نصًا («Trojan Source»). ويُبلَّغ عنها في كل موضع: البيانات الوصفية والشيفرة والمتن. أما علامات الاتجاه LRM وRLM وALM (U+200E وU+200F وU+061C) فمعتادة في النص العربي ولا تُمس. ويحذف الإصلاح هذه المحارف.',
    },
    bad: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T12:00:00+03:00\nauthor: سامي الحربي\nsources:\n  - رويترز\n---\n\nارتفع خام برنت إلى \u202B82.5 دولار\u202C للبرميل في تعاملات اليوم.',
    good: '---\ntitle: ارتفاع أسعار النفط\ndate: 2025-06-02T12:00:00+03:00\nauthor: سامي الحربي\nsources:\n  - رويترز\n---\n\nارتفع خام برنت إلى 82.5 دولار للبرميل في تعاملات اليوم.',
  },
  check(ctx) {
    // From the top: a control hidden in the frontmatter reorders a title as well.
    reportByParagraph(ctx, 'bidi-control', scan, 0);
  },
};

/** A run of controls is one line's: it lies in one paragraph, or in the text between them. */
function scan(ctx: RuleContext, from: number, to: number): void {
  // Searched within [from, to) alone: a paragraph without controls does not send the search through the rest of the text.
  const part = ctx.doc.text.slice(from, to);
  CONTROLS.lastIndex = 0;
  for (let m = CONTROLS.exec(part); m; m = CONTROLS.exec(part)) {
    const start = from + m.index;
    // The same few runs recur (a pasted page is full of them): each is named once.
    let names = named.get(m[0]);
    if (names === undefined) {
      names = [...new Set(m[0])].map((c) => NAMES[c]).join(' ');
      if (m[0].length <= 16) {
        if (named.size >= MAX_NAMED) named.clear();
        named.set(m[0], names);
      }
    }
    ctx.report({
      start,
      end: start + m[0].length,
      message: {
        en: `Invisible bidirectional control character${m[0].length > 1 ? 's' : ''} (${names}): they can reorder or hide text.`,
        ar: `محارف خفية للتحكم في اتجاه النص (${names}): قد تعيد ترتيب النص أو تخفيه.`,
      },
      fix: {
        title: { en: 'Delete the invisible control characters', ar: 'حذف محارف التحكم الخفية' },
        edits: [{ start, end: start + m[0].length, newText: '' }],
        safe: true,
      },
    });
  }
}

const named = new Map<string, string>();
const MAX_NAMED = 256;
