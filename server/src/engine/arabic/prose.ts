import { memo, type ArticleDocument } from '../document';

/**
 * The character that stands in for everything that is not prose. It is not a letter, a digit,
 * a space or punctuation, so no rule matches on it or across it by accident.
 */
export const MASK = '\uE000';

/**
 * The document's text with everything that is not running prose replaced by MASK, character for
 * character, so every offset found in it is an offset in the document: the frontmatter, fenced and
 * indented code, inline code, HTML comments and tags, URLs, link targets and reference definitions.
 * Line breaks are kept so lines and paragraphs stay where they are.
 */
export function proseMask(doc: ArticleDocument): string {
  return memo(doc, 'prose', () => buildMask(doc));
}

function buildMask(doc: ArticleDocument): string {
  const { text } = doc;
  const out = text.split('');
  const mask = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) out[i] = MASK;
    }
  };
  mask(0, doc.bodyStart);

  // Block level: fences and indented code, line by line.
  const { lines } = doc;
  const first = lines.positionAt(doc.bodyStart).line;
  let fence: string | null = null;
  let previousBlank = true;
  for (let line = doc.bodyStart >= text.length ? lines.lineCount : first; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence !== null) {
      mask(start, end);
      if (f && f[1].startsWith(fence)) fence = null;
      continue;
    }
    if (f) {
      fence = f[1][0].repeat(f[1].length);
      mask(start, end);
      continue;
    }
    const blank = content.trim() === '';
    if (previousBlank && /^( {4}|\t)/.test(content) && !blank) mask(start, end);
    else if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(content)) mask(start, end);
    previousBlank = blank;
  }

  const body = text.slice(doc.bodyStart);
  const at = doc.bodyStart;
  const inline: RegExp[] = [
    /<!--[\s\S]*?(?:-->|$)/g, // HTML comments, also unclosed ones to the end
    /(`+)[^`]*?\1/g, // inline code
    /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, // link targets: ](url "title")
    /<(?:https?:|mailto:)[^>\s]*>/g, // autolinks
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, // HTML tags
    /\b(?:https?:\/\/|www\.)[^\s<>()\u00AB\u00BB\u201C\u201D"]+[^\s<>()\u00AB\u00BB\u201C\u201D".,;:!?\u060C\u061B\u061F]/g, // bare URLs
    /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail addresses
  ];
  for (const re of inline) {
    for (const m of body.matchAll(re)) {
      const s = at + m.index;
      // The link target is masked, not the `]` that closes the visible text.
      mask(m[0].startsWith('](') ? s + 1 : s, s + m[0].length);
    }
  }
  return out.join('');
}
