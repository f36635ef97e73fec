import type { Rule } from '../../engine/rule';
import { getEntry } from '../../engine/frontmatter';
import { proseMask, paragraphs, tokenize, MASK } from '../../engine/arabic';

/** The most words a site's name may add after the title: «… - الخليج الثقافي», «… | وكالة الأنباء». */
const SITE_NAME_WORDS = 4;

/**
 * How a line repeats the title, compared word by word in normalized form (so `# `, `**`,
 * punctuation, diacritics and hamza forms do not count): exactly, or followed by a separator and the site's name, as page
 * titles are (that one is a guess about what the tail is, so its fix is the writer's call).
 */
function repeats(content: string, title: string[]): 'exact' | 'with-site' | null {
  const tokens = tokenize(content);
  if (tokens.length < title.length) return null;
  for (let k = 0; k < title.length; k++) if (tokens[k].norm !== title[k]) return null;
  if (tokens.length === title.length) return 'exact';
  const rest = tokens.length - title.length;
  const between = content.slice(tokens[title.length - 1].end, tokens[title.length].start);
  return rest <= SITE_NAME_WORDS && /[-\u2013\u2014|:\u00B7]/.test(between) ? 'with-site' : null;
}

function isBlank(s: string): boolean {
  for (const ch of s) if (ch !== ' ' && ch !== '\t' && ch !== MASK) return false;
  return true;
}

export const duplicateHeadline: Rule = {
  id: 'duplicate-headline',
  category: 'hygiene',
  tags: ['hygiene', 'copy-paste', 'title'],
  defaultSeverity: 'warning',
  fixable: 'mixed',
  needs: 'document',
  description: {
    en: 'The body starts by repeating the frontmatter `title`, as a heading or as a line of text.',
    ar: 'يبدأ متن الخبر بتكرار العنوان `title` المذكور في البيانات الوصفية، عنوانًا فرعيًا أو سطرًا من النص.',
  },
  docs: {
    why: {
      en: 'The site prints the title from the frontmatter; a copy of it at the top of the body (the page’s headline, pasted along with the text) shows twice. The comparison ignores Markdown marks, punctuation, diacritics and hamza forms; a first line that only shares words with the title is not a repeat. The fix deletes the repeated line: applied by fix-all when the line is an exact copy of the title, offered as a quick fix when a site name follows it (`العنوان - اسم الموقع`).',
      ar: 'يطبع الموقع العنوان من البيانات الوصفية، فإذا تكرر في أول المتن (عنوان الصفحة المنسوخ مع النص) ظهر مرتين. وتتجاهل المقارنة علامات Markdown والترقيم والتشكيل وصور الهمزة؛ ولا يُعد تكرارًا سطرٌ أول يشارك العنوان بعض كلماته فقط. ويحذف الإصلاح السطر المكرر: يطبقه «إصلاح الكل» إذا كان السطر نسخة مطابقة للعنوان، ويُعرض إصلاحًا سريعًا إذا تبعه اسم موقع (`العنوان - اسم الموقع`).',
    },
    bad: '---\ntitle: الأمطار تغلق مدارس العاصمة\ndate: 2025-06-02T08:00:00+03:00\nauthor: هالة منصور\nsources:\n  - وزارة التربية\n---\n\n# الأمطار تغلق مدارس العاصمة\n\nأعلنت وزارة التربية تعليق الدراسة في مدارس العاصمة بسبب الأمطار الغزيرة.',
    good: '---\ntitle: الأمطار تغلق مدارس العاصمة\ndate: 2025-06-02T08:00:00+03:00\nauthor: هالة منصور\nsources:\n  - وزارة التربية\n---\n\nأعلنت وزارة التربية تعليق الدراسة في مدارس العاصمة بسبب الأمطار الغزيرة.',
  },
  check(ctx) {
    const { doc } = ctx;
    const title = getEntry(ctx.fm, 'title')?.value;
    if (title?.kind !== 'scalar' || typeof title.value !== 'string') return;
    const wanted = tokenize(title.value).map((t) => t.norm);
    if (wanted.length === 0) return;
    const first = paragraphs(doc)[0];
    if (!first) return;
    const mask = proseMask(doc);
    const { lines } = doc;
    // The title may be pasted more than once (the page's headline, then its share card): every
    // leading copy goes, up to the first line that is not one.
    for (let line = first.firstLine; line < lines.lineCount; line++) {
      const ls = lines.lineStart(line);
      const le = lines.lineEnd(line);
      const content = mask.slice(ls, le);
      if (isBlank(content)) continue;
      // A line far longer than the title cannot be a copy of it (and is not worth reading word by word).
      const kind = content.length > title.value.length * 2 + 200 ? null : repeats(content, wanted);
      if (!kind) return;
      let start = ls;
      while (start < le && /\s/.test(doc.text[start])) start++;
      let end = le;
      while (end > start && /\s/.test(doc.text[end - 1])) end--;
      // The line, its break and the blank lines after it, so no gap is left at the top of the body.
      let delEnd = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : doc.text.length;
      let next = line + 1;
      while (next + 1 < lines.lineCount && isBlank(mask.slice(lines.lineStart(next), lines.lineEnd(next))) && doc.text.slice(lines.lineStart(next), lines.lineEnd(next)).trim() === '') {
        delEnd = lines.lineStart(next + 1);
        next++;
      }
      const delStart = line + 1 < lines.lineCount ? ls : Math.max(doc.bodyStart, line > 0 ? lines.lineEnd(line - 1) : ls);
      ctx.report({
        start,
        end,
        message:
          kind === 'exact'
            ? {
                en: 'The body repeats the title: the site already shows it from the frontmatter.',
                ar: 'يكرر المتن العنوان، والموقع يعرضه من البيانات الوصفية.',
              }
            : {
                en: 'The body repeats the title, with a site name after it, as the copied page had it.',
                ar: 'يكرر المتن العنوان متبوعًا باسم موقع، كما كان في الصفحة المنسوخة.',
              },
        fix: {
          title: { en: 'Delete the repeated title', ar: 'حذف العنوان المكرر' },
          edits: [{ start: delStart, end: delEnd, newText: '' }],
          // An exact copy goes without loss; with a tail, the writer checks what the tail was.
          safe: kind === 'exact',
        },
      });
    }
  },
};
