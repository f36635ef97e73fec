// The ESM build: the package's UMD `main` requires its own files through a factory argument,
// which esbuild cannot follow, so a bundle of it fails at run time with "Cannot find module".
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { LineIndex } from '../lines';
import { didYouMean } from '../text';
import type { Bilingual, Range, Severity } from '../types';
import { BUILTIN_PREFIXES } from './builtins';
import { parseSnippet, walkSnippet, VSCODE_VARIABLES, MUHARRIR_VARIABLE_PREFIX } from './snippetSyntax';
import type { Template } from './types';
import { MUHARRIR_VARIABLES } from './variables';

/**
 * Team snippet packs: one JSON file (comments and trailing commas allowed) holding VS Code
 * snippets under `snippets` and the pack's own metadata under `pack`:
 *
 *   { "$schema": "…", "pack": { "name": "gulf-desk", "version": "1.0.0", "description": "…", "language": "ar" },
 *     "snippets": { "Sports result": { "prefix": ["sport", "رياضة"], "body": ["…"], "description": "…" } } }
 *
 * `parsePack` checks what schemas/snippet-pack.schema.json expresses and what a schema cannot
 * (snippet syntax, unknown variables, prefixes taken by the built-ins or repeated), with exact
 * ranges. Errors decide what loads: a pack with broken JSON or metadata loads nothing, a snippet
 * with an error is skipped; warnings and the rest load.
 */

/** A pack larger than this is not read: no team writes a megabyte of templates by hand. */
export const MAX_PACK_BYTES = 1024 * 1024;
/** Snippets beyond this many are ignored: a completion list of thousands helps no writer. */
export const MAX_PACK_SNIPPETS = 500;
/** A pack is four levels deep; far deeper JSON is not a pack, and would only cost stack. */
const MAX_NESTING = 32;

export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** VS Code's own snippet keys besides prefix, body and description: accepted, not used. */
const VSCODE_SNIPPET_KEYS = ['scope', 'isFileTemplate'];
const SNIPPET_KEYS = ['prefix', 'body', 'description', ...VSCODE_SNIPPET_KEYS];
const PACK_KEYS = ['name', 'version', 'description', 'language'];
const TOP_KEYS = ['$schema', 'pack', 'snippets'];

export interface PackMeta {
  name: string;
  version: string;
  description?: string;
  /** BCP 47; `ar` when the pack does not say. */
  language: string;
}

export type PackProblemCode =
  | 'pack-json'
  | 'pack-too-large'
  | 'pack-structure'
  | 'pack-metadata'
  | 'unknown-key'
  | 'duplicate-key'
  | 'snippet-invalid'
  | 'snippet-syntax'
  | 'unknown-variable'
  | 'duplicate-prefix'
  | 'duplicate-pack'
  | 'too-many-snippets';

export interface PackProblem {
  /** Offsets in the text given, half-open, and the same as an LSP range. */
  start: number;
  end: number;
  range: Range;
  severity: Severity;
  message: Bilingual;
  code: PackProblemCode;
}

/** Where a loaded snippet's prefix is written, for the checks across packs. */
export interface PackPrefix {
  prefix: string;
  snippet: string;
  start: number;
  end: number;
  range: Range;
}

export interface ParsedPack {
  /** Present when the pack loads: its JSON and metadata are sound. */
  pack?: PackMeta;
  /** The snippets that load (none when `pack` is absent). */
  templates: Template[];
  problems: PackProblem[];
  /** The prefixes of the loaded templates. */
  prefixes: PackPrefix[];
  /** Where `pack.name` is written, when it is. */
  nameAt?: { start: number; end: number; range: Range };
}

export interface PackOptions {
  /**
   * Prefixes owned elsewhere, normalized with `prefixKey`, with a description of their owner; a
   * pack snippet using one is reported. By default the built-in templates' prefixes.
   */
  takenPrefixes?: ReadonlyMap<string, Bilingual>;
}

/** How prefixes compare: completion matches them case-insensitively. */
export function prefixKey(prefix: string): string {
  return prefix.trim().normalize('NFC').toLowerCase();
}

const BUILTIN_TAKEN: ReadonlyMap<string, Bilingual> = new Map(
  Object.values(BUILTIN_PREFIXES).flatMap(({ en, ar }) => {
    const owner: Bilingual = { en: `the built-in template "${en}"`, ar: `القالب المدمج "${en}"` };
    return [
      [prefixKey(en), owner],
      [prefixKey(ar), owner],
    ] as [string, Bilingual][];
  }),
);

/** The templates and problems of a pack file's text. Never throws. */
export function parsePack(text: string, options: PackOptions = {}): ParsedPack {
  const out: ParsedPack = { templates: [], problems: [], prefixes: [] };
  const lines = new LineIndex(text);
  try {
    new PackReader(text, lines, options.takenPrefixes ?? BUILTIN_TAKEN, out).read();
  } catch (err) {
    // A bug here must cost the pack, not the server.
    out.pack = undefined;
    out.templates = [];
    out.prefixes = [];
    out.problems.push(problem(lines, 0, 0, 'error', 'pack-json', M.internal(err instanceof Error ? err.message : String(err))));
  }
  return out;
}

/** What a pack file of `bytes` bytes gets without being read: the front ends check the size first. */
export function oversizedPack(bytes: number): ParsedPack {
  return {
    templates: [],
    prefixes: [],
    problems: [problem(new LineIndex(''), 0, 0, 'error', 'pack-too-large', M.tooLarge(bytes))],
  };
}

/**
 * Problems only a set of packs shows: the same prefix in two packs (both offer it, which one the
 * writer gets depends on the list order), and two files claiming the same pack name (their
 * template ids would collide). One list per pack, in the order given; only packs that load count.
 */
export function packClashes(packs: readonly ParsedPack[]): PackProblem[][] {
  const out: PackProblem[][] = packs.map(() => []);
  const byPrefix = new Map<string, { pack: number; at: PackPrefix }[]>();
  const byName = new Map<string, number[]>();
  packs.forEach((p, i) => {
    if (!p.pack) return;
    byName.set(p.pack.name, [...(byName.get(p.pack.name) ?? []), i]);
    const seen = new Set<string>();
    for (const at of p.prefixes) {
      const key = prefixKey(at.prefix);
      if (seen.has(key)) continue;
      seen.add(key);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), { pack: i, at }]);
    }
  });
  for (const owners of byPrefix.values()) {
    if (owners.length < 2) continue;
    for (const mine of owners) {
      const other = owners.find((o) => o.pack !== mine.pack)!;
      const owner: Bilingual = {
        en: `snippet "${other.at.snippet}" of pack "${packs[other.pack].pack!.name}"`,
        ar: `المقتطف "${other.at.snippet}" في الحزمة "${packs[other.pack].pack!.name}"`,
      };
      out[mine.pack].push({ ...place(mine.at), severity: 'information', code: 'duplicate-prefix', message: M.prefixTaken(mine.at.prefix, owner) });
    }
  }
  for (const [name, owners] of byName) {
    if (owners.length < 2) continue;
    for (const i of owners) {
      const at = packs[i].nameAt;
      if (at) out[i].push({ ...at, severity: 'warning', code: 'duplicate-pack', message: M.duplicatePack(name) });
    }
  }
  return out;
}

function place(at: { start: number; end: number; range: Range }) {
  return { start: at.start, end: at.end, range: at.range };
}

function problem(lines: LineIndex, start: number, end: number, severity: Severity, code: PackProblemCode, message: Bilingual): PackProblem {
  // The JSON parser may place an error at the end of an unclosed comment, past the text.
  const max = lines.text.length;
  const s = Math.max(0, Math.min(start, max));
  const e = Math.max(s, Math.min(end, max));
  return { start: s, end: e, range: lines.rangeOf(s, e), severity, code, message };
}

/** A string literal's source offset for each UTF-16 unit of its value, plus its end. */
function literalOffsets(text: string, node: Node): number[] {
  const end = node.offset + node.length - 1;
  const map: number[] = [];
  let i = node.offset + 1;
  while (i < end) {
    map.push(i);
    i += text.charCodeAt(i) === 0x5c /* \ */ ? (text[i + 1] === 'u' ? 6 : 2) : 1;
  }
  map.push(Math.min(i, end));
  return map;
}

/** A snippet body joined from string nodes, mapped back to where each character is written. */
class BodySource {
  readonly value: string;
  private readonly segments: { start: number; map: number[] }[] = [];

  constructor(text: string, nodes: Node[]) {
    let value = '';
    for (const n of nodes) {
      const s = n.value as string;
      if (this.segments.length) value += '\n';
      let map = literalOffsets(text, n);
      // Never expected (the JSON parsed cleanly); a whole-literal range is still a right answer.
      if (map.length !== s.length + 1) map = Array.from({ length: s.length + 1 }, (_, k) => (k === s.length ? n.offset + n.length : n.offset));
      this.segments.push({ start: value.length, map });
      value += s;
    }
    this.value = value;
  }

  /** The source offset of a body offset. */
  at(offset: number): number {
    let seg = this.segments[0];
    for (const s of this.segments) {
      if (s.start <= offset) seg = s;
      else break;
    }
    if (!seg) return 0;
    return seg.map[Math.max(0, Math.min(offset - seg.start, seg.map.length - 1))];
  }

  /** A body span as a source span; a span running over a line break stops at the break. */
  span(start: number, end: number): [number, number] {
    const nl = this.value.indexOf('\n', start);
    const stop = nl !== -1 && nl < end ? nl : end;
    const from = this.at(start);
    return [from, Math.max(from, this.at(stop))];
  }
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The offset of the first bracket nested deeper than `max`, skipping strings and comments; -1 if none. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 1;
    } else if (c === '{' || c === '[') {
      if (++depth > max) return i;
    } else if (c === '}' || c === ']') {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function props(node: Node): { key: Node; value: Node | undefined; name: string }[] {
  return (node.children ?? []).map((p) => ({ key: p.children![0], value: p.children![1], name: String(p.children![0].value) }));
}

const typeName = (n: Node): string => (n.type === 'null' ? 'null' : n.type);

class PackReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly taken: ReadonlyMap<string, Bilingual>,
    private readonly out: ParsedPack,
  ) {}

  private report(start: number, end: number, severity: Severity, code: PackProblemCode, message: Bilingual): void {
    this.out.problems.push(problem(this.lines, start, end, severity, code, message));
  }

  private reportNode(n: Node, severity: Severity, code: PackProblemCode, message: Bilingual): void {
    this.report(n.offset, n.offset + n.length, severity, code, message);
  }

  read(): void {
    const bytes = utf8Length(this.text);
    if (bytes > MAX_PACK_BYTES) {
      this.report(0, 0, 'error', 'pack-too-large', M.tooLarge(bytes));
      return;
    }
    // A BOM is whitespace to a writer; as a space it keeps every offset where it was.
    const source = this.text.charCodeAt(0) === 0xfeff ? ` ${this.text.slice(1)}` : this.text;
    const deep = tooDeepAt(source, MAX_NESTING);
    if (deep !== -1) {
      this.report(deep, deep + 1, 'error', 'pack-json', M.tooDeep(MAX_NESTING));
      return;
    }
    const errors: ParseError[] = [];
    const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    if (errors.length) {
      const reported = new Set<string>();
      for (const e of errors) {
        const key = `${e.offset}:${e.error}`;
        if (reported.has(key)) continue;
        reported.add(key);
        this.report(e.offset, e.offset + Math.max(e.length, 0), 'error', 'pack-json', M.json(printParseErrorCode(e.error)));
        // One broken bracket cascades; the first few errors are the ones worth reading.
        if (reported.size === 20) break;
      }
      return;
    }
    if (!root) {
      this.report(0, 0, 'error', 'pack-structure', M.empty);
      return;
    }
    if (root.type !== 'object') {
      this.reportNode(root, 'error', 'pack-structure', M.notAnObject(typeName(root)));
      return;
    }
    let packNode: Node | undefined;
    let snippetsNode: Node | undefined;
    const seen = new Set<string>();
    for (const { key, value, name } of props(root)) {
      if (seen.has(name)) {
        this.reportNode(key, 'warning', 'duplicate-key', M.duplicateKey(name));
        continue;
      }
      seen.add(name);
      if (name === 'pack') packNode = value;
      else if (name === 'snippets') snippetsNode = value;
      else if (name === '$schema') {
        if (value?.type !== 'string') this.reportNode(value ?? key, 'warning', 'pack-structure', M.schemaKey);
      } else this.reportNode(key, 'warning', 'unknown-key', M.unknownKey(name, TOP_KEYS, ''));
    }
    const first: [number, number] = [root.offset, root.offset + 1];
    const meta = this.readMeta(packNode, first);
    if (!snippetsNode) {
      this.report(...first, 'error', 'pack-structure', M.snippetsMissing);
      return;
    }
    if (snippetsNode.type !== 'object') {
      this.reportNode(snippetsNode, 'error', 'pack-structure', M.snippetsNotObject(typeName(snippetsNode)));
      return;
    }
    this.readSnippets(snippetsNode, meta);
    if (meta) this.out.pack = meta;
    else {
      this.out.templates = [];
      this.out.prefixes = [];
    }
  }

  private readMeta(node: Node | undefined, first: [number, number]): PackMeta | undefined {
    if (!node) {
      this.report(...first, 'error', 'pack-metadata', M.packMissing);
      return undefined;
    }
    if (node.type !== 'object') {
      this.reportNode(node, 'error', 'pack-metadata', M.packNotObject);
      return undefined;
    }
    const fields = new Map<string, Node | undefined>();
    for (const { key, value, name } of props(node)) {
      if (fields.has(name)) this.reportNode(key, 'warning', 'duplicate-key', M.duplicateKey(name));
      else if (!PACK_KEYS.includes(name)) this.reportNode(key, 'warning', 'unknown-key', M.unknownKey(name, PACK_KEYS, 'pack.'));
      else fields.set(name, value);
    }
    const at: [number, number] = [node.offset, node.offset + 1];
    const str = (n: Node | undefined) => (n?.type === 'string' ? (n.value as string) : undefined);
    let ok = true;
    const fail = (n: Node | undefined, message: Bilingual) => {
      if (n) this.reportNode(n, 'error', 'pack-metadata', message);
      else this.report(...at, 'error', 'pack-metadata', message);
      ok = false;
    };

    const nameNode = fields.get('name');
    const name = str(nameNode)?.trim();
    if (!fields.has('name')) fail(undefined, M.nameMissing);
    else if (!name || name.length > 100 || /[\\/\u0000-\u001f]/.test(name)) fail(nameNode, M.nameInvalid);
    else this.out.nameAt = { start: nameNode!.offset, end: nameNode!.offset + nameNode!.length, range: this.lines.rangeOf(nameNode!.offset, nameNode!.offset + nameNode!.length) };

    const versionNode = fields.get('version');
    const version = str(versionNode)?.trim();
    if (!fields.has('version')) fail(undefined, M.versionMissing);
    else if (!version || !SEMVER.test(version)) fail(versionNode, M.versionInvalid(version ?? ''));

    const meta: PackMeta = { name: name ?? '', version: version ?? '', language: 'ar' };
    const descriptionNode = fields.get('description');
    if (descriptionNode) {
      const d = str(descriptionNode);
      if (d === undefined) this.reportNode(descriptionNode, 'warning', 'pack-metadata', M.packDescription);
      else if (d.trim()) meta.description = d.trim();
    }
    const languageNode = fields.get('language');
    if (languageNode) {
      const l = str(languageNode)?.trim();
      if (l && BCP47.test(l)) meta.language = l;
      else this.reportNode(languageNode, 'warning', 'pack-metadata', M.language(l ?? ''));
    }
    return ok ? meta : undefined;
  }

  private readSnippets(node: Node, meta: PackMeta | undefined): void {
    const entries = props(node);
    if (entries.length === 0) this.reportNode(node, 'warning', 'pack-structure', M.noSnippets);
    const names = new Set<string>();
    const prefixesHere = new Map<string, string>();
    let counted = 0;
    for (const { key, value, name } of entries) {
      if (names.has(name)) {
        this.reportNode(key, 'warning', 'duplicate-key', M.duplicateSnippet(name));
        continue;
      }
      names.add(name);
      if (++counted > MAX_PACK_SNIPPETS) {
        this.reportNode(key, 'error', 'too-many-snippets', M.tooMany(MAX_PACK_SNIPPETS, entries.length));
        break;
      }
      this.readSnippet(key, value, name, meta, prefixesHere);
    }
  }

  private readSnippet(key: Node, value: Node | undefined, name: string, meta: PackMeta | undefined, prefixesHere: Map<string, string>): void {
    if (!name.trim()) {
      this.reportNode(key, 'error', 'snippet-invalid', M.snippetName);
      return;
    }
    if (!value || value.type !== 'object') {
      this.reportNode(value ?? key, 'error', 'snippet-invalid', M.snippetNotObject(name));
      return;
    }
    const fields = new Map<string, Node | undefined>();
    for (const p of props(value)) {
      if (fields.has(p.name)) this.reportNode(p.key, 'warning', 'duplicate-key', M.duplicateKey(p.name));
      else if (!SNIPPET_KEYS.includes(p.name)) this.reportNode(p.key, 'warning', 'unknown-key', M.unknownKey(p.name, SNIPPET_KEYS.slice(0, 3), ''));
      else fields.set(p.name, p.value);
    }
    let ok = true;
    const fail = (n: Node, message: Bilingual) => {
      this.reportNode(n, 'error', 'snippet-invalid', message);
      ok = false;
    };
    const prefixNode = fields.get('prefix');
    const prefixNodes = this.strings(prefixNode);
    if (!prefixNode) fail(key, M.prefixMissing(name));
    else if (!prefixNodes) fail(prefixNode, M.prefixType(name));
    else if (!prefixNodes.some((n) => (n.value as string).trim())) fail(prefixNode, M.prefixMissing(name));

    const bodyNode = fields.get('body');
    const bodyNodes = this.strings(bodyNode);
    if (!bodyNode) fail(key, M.bodyMissing(name));
    else if (!bodyNodes) fail(bodyNode, M.bodyType(name));

    let description = '';
    const descriptionNode = fields.get('description');
    if (descriptionNode) {
      const d = this.strings(descriptionNode);
      if (d) description = d.map((n) => n.value as string).join(' ').trim();
      else this.reportNode(descriptionNode, 'warning', 'snippet-invalid', M.descriptionType(name));
    }

    const body = bodyNodes ? new BodySource(this.text, bodyNodes) : undefined;
    if (body) this.checkBody(body);
    if (!ok || !body || !prefixNodes) return;

    const prefixes: string[] = [];
    const records: PackPrefix[] = [];
    for (const n of prefixNodes) {
      const prefix = (n.value as string).trim();
      if (!prefix) continue;
      const k = prefixKey(prefix);
      const where = place({ start: n.offset, end: n.offset + n.length, range: this.lines.rangeOf(n.offset, n.offset + n.length) });
      if (/\s/.test(prefix)) this.reportNode(n, 'warning', 'snippet-invalid', M.prefixSpace(prefix));
      const sameSnippet = prefixes.some((p) => prefixKey(p) === k);
      const elsewhere = prefixesHere.get(k);
      if (sameSnippet) continue;
      if (elsewhere !== undefined) this.reportNode(n, 'warning', 'duplicate-prefix', M.prefixRepeated(prefix, elsewhere));
      else {
        prefixesHere.set(k, name);
        const owner = this.taken.get(k);
        if (owner) this.reportNode(n, 'information', 'duplicate-prefix', M.prefixTaken(prefix, owner));
      }
      prefixes.push(prefix);
      records.push({ prefix, snippet: name, ...where });
    }
    if (!meta) return;
    this.out.templates.push({
      id: `${meta.name}/${name}`,
      name,
      description,
      prefixes,
      body: body.value,
      pack: { name: meta.name, version: meta.version },
    });
    this.out.prefixes.push(...records);
  }

  /** A string node or an array of string nodes; undefined for anything else. */
  private strings(n: Node | undefined): Node[] | undefined {
    if (!n) return undefined;
    if (n.type === 'string') return [n];
    if (n.type === 'array' && (n.children ?? []).every((c) => c.type === 'string')) return n.children ?? [];
    return undefined;
  }

  private checkBody(body: BodySource): void {
    const src = body.value;
    walkSnippet(parseSnippet(src), (n) => {
      if (n.kind === 'variable') {
        if (VSCODE_VARIABLES.has(n.name) || (MUHARRIR_VARIABLES as readonly string[]).includes(n.name)) return;
        const nameStart = n.start + (src[n.start + 1] === '{' ? 2 : 1);
        const ours = n.name.startsWith(MUHARRIR_VARIABLE_PREFIX);
        const guess = didYouMean(n.name, ours ? MUHARRIR_VARIABLES : [...MUHARRIR_VARIABLES, ...VSCODE_VARIABLES]);
        this.report(...body.span(nameStart, nameStart + n.name.length), 'warning', 'unknown-variable', M.unknownVariable(n.name, guess, n.children.length > 0, ours));
      } else if (n.kind === 'text') {
        // What failed to parse is text; an unescaped `${` in it is a placeholder gone wrong.
        const raw = src.slice(n.start, n.end);
        for (let i = 0; i < raw.length; i++) {
          if (raw[i] === '\\') i++;
          else if (raw[i] === '$' && raw[i + 1] === '{') {
            const lineEnd = raw.indexOf('\n', i);
            const end = n.start + (lineEnd === -1 ? raw.length : lineEnd);
            const close = raw.indexOf('}', i);
            const stop = close !== -1 && n.start + close < end ? n.start + close + 1 : end;
            this.report(...body.span(n.start + i, stop), 'warning', 'snippet-syntax', M.brokenPlaceholder);
            return;
          }
        }
      }
    });
  }
}

const JSON_ERRORS: Record<string, Bilingual> = {
  InvalidSymbol: { en: 'unexpected character', ar: 'رمز غير متوقع' },
  InvalidNumberFormat: { en: 'malformed number', ar: 'رقم مكتوب بصيغة غير صحيحة' },
  PropertyNameExpected: { en: 'a key in double quotes is expected', ar: 'يُنتظر مفتاح بين علامتي تنصيص مزدوجتين' },
  ValueExpected: { en: 'a value is expected', ar: 'تُنتظر قيمة' },
  ColonExpected: { en: 'a colon is expected after the key', ar: 'تُنتظر نقطتان رأسيتان بعد المفتاح' },
  CommaExpected: { en: 'a comma is expected', ar: 'تُنتظر فاصلة' },
  CloseBraceExpected: { en: 'a closing } is expected', ar: 'يُنتظر قوس الإغلاق }' },
  CloseBracketExpected: { en: 'a closing ] is expected', ar: 'يُنتظر قوس الإغلاق ]' },
  EndOfFileExpected: { en: 'nothing may follow the pack object', ar: 'لا يجوز أن يلي كائنَ الحزمة شيء' },
  InvalidCommentToken: { en: 'malformed comment', ar: 'تعليق مكتوب بصيغة غير صحيحة' },
  UnexpectedEndOfComment: { en: 'a comment is not closed', ar: 'تعليق غير مغلق' },
  UnexpectedEndOfString: { en: 'a string is not closed', ar: 'نص غير مغلق بعلامة التنصيص' },
  UnexpectedEndOfNumber: { en: 'a number is cut short', ar: 'رقم ناقص' },
  InvalidUnicode: { en: 'malformed \\u escape', ar: 'تهريب \\u بصيغة غير صحيحة' },
  InvalidEscapeCharacter: { en: 'invalid escape: write \\\\ for a backslash', ar: 'تهريب غير صحيح: اكتب \\\\ للشرطة المائلة العكسية' },
  InvalidCharacter: { en: 'a control character inside a string (write \\n for a line break)', ar: 'حرف تحكم داخل نص (اكتب \\n لسطر جديد)' },
};

const list = (keys: readonly string[], sep: string) => keys.map((k) => `"${k}"`).join(sep);

const M = {
  internal: (what: string): Bilingual => ({
    en: `Muharrir could not read this pack (${what}); please report it.`,
    ar: `تعذّر على محرّر قراءة هذه الحزمة (${what})؛ يُرجى الإبلاغ عن ذلك.`,
  }),
  tooLarge: (bytes: number): Bilingual => ({
    en: `This pack is ${Math.round(bytes / 1024)} KB; packs larger than ${MAX_PACK_BYTES / 1024} KB are not loaded. Split it into several packs.`,
    ar: `حجم هذه الحزمة ${Math.round(bytes / 1024)} كيلوبايت؛ ولا تُحمَّل الحزم التي يتجاوز حجمها ${MAX_PACK_BYTES / 1024} كيلوبايت. قسّمها إلى عدة حزم.`,
  }),
  tooDeep: (max: number): Bilingual => ({
    en: `JSON nested more than ${max} levels deep is not a snippet pack; the pack is not loaded.`,
    ar: `ملف JSON متداخل لأكثر من ${max} مستوى ليس حزمة مقتطفات؛ لم تُحمَّل الحزمة.`,
  }),
  json: (code: string): Bilingual => {
    const what = JSON_ERRORS[code] ?? { en: code, ar: code };
    return {
      en: `Invalid JSON: ${what.en}. The pack is not loaded until this is fixed.`,
      ar: `صيغة JSON غير صحيحة: ${what.ar}. لن تُحمَّل الحزمة حتى يُصحَّح ذلك.`,
    };
  },
  empty: {
    en: 'This pack is empty: a pack is a JSON object with "pack" (name, version) and "snippets".',
    ar: 'هذه الحزمة فارغة: الحزمة كائن JSON فيه "pack" (الاسم والإصدار) و"snippets".',
  },
  notAnObject: (type: string): Bilingual => ({
    en: `A pack is a JSON object with "pack" and "snippets", not ${type === 'array' ? 'an array' : `a ${type}`}.`,
    ar: `الحزمة كائن JSON فيه "pack" و"snippets"، وليست من النوع ${type}.`,
  }),
  schemaKey: { en: '"$schema" must be a string (the URL or path of the pack schema).', ar: 'يجب أن تكون قيمة "$schema" نصًّا (رابط مخطط الحزمة أو مساره).' },
  unknownKey: (key: string, known: readonly string[], where: string): Bilingual => {
    const guess = didYouMean(key, known);
    return guess
      ? { en: `Unknown key "${where}${key}" is ignored. Did you mean "${guess}"?`, ar: `المفتاح "${where}${key}" غير معروف ويُتجاهَل. هل تقصد "${guess}"؟` }
      : {
          en: `Unknown key "${where}${key}" is ignored; known keys: ${list(known, ', ')}.`,
          ar: `المفتاح "${where}${key}" غير معروف ويُتجاهَل؛ المفاتيح المعروفة: ${list(known, '، ')}.`,
        };
  },
  duplicateKey: (key: string): Bilingual => ({
    en: `"${key}" appears twice; this one is ignored.`,
    ar: `يتكرر "${key}"؛ ويُتجاهَل هذا التكرار.`,
  }),
  packMissing: {
    en: 'A pack needs its metadata: "pack": { "name": "…", "version": "1.0.0" }. Nothing is loaded without it.',
    ar: 'تحتاج الحزمة إلى بياناتها: ‎"pack": { "name": "…", "version": "1.0.0" }‎. ولا يُحمَّل منها شيء بدونها.',
  },
  packNotObject: {
    en: '"pack" must be an object with "name" and "version"; the pack is not loaded.',
    ar: 'يجب أن يكون "pack" كائنًا فيه "name" و"version"؛ لم تُحمَّل الحزمة.',
  },
  nameMissing: {
    en: 'The pack needs a "name" (shown next to its templates); the pack is not loaded.',
    ar: 'تحتاج الحزمة إلى اسم "name" (يظهر بجانب قوالبها)؛ لم تُحمَّل الحزمة.',
  },
  nameInvalid: {
    en: 'The pack "name" must be a non-empty string of at most 100 characters, without slashes; the pack is not loaded.',
    ar: 'يجب أن يكون اسم الحزمة "name" نصًّا غير فارغ لا يتجاوز 100 حرف ولا يحوي شرطة مائلة؛ لم تُحمَّل الحزمة.',
  },
  versionMissing: {
    en: 'The pack needs a "version" such as "1.0.0"; the pack is not loaded.',
    ar: 'تحتاج الحزمة إلى إصدار "version" مثل "1.0.0"؛ لم تُحمَّل الحزمة.',
  },
  versionInvalid: (v: string): Bilingual => ({
    en: `"${v}" is not a semantic version: write MAJOR.MINOR.PATCH, such as "1.0.0". The pack is not loaded.`,
    ar: `"${v}" ليس رقم إصدار دلاليًّا: اكتب الصيغة MAJOR.MINOR.PATCH مثل "1.0.0". لم تُحمَّل الحزمة.`,
  }),
  packDescription: { en: 'The pack "description" must be a string; it is ignored.', ar: 'يجب أن يكون وصف الحزمة "description" نصًّا؛ وقد تُجوهِل.' },
  language: (l: string): Bilingual => ({
    en: `"${l}" is not a BCP 47 language tag such as "ar" or "ar-SA"; the pack is taken as Arabic ("ar").`,
    ar: `"${l}" ليس وسم لغة وفق BCP 47 مثل "ar" أو "ar-SA"؛ وتُعدّ الحزمة عربية ("ar").`,
  }),
  snippetsMissing: {
    en: 'A pack needs "snippets": an object of VS Code snippets, keyed by name.',
    ar: 'تحتاج الحزمة إلى "snippets": كائن من مقتطفات VS Code مفاتيحه أسماؤها.',
  },
  snippetsNotObject: (type: string): Bilingual => ({
    en: `"snippets" must be an object keyed by snippet name, not ${type === 'array' ? 'an array' : `a ${type}`}.`,
    ar: `يجب أن يكون "snippets" كائنًا مفاتيحه أسماء المقتطفات، لا من النوع ${type}.`,
  }),
  noSnippets: { en: 'This pack has no snippets yet.', ar: 'لا مقتطفات في هذه الحزمة بعد.' },
  tooMany: (max: number, total: number): Bilingual => ({
    en: `A pack holds at most ${max} snippets; this one has ${total}, and the ones from here on are not loaded. Split it into several packs.`,
    ar: `تتسع الحزمة لـ ${max} مقتطف على الأكثر؛ وفي هذه ${total}، ولا يُحمَّل ما يبدأ من هنا. قسّمها إلى عدة حزم.`,
  }),
  duplicateSnippet: (name: string): Bilingual => ({
    en: `A second snippet named "${name}": it is ignored. Give it another name.`,
    ar: `مقتطف ثانٍ باسم "${name}": يُتجاهَل. سمِّه باسم آخر.`,
  }),
  snippetName: { en: 'A snippet needs a name (its key); it is not loaded.', ar: 'يحتاج المقتطف إلى اسم (مفتاحه)؛ لم يُحمَّل.' },
  snippetNotObject: (name: string): Bilingual => ({
    en: `"${name}" is not a snippet: it must be an object with "prefix" and "body". It is not loaded.`,
    ar: `"${name}" ليس مقتطفًا: يجب أن يكون كائنًا فيه "prefix" و"body". لم يُحمَّل.`,
  }),
  prefixMissing: (name: string): Bilingual => ({
    en: `Snippet "${name}" needs a "prefix": the word a writer types to insert it. It is not loaded.`,
    ar: `يحتاج المقتطف "${name}" إلى بادئة "prefix": الكلمة التي يكتبها المحرر لإدراجه. لم يُحمَّل.`,
  }),
  prefixType: (name: string): Bilingual => ({
    en: `The "prefix" of snippet "${name}" must be a string or a list of strings. It is not loaded.`,
    ar: `يجب أن تكون البادئة "prefix" للمقتطف "${name}" نصًّا أو قائمة نصوص. لم يُحمَّل.`,
  }),
  prefixSpace: (prefix: string): Bilingual => ({
    en: `The prefix "${prefix}" has a space: completion works on one word, so it is never offered. Use - or _ instead.`,
    ar: `في البادئة "${prefix}" مسافة: يعمل الإكمال على كلمة واحدة فلن تُقترح أبدًا. استعمل - أو _ بدلًا منها.`,
  }),
  prefixRepeated: (prefix: string, other: string): Bilingual => ({
    en: `The prefix "${prefix}" is also used by snippet "${other}" in this pack: the writer gets both and must pick.`,
    ar: `البادئة "${prefix}" مستعملة أيضًا في المقتطف "${other}" من هذه الحزمة: سيظهر الاثنان وعلى المحرر أن يختار.`,
  }),
  prefixTaken: (prefix: string, owner: Bilingual): Bilingual => ({
    en: `The prefix "${prefix}" is also the prefix of ${owner.en}: the writer gets both.`,
    ar: `البادئة "${prefix}" هي أيضًا بادئة ${owner.ar}: سيظهر الاثنان للمحرر.`,
  }),
  duplicatePack: (name: string): Bilingual => ({
    en: `Another pack file is also named "${name}": give each pack its own name so their templates can be told apart.`,
    ar: `يحمل ملف حزمة آخر الاسم "${name}" أيضًا: سمِّ كل حزمة باسم خاص بها ليتميز كلٌّ من قوالبهما.`,
  }),
  bodyMissing: (name: string): Bilingual => ({
    en: `Snippet "${name}" needs a "body": a string, or a list of strings (one per line). It is not loaded.`,
    ar: `يحتاج المقتطف "${name}" إلى متن "body": نص، أو قائمة نصوص (سطر لكل عنصر). لم يُحمَّل.`,
  }),
  bodyType: (name: string): Bilingual => ({
    en: `The "body" of snippet "${name}" must be a string or a list of strings (one per line). It is not loaded.`,
    ar: `يجب أن يكون متن "body" المقتطف "${name}" نصًّا أو قائمة نصوص (سطر لكل عنصر). لم يُحمَّل.`,
  }),
  descriptionType: (name: string): Bilingual => ({
    en: `The "description" of snippet "${name}" must be a string; it is ignored.`,
    ar: `يجب أن يكون وصف "description" المقتطف "${name}" نصًّا؛ وقد تُجوهِل.`,
  }),
  unknownVariable: (name: string, guess: string | undefined, hasDefault: boolean, ours: boolean): Bilingual => {
    const what: Bilingual = hasDefault
      ? { en: 'its default is always inserted', ar: 'تُدرَج قيمته الافتراضية دائمًا' }
      : { en: `the word "${name}" is inserted`, ar: `تُدرَج الكلمة "${name}" نفسها` };
    const hint: Bilingual = guess
      ? { en: ` Did you mean ${guess}?`, ar: ` هل تقصد ${guess}؟` }
      : ours
        ? { en: ` Newsroom variables: ${MUHARRIR_VARIABLES.join(', ')}.`, ar: ` متغيرات غرفة الأخبار: ${MUHARRIR_VARIABLES.join('، ')}.` }
        : { en: ' Write \\\\$ in the JSON for a dollar sign.', ar: ' اكتب \\\\$ في JSON لعلامة الدولار.' };
    return {
      en: `Unknown variable ${name}: no editor fills it, so ${what.en}.${hint.en}`,
      ar: `المتغير ${name} غير معروف: لا يملؤه أي محرر، لذا ${what.ar}.${hint.ar}`,
    };
  },
  brokenPlaceholder: {
    en: 'This "${" does not open a valid placeholder or variable (a "}" missing, or a space after the number?), so it is inserted as written. Write \\\\$ in the JSON for a dollar sign.',
    ar: 'لا يفتح "${" هنا عنصرًا نائبًا ولا متغيرًا صحيحًا (هل ينقص "}" أو بعد الرقم مسافة؟)، لذا يُدرَج كما كُتب. اكتب \\\\$ في JSON لعلامة الدولار.',
  },
};
