/**
 * The article body through markdown-it with raw HTML off, plus what the preview adds: `data-line`
 * on every block (scroll sync), the desk's problems marked where they are, «quotes» wrapped for
 * styling, and an address policy for links and images (urls.ts) enforced when rendering.
 */
import MarkdownIt from 'markdown-it';
import type { Env, MarkdownIt as Md, Renderer, RendererRule, StateCore, Token } from 'markdown-it';
import { escapeHtml } from './escape';
import { classifyImage, classifyLink, parsableUrl } from './urls';
import type { WriterLabels } from './strings';
import type { BlockLine, PreviewDiagnostic, RenderWarning } from './types';
import { problemAttrs, problemCodes, problemTitle, worstSeverity, type TitleAttr } from './problems';

/** A body diagnostic waiting to be placed: its line in the body and the text it flags. */
export interface BodyProblem {
  diagnostic: PreviewDiagnostic;
  /** 0-based line in the body text (not the document). */
  line: number;
  /** The same line in the document (a stale range is clamped to the text). */
  docLine: number;
  /** The flagged text (first line of the range only); '' for an empty range. */
  flagged: string;
  /** How many times `flagged` occurs in the block's source before the flagged one. */
  occurrenceIn: (blockStartLine: number) => number;
  placed: 'mark' | 'block' | null;
}

export interface BodyEnv extends Env {
  lineOffset: number;
  baseUri?: string;
  allowRemoteImages: boolean;
  labels: WriterLabels;
  problems: BodyProblem[];
  blocks: BlockLine[];
  warnings: RenderWarning[];
  /** For the share card: the first image as rendered, and the first paragraph as plain text. */
  firstImage?: string;
  firstParagraph?: string;
  linkStack: boolean[];
  /** The document line of the block being rendered, for warnings raised by inline content. */
  currentLine?: number;
  titleAttr: TitleAttr;
}

type RenderOptionsOf = Parameters<RendererRule>[2];

let shared: Md | undefined;

export function markdown(): Md {
  if (shared) return shared;
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = parsableUrl;
  md.core.ruler.push('muharrir_preview', previewRule);
  const rules = md.renderer.rules;
  // Unreachable with html:false; escaped anyway so no future option can let markup through.
  rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx].content)}</p>`;
  rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx].content);
  rules.link_open = renderLinkOpen;
  rules.link_close = (_tokens, _idx, _options, env) => ((env as BodyEnv).linkStack.pop() ? '</span>' : '</a>');
  rules.image = renderImage;
  rules.muharrir_mark_open = (tokens, idx, _options, env) =>
    `<mark class="muharrir-problem"${problemAttrs(tokens[idx].meta!.diagnostics as PreviewDiagnostic[], (env as BodyEnv).titleAttr)}>`;
  rules.muharrir_mark_close = () => '</mark>';
  rules.muharrir_quote_open = () => '<span class="quote">';
  rules.muharrir_quote_close = () => '</span>';
  rules.muharrir_line = (tokens, idx, _options, env) => {
    (env as BodyEnv).currentLine = tokens[idx].meta!.line as number;
    return '';
  };
  shared = md;
  return md;
}

export function renderBody(body: string, env: BodyEnv): string {
  const md = markdown();
  return md.renderer.render(md.parse(body, env), md.options, env);
}

// ---------------------------------------------------------------------------------------------
// Links and images.

function renderLinkOpen(tokens: Token[], idx: number, options: RenderOptionsOf, env: Env | undefined, self: Renderer): string {
  const e = env as BodyEnv;
  const token = tokens[idx];
  const kind = classifyLink(String(token.attrGet('href') ?? ''));
  if (kind === 'blocked') {
    e.linkStack.push(true);
    e.warnings.push({ code: 'link-blocked', message: e.labels.blockedLink, line: e.currentLine });
    return `<span class="muharrir-blocked-link" title="${escapeHtml(e.labels.blockedLink)}">`;
  }
  e.linkStack.push(false);
  token.attrSet('data-link', kind);
  if (kind === 'external') token.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
}

function renderImage(tokens: Token[], idx: number, options: RenderOptionsOf, env: Env | undefined, self: Renderer): string {
  const e = env as BodyEnv;
  const token = tokens[idx];
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const title = String(token.attrGet('title') ?? '');
  const decision = classifyImage(String(token.attrGet('src') ?? ''), e.baseUri, e.allowRemoteImages);
  let html: string;
  if (decision.kind === 'local' || decision.kind === 'data' || decision.kind === 'remote') {
    html =
      `<img src="${escapeHtml(decision.src)}" alt="${escapeHtml(alt)}"` +
      (title ? ` title="${escapeHtml(title)}"` : '') +
      ` data-image="${decision.kind}" loading="lazy" decoding="async">`;
  } else {
    const L = e.labels;
    const note =
      decision.kind === 'remote-blocked'
        ? L.remoteImage(decision.host)
        : decision.kind === 'insecure'
          ? L.insecureImage(decision.host)
          : decision.kind === 'site-root'
            ? L.siteRootImage
            : decision.kind === 'no-base'
              ? L.noBaseImage
              : L.unsupportedImage;
    e.warnings.push({
      code: decision.kind === 'remote-blocked' || decision.kind === 'insecure' ? 'remote-image' : 'image-unsupported',
      message: note,
      line: e.currentLine,
    });
    html =
      `<span class="muharrir-image-placeholder" role="img" aria-label="${escapeHtml(alt || note)}" data-image="${decision.kind}">` +
      `<span class="muharrir-image-note">${escapeHtml(note)}</span>` +
      (alt ? `<span class="muharrir-image-alt">${escapeHtml(alt)}</span>` : '') +
      `</span>`;
  }
  e.firstImage ??= html;
  return html;
}

// ---------------------------------------------------------------------------------------------
// The core rule: lines, heading ids, problems, quotes.

function isBlockElement(t: Token): boolean {
  return !!t.map && t.block && t.type !== 'inline' && t.nesting !== -1;
}

function previewRule(state: StateCore): void {
  const env = state.env as BodyEnv;
  if (!Array.isArray(env.blocks)) return;
  const tokens = state.tokens;
  const ids = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isBlockElement(t)) {
      const line = env.lineOffset + t.map![0];
      t.attrSet('data-line', String(line));
      env.blocks.push({ line, endLine: env.lineOffset + t.map![1], kind: t.type.replace(/_open$/, '') });
    }
    if (t.type === 'heading_open' && tokens[i + 1]?.type === 'inline') {
      t.attrSet('id', headingId(plainText(tokens[i + 1]), ids));
    }
    if (env.firstParagraph === undefined && t.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline') {
      const text = plainText(tokens[i + 1]).trim();
      if (text) env.firstParagraph = text;
    }
  }
  placeProblems(state, env);
  for (const t of tokens) {
    if (t.type === 'inline' && t.children) t.children = wrapQuotes(t.children, state.Token);
  }
  // Inline tokens carry no map: a marker tells the renderer which line it is on (for warnings).
  for (const t of tokens) {
    if (t.type === 'inline' && t.map && t.children?.length) {
      const line = env.lineOffset + t.map[0];
      const marker = new state.Token('muharrir_line', '', 0);
      marker.meta = { line };
      t.children.unshift(marker);
    }
  }
}

export function plainText(inline: Token): string {
  let s = '';
  for (const c of inline.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') s += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' ';
    else if (c.type === 'image') s += plainText(c);
  }
  return s;
}

/** `h-` keeps heading ids from ever shadowing a name the preview script uses on `window`. */
function headingId(text: string, taken: Set<string>): string {
  const slug = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 80);
  let id = `h-${slug || 'section'}`;
  for (let n = 2; taken.has(id); n++) id = `h-${slug || 'section'}-${n}`;
  taken.add(id);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Problems in place.

interface Interval {
  child: number;
  start: number;
  end: number;
  problems: BodyProblem[];
}

function placeProblems(state: StateCore, env: BodyEnv): void {
  if (env.problems.length === 0) return;
  const tokens = state.tokens;
  const inlines = tokens.filter((t) => t.type === 'inline' && t.map && t.children);
  const perInline = new Map<Token, Interval[]>();
  const fallback: BodyProblem[] = [];

  for (const p of env.problems) {
    const candidates = inlines
      .filter((t) => t.map![0] <= p.line && p.line < Math.max(t.map![1], t.map![0] + 1))
      .sort((a, b) => a.map![1] - a.map![0] - (b.map![1] - b.map![0]));
    let found: Interval | undefined;
    let owner: Token | undefined;
    if (p.flagged) {
      for (const t of candidates) {
        found = findOccurrence(t.children!, p.flagged, p.occurrenceIn(t.map![0]));
        if (found) {
          owner = t;
          break;
        }
      }
    }
    if (found && owner) {
      found.problems.push(p);
      const list = perInline.get(owner) ?? [];
      list.push(found);
      perInline.set(owner, list);
    } else fallback.push(p);
  }

  for (const [inline, intervals] of perInline) {
    const rejected = applyMarks(inline, intervals, state.Token);
    fallback.push(...rejected);
  }

  const blockProblems = new Map<Token, BodyProblem[]>();
  for (const p of fallback) {
    let best: Token | undefined;
    for (const t of tokens) {
      if (!isBlockElement(t)) continue;
      const [a, b] = t.map!;
      if (a <= p.line && p.line < Math.max(b, a + 1) && (!best || b - a <= best.map![1] - best.map![0])) best = t;
    }
    if (!best) continue;
    const list = blockProblems.get(best) ?? [];
    list.push(p);
    blockProblems.set(best, list);
  }
  for (const [block, problems] of blockProblems) {
    const diags = problems.map((p) => p.diagnostic);
    block.attrJoin('class', 'muharrir-problem-block');
    block.attrSet('data-severity', worstSeverity(diags));
    const codes = problemCodes(diags);
    if (codes) block.attrSet('data-code', codes);
    block.attrSet(env.titleAttr, problemTitle(diags));
    for (const p of problems) p.placed = 'block';
  }
}

/** The n-th occurrence of `needle` inside a single text token (marks never straddle markup). */
function findOccurrence(children: Token[], needle: string, n: number): Interval | undefined {
  const hits: Interval[] = [];
  children.forEach((c, child) => {
    if (c.type !== 'text') return;
    for (let at = c.content.indexOf(needle); at !== -1; at = c.content.indexOf(needle, at + 1)) {
      hits.push({ child, start: at, end: at + needle.length, problems: [] });
    }
  });
  if (hits.length === 0) return undefined;
  return hits[Math.min(n, hits.length - 1)];
}

/** Splits text tokens around the accepted intervals; returns the problems that could not nest. */
function applyMarks(inline: Token, intervals: Interval[], TokenCtor: StateCore['Token']): BodyProblem[] {
  const rejected: BodyProblem[] = [];
  const byChild = new Map<number, Interval[]>();
  for (const iv of intervals) {
    const list = byChild.get(iv.child) ?? [];
    const same = list.find((x) => x.start === iv.start && x.end === iv.end);
    if (same) same.problems.push(...iv.problems);
    else list.push(iv);
    byChild.set(iv.child, list);
  }
  const children = inline.children!;
  const out: Token[] = [];
  children.forEach((c, i) => {
    const list = byChild.get(i);
    if (!list) {
      out.push(c);
      return;
    }
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const accepted: Interval[] = [];
    for (const iv of list) {
      const crosses = accepted.some((a) => iv.start < a.end && iv.end > a.end);
      if (crosses) rejected.push(...iv.problems);
      else accepted.push(iv);
    }
    const text = (s: string) => {
      if (!s) return;
      const t = new TokenCtor('text', '', 0);
      t.content = s;
      out.push(t);
    };
    const open = (iv: Interval) => {
      const t = new TokenCtor('muharrir_mark_open', 'mark', 1);
      t.meta = { diagnostics: iv.problems.map((p) => p.diagnostic) };
      out.push(t);
      for (const p of iv.problems) p.placed = 'mark';
    };
    const close = () => out.push(new TokenCtor('muharrir_mark_close', 'mark', -1));
    const stack: Interval[] = [];
    let pos = 0;
    for (const iv of accepted) {
      while (stack.length && stack[stack.length - 1].end <= iv.start) {
        const top = stack.pop()!;
        text(c.content.slice(pos, top.end));
        pos = top.end;
        close();
      }
      text(c.content.slice(pos, iv.start));
      pos = iv.start;
      open(iv);
      stack.push(iv);
    }
    while (stack.length) {
      const top = stack.pop()!;
      text(c.content.slice(pos, top.end));
      pos = top.end;
      close();
    }
    text(c.content.slice(pos));
  });
  inline.children = out;
  return rejected;
}

// ---------------------------------------------------------------------------------------------
// «Quotes».

const CLOSER: Record<string, string> = { '«': '»', '“': '”' };

/**
 * Wraps each «…» (and “…”) run in a span. A quote is wrapped only when it opens and closes inside
 * the same element (never across the edge of an emphasis or a problem mark), so the HTML nests.
 */
function wrapQuotes(children: Token[], TokenCtor: StateCore['Token']): Token[] {
  const out: (Token | null)[] = [];
  const open: { index: number; level: number; closer: string }[] = [];
  let level = 0;
  for (const c of children) {
    if (c.type !== 'text') {
      out.push(c);
      level += c.nesting;
      while (open.length && open[open.length - 1].level > level) out[open.pop()!.index] = null;
      continue;
    }
    const s = c.content;
    let from = 0;
    const text = (to: number) => {
      if (to > from) {
        const t = new TokenCtor('text', '', 0);
        t.content = s.slice(from, to);
        out.push(t);
      }
      from = to;
    };
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      const top = open[open.length - 1];
      if (top && ch === top.closer && top.level === level) {
        text(i + 1);
        out.push(new TokenCtor('muharrir_quote_close', 'span', -1));
        open.pop();
      } else if (CLOSER[ch]) {
        text(i);
        open.push({ index: out.length, level, closer: CLOSER[ch] });
        out.push(new TokenCtor('muharrir_quote_open', 'span', 1));
      }
    }
    text(s.length);
  }
  for (const o of open) out[o.index] = null;
  return out.filter((t): t is Token => t !== null);
}
