/**
 * VS Code snippet syntax, parsed the way VS Code's own SnippetParser reads it, so that what the
 * server sends to other editors and what the New Article command writes is exactly what VS Code
 * would have inserted:
 *
 *   $1 ${1} ${1:default, may nest ${2:more}} ${1|one,two|} $0
 *   $NAME ${NAME} ${NAME:default}           ${1/regex/format/options} ${NAME/regex/format/options}
 *   \$ \} \\ are escapes in text; \, \| \\ inside a choice. Anything that does not parse is text.
 *
 * Transforms are kept as written (their source text is passed through untouched); the plain-text
 * rendering uses the untransformed value.
 */

interface Span {
  /** Offsets in the snippet source, half-open. */
  start: number;
  end: number;
}

export interface TextNode extends Span {
  kind: 'text';
  /** With the escapes resolved. */
  value: string;
}

export interface TabStopNode extends Span {
  kind: 'tabstop';
  index: number;
  /** The default (`${1:…}`); empty for `$1`, `${1}` and transforms. */
  children: SnippetNode[];
  /** Where the children are written, for `${1:…}`. */
  content?: Span;
  transform?: Transform;
}

export interface ChoiceNode extends Span {
  kind: 'choice';
  index: number;
  options: string[];
}

export interface VariableNode extends Span {
  kind: 'variable';
  name: string;
  /** The default (`${NAME:…}`); empty for `$NAME` and `${NAME}`. */
  children: SnippetNode[];
  content?: Span;
  transform?: Transform;
}

/** `/regex/format/options`, each part as written in the source. */
export interface Transform {
  regex: string;
  format: string;
  options: string;
}

export type SnippetNode = TextNode | TabStopNode | ChoiceNode | VariableNode;

/** The variables VS Code resolves itself (1.93+); any other name is unknown to it. */
export const VSCODE_VARIABLES: ReadonlySet<string> = new Set([
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_DATE',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_MILLISECOND',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_MILLISECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'CURRENT_TIMEZONE_NAME',
  'SELECTION',
  'CLIPBOARD',
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_DIRECTORY_BASE',
  'TM_FILEPATH',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'RELATIVE_FILEPATH',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
]);

/** Newsroom variables are ours alone: no editor resolves them, so the server always does. */
export const MUHARRIR_VARIABLE_PREFIX = 'MUHARRIR_';

// ---------------------------------------------------------------------------------------------
// Scanning: the token classes of VS Code's scanner.

const enum T {
  Dollar,
  Colon,
  Comma,
  CurlyOpen,
  CurlyClose,
  Backslash,
  Slash,
  Pipe,
  Int,
  Name,
  Other,
  EOF,
}

interface Token {
  type: T;
  start: number;
  end: number;
}

const SINGLE: Record<string, T> = { $: T.Dollar, ':': T.Colon, ',': T.Comma, '{': T.CurlyOpen, '}': T.CurlyClose, '\\': T.Backslash, '/': T.Slash, '|': T.Pipe };

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isNameStart = (c: number) => c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function scan(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const start = i;
    const single = SINGLE[source[i]];
    let type: T;
    if (single !== undefined) {
      type = single;
      i++;
    } else if (isDigit(source.charCodeAt(i))) {
      type = T.Int;
      while (i < source.length && isDigit(source.charCodeAt(i))) i++;
    } else if (isNameStart(source.charCodeAt(i))) {
      type = T.Name;
      while (i < source.length && (isNameStart(source.charCodeAt(i)) || isDigit(source.charCodeAt(i)))) i++;
    } else {
      type = T.Other;
      while (i < source.length && SINGLE[source[i]] === undefined && !isDigit(source.charCodeAt(i)) && !isNameStart(source.charCodeAt(i))) i++;
    }
    out.push({ type, start, end: i });
  }
  out.push({ type: T.EOF, start: source.length, end: source.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing: recursive descent with backtracking, in VS Code's order of attempts.

const MAX_DEPTH = 64;

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  /**
   * Tokens read ahead by choices and transforms that may yet fail and be read again as text. A
   * hostile body (thousands of `${1/a/b/` and no `}`) would cost quadratic time; past this budget
   * such constructs are text, so a pack file can never stall the server.
   */
  private lookahead = 0;
  private readonly maxLookahead: number;
  /** Placeholders inside placeholders; deeper than this is text rather than a stack overflow. */
  private depth = 0;

  constructor(private readonly source: string) {
    this.tokens = scan(source);
    this.maxLookahead = 32 * this.tokens.length + 4096;
  }

  /** One more token of speculative reading; false once the budget is spent. */
  private speculate(): boolean {
    return ++this.lookahead <= this.maxLookahead;
  }

  parseAll(): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    while (this.peek().type !== T.EOF) this.parseOne(nodes);
    return nodes;
  }

  private peek(): Token {
    return this.tokens[Math.min(this.i, this.tokens.length - 1)];
  }

  private accept(type: T): Token | undefined {
    const t = this.peek();
    if (t.type !== type) return undefined;
    this.i++;
    return t;
  }

  private text(t: Token): string {
    return this.source.slice(t.start, t.end);
  }

  private get pos(): number {
    return this.peek().start;
  }

  private nested(into: SnippetNode[]): boolean {
    this.depth++;
    try {
      return this.parseOne(into);
    } finally {
      this.depth--;
    }
  }

  /** One construct or one token of text; false only at the end of the input. */
  private parseOne(into: SnippetNode[]): boolean {
    return this.parseEscaped(into) || this.parseShort(into) || this.parseComplexTabStop(into) || this.parseComplexVariable(into) || this.parseAnything(into);
  }

  private parseEscaped(into: SnippetNode[]): boolean {
    const slash = this.accept(T.Backslash);
    if (!slash) return false;
    const next = this.peek();
    if (next.type === T.Dollar || next.type === T.CurlyClose || next.type === T.Backslash) {
      this.i++;
      appendText(into, this.text(next), slash.start, next.end);
    } else {
      appendText(into, '\\', slash.start, slash.end);
    }
    return true;
  }

  /** `$1`, `$NAME`. */
  private parseShort(into: SnippetNode[]): boolean {
    const mark = this.i;
    const dollar = this.accept(T.Dollar);
    if (!dollar) return false;
    const name = this.accept(T.Name);
    if (name) {
      into.push({ kind: 'variable', name: this.text(name), children: [], start: dollar.start, end: name.end });
      return true;
    }
    const int = this.accept(T.Int);
    if (int) {
      into.push({ kind: 'tabstop', index: Number(this.text(int)), children: [], start: dollar.start, end: int.end });
      return true;
    }
    this.i = mark;
    return false;
  }

  /** `${1}`, `${1:…}`, `${1|a,b|}`, `${1/…/…/…}`. */
  private parseComplexTabStop(into: SnippetNode[]): boolean {
    const mark = this.i;
    const dollar = this.accept(T.Dollar);
    const int = dollar && this.accept(T.CurlyOpen) && this.accept(T.Int);
    if (!dollar || !int) {
      this.i = mark;
      return false;
    }
    const index = Number(this.text(int));
    if (this.depth < MAX_DEPTH && this.accept(T.Colon)) {
      const contentStart = this.pos;
      const children: SnippetNode[] = [];
      for (;;) {
        const close = this.accept(T.CurlyClose);
        if (close) {
          into.push({ kind: 'tabstop', index, children, content: { start: contentStart, end: close.start }, start: dollar.start, end: close.end });
          return true;
        }
        if (this.nested(children)) continue;
        // Never closed: VS Code keeps `${1:` as text and the default as it is.
        appendText(into, this.source.slice(dollar.start, contentStart), dollar.start, contentStart);
        for (const c of children) appendNode(into, c);
        return true;
      }
    }
    if (index > 0 && this.accept(T.Pipe)) {
      const options: string[] = [];
      for (;;) {
        const option = this.parseChoiceOption();
        if (option === null) break;
        options.push(option);
        if (this.accept(T.Comma)) continue;
        const close = this.accept(T.Pipe) && this.accept(T.CurlyClose);
        if (close) {
          into.push({ kind: 'choice', index, options, start: dollar.start, end: close.end });
          return true;
        }
        break;
      }
      this.i = mark;
      return false;
    }
    const close = this.accept(T.CurlyClose);
    if (close) {
      into.push({ kind: 'tabstop', index, children: [], start: dollar.start, end: close.end });
      return true;
    }
    if (this.accept(T.Slash)) {
      const transform = this.parseTransform();
      if (transform) {
        into.push({ kind: 'tabstop', index, children: [], transform, start: dollar.start, end: this.tokens[this.i - 1].end });
        return true;
      }
    }
    this.i = mark;
    return false;
  }

  private parseChoiceOption(): string | null {
    let value = '';
    for (;;) {
      const t = this.peek();
      if (t.type === T.Comma || t.type === T.Pipe) break;
      if (t.type === T.EOF || !this.speculate()) return null;
      this.i++;
      if (t.type === T.Backslash) {
        const next = this.peek();
        if (next.type === T.Comma || next.type === T.Pipe || next.type === T.Backslash) {
          this.i++;
          value += this.text(next);
          continue;
        }
      }
      value += this.text(t);
    }
    return value === '' ? null : value;
  }

  /** `${NAME}`, `${NAME:…}`, `${NAME/…/…/…}`. */
  private parseComplexVariable(into: SnippetNode[]): boolean {
    const mark = this.i;
    const dollar = this.accept(T.Dollar);
    const nameToken = dollar && this.accept(T.CurlyOpen) && this.accept(T.Name);
    if (!dollar || !nameToken) {
      this.i = mark;
      return false;
    }
    const name = this.text(nameToken);
    if (this.depth < MAX_DEPTH && this.accept(T.Colon)) {
      const contentStart = this.pos;
      const children: SnippetNode[] = [];
      for (;;) {
        const close = this.accept(T.CurlyClose);
        if (close) {
          into.push({ kind: 'variable', name, children, content: { start: contentStart, end: close.start }, start: dollar.start, end: close.end });
          return true;
        }
        if (this.nested(children)) continue;
        appendText(into, this.source.slice(dollar.start, contentStart), dollar.start, contentStart);
        for (const c of children) appendNode(into, c);
        return true;
      }
    }
    const close = this.accept(T.CurlyClose);
    if (close) {
      into.push({ kind: 'variable', name, children: [], start: dollar.start, end: close.end });
      return true;
    }
    if (this.accept(T.Slash)) {
      const transform = this.parseTransform();
      if (transform) {
        into.push({ kind: 'variable', name, children: [], transform, start: dollar.start, end: this.tokens[this.i - 1].end });
        return true;
      }
    }
    this.i = mark;
    return false;
  }

  /** After the first `/`: regex `/` format `/` options `}`; null when it does not close. */
  private parseTransform(): Transform | null {
    const regexStart = this.pos;
    for (;;) {
      const t = this.peek();
      if (t.type === T.EOF || !this.speculate()) return null;
      this.i++;
      if (t.type === T.Slash) break;
      if (t.type === T.Backslash && this.peek().type === T.Slash) this.i++;
    }
    const regex = this.source.slice(regexStart, this.tokens[this.i - 1].start);
    const formatStart = this.pos;
    for (;;) {
      const t = this.peek();
      if (t.type === T.EOF || !this.speculate()) return null;
      this.i++;
      if (t.type === T.Slash) break;
      if (t.type === T.Backslash) {
        const next = this.peek().type;
        if (next === T.Slash || next === T.Backslash) this.i++;
      } else if (t.type === T.Dollar && this.peek().type === T.CurlyOpen) {
        // A format group `${1:/upcase}`, `${1:+text}`: skipped whole, up to its unescaped `}`.
        this.i++;
        for (;;) {
          const u = this.peek();
          if (u.type === T.EOF || !this.speculate()) return null;
          this.i++;
          if (u.type === T.CurlyClose) break;
          if (u.type === T.Backslash && this.peek().type !== T.EOF) this.i++;
        }
      }
    }
    const format = this.source.slice(formatStart, this.tokens[this.i - 1].start);
    const optionsStart = this.pos;
    for (;;) {
      const t = this.peek();
      if (t.type === T.EOF || !this.speculate()) return null;
      this.i++;
      if (t.type === T.CurlyClose) break;
    }
    return { regex, format, options: this.source.slice(optionsStart, this.tokens[this.i - 1].start) };
  }

  private parseAnything(into: SnippetNode[]): boolean {
    const t = this.peek();
    if (t.type === T.EOF) return false;
    this.i++;
    appendText(into, this.text(t), t.start, t.end);
    return true;
  }
}

function appendText(into: SnippetNode[], value: string, start: number, end: number): void {
  const last = into[into.length - 1];
  if (last?.kind === 'text' && last.end === start) {
    last.value += value;
    last.end = end;
  } else {
    into.push({ kind: 'text', value, start, end });
  }
}

function appendNode(into: SnippetNode[], node: SnippetNode): void {
  if (node.kind === 'text') appendText(into, node.value, node.start, node.end);
  else into.push(node);
}

/** The syntax tree of a snippet body; never throws: what does not parse is text, as in VS Code. */
export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parseAll();
}

/** Text made safe to stand in a snippet: `$`, `}` and `\` escaped. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Every node, parents before their children, in the order of the source. */
export function walkSnippet(nodes: readonly SnippetNode[], visit: (node: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind === 'tabstop' || n.kind === 'variable') walkSnippet(n.children, visit);
  }
}

/** The tab stops (placeholders and choices) in source order; mirrors included. */
export function tabStops(nodes: readonly SnippetNode[]): (TabStopNode | ChoiceNode)[] {
  const out: (TabStopNode | ChoiceNode)[] = [];
  walkSnippet(nodes, (n) => {
    if (n.kind === 'tabstop' || n.kind === 'choice') out.push(n);
  });
  return out;
}

export type SnippetVariables = Readonly<Record<string, string | undefined>>;

function valueOf(vars: SnippetVariables, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
}

/**
 * The snippet with every variable `vars` knows replaced by its (escaped) value, so the editor
 * inserts the server's value rather than its own (the newsroom's time zone, not the machine's).
 * A MUHARRIR_ variable `vars` lacks gives way to its default, which no editor could do for it;
 * any other unknown variable, and every transform, is left for the editor exactly as written.
 */
/**
 * A value that lands inside a quoted YAML scalar (`title: "${MUHARRIR_TITLE}"`) is escaped for
 * that scalar: a headline with a straight quote must not break the frontmatter it fills.
 */
function inYamlQuotes(body: string, at: number, value: string): string {
  const lineStart = body.lastIndexOf('\n', at - 1) + 1;
  const prefix = body.slice(lineStart, at);
  const m = /^\s*(?:- +)?[\p{L}\p{N}_-]+: *(["'])/u.exec(prefix);
  if (!m) return value;
  const quote = m[1];
  const rest = prefix.slice(m[0].length);
  // Closed again before the variable: the variable is outside the quotes.
  if (quote === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'")) return value;
  return quote === '"' ? value.replace(/[\\"]/g, (c) => '\\' + c) : value.replace(/'/g, "''");
}

export function resolveVariables(body: string, vars: SnippetVariables): string {
  const emit = (nodes: readonly SnippetNode[]): string => nodes.map(one).join('');
  const container = (n: TabStopNode | VariableNode): string =>
    n.content ? body.slice(n.start, n.content.start) + emit(n.children) + body.slice(n.content.end, n.end) : body.slice(n.start, n.end);
  const one = (n: SnippetNode): string => {
    if (n.kind === 'text' || n.kind === 'choice') return body.slice(n.start, n.end);
    if (n.kind === 'tabstop') return container(n);
    if (!n.transform) {
      const value = valueOf(vars, n.name);
      if (value !== undefined) return escapeSnippetText(inYamlQuotes(body, n.start, value));
      if (n.name.startsWith(MUHARRIR_VARIABLE_PREFIX) && n.children.length > 0) return emit(n.children);
    }
    return container(n);
  };
  return emit(parseSnippet(body));
}

/**
 * The plain text a writer gets by accepting every default: each tab stop shows the first default
 * given for its number, a choice its first option, a variable its value from `vars`, else its
 * default; an unknown variable with no default shows its name, as VS Code inserts it.
 */
export function fillDefaults(body: string, vars: SnippetVariables = {}): string {
  const nodes = parseSnippet(body);
  // As in VS Code, the first tab stop of a number that has a default gives it to all the others.
  const first = new Map<number, TabStopNode | ChoiceNode>();
  walkSnippet(nodes, (n) => {
    if ((n.kind === 'choice' || (n.kind === 'tabstop' && n.children.length > 0)) && !first.has(n.index)) first.set(n.index, n);
  });
  const rendering = new Set<number>();
  const emit = (list: readonly SnippetNode[]): string => list.map(one).join('');
  const one = (n: SnippetNode): string => {
    switch (n.kind) {
      case 'text':
        return n.value;
      case 'choice':
      case 'tabstop': {
        const source = n.index === 0 ? n : first.get(n.index);
        if (!source) return '';
        if (source.kind === 'choice') return source.options[0];
        // Mirrors inside defaults chain (`${1:$2} ${2:$3}`…); a loop or an absurd chain ends here.
        if (rendering.has(n.index) || rendering.size >= MAX_DEPTH) return '';
        rendering.add(n.index);
        const out = emit(source.children);
        rendering.delete(n.index);
        return out;
      }
      case 'variable': {
        const value = valueOf(vars, n.name);
        if (value !== undefined) return inYamlQuotes(body, n.start, value);
        if (n.children.length > 0) return emit(n.children);
        return VSCODE_VARIABLES.has(n.name) ? '' : n.name;
      }
    }
  };
  return emit(nodes);
}
