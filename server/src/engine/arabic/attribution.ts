/**
 * Who says it: attribution verbs (قال، أكد، ذكرت…), phrases (بحسب، وفقاً لـ، نقلاً عن…) and
 * `المصدر:` lines in the body, with the source each one names. The name is read the way an editor
 * reads it: the subject after the verb or the noun phrase after the phrase, ending at أن/إن, at
 * punctuation, at في/خلال/يوم…, and where an Arabic construct chain ends. Conservative on purpose:
 * rules decide from the name's shape (an organisation word, a known agency) whether it is a source
 * to list.
 */
import { memo, type ArticleDocument } from '../document';
import type { RegistrySource } from '../config';
import { SOURCE_LINE_LABELS } from '../arabicData';
import {
  ATTRIBUTION_PARTICIPLES,
  ATTRIBUTION_PHRASES,
  ATTRIBUTION_VERBS,
  GENERIC_SOURCE_LINE_NAMES,
  KNOWN_BODIES,
  KNOWN_MEDIA,
  MEDIA_KEYWORDS,
  NAME_STOP_WORDS,
  ORG_KEYWORDS,
  ORG_KEYWORDS_DEFINITE,
  ANONYMOUS_HEADS,
  DOCUMENT_NOUNS,
  ORG_GENERIC_ADJECTIVES,
  EXCLUSIVE_MARKERS,
  type AttributionPhrase,
  type AttributionVerb,
} from '../data/attribution';
import { paragraphs, type Paragraph } from './blocks';
import { bodyTokens } from './bodyTokens';
import { bare, Endings, normalize, sameBare, spelling, stems, Token, tokenize, WordTest } from './normalize';
import { proseMask } from './prose';
import { unchangedParagraphs, type ParagraphFindings } from '../previous';

/** What a cited name looks like, which decides whether a rule treats it as a source to list. */
export type NameShape =
  /** Led by an organisation word: «وزارة الصحة», «صحيفة «الشرق الأوسط»», «البنك المركزي السعودي». */
  | 'org'
  /** A source the desk knows (built in or in the newsroom registry): «رويترز», «واس». */
  | 'known'
  /** A name in Latin letters: «Bloomberg». */
  | 'latin'
  /** Named on a wire-style `المصدر:` line. */
  | 'line'
  /** «مصادر», «مصدر»: a source left unnamed. */
  | 'anonymous'
  /** A person named in full who spoke to the desk itself («في تصريح خاص»). */
  | 'person'
  /** Anything else: a person («الوزير»), a generic reference («التقرير», «مراقبين»). */
  | 'other';

export interface CitedName {
  /** Document offsets of the name as written. */
  start: number;
  end: number;
  /** The name, clean: quote marks dropped, spaces collapsed, a glued لـ taken off. */
  text: string;
  shape: NameShape;
  /** For `known`: which group of names (built in first, then the registry's) it belongs to. */
  group?: number;
  /** A news agency, paper or channel (not a ministry, a company, the UN): the press cites, bodies speak. */
  media?: boolean;
}

export interface Attribution {
  /** `dateline`: a wire credit at the head of the story, «جنيف 6 يونيو (رويترز) -». */
  kind: 'verb' | 'participle' | 'phrase' | 'line' | 'dateline';
  /** The attribution word or phrase (the label for a source line). */
  start: number;
  end: number;
  /** The verb's lemma, the phrase, or the line's label. */
  trigger: string;
  /** Names who speaks (a verb's subject, «على لسان X») rather than where the writer got it («بحسب X»). */
  speaker: boolean;
  names: CitedName[];
}

/** Vowel marks and tatweel; verbs are compared without them but with ى and ة kept (رأى is not رأي). */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const MARKS_BUT_SHADDA = /[\u0610-\u061A\u064B-\u0650\u0652-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const SHADDA = '\u0651';

/** A word as verbs are compared: no marks, hamza on alef dropped, everything else as written. */
function light(raw: string, keepShadda = false): string {
  // Verbs recur through a text (قال، أكد) and are tested again at every keystroke: each spelling is
  // stripped once. Emptied when full; a long spelling may be a cut of the document and is not kept.
  const seen = keepShadda ? lightWithShadda : lightForms;
  let out = seen.get(raw);
  if (out === undefined) {
    out = raw.replace(keepShadda ? MARKS_BUT_SHADDA : MARKS, '').replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627');
    if (raw.length <= MAX_KEPT_LENGTH) {
      if (seen.size >= MAX_LIGHT_FORMS) seen.clear();
      seen.set(raw, out);
    }
  }
  return out;
}

const lightForms = new Map<string, string>();
const lightWithShadda = new Map<string, string>();
const MAX_LIGHT_FORMS = 4096;
const MAX_KEPT_LENGTH = 64;

interface PhraseEntry {
  spec: AttributionPhrase;
  words: string[];
  /** What must come between the phrase and the name, normalized; `['ل']` is a لـ, standalone or glued. */
  bridges: string[][];
}

interface Tables {
  verbs: Map<string, AttributionVerb>;
  /** The verbs' and participles' forms fully normalized: a cheap first test before the exact one. */
  verbNorms: Set<string>;
  participleNorms: Set<string>;
  verbsWithShadda: Map<string, AttributionVerb>;
  participles: Set<string>;
  phrases: Map<string, PhraseEntry[]>;
  /** The phrases a word may begin, as written or after a و: «بحسب», «وبحسب». */
  phraseStarts: Map<string, PhraseEntry[]>;
  /** Every normalized word that may begin a phrase or be a verb or a participle. */
  triggers: Set<string>;
  stops: Set<string>;
  org: Set<string>;
  orgDefinite: Set<string>;
  anonymousHeads: Set<string>;
  documents: Set<string>;
  generic: Set<string>;
  genericLine: Set<string>;
  media: Set<string>;
  exclusive: string[][];
}

let tables: Tables | undefined;

/** Whether a word may begin an attribution: a verb, a participle or a phrase's first word. */
const IS_TRIGGER = new WordTest((norm) => getTables().triggers.has(norm));

function getTables(): Tables {
  if (tables) return tables;
  const verbs = new Map<string, AttributionVerb>();
  const verbsWithShadda = new Map<string, AttributionVerb>();
  for (const v of ATTRIBUTION_VERBS) {
    for (const form of v.forms) {
      const target = form.includes(SHADDA) ? verbsWithShadda : verbs;
      const f = light(form, form.includes(SHADDA));
      if (!v.needsConjunction) target.set(f, v);
      target.set('\u0648' + f, v);
      target.set('\u0641' + f, v);
    }
  }
  const participles = new Set<string>();
  for (const p of ATTRIBUTION_PARTICIPLES) {
    participles.add(light(p));
    participles.add('\u0648' + light(p));
  }
  const phrases = new Map<string, PhraseEntry[]>();
  const wordsOf = (s: string) => tokenize(s).map((x) => x.norm);
  for (const spec of ATTRIBUTION_PHRASES) {
    const words = wordsOf(spec.phrase);
    const list = phrases.get(words[0]) ?? [];
    const bridges = spec.then === undefined ? [] : spec.then === 'ل' ? [['ل']] : spec.then.map(wordsOf);
    list.push({ spec, words, bridges });
    phrases.set(words[0], list);
  }
  const phraseStarts = new Map<string, PhraseEntry[]>();
  for (const w of [...phrases.keys()].flatMap((k) => [k, '\u0648' + k])) {
    const direct = phrases.get(w) ?? [];
    const withWa = w.length > 2 && w[0] === '\u0648' ? (phrases.get(w.slice(1)) ?? []) : [];
    if (direct.length + withWa.length > 0) phraseStarts.set(w, [...direct, ...withWa]);
  }
  const norm = (list: readonly string[]) => new Set(list.map((w) => normalize(w)));
  const verbNorms = new Set([...verbs.keys(), ...verbsWithShadda.keys()].map((f) => normalize(f)));
  const participleNorms = new Set([...participles].map((f) => normalize(f)));
  tables = {
    phraseStarts,
    triggers: new Set([...phraseStarts.keys(), ...verbNorms, ...participleNorms]),
    verbs,
    verbNorms,
    participleNorms,
    verbsWithShadda,
    participles,
    phrases,
    stops: norm(NAME_STOP_WORDS),
    org: norm(ORG_KEYWORDS),
    orgDefinite: norm(ORG_KEYWORDS_DEFINITE),
    anonymousHeads: norm(ANONYMOUS_HEADS),
    documents: norm(DOCUMENT_NOUNS),
    generic: norm(ORG_GENERIC_ADJECTIVES),
    media: norm(MEDIA_KEYWORDS),
    exclusive: EXCLUSIVE_MARKERS.map((m) => tokenize(m).map((x) => x.norm)),
    genericLine: new Set(GENERIC_SOURCE_LINE_NAMES.map((n) => keyWords(n).join(' '))),
  };
  return tables;
}

/** The verb a token is, if it is one of the attribution verbs. */
export function verbOf(token: Token): AttributionVerb | undefined {
  const t = getTables();
  if (!t.verbNorms.has(token.norm)) return undefined;
  return t.verbs.get(light(token.raw)) ?? (token.raw.includes(SHADDA) ? t.verbsWithShadda.get(light(token.raw, true)) : undefined);
}

function isParticiple(token: Token): boolean {
  const t = getTables();
  return t.participleNorms.has(token.norm) && t.participles.has(light(token.raw));
}

/**
 * A word of a name as names are compared: normalized, the article dropped, and «للإحصاء» read as
 * «الإحصاء», «والتعاون» as «التعاون».
 */
function wordKey(norm: string): string {
  let w = norm;
  if (w.length > 4 && w.startsWith('\u0648\u0627\u0644')) w = w.slice(1);
  if (w.length > 3 && w.startsWith('\u0644\u0644')) w = w.slice(2);
  return bare(w);
}

/**
 * A source name as names are compared: its words normalized (hamza, taa marbuta, diacritics), each
 * without its article, «للإحصاء» as «الإحصاء». An organisation word that leads it is kept here and
 * weighed by sameSource.
 */
export function keyWords(name: string): readonly string[] {
  // The same names (the listed sources, the known agencies' aliases, the body's) are compared at
  // every keystroke: each is read once. Emptied when full; a long name is not kept.
  let words = keysOfNames.get(name);
  if (words === undefined) {
    const read = tokenize(name).map((t) => wordKey(t.norm));
    if (read.length > 1 && read[0] === 'the') read.shift();
    words = Object.freeze(read);
    if (name.length <= MAX_KEPT_LENGTH * 4) {
      if (keysOfNames.size >= MAX_KEPT_NAMES) keysOfNames.clear();
      keysOfNames.set(name, words);
    }
  }
  return words;
}

const keysOfNames = new Map<string, readonly string[]>();
const MAX_KEPT_NAMES = 4096;

let orgWordSet: Set<string> | undefined;
let pressWordSet: Set<string> | undefined;

/** Organisation words as keyWords sees them (normalized, no article). */
function orgWords(): Set<string> {
  return (orgWordSet ??= new Set([...ORG_KEYWORDS, ...ORG_KEYWORDS_DEFINITE].map((w) => wordKey(normalize(w)))));
}

/** The press words, which stand for one another: «صحيفة الأهرام» is «جريدة الأهرام». */
function pressWords(): Set<string> {
  return (pressWordSet ??= new Set(MEDIA_KEYWORDS.map((w) => wordKey(normalize(w)))));
}

/** The key without a leading organisation word («وكالة رويترز» → «رويترز»), or undefined when it has none. */
export function withoutOrgWord(key: readonly string[]): string[] | undefined {
  return key.length > 1 && orgWords().has(key[0]) ? key.slice(1) : undefined;
}

/** The key without a leading press word («صحيفة الأهرام» → «الأهرام»), or undefined when it has none. */
function withoutPressWord(key: readonly string[]): string[] | undefined {
  return key.length > 1 && pressWords().has(key[0]) ? key.slice(1) : undefined;
}

/** Whether one name's words are the other's, or a run of them at its start or end («الأنباء الليبية» in «وكالة الأنباء الليبية»). */
export function sameOrPart(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const at = (offset: number) => short.every((w, i) => long[offset + i] === w);
  return at(0) || at(long.length - short.length);
}

/**
 * Whether two names are one source: sameOrPart, with an organisation word that only one of them
 * has set aside («شركة سبيس» and «سبيس إكس», «وكالة رويترز» and «رويترز»), or that both have
 * («هيئة الترفيه» and «الهيئة العامة للترفيه»), and press words taken for one another. Two different
 * organisation words are two sources: «وزارة الصحة» is not «منظمة الصحة العالمية».
 */
export function sameSource(a: readonly string[], b: readonly string[]): boolean {
  if (sameOrPart(a, b)) return true;
  const ra = withoutOrgWord(a);
  const rb = withoutOrgWord(b);
  // «هيئة الترفيه» and «الهيئة العامة للترفيه»; «صحيفة الأهرام» and «جريدة الأهرام».
  if (ra && rb) return (a[0] === b[0] || (pressWords().has(a[0]) && pressWords().has(b[0]))) && sameOrPart(ra, rb);
  if (ra) return sameOrPart(ra, b);
  if (rb) return sameOrPart(a, rb);
  return false;
}

export interface KnownGroup {
  names: readonly string[];
  media: boolean;
}

export interface KnownIndex {
  /** By the first word's key: each name's word keys and its group. */
  byFirst: Map<string, { words: readonly string[]; group: number }[]>;
  /** Every name's key, to its groups. */
  groupsOfKey: Map<string, number[]>;
  groups: readonly KnownGroup[];
}

const MEDIA_TYPES = ['agency', 'media'];

/** The known sources: the built-in agencies, papers and bodies, then the newsroom registry's. */
export function knownIndex(registry: readonly RegistrySource[] = []): KnownIndex {
  const groups: KnownGroup[] = [
    ...KNOWN_MEDIA.map((names) => ({ names, media: true })),
    ...KNOWN_BODIES.map((names) => ({ names, media: false })),
    ...registry.map((r) => ({ names: [r.name, ...r.aliases], media: MEDIA_TYPES.includes(r.type ?? '') })),
  ];
  const byFirst = new Map<string, { words: readonly string[]; group: number }[]>();
  const groupsOfKey = new Map<string, number[]>();
  groups.forEach(({ names }, group) => {
    for (const name of names) {
      const key = keyWords(name);
      // Found as written or without its وكالة/صحيفة; «الدول العربية» alone is not the Arab League.
      const bareKey = withoutPressWord(key);
      for (const words of [key, ...(bareKey ? [bareKey] : [])]) {
        if (words.length === 0) continue;
        const list = byFirst.get(words[0]) ?? [];
        if (!list.some((e) => e.group === group && e.words.join(' ') === words.join(' '))) list.push({ words, group });
        byFirst.set(words[0], list);
      }
      for (const k of [key.join(' '), ...(bareKey ? [bareKey.join(' ')] : [])]) {
        const gs = groupsOfKey.get(k) ?? [];
        if (!gs.includes(group)) gs.push(group);
        groupsOfKey.set(k, gs);
      }
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, groupsOfKey, groups };
}

/**
 * knownIndex built once per registry: it depends on nothing in the article, and a resolved
 * config's registry is not changed after loading, so every article of a CLI run or a server
 * session shares one (rebuilding it per article was a fifth of the CLI's time).
 */
const indexByRegistry = new WeakMap<readonly RegistrySource[], KnownIndex>();
let emptyRegistryIndex: KnownIndex | undefined;

export function knownIndexOf(doc: ArticleDocument, registry: readonly RegistrySource[] = []): KnownIndex {
  return memo(doc, 'known-index', () => {
    if (registry.length === 0) return (emptyRegistryIndex ??= knownIndex());
    let index = indexByRegistry.get(registry);
    if (!index) indexByRegistry.set(registry, (index = knownIndex(registry)));
    return index;
  });
}

/**
 * Every attribution in the body, in order. The registry's sources count as known names; the
 * result is cached for the run, whose registry does not change.
 */
export function attributions(doc: ArticleDocument, registry: readonly RegistrySource[] = []): Attribution[] {
  return memo(doc, 'attributions', () => find(doc, knownIndexOf(doc, registry)));
}

/** The known sources a name is one of, by its key with or without its وكالة/صحيفة. */
export function groupsOf(key: readonly string[], known: KnownIndex): number[] {
  const bareKey = withoutPressWord(key);
  return [...new Set([...(known.groupsOfKey.get(key.join(' ')) ?? []), ...(bareKey ? (known.groupsOfKey.get(bareKey.join(' ')) ?? []) : [])])];
}

/** Whether a listed name is a wire or a paper: a known medium, or led by وكالة/صحيفة/قناة… . */
export function isMediaName(name: string, known: KnownIndex): boolean {
  const groups = groupsOf(keyWords(name), known);
  if (groups.some((g) => known.groups[g].media)) return true;
  const words = tokenize(name);
  return words.length > 0 && isMediaHead(words[0], words[1], getTables());
}

let builtinIndex: KnownIndex | undefined;

/** The name that starts at body token `k` («النادي» in «مصادر مقربة من النادي»), within its paragraph. */
export function nameAt(doc: ArticleDocument, k: number): CitedName | null {
  const tokens = bodyTokens(doc);
  const tok = tokens[k];
  if (!tok) return null;
  const paras = paragraphs(doc);
  let lo = 0;
  let hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].start <= tok.start) lo = mid;
    else hi = mid - 1;
  }
  const para = paras[lo];
  if (!para || para.start > tok.start || tok.start >= para.end) return null;
  const reader = new NameReader(doc, proseMask(doc), tokens, (builtinIndex ??= knownIndex()), getTables());
  return reader.read(k, tok.start, para.end);
}

const LATIN = /^[A-Za-z]/;
const QUOTE_OPEN: Record<string, string> = { '\u00AB': '\u00BB', '\u201C': '\u201D', '"': '"' };


function find(doc: ArticleDocument, known: KnownIndex): Attribution[] {
  const t = getTables();
  const mask = proseMask(doc);
  const tokens = bodyTokens(doc);
  const paras = paragraphs(doc);
  const out: Attribution[] = [];
  const reader = new NameReader(doc, mask, tokens, known, t);
  const exclusive = new ExclusiveMarkers(tokens, mask, t);
  const scan = (first: number, to: number, limit: number) => scanWords(doc, tokens, first, to, limit, mask, t, reader, exclusive, out);
  const kept = unchangedParagraphs<Attribution>(doc, GROUPS);
  // What each paragraph holds, for the next keystroke's lint to take.
  const groups: Attribution[][] | undefined = doc.incremental ? [] : undefined;
  let i = 0;
  for (const para of paras) {
    // A word outside every paragraph is read within itself.
    for (; i < tokens.length && tokens[i].start < para.start; i++) scan(i, i + 1, tokens[i].end);
    let j = i;
    while (j < tokens.length && tokens[j].start < para.end) j++;
    const same = kept?.(para);
    if (same) {
      const group = same.by === 0 ? same.group : same.group.map((a) => shifted(a, same.by));
      for (const a of group) out.push(a);
      groups?.push(group);
    } else {
      const from = out.length;
      scan(i, j, para.end);
      groups?.push(out.slice(from));
    }
    i = j;
  }
  for (; i < tokens.length; i++) scan(i, i + 1, tokens[i].end);
  if (groups) doc.memo.set(GROUPS, { paras, groups } satisfies ParagraphFindings<Attribution>);
  for (const line of sourceLines(doc, mask, t)) out.push(line);
  const credit = datelineCredit(doc, mask, tokens, paras, reader);
  if (credit) out.push(credit);
  return out.sort((a, b) => a.start - b.start);
}

const GROUPS = 'attribution-groups';

/** A copy `by` characters further on, built like the ones `scanWords` makes (one shape for V8). */
function shifted(a: Attribution, by: number): Attribution {
  const names = a.names.map((n) => ({ ...n, start: n.start + by, end: n.end + by }));
  return { kind: a.kind, start: a.start + by, end: a.end + by, trigger: a.trigger, speaker: a.speaker, names };
}

/** The attributions among tokens [first, to), none reaching past `limit` (the paragraph's end). */
function scanWords(
  doc: ArticleDocument,
  tokens: readonly Token[],
  first: number,
  to: number,
  limit: number,
  mask: string,
  t: Tables,
  reader: NameReader,
  exclusive: ExclusiveMarkers,
  out: Attribution[],
): void {
  for (let i = first; i < to; i++) {
    const tok = tokens[i];
    // Most words begin no phrase and are no verb: one look each.
    if (!IS_TRIGGER.of(tok)) continue;
    // A phrase first: «نقلاً عن» is not the verb «نقل».
    const phrase = matchPhrase(tokens, i, limit, mask, t);
    if (phrase) {
      const names: CitedName[] = [];
      const { spec } = phrase.entry;
      let next = phrase.next;
      if (!spec.noSource && next !== -1) {
        if (spec.skipVerb && next < tokens.length && gapIsSpace(mask, tokens[next - 1].end, tokens[next].start)) {
          // «حسبما ذكرت», «بحسب ما أفادت به»: past the verb (and a بها/به after it).
          next++;
          if (next < tokens.length && /^ب(ه|ها|هم)$/.test(tokens[next].norm)) next++;
        }
        const name = reader.read(next, tokens[next - 1]?.end ?? tok.end, limit, phrase.cut);
        if (name) names.push(name);
      }
      out.push({ kind: 'phrase', start: tok.start, end: tokens[phrase.last].end, trigger: spec.phrase, speaker: !!spec.speaker, names });
      i = phrase.last;
      continue;
    }
    const verb = verbOf(tok);
    if (verb) {
      if (verb.needsAfter && !followedBy(tokens, i, limit, normalize(verb.needsAfter), 8)) continue;
      if (verb.alsoComparative && light(tok.raw) === light(verb.lemma) && !wordFollows(tokens, i, limit, mask)) continue;
      const names: CitedName[] = [];
      const subject = reader.read(i + 1, tok.end, limit);
      if (subject) names.push(subject);
      if (verb.needsAfter) {
        // «نقلت وكالة رويترز عن مصادر…»: the second name is where the first one got it.
        const after = subject ? reader.lastStop : i + 1;
        if (after < tokens.length && tokens[after].norm === 'عن' && tokens[after].start < limit) {
          const from = reader.read(after + 1, tokens[after].end, limit);
          if (from) names.push(from);
        }
      }
      if (exclusive.near(i, first, limit)) {
        const person = personAfter(doc, tokens, i + 1, limit, mask, t);
        if (person) names.push(person);
      }
      out.push({ kind: 'verb', start: tok.start, end: tok.end, trigger: verb.lemma, speaker: true, names });
      continue;
    }
    if (isParticiple(tok)) out.push({ kind: 'participle', start: tok.start, end: tok.end, trigger: tok.raw, speaker: true, names: [] });
  }
}

function gapIsSpace(mask: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = mask.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xa0) return false;
  }
  return true;
}

const COMPARATIVE_NEXT = new Set(['من', 'مما', 'بكثير', 'في']);

/** Whether a word (not punctuation, not «من» of a comparison) comes right after token i. */
function wordFollows(tokens: readonly Token[], i: number, limit: number, mask: string): boolean {
  const nx = tokens[i + 1];
  return !!nx && nx.start < limit && gapIsSpace(mask, tokens[i].end, nx.start) && !COMPARATIVE_NEXT.has(nx.norm);
}

function followedBy(tokens: readonly Token[], i: number, limit: number, word: string, within: number): boolean {
  for (let k = i + 1; k < tokens.length && k <= i + within && tokens[k].start < limit; k++) if (tokens[k].norm === word) return true;
  return false;
}

interface PhraseMatch {
  entry: PhraseEntry;
  /** Index of the phrase's last token (a standalone لـ included). */
  last: number;
  /** Index of the token the name starts with, -1 when the phrase names nothing here. */
  next: number;
  /** Letters of the next token that belong to the phrase: the ل of «لوزارة». */
  cut?: number;
}

function matchPhrase(tokens: readonly Token[], i: number, limit: number, mask: string, t: Tables): PhraseMatch | undefined {
  const first = tokens[i].norm;
  const candidates = t.phraseStarts.get(first);
  if (!candidates) return undefined;
  outer: for (const entry of candidates) {
    const { words } = entry;
    if (i + words.length > tokens.length) continue;
    for (let k = 1; k < words.length; k++) {
      const tok = tokens[i + k];
      if (tok.start >= limit || bare(tok.norm) !== bare(words[k]) || !gapIsSpace(mask, tokens[i + k - 1].end, tok.start)) continue outer;
    }
    const last = i + words.length - 1;
    if (entry.bridges.length === 0) return { entry, last, next: last + 1 };
    for (const bw of entry.bridges) {
      if (bw.length === 1 && bw[0] === 'ل') {
        const nx = tokens[last + 1];
        if (!nx || nx.start >= limit || !gapIsSpace(mask, tokens[last].end, nx.start)) continue;
        // «لـ وزارة» (a standalone لـ) or «لوزارة», «للهيئة» (glued).
        if (nx.norm === 'ل') return { entry, last: last + 1, next: last + 2 };
        if (nx.norm.length > 2 && nx.norm[0] === 'ل' && !t.stops.has(nx.norm)) return { entry, last, next: last + 1, cut: 1 };
        continue;
      }
      let ok = true;
      for (let k = 0; k < bw.length; k++) {
        const tok = tokens[last + 1 + k];
        if (!tok || tok.start >= limit || bare(tok.norm) !== bare(bw[k])) ok = false;
      }
      if (ok) return { entry, last: last + bw.length, next: last + bw.length + 1 };
    }
    // The phrase is there but names nothing: «في بيان، اليوم» still says who speaks.
    return { entry, last, next: -1 };
  }
  return undefined;
}

/** Reads the name that starts at a token, and remembers where it stopped. */
class NameReader {
  /** Index of the token that ended the last name read. */
  lastStop = 0;

  constructor(
    private readonly doc: ArticleDocument,
    private readonly mask: string,
    private readonly tokens: readonly Token[],
    private readonly known: KnownIndex,
    private readonly t: Tables,
  ) {}

  /**
   * The name starting at token `k` (the phrase ended at offset `from`), within the paragraph
   * (`limit`). `cut` letters of token k belong to the phrase (the glued لـ).
   */
  read(k: number, from: number, limit: number, cut = 0, depth = 0): CitedName | null {
    const { tokens, mask, t } = this;
    this.lastStop = k;
    if (k >= tokens.length || tokens[k].start >= limit) return null;
    const gap = mask.slice(from, tokens[k].start);
    if (!/^\s*$/.test(gap)) {
      // «بحسب «رويترز»»: a quoted name right after the phrase.
      const open = gap.trim();
      if (open.length === 1 && QUOTE_OPEN[open]) return this.quoted(k, from + gap.indexOf(open), limit, '', 'other');
      return null;
    }
    const head = cut ? cutToken(tokens[k], cut) : tokens[k];
    if (t.stops.has(head.norm) || /^\d/.test(head.norm) || verbOf(head) || isParticiple(head)) return null;

    const knownAt = this.knownAt(k, head, limit);
    if (knownAt) return knownAt;
    if (LATIN.test(head.raw)) return this.latin(k, head, limit, '', 'latin');
    if (t.documents.has(head.norm) && depth < 2) {
      // «بيانات مجموعة بورصات لندن», «تقرير صادر عن البنك الدولي», «تقرير لوكالة فيتش»: the body behind the document.
      const behind = this.behindDocument(k, limit, depth);
      if (behind && (behind.shape === 'org' || behind.shape === 'known' || behind.shape === 'latin')) return behind;
    }

    const isOrg = t.org.has(head.norm);
    const isOrgDefinite = t.orgDefinite.has(head.norm);
    if (isOrg && k + 1 < tokens.length && tokens[k + 1].start < limit) {
      const gap2 = mask.slice(tokens[k].end, tokens[k + 1].start);
      const open = gap2.trim();
      // «صحيفة «الشرق الأوسط»»: the organisation word, then its name in quotes.
      if (open.length === 1 && QUOTE_OPEN[open] && /^\s*.\s*$/.test(gap2)) {
        const q = this.quoted(k + 1, tokens[k].end + gap2.indexOf(open), limit, prefixText(this.doc, head), 'org', head.start);
        return q && { ...q, media: isMediaHead(head, tokens[k + 1], t) };
      }
      if (/^\s*$/.test(gap2)) {
        const after = this.knownAt(k + 1, tokens[k + 1], limit);
        if (after) return { ...after, start: head.start, text: prefixText(this.doc, head) + ' ' + after.text, shape: 'known', media: after.media || isMediaHead(head, tokens[k + 1], t) };
        if (LATIN.test(tokens[k + 1].raw)) {
          return { ...this.latin(k + 1, tokens[k + 1], limit, prefixText(this.doc, head), 'org', head.start), media: isMediaHead(head, tokens[k + 1], t) };
        }
      }
    }
    const end = this.chain(k, head, limit);
    const last = tokens[end - 1];
    const count = end - k;
    let shape: NameShape = 'other';
    if (this.t.anonymousHeads.has(head.norm)) shape = 'anonymous';
    else if (isOrg && count >= 2 && !isBackReference(tokens, k + 1, end, t) && !isDescription(tokens[k + 1], t)) shape = 'org';
    else if (isOrgDefinite && count >= 3 && isAdjectival(tokens[k + 1].norm)) shape = 'org';
    const name: CitedName = { start: head.start, end: last.end, text: clean(this.doc.text.slice(head.start, last.end), head), shape };
    if (shape === 'org') name.media = isMediaHead(head, tokens[k + 1], t);
    return name;
  }

  /** The name after a document noun at token k: directly, after «صادر عن», or glued to لـ. */
  private behindDocument(k: number, limit: number, depth: number): CitedName | null {
    const { tokens, mask } = this;
    let j = k + 1;
    const next = tokens[j];
    if (!next || next.start >= limit || !gapIsSpace(mask, tokens[k].end, next.start)) return null;
    if (/^(ال)?صادر(ه)?$/.test(next.norm) && tokens[j + 1]?.norm === 'عن') j += 2;
    else if (next.norm === 'ل') j += 1;
    if (!tokens[j] || tokens[j].start >= limit) return null;
    const direct = this.read(j, tokens[j - 1].end, limit, 0, depth + 1);
    if (j > k + 1 || !direct || direct.shape !== 'other' || next.norm.length < 3 || next.norm[0] !== '\u0644') return direct;
    // «تقرير للبنك الدولي», «بيان لوزارة الصحة» — but «تقرير لجنة التحقيق» is read as written.
    return this.read(j, tokens[k].end, limit, 1, depth + 1);
  }

  /**
   * Where the construct chain ends. The word after the head may be anything but a stop word, a
   * verb or a number; after that, a definite word goes on as the genitive of an indefinite one
   * («وزارة الصحة») or as an adjective («السعودية»), with و («والتعاون») or لل («للإحصاء»); a
   * ل-genitive («لحقوق الإنسان») and a بن/آل in a person's name go on; a run of indefinite names
   * goes on only if it ends where a subject ends (properRun). At most six words.
   */
  private chain(k: number, head: Token, limit: number): number {
    const { tokens, mask, t } = this;
    let prevDefinite = isDefinite(head.norm);
    let afterGenitive = false;
    let j = k + 1;
    for (; j < tokens.length && j - k < 6; j++) {
      const tok = tokens[j];
      if (tok.start >= limit || !gapIsSpace(mask, tokens[j - 1].end, tok.start)) break;
      if (t.stops.has(tok.norm) || /^\d/.test(tok.norm) || verbOf(tok) || isParticiple(tok)) break;
      // «ووزارة الدفاع»: a second source begins.
      if (tok.norm[0] === '\u0648' && (t.org.has(tok.norm.slice(1)) || t.orgDefinite.has(tok.norm.slice(1)))) break;
      const def = isDefinite(tok.norm);
      if (def) {
        // After «وزارة الصحة» a definite word goes on only as an adjective («السعودية»), «والسكان» or
        // «للإحصاء»; «المواطنين» in «دعت وزارة الصحة المواطنين» is the verb's object.
        if (prevDefinite && !afterGenitive && !isAdjectival(tok.norm) && !/^(\u0648\u0627\u0644|\u0644\u0644)/.test(tok.norm)) break;
        prevDefinite = true;
        afterGenitive = false;
        continue;
      }
      if (isGenitive(tokens, j, limit, mask)) {
        afterGenitive = true;
        continue;
      }
      if (j === k + 1 && !prevDefinite) continue;
      // «مركز محمد بن راشد للفضاء»: a person's name inside an organisation's.
      if (!prevDefinite && NAME_JOINERS.has(tok.norm) && j + 1 < tokens.length && tokens[j + 1].start < limit && j + 1 - k < 6) {
        j++;
        continue;
      }
      // «مجموعة بورصات لندن،», «هيئة تطوير منطقة عسير أن»: a run of names that ends where a subject ends.
      if (!prevDefinite) j = this.properRun(j, k, limit);
      break;
    }
    this.lastStop = j;
    return j;
  }

  /**
   * How far a run of indefinite words from token j goes when it ends the way a source's name
   * ends (punctuation, أن/إن, عن); j itself when it does not — then the word is more likely the
   * verb's object («أعلنت شركة أرامكو ارتفاع أرباحها بنسبة…»).
   */
  private properRun(j: number, k: number, limit: number): number {
    const { tokens, mask, t } = this;
    let e = j;
    while (e < tokens.length && e - k < 6 && e - j < 3) {
      const tok = tokens[e];
      if (tok.start >= limit || !gapIsSpace(mask, tokens[e - 1].end, tok.start)) break;
      if (t.stops.has(tok.norm) || /^\d/.test(tok.norm) || verbOf(tok) || isParticiple(tok) || isDefinite(tok.norm)) break;
      e++;
    }
    if (e === j) return j;
    const nx = tokens[e];
    const natural = !!nx && nx.start < limit && (!gapIsSpace(mask, tokens[e - 1].end, nx.start) || NATURAL_ENDS.has(nx.norm));
    return natural ? e : j;
  }

  /** A known name that fills tokens k… up to `end` exactly, or null. */
  readKnown(k: number, end: number): CitedName | null {
    const tok = this.tokens[k];
    if (!tok || tok.start >= end) return null;
    const name = this.knownAt(k, tok, end);
    return name && name.end === end ? name : null;
  }

  /** The longest known name (built in or registry) that starts at token k. */
  private knownAt(k: number, head: Token, limit: number): CitedName | null {
    const { tokens, mask } = this;
    // «للبنك الدولي» is a name only once its لـ is cut (read's `cut`), never as written.
    if (head.norm.startsWith('\u0644\u0644') && !CUT.has(head)) return null;
    const list = this.known.byFirst.get(wordKey(head.norm));
    if (!list) return null;
    for (const { words, group } of list) {
      let ok = true;
      for (let w = 1; w < words.length; w++) {
        const tok = tokens[k + w];
        if (!tok || tok.start >= limit || !gapIsSpace(mask, tokens[k + w - 1].end, tok.start) || wordKey(tok.norm) !== words[w]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const last = tokens[k + words.length - 1];
      // «منظمة الأمم المتحدة للتربية والعلم والثقافة» is not «الأمم المتحدة»: the name goes on.
      const nx = tokens[k + words.length];
      if (nx && nx.start < limit && gapIsSpace(mask, last.end, nx.start) && (isDefinite(nx.norm) || isGenitive(tokens, k + words.length, limit, mask))) continue;
      this.lastStop = k + words.length;
      const end = words.length === 1 ? head.end : last.end;
      return {
        start: head.start,
        end,
        text: clean(this.doc.text.slice(head.start, end), head),
        shape: 'known',
        group,
        media: this.known.groups[group].media,
      };
    }
    return null;
  }

  /** A run of Latin words: «Bloomberg», «The Wall Street Journal». */
  private latin(k: number, head: Token, limit: number, prefix: string, shape: NameShape, start = head.start): CitedName {
    const { tokens, mask } = this;
    let j = k + 1;
    for (; j < tokens.length && j - k < 6; j++) {
      const tok = tokens[j];
      if (tok.start >= limit || !LATIN.test(tok.raw) || !/^[\s.&'\u2019-]*$/.test(mask.slice(tokens[j - 1].end, tok.start))) break;
    }
    this.lastStop = j;
    const end = tokens[j - 1].end;
    const text = (prefix ? prefix + ' ' : '') + this.doc.text.slice(head.start, end).replace(/\s+/g, ' ');
    return { start, end, text, shape };
  }

  /**
   * A name in quote marks opening at `open` (token k is its first word): up to six words, closed
   * within the paragraph. `prefix` is the organisation word before it, if any.
   */
  private quoted(k: number, open: number, limit: number, prefix: string, shape: NameShape, start = open): CitedName | null {
    const { tokens, mask, t } = this;
    // A name is six words at most: a closing mark past the seventh word closes no name, and the
    // search stops there instead of running on through a long paragraph for every opening mark.
    const close = indexBefore(mask, QUOTE_OPEN[mask[open]], open + 1, Math.min(limit, tokens[k + 6]?.end ?? limit));
    if (close === -1) return null;
    let j = k;
    while (j < tokens.length && tokens[j].end <= close) j++;
    if (j === k || j - k > 6) return null;
    const text = (prefix ? prefix + ' ' : '') + this.doc.text.slice(open + 1, close).replace(/[\u00AB\u00BB\u201C\u201D"]/g, '').trim().replace(/\s+/g, ' ');
    const name: CitedName = { start, end: close + 1, text, shape };
    if (shape === 'other') {
      const known = this.knownAt(k, tokens[k], close);
      if (known && this.lastStop === j) {
        name.shape = 'known';
        name.group = known.group;
        name.media = known.media;
      } else if (t.org.has(tokens[k].norm) && j - k >= 2) {
        name.shape = 'org';
        name.media = isMediaHead(tokens[k], tokens[k + 1], t);
      } else if (LATIN.test(tokens[k].raw)) name.shape = 'latin';
    }
    this.lastStop = j;
    return name;
  }
}

/** The first `ch` in `s` from `from` up to (not including) `to`, or -1. */
function indexBefore(s: string, ch: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s[i] === ch) return i;
  return -1;
}

/** «الوزارة», «الشركة»: an organisation word with the article refers back to one already named. */
function isBackReference(tokens: readonly Token[], from: number, to: number, t: Tables): boolean {
  if (to - from !== 1) return false;
  const n = tokens[from].norm;
  return n.startsWith('\u0627\u0644') && t.org.has(n.slice(2));
}

/** What follows a speaking source's name: «قالت X إن», «أعلنت X عن», «بحسب X،». */
const NATURAL_ENDS = new Set(['أن', 'إن', 'بأن', 'عن', 'أنه', 'أنها', 'إنه', 'إنها', 'بأنه', 'بأنها'].map((w) => normalize(w)));

const NAME_JOINERS = new Set(['بن', 'بنت', 'ابن', 'آل', 'أبو', 'أبي'].map((w) => normalize(w)));

/** «لحقوق الإنسان», «لتنسيق الشؤون»: a ل-genitive that carries a name on. */
function isGenitive(tokens: readonly Token[], j: number, limit: number, mask: string): boolean {
  const tok = tokens[j];
  const nx = tokens[j + 1];
  return tok.norm.length > 3 && tok.norm[0] === '\u0644' && !!nx && nx.start < limit && gapIsSpace(mask, tok.end, nx.start) && isDefinite(nx.norm);
}

/** «شركة كبيرة», «جامعة عربية»: the word after an organisation word describes it instead of naming it. */
function isDescription(tok: Token | undefined, t: Tables): boolean {
  if (!tok || isDefinite(tok.norm)) return false;
  return t.generic.has(tok.norm) || (tok.norm.length > 4 && tok.norm.endsWith('\u064A\u0647'));
}

const NEWS = new Set(['أنباء', 'الأنباء', 'للأنباء', 'الصحافة', 'الإعلام'].map((w) => normalize(w)));

/**
 * Whether an organisation word makes its name a medium: صحيفة، قناة، موقع… do; «وكالة» only as a
 * news agency («وكالة الأنباء…»), not «وكالة الإمارات للفضاء».
 */
function isMediaHead(head: Token, next: Token | undefined, t: Tables): boolean {
  if (!t.media.has(head.norm)) return false;
  return head.norm !== normalize('وكالة') || (!!next && NEWS.has(next.norm));
}

/** A definite word that reads as an adjective: nisba «السعودي/السعودية», «المتحدة», «العليا», «الأعلى». */
function isAdjectival(norm: string): boolean {
  return /(\u064A|\u064A\u0647|\u0647|\u0627)$/.test(norm);
}

function isDefinite(norm: string): boolean {
  return (
    (norm.length > 3 && norm.startsWith('\u0627\u0644')) ||
    (norm.length > 4 && norm.startsWith('\u0648\u0627\u0644')) ||
    (norm.length > 3 && norm.startsWith('\u0644\u0644'))
  );
}

/** How the text of a name that starts inside a token (after a glued لـ) is written out. */
const CUT = new WeakMap<Token, { skip: number; prefix: string }>();

/**
 * The token without the لـ glued to it: «لوزارة» → «وزارة» (marked from the و), «للهيئة» → «الهيئة»,
 * whose article is not in the text: that one is marked whole, and written out with its article.
 */
function cutToken(tok: Token, cut: number): Token {
  const lamLam = tok.norm.startsWith('\u0644\u0644');
  const letters = lamLam ? 2 : cut;
  let at = 0;
  for (let seen = 0; at < tok.raw.length && seen < letters; at++) if (tok.raw[at] === '\u0644') seen++;
  while (at < tok.raw.length && /[\u0640\u064B-\u065F\u0670]/.test(tok.raw[at])) at++;
  const raw = (lamLam ? '\u0627\u0644' : '') + tok.raw.slice(at);
  const out = new Token(lamLam ? tok.start : tok.start + at, tok.end, spelling(raw));
  if (lamLam) CUT.set(out, { skip: at, prefix: '\u0627\u0644' });
  return out;
}

/** The name as written from `head`, quote marks dropped, with the article a glued لـ took restored. */
function clean(s: string, head: Token): string {
  const cut = CUT.get(head);
  const text = cut ? cut.prefix + s.slice(cut.skip) : s;
  return text.replace(/[\u00AB\u00BB\u201C\u201D"]/g, '').replace(/\s+/g, ' ').trim();
}

function prefixText(doc: ArticleDocument, head: Token): string {
  return clean(doc.text.slice(head.start, head.end), head);
}

const LINE_LABEL = new RegExp(`^(\\s*[*_]{0,2}(?:${SOURCE_LINE_LABELS.join('|')})[*_]{0,2}\\s*[:\\uFF1A])(.*)$`);
const LINE_SEPARATOR = /[،,؛;|]|\s[-\u2013\u2014]\s/g;

/** `المصدر: وكالة الأنباء الليبية، رويترز` lines: every name on them, from its first word to its last. */
function sourceLines(doc: ArticleDocument, mask: string, t: Tables): Attribution[] {
  const out: Attribution[] = [];
  const { lines } = doc;
  if (doc.bodyStart >= doc.text.length) return out;
  for (let line = lines.positionAt(doc.bodyStart).line; line < lines.lineCount; line++) {
    const ls = Math.max(lines.lineStart(line), doc.bodyStart); // past a BOM on line 0
    const content = mask.slice(ls, lines.lineEnd(line));
    const m = LINE_LABEL.exec(content);
    if (!m) continue;
    const names: CitedName[] = [];
    const rest = ls + m[1].length;
    let from = 0;
    const cuts = [...m[2].matchAll(LINE_SEPARATOR)].map((x) => [x.index, x.index + x[0].length]);
    cuts.push([m[2].length, m[2].length]);
    for (const [a, b] of cuts) {
      // «وكالة الأنباء الكويتية (كونا)»: what is in parentheses is another name for the same source.
      const part = m[2].slice(from, a);
      const words = tokenize(part.split('(')[0], rest + from);
      from = b;
      if (words.length === 0) continue;
      const start = words[0].start;
      const end = words[words.length - 1].end;
      const text = doc.text.slice(start, end).replace(/[\u00AB\u00BB\u201C\u201D"*_\[\]]/g, '').replace(/\s+/g, ' ').trim();
      if (t.genericLine.has(keyWords(text).join(' '))) continue;
      names.push({ start, end, text, shape: 'line', media: true });
    }
    const labelStart = ls + (m[1].length - m[1].trimStart().length);
    out.push({ kind: 'line', start: labelStart, end: ls + m[1].length, trigger: m[1].trim(), speaker: false, names });
  }
  return out;
}

/**
 * A wire credit at the head of the story: «جنيف 6 يونيو حزيران (رويترز) -», «الرياض (واس) –». Only a
 * known agency or paper in parentheses, in the first paragraph's opening words, before a dash.
 */
function datelineCredit(doc: ArticleDocument, mask: string, tokens: readonly Token[], paras: readonly Paragraph[], reader: NameReader): Attribution | undefined {
  const first = paras.find((p) => p.kind !== 'heading');
  if (!first) return undefined;
  const head = mask.slice(first.start, Math.min(first.end, first.start + 120));
  const m = /\(([^()\n]{2,40})\)\s*[-\u2013\u2014]/.exec(head);
  if (!m) return undefined;
  const open = first.start + m.index;
  const close = open + m[1].length + 1;
  let k = 0;
  while (k < tokens.length && tokens[k].start <= open) k++;
  const name = reader.readKnown(k, close);
  if (!name) return undefined;
  return { kind: 'dateline', start: open, end: close + 1, trigger: m[0], speaker: false, names: [name] };
}

function anyIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** Where the body says the desk spoke to someone itself («في تصريح خاص»), found in one pass. */
/** Whether a word may open an «exclusive to» marker (its stems include a marker's first word). */
let markerFirsts: { words: Set<string>; endings: Endings } | undefined;
const MAY_START_MARKER = new WordTest((norm) => {
  if (!markerFirsts) {
    const words = new Set(getTables().exclusive.map((w) => w[0]));
    markerFirsts = { words, endings: new Endings(words) };
  }
  return markerFirsts.endings.mayEnd(norm) && anyIn(stems(norm), markerFirsts.words);
});

/** Whether the tokens after k are the words after the first of `words` (articles aside). */
function restOfMarkerAt(tokens: readonly Token[], k: number, words: readonly string[]): boolean {
  for (let n = 1; n < words.length; n++) {
    const t = tokens[k + n];
    if (!t || !sameBare(t.norm, words[n]!)) return false;
  }
  return true;
}

class ExclusiveMarkers {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly mask: string,
    private readonly t: Tables,
  ) {}

  /**
   * Whether a marker stands in the sentence of the verb at token i: a few words before it, or after
   * it, within its paragraph (tokens `first` to `limit`). A marker in the list item above is another
   * sentence even with no blank line between. Only the words around a verb are looked at: a
   * keystroke's lint reads the paragraphs it touched, not every word for markers.
   */
  near(i: number, first: number, limit: number): boolean {
    const last = Math.min(i + 15, this.tokens.length - 1);
    for (let k = Math.max(first, i - 5); k <= last; k++) {
      if (this.tokens[k].start >= limit) return false;
      if (!this.markerAt(k)) continue;
      const [a, b] = k < i ? [k, i] : [i, k];
      if (!this.sentenceBreak(a, b)) return true;
    }
    return false;
  }

  private markerAt(k: number): boolean {
    if (!MAY_START_MARKER.of(this.tokens[k])) return false;
    for (const words of this.t.exclusive) {
      if (!this.tokens[k].stems.includes(words[0])) continue;
      if (restOfMarkerAt(this.tokens, k, words)) return true;
    }
    return false;
  }

  /** Whether a sentence or a paragraph ends between tokens a and b. */
  private sentenceBreak(a: number, b: number): boolean {
    for (let m = a + 1; m <= b; m++) {
      const gap = this.mask.slice(this.tokens[m - 1].end, this.tokens[m].start);
      if (/[.!?\u061F]|\n\s*\n/.test(gap)) return true;
    }
    return false;
  }
}

/**
 * The full name in a verb's subject: «المحلل الاقتصادي سامر حداد», «استشارية الغدد الصماء الدكتورة
 * هالة المطيري» → the words after the titles (which end with a definite word), two to four of
 * them, up to where the subject ends. A subject with no name («وزير الصحة») gives nothing.
 */
function personAfter(doc: ArticleDocument, tokens: readonly Token[], k: number, limit: number, mask: string, t: Tables): CitedName | null {
  let sawTitle = false;
  let start = -1;
  let j = k;
  for (; j < tokens.length && j - k < 10; j++) {
    const tok = tokens[j];
    if (tok.start >= limit || (j > k && !gapIsSpace(mask, tokens[j - 1].end, tok.start))) break;
    if (t.stops.has(tok.norm) || /^\d/.test(tok.norm) || verbOf(tok) || isParticiple(tok)) break;
    if (start === -1) {
      if (isDefinite(tok.norm)) sawTitle = true;
      else if (sawTitle) start = j;
    }
  }
  if (start === -1 || j - start < 2 || j - start > 4) return null;
  const first = tokens[start];
  const last = tokens[j - 1];
  return { start: first.start, end: last.end, text: doc.text.slice(first.start, last.end).replace(/\s+/g, ' '), shape: 'person' };
}
