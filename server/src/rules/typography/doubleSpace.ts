import type { Rule, RuleContext } from '../../engine/rule';
import type { ArticleDocument } from '../../engine/document';
import { reportByParagraph } from '../../engine/paragraphReports';
import { isSpaceCode, MASK, proseMask, paragraphs } from '../../engine/arabic';

/**
 * A GFM table's delimiter row, `|---|:--:|` or `--- | ---`: two cells or more of `:?-+:?`,
 * separated by `|`, with optional pipes at the ends (/^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/).
 * Read by hand: the expression overflows the stack on a line of millions of `|-`.
 */
/** Whether text[start, end) holds only what a table's delimiter row is made of: a cheap test before the exact one. */
function onlyRowChars(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x7c && c !== 0x3a && c !== 0x2d && !isSpaceCode(c)) return false;
  }
  return true;
}

/** The first character of text[start, end) that is not white space, or -1. */
function firstVisible(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

function isDelimiterRow(s: string): boolean {
  let i = 0;
  const spaces = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  spaces();
  if (s[i] === '|') i++;
  for (let cells = 1; ; cells++) {
    spaces();
    if (s[i] === ':') i++;
    const dashes = i;
    while (s[i] === '-') i++;
    if (i === dashes) return false;
    if (s[i] === ':') i++;
    spaces();
    if (i === s.length) return cells >= 2;
    if (s[i] !== '|') return false;
    i++;
    const afterPipe = i;
    spaces();
    if (i === s.length) return cells >= 2;
    i = afterPipe;
  }
}

/**
 * A space, or the no-break space that pages copied from the web are full of: a space next to a
 * no-break space shows as two in the browser too.
 */
const DOUBLE = /[ \u00A0]{2}/g;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0;
}

export const doubleSpace: Rule = {
  id: 'double-space',
  category: 'typography',
  tags: ['typography', 'spacing'],
  // Browsers collapse runs of spaces, so the reader of the web page never sees them; the copy
  // that goes to print, apps and wire partners does. Worth cleaning, not worth a warning.
  defaultSeverity: 'information',
  fixable: 'safe',
  needs: 'document',
  description: {
    en: 'Two or more spaces between words.',
    ar: 'مسافتان أو أكثر بين كلمتين.',
  },
  docs: {
    why: {
      en: 'Extra spaces survive into print, apps and partner feeds, and often mark the place where a word or a comma was deleted. Indentation, the two trailing spaces of a Markdown line break, table alignment and code are left alone. The fix leaves one space.',
      ar: 'تنتقل المسافات الزائدة إلى الطبعة الورقية والتطبيقات وخدمات الشركاء، وكثيرًا ما تدل على موضع كلمة أو فاصلة حُذفت. ولا تمس القاعدة المسافات في أول السطر، ولا المسافتين في آخره (فاصل الأسطر في Markdown)، ولا محاذاة الجداول، ولا الشيفرة. ويُبقي الإصلاح مسافة واحدة.',
    },
    bad: '---\ntitle: ارتفاع أسعار الذهب\ndate: 2025-06-02T12:00:00+03:00\nauthor: سامي الحربي\nsources:\n  - رويترز\n---\n\nارتفعت أسعار الذهب  في التعاملات الفورية اليوم.',
    good: '---\ntitle: ارتفاع أسعار الذهب\ndate: 2025-06-02T12:00:00+03:00\nauthor: سامي الحربي\nsources:\n  - رويترز\n---\n\nارتفعت أسعار الذهب في التعاملات الفورية اليوم.',
  },
  check(ctx) {
    reportByParagraph(ctx, 'double-space', scan);
  },
};

/** A run of spaces and the line that decides about it are one paragraph's (a table is a paragraph). */
function scan(ctx: RuleContext, from: number, to: number): void {
  const { doc } = ctx;
  const mask = proseMask(doc);
  // Searched within [from, to) alone (the decisions read the whole line): a paragraph without a
  // double space does not send the search through the rest of the text.
  const part = mask.slice(from, to);
  DOUBLE.lastIndex = 0;
  if (!DOUBLE.test(part)) return;
  const { lines } = doc;
  // Two spaces in a row are rare in prose: the regex engine finds each run, then its line decides.
  let ls = 0;
  let le = -1;
  let skip = false;
  let indented = 0;
  DOUBLE.lastIndex = 0;
  while (DOUBLE.test(part)) {
    const i = from + DOUBLE.lastIndex - 2;
    if (i >= le) {
      const line = lines.positionAt(i).line;
      ls = Math.max(lines.lineStart(line), doc.bodyStart); // past a BOM on line 0
      le = lines.lineEnd(line);
      // Tables align their columns with spaces: every line of a block with a delimiter row is left alone.
      skip = inTable(doc, line) || firstVisible(doc.text, lines.lineStart(line), le) === 0x7c; /* | */
      indented = ls;
      while (indented < le && (mask.charCodeAt(indented) === 0x20 || mask.charCodeAt(indented) === 0x09)) indented++; // indentation
    }
    if (skip) {
      DOUBLE.lastIndex = le - from;
      continue;
    }
    if (i < indented) {
      DOUBLE.lastIndex = indented - from;
      continue;
    }
    let j = i;
    while (j < le && isSpace(mask.charCodeAt(j))) j++;
    const before = mask[i - 1];
    const after = mask[j];
    // Trailing spaces (a Markdown hard break) and spaces that touch code, URLs or tags are not between words.
    // So is the gap after a list, heading or quote marker (`-   item`), which Markdown allows.
    const marker = i - ls <= 16 && /^\s*(?:[-*+>]|\d{1,9}[.)]|#{1,6})$/.test(mask.slice(ls, i));
    if (j < le && !marker && before !== MASK && after !== MASK && before !== '\t' && after !== '\t') {
      ctx.report({
        start: i,
        end: j,
        message: {
          en: `${j - i} spaces between words: one is enough.`,
          ar: `${j - i === 2 ? 'مسافتان' : `${j - i} مسافات`} بين كلمتين: تكفي مسافة واحدة.`,
        },
        fix: {
          title: { en: 'Leave one space', ar: 'الإبقاء على مسافة واحدة' },
          edits: [{ start: i, end: j, newText: ' ' }],
          safe: true,
        },
      });
    }
    DOUBLE.lastIndex = j - from;
  }
}

/** Whether `line` belongs to a block with a table's delimiter row among its lines. */
function inTable(doc: ArticleDocument, line: number): boolean {
  const paras = paragraphs(doc);
  let lo = 0;
  let hi = paras.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paras[mid].lastLine < line) lo = mid + 1;
    else hi = mid;
  }
  const p = paras[lo];
  if (!p || p.firstLine > line) return false;
  const { lines } = doc;
  for (let l = p.firstLine; l <= p.lastLine; l++) {
    if (onlyRowChars(doc.text, lines.lineStart(l), lines.lineEnd(l)) && isDelimiterRow(lines.lineText(l))) return true;
  }
  return false;
}
