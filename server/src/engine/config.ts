import { parseYamlText, type FmEntry, type FmMap, type FmNode } from './frontmatter';
import { LineIndex } from './lines';
import { defaultProfile, type FieldSpec, type FieldType, type Profile, SOURCE_TYPES } from './profile';
import { isValidTimeZone } from './dates';
import { didYouMean } from './text';
import { problemMessage } from './yamlProblems';
import type { Bilingual, ConfiguredSeverity, Range, Severity } from './types';

export interface RegistrySource {
  name: string;
  aliases: string[];
  url?: string;
  type?: string;
}

export interface RuleSetting {
  /** Absent when the config only sets options: the rule keeps its default severity. */
  severity?: ConfiguredSeverity;
  options: Record<string, unknown>;
}

/** `.muharrir.yaml` after `extends` is followed and merged over the defaults. */
export interface ResolvedConfig {
  locale: 'auto' | 'ar' | 'en';
  timezone: string | null;
  articles: string[];
  profile: Profile;
  rules: Record<string, RuleSetting>;
  registry: RegistrySource[];
  /** Folders of team snippet packs, resolved against the file that lists them (host.resolve). */
  snippetPacks: string[];
  /** Every config file that was read, nearest first: what a front end watches. */
  files: string[];
}

export interface ConfigProblem {
  file: string;
  start: number;
  end: number;
  range: Range;
  severity: Severity;
  message: Bilingual;
}

/** What config loading needs from the outside world; the engine itself never touches a disk. */
export interface ConfigHost {
  /** The file's text; undefined when it cannot be read, null when it may not be (e.g. it links out of an untrusted workspace). */
  readFile(path: string): string | undefined | null;
  /** Resolves `extends` relative to the file that names it; null refuses it (e.g. outside the workspace). */
  resolve(fromFile: string, target: string): string | null;
}

export const DEFAULT_ARTICLE_GLOBS = ['**/articles/**/*.md', '**/news/**/*.md', '**/*.article.md'];
const SEVERITIES = ['off', 'hint', 'info', 'information', 'warning', 'error'];
const TOP_KEYS = ['extends', 'locale', 'timezone', 'articles', 'fields', 'rules', 'sources', 'snippetPacks'];
const FIELD_KEYS = ['type', 'required', 'enum', 'maxLength', 'description'];
const FIELD_TYPES: FieldType[] = ['string', 'string-list', 'string-or-list', 'datetime', 'sources', 'language', 'number', 'boolean'];
const MAX_EXTENDS_DEPTH = 10;

export function defaultConfig(): ResolvedConfig {
  return {
    locale: 'auto',
    timezone: null,
    articles: [...DEFAULT_ARTICLE_GLOBS],
    profile: defaultProfile(),
    rules: {},
    registry: [],
    snippetPacks: [],
    files: [],
  };
}

interface Layer {
  file: string;
  locale?: ResolvedConfig['locale'];
  timezone?: string;
  articles?: string[];
  fields: Record<string, Partial<FieldSpec>>;
  rules: Record<string, RuleSetting>;
  registry: RegistrySource[];
  snippetPacks: string[];
}

/** Reads a config file and everything it extends. Problems are reported, never thrown. */
export function loadConfig(file: string, host: ConfigHost, knownRules: readonly string[]): {
  config: ResolvedConfig;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const layers: Layer[] = [];
  const seen = new Set<string>();
  let current: string | null = file;
  let from: { file: string; start: number; end: number; lines: LineIndex } | null = null;
  while (current) {
    if (seen.has(current) || layers.length > MAX_EXTENDS_DEPTH) {
      const why = seen.has(current) ? M.extendsCycle(current) : M.extendsTooDeep(MAX_EXTENDS_DEPTH);
      if (from) push(problems, from.file, from.lines, from.start, from.end, 'error', why);
      break;
    }
    seen.add(current);
    const text = host.readFile(current);
    if (text === undefined || text === null) {
      const why = text === null ? M.extendsRefused(current) : M.extendsMissing(current);
      if (from) push(problems, from.file, from.lines, from.start, from.end, 'error', why);
      // The file in force itself may not be read: say so on it, or the defaults would apply silently.
      else if (text === null) push(problems, current, new LineIndex(''), 0, 0, 'error', M.configRefused());
      break;
    }
    const { layer, extendsRef } = readLayer(current, text, knownRules, problems, host);
    layers.push(layer);
    if (!extendsRef) break;
    const next = host.resolve(current, extendsRef.target);
    if (next === null) {
      push(problems, current, extendsRef.lines, extendsRef.start, extendsRef.end, 'error', M.extendsRefused(extendsRef.target));
      break;
    }
    from = { file: current, start: extendsRef.start, end: extendsRef.end, lines: extendsRef.lines };
    current = next;
  }
  const config = defaultConfig();
  // The farthest ancestor first, so nearer files override it.
  for (const layer of [...layers].reverse()) mergeLayer(config, layer);
  config.files = layers.map((l) => l.file);
  return { config, problems };
}

function mergeLayer(config: ResolvedConfig, layer: Layer): void {
  if (layer.locale) config.locale = layer.locale;
  if (layer.timezone) config.timezone = layer.timezone;
  if (layer.articles) config.articles = layer.articles;
  for (const [key, spec] of Object.entries(layer.fields)) {
    const base: FieldSpec = config.profile[key] ?? {
      type: 'string',
      required: false,
      description: { en: `Newsroom field \`${key}\`.`, ar: `حقل خاص بغرفة الأخبار \`${key}\`.` },
    };
    config.profile[key] = { ...base, ...spec } as FieldSpec;
  }
  for (const [rule, setting] of Object.entries(layer.rules)) {
    const prev = config.rules[rule];
    config.rules[rule] = {
      severity: setting.severity ?? prev?.severity,
      options: { ...(prev?.options ?? {}), ...setting.options },
    };
  }
  config.registry = [...layer.registry, ...config.registry];
  config.snippetPacks = [...new Set([...layer.snippetPacks, ...config.snippetPacks])];
}

function readLayer(
  file: string,
  text: string,
  knownRules: readonly string[],
  problems: ConfigProblem[],
  host: ConfigHost,
): { layer: Layer; extendsRef?: { target: string; start: number; end: number; lines: LineIndex } } {
  const lines = new LineIndex(text);
  const layer: Layer = { file, fields: {}, rules: {}, registry: [], snippetPacks: [] };
  const report = (start: number, end: number, message: Bilingual, severity: Severity = 'error') =>
    push(problems, file, lines, start, end, severity, message);
  // The YAML reader skips a leading BOM itself and keeps offsets; replacing it with a space would indent line 1.
  const parsed = parseYamlText(text);
  for (const p of parsed.problems) report(p.start, p.end, problemMessage(p, 'config'));
  const root = parsed.root;
  if (!root) return { layer };
  let extendsRef: { target: string; start: number; end: number; lines: LineIndex } | undefined;
  for (const entry of root.entries) {
    const v = entry.value;
    const where = (n: FmNode | null = v): [number, number] => (n ? [n.start, n.end] : [entry.keyStart, entry.keyEnd]);
    switch (entry.key) {
      case 'extends': {
        const s = str(v);
        if (s === undefined) report(...where(), M.expected('extends', 'string'));
        else extendsRef = { target: s, start: v!.start, end: v!.end, lines };
        break;
      }
      case 'locale': {
        const s = str(v);
        if (s === 'auto' || s === 'ar' || s === 'en') layer.locale = s;
        else report(...where(), M.oneOf('locale', ['auto', 'ar', 'en']));
        break;
      }
      case 'timezone': {
        const s = str(v);
        if (s !== undefined && isValidTimeZone(s)) layer.timezone = s;
        else report(...where(), M.timezone(s ?? ''));
        break;
      }
      case 'articles': {
        const list = strList(v);
        if (!list) report(...where(), M.expected(entry.key, 'list of strings'));
        else layer.articles = list;
        break;
      }
      case 'snippetPacks':
        readSnippetPacks(v, file, host, layer, report, entry);
        break;
      case 'fields':
        readFields(v, layer, report, entry);
        break;
      case 'rules':
        readRules(v, layer, knownRules, report, entry);
        break;
      case 'sources':
        readSources(v, layer, report, entry);
        break;
      default:
        report(entry.keyStart, entry.keyEnd, M.unknownKey(entry.key, TOP_KEYS), 'warning');
    }
  }
  return { layer, extendsRef };
}

type Report = (start: number, end: number, message: Bilingual, severity?: Severity) => void;

/**
 * Pack folders are relative to the file that lists them, so they are resolved here, while that
 * file is known: after `extends` is merged only the folders are left. The host refuses folders
 * outside the workspace (the `..` or symlink way out); workspace trust may refine this later.
 */
function readSnippetPacks(v: FmNode | null, file: string, host: ConfigHost, layer: Layer, report: Report, entry: FmEntry): void {
  if (v?.kind !== 'seq') return report(v?.start ?? entry.keyStart, v?.end ?? entry.keyEnd, M.expected('snippetPacks', 'list of strings'));
  for (const item of v.items) {
    const folder = str(item)?.trim();
    if (!folder) {
      report(item.start, item.end, M.expected('snippetPacks', 'list of strings'));
      continue;
    }
    const resolved = host.resolve(file, folder);
    if (resolved === null) report(item.start, item.end, M.packFolderRefused(folder));
    else if (!layer.snippetPacks.includes(resolved)) layer.snippetPacks.push(resolved);
  }
}

function readFields(v: FmNode | null, layer: Layer, report: Report, entry: FmEntry): void {
  if (v?.kind !== 'map') return report(v?.start ?? entry.keyStart, v?.end ?? entry.keyEnd, M.expected('fields', 'mapping'));
  for (const f of v.entries) {
    const spec: Partial<FieldSpec> = {};
    const fv = f.value;
    if (fv?.kind !== 'map') {
      report(fv?.start ?? f.keyStart, fv?.end ?? f.keyEnd, M.expected(`fields.${f.key}`, 'mapping'));
      continue;
    }
    for (const opt of fv.entries) {
      const o = opt.value;
      const at: [number, number] = o ? [o.start, o.end] : [opt.keyStart, opt.keyEnd];
      if (opt.key === 'required') {
        if (o?.kind === 'scalar' && typeof o.value === 'boolean') spec.required = o.value;
        else report(...at, M.expected(`fields.${f.key}.required`, 'true/false'));
      } else if (opt.key === 'maxLength') {
        if (o?.kind === 'scalar' && typeof o.value === 'number' && o.value > 0) spec.maxLength = o.value;
        else report(...at, M.expected(`fields.${f.key}.maxLength`, 'positive number'));
      } else if (opt.key === 'enum') {
        const list = strList(o);
        if (list) spec.enum = list;
        else report(...at, M.expected(`fields.${f.key}.enum`, 'list of strings'));
      } else if (opt.key === 'type') {
        const s = str(o);
        if (s && (FIELD_TYPES as string[]).includes(s)) spec.type = s as FieldType;
        else report(...at, M.oneOf(`fields.${f.key}.type`, FIELD_TYPES));
      } else if (opt.key === 'description') {
        const s = str(o);
        if (s) spec.description = { en: s, ar: s };
        else report(...at, M.expected(`fields.${f.key}.description`, 'string'));
      } else {
        report(opt.keyStart, opt.keyEnd, M.unknownKey(opt.key, FIELD_KEYS), 'warning');
      }
    }
    layer.fields[f.key] = spec;
  }
}

function readRules(v: FmNode | null, layer: Layer, known: readonly string[], report: Report, entry: FmEntry): void {
  if (v?.kind !== 'map') return report(v?.start ?? entry.keyStart, v?.end ?? entry.keyEnd, M.expected('rules', 'mapping'));
  for (const r of v.entries) {
    if (!known.includes(r.key)) {
      report(r.keyStart, r.keyEnd, M.unknownRule(r.key, known, didYouMean(r.key, known)), 'warning');
      continue;
    }
    const rv = r.value;
    let sevNode: FmNode | null = rv;
    const options: Record<string, unknown> = {};
    if (rv?.kind === 'map') {
      sevNode = null;
      for (const o of rv.entries) {
        if (o.key === 'severity') sevNode = o.value;
        else if (o.key === 'options' && o.value?.kind === 'map') {
          for (const oe of o.value.entries) options[oe.key] = plain(oe.value);
        } else report(o.keyStart, o.keyEnd, M.unknownKey(o.key, ['severity', 'options']), 'warning');
      }
    }
    const s = sevNode?.kind === 'scalar' && sevNode.value === false ? 'off' : str(sevNode);
    if (s === undefined && rv?.kind === 'map' && sevNode === null) {
      layer.rules[r.key] = { options };
      continue;
    }
    if (s === undefined || !SEVERITIES.includes(s)) {
      report(rv?.start ?? r.keyStart, rv?.end ?? r.keyEnd, M.oneOf(`rules.${r.key}`, SEVERITIES.filter((x) => x !== 'information')));
      continue;
    }
    layer.rules[r.key] = { severity: (s === 'info' ? 'information' : s) as ConfiguredSeverity, options };
  }
}

function readSources(v: FmNode | null, layer: Layer, report: Report, entry: FmEntry): void {
  if (v?.kind !== 'map') return report(v?.start ?? entry.keyStart, v?.end ?? entry.keyEnd, M.expected('sources', 'mapping'));
  for (const e of v.entries) {
    if (e.key !== 'registry') {
      report(e.keyStart, e.keyEnd, M.unknownKey(e.key, ['registry']), 'warning');
      continue;
    }
    if (e.value?.kind !== 'seq') {
      report(e.value?.start ?? e.keyStart, e.value?.end ?? e.keyEnd, M.expected('sources.registry', 'list'));
      continue;
    }
    for (const item of e.value.items) {
      const name = item.kind === 'scalar' ? str(item) : item.kind === 'map' ? str(entryValue(item, 'name')) : undefined;
      if (!name) {
        report(item.start, item.end, M.registryName());
        continue;
      }
      const src: RegistrySource = { name, aliases: [] };
      if (item.kind === 'map') {
        const aliases = entryValue(item, 'aliases');
        if (aliases) src.aliases = strList(aliases) ?? [];
        const url = str(entryValue(item, 'url'));
        if (url) src.url = url;
        const type = str(entryValue(item, 'type'));
        if (type) {
          if ((SOURCE_TYPES as readonly string[]).includes(type)) src.type = type;
          else report(entryValue(item, 'type')!.start, entryValue(item, 'type')!.end, M.oneOf('type', [...SOURCE_TYPES]));
        }
      }
      layer.registry.push(src);
    }
  }
}

function entryValue(map: FmMap, key: string): FmNode | null {
  return map.entries.find((e) => e.key === key)?.value ?? null;
}

function str(n: FmNode | null | undefined): string | undefined {
  return n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined;
}

function strList(n: FmNode | null | undefined): string[] | undefined {
  if (n?.kind !== 'seq') return undefined;
  const out: string[] = [];
  for (const i of n.items) {
    const s = str(i);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

function plain(n: FmNode | null): unknown {
  if (!n) return null;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  if (n.kind === 'map') return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
  return null;
}

function push(out: ConfigProblem[], file: string, lines: LineIndex, start: number, end: number, severity: Severity, message: Bilingual) {
  out.push({ file, start, end, range: lines.rangeOf(start, end), severity, message });
}

const M = {
  expected: (key: string, what: string): Bilingual => ({
    en: `\`${key}\` must be a ${what}.`,
    ar: `يجب أن تكون قيمة \`${key}\` من النوع: ${what}.`,
  }),
  oneOf: (key: string, values: readonly string[]): Bilingual => ({
    en: `\`${key}\` must be one of: ${values.join(', ')}.`,
    ar: `يجب أن تكون قيمة \`${key}\` واحدة من: ${values.join('، ')}.`,
  }),
  timezone: (zone: string): Bilingual => ({
    en: `\`timezone\` must be an IANA time zone such as Asia/Riyadh; "${zone}" is not one.`,
    ar: `يجب أن تكون \`timezone\` منطقة زمنية من قائمة IANA مثل Asia/Riyadh؛ و"${zone}" ليست كذلك.`,
  }),
  unknownKey: (key: string, known: readonly string[]): Bilingual => ({
    en: `Unknown key \`${key}\`; expected one of: ${known.join(', ')}.`,
    ar: `المفتاح \`${key}\` غير معروف؛ المفاتيح المعروفة: ${known.join('، ')}.`,
  }),
  unknownRule: (rule: string, known: readonly string[], guess: string | undefined): Bilingual =>
    guess
      ? { en: `Unknown rule \`${rule}\`. Did you mean \`${guess}\`?`, ar: `القاعدة \`${rule}\` غير معروفة. هل تقصد \`${guess}\`؟` }
      : {
          en: `Unknown rule \`${rule}\`. Known rules: ${known.join(', ')}.`,
          ar: `القاعدة \`${rule}\` غير معروفة. القواعد المعروفة: ${known.join('، ')}.`,
        },
  registryName: (): Bilingual => ({
    en: 'Each registry source needs a `name`.',
    ar: 'يلزم كلَّ مصدر في السجل اسمٌ `name`.',
  }),
  extendsMissing: (file: string): Bilingual => ({
    en: `\`extends\` points at ${file}, which cannot be read.`,
    ar: `يشير \`extends\` إلى ${file} وتتعذّر قراءته.`,
  }),
  extendsCycle: (file: string): Bilingual => ({
    en: `\`extends\` comes back to ${file}: configs cannot extend each other in a loop.`,
    ar: `يعود \`extends\` إلى ${file}: لا يجوز أن تمتد الإعدادات بعضها من بعض في حلقة.`,
  }),
  extendsTooDeep: (max: number): Bilingual => ({
    en: `\`extends\` goes more than ${max} files deep; flatten the chain.`,
    ar: `تتجاوز سلسلة \`extends\` ${max} ملفات؛ اختصر السلسلة.`,
  }),
  packFolderRefused: (folder: string): Bilingual => ({
    en: `The snippet pack folder \`${folder}\` is outside the workspace folder; in an untrusted workspace packs are read only from inside it. Trust the workspace to use it.`,
    ar: `مجلد حزم المقتطفات \`${folder}\` خارج مجلد مساحة العمل؛ ولا تُقرأ الحزم في مساحة عمل غير موثوقة إلا من داخله. امنح مساحة العمل الثقة لاستخدامه.`,
  }),
  extendsRefused: (target: string): Bilingual => ({
    en: `\`extends: ${target}\` is outside the workspace folder (by \`..\`, an absolute path or a symlink), so it is not read in an untrusted workspace. Trust the workspace to use it.`,
    ar: `\`extends: ${target}\` خارج مجلد مساحة العمل (بـ \`..\` أو بمسار مطلق أو برابط رمزي)، لذلك لا يُقرأ في مساحة عمل غير موثوقة. امنح مساحة العمل الثقة لاستخدامه.`,
  }),
  configRefused: (): Bilingual => ({
    en: 'This `.muharrir.yaml` is a link to a file outside the workspace folder, so it is not read in an untrusted workspace and the defaults apply. Trust the workspace to use it.',
    ar: 'ملف `.muharrir.yaml` هذا رابط إلى ملف خارج مجلد مساحة العمل، لذلك لا يُقرأ في مساحة عمل غير موثوقة وتُطبَّق الإعدادات الافتراضية. امنح مساحة العمل الثقة لاستخدامه.',
  }),
};
