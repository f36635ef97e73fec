// The editor's desk view of one article: what the Newsroom view and the HTML report show beside
// the problems. Nothing here decides whether something is wrong: every verdict is a rule's
// result (its diagnostics, by rule id and position) read together with frontmatter values.
// A rule the newsroom turned off passes its checklist item, as it passes in the editor.
import { bodyTokens } from './arabic';
import type { ArticleDocument } from './document';
import { getEntry, isEmptyValue, type FmEntry, type FmMap, type FmNode } from './frontmatter';
import { frontmatterUsable } from './lint';
import { defaultProfile, type Profile } from './profile';
import type { Bilingual, Position, Range, Severity } from './types';

/**
 * Words a minute for the reading time. Reading-speed studies put Arabic below the European
 * languages (IReST measured ~140 wpm reading aloud; silent reading is faster), and one Arabic
 * word carries clitics that English writes as separate words (وبالحكومة: "and by the
 * government"), so 200 a minute is an honest figure for a news reader, not a skim.
 */
export const WORDS_PER_MINUTE = 200;

/** The status an article has when its frontmatter says none (DESIGN §2). */
export const DEFAULT_STATUS = 'draft';

/** What the desk needs from a diagnostic: engine, CLI report and LSP diagnostics all have these. */
export interface DeskDiagnostic {
  rule: string;
  severity: Severity;
  range: Range;
}

export type ChecklistId = 'sources' | 'date' | 'summary' | 'headline' | 'anonymous';

export interface ChecklistItem {
  id: ChecklistId;
  ok: boolean;
  label: Bilingual;
}

export interface ArticleSummary {
  /** The frontmatter's `title`, trimmed; null when there is none as text. */
  title: string | null;
  /**
   * The frontmatter's `status` when it is one the profile allows; `draft` when the field is
   * absent (DESIGN §2); null when it cannot be known (unreadable frontmatter, a value outside
   * the allowed list, not text).
   */
  status: string | null;
  section: string | null;
  /** Words of the body's prose (code, links' targets, HTML and the frontmatter are not read). */
  words: number;
  /** At WORDS_PER_MINUTE, rounded, at least 1 for any text; 0 for an empty body. */
  readingMinutes: number;
  /** `infos` counts information and hints, as the CLI summary does. */
  counts: { errors: number; warnings: number; infos: number };
  badges: { sourcesMissing: boolean; dateMissing: boolean; dateBroken: boolean };
  checklist: ChecklistItem[];
}

/** Rules whose report means the sources list is not what the body relies on. */
const SOURCES_RULES = ['sources-missing', 'source-unlisted'];
/** Rules whose report means a frontmatter date is there but cannot be trusted. */
const DATE_BROKEN_RULES = ['date-invalid', 'date-timezone', 'date-order', 'date-future'];
/** The rules that judge a field's value: its type, the allowed list, the length limit, presence. */
const FIELD_RULES = ['field-type', 'required-field'];

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * The desk's summary of one article from its parsed document and the diagnostics linted from it
 * (with the same profile). Pure: call it after `lint` with `result.document` and its diagnostics.
 */
export function articleSummary(
  doc: ArticleDocument,
  diagnostics: readonly DeskDiagnostic[],
  profile: Profile = defaultProfile(),
): ArticleSummary {
  const readable = frontmatterUsable(doc);
  const fm = readable ? doc.frontmatter!.root : null;
  const fired = new Set(diagnostics.map((d) => d.rule));
  const any = (rules: readonly string[]) => rules.some((r) => fired.has(r));
  /** Whether one of `rules` reported inside the given document span. */
  const within = (rules: readonly string[], start: number, end: number) => {
    const from = doc.lines.positionAt(start);
    const to = doc.lines.positionAt(end);
    return diagnostics.some((d) => rules.includes(d.rule) && !before(d.range.start, from) && !before(to, d.range.start));
  };
  const entrySpan = (e: FmEntry): [number, number] => [e.keyStart, e.value?.end ?? e.keyEnd];

  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }

  const words = bodyTokens(doc).length;
  // Without readable frontmatter the frontmatter rules did not run: nothing is listed or dated that the desk can see.
  const sourcesMissing = !readable || fired.has('sources-missing');
  const dateMissing = !readable || fired.has('date-missing');
  const dateBroken = readable && any(DATE_BROKEN_RULES);

  const title = getEntry(fm, 'title');
  const titleText = textOf(title?.value);
  const headlineOk = readable && titleText !== null && titleText !== '' && !within(FIELD_RULES, ...entrySpan(title!));

  const summary = getEntry(fm, 'summary');
  const summaryOk =
    readable &&
    (summary && !isEmptyValue(summary.value) ? !within(FIELD_RULES, ...entrySpan(summary)) : profile.summary?.required !== true);

  const anonymousOk = readable && !fired.has('source-anonymous') && !unjustifiedAnonymous(fm, (s, e) => within(['source-incomplete'], s, e));

  return {
    title: titleText === '' ? null : titleText,
    status: statusOf(fm, readable, profile),
    section: textOf(getEntry(fm, 'section')?.value) || null,
    words,
    readingMinutes: readingMinutes(words),
    counts,
    badges: { sourcesMissing, dateMissing, dateBroken },
    checklist: [
      { id: 'sources', ok: readable && !any(SOURCES_RULES), label: { en: 'Sources listed', ar: 'المصادر مذكورة' } },
      { id: 'date', ok: !dateMissing && !dateBroken, label: { en: 'Date present and valid', ar: 'تاريخ النشر موجود وصحيح' } },
      { id: 'summary', ok: summaryOk, label: lengthLabel(profile.summary?.maxLength, { en: 'Summary', ar: 'الموجز' }) },
      { id: 'headline', ok: headlineOk, label: lengthLabel(profile.title?.maxLength, { en: 'Headline', ar: 'العنوان' }) },
      { id: 'anonymous', ok: anonymousOk, label: { en: 'Anonymous sources justified', ar: 'المصادر المجهّلة مبرَّرة' } },
    ],
  };
}

/** `a` comes strictly before `b`. */
function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function textOf(node: FmNode | null | undefined): string | null {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value.trim() : null;
}

function statusOf(fm: FmMap | null, readable: boolean, profile: Profile): string | null {
  if (!readable) return null;
  const entry = getEntry(fm, 'status');
  if (!entry || isEmptyValue(entry.value)) return DEFAULT_STATUS;
  const value = textOf(entry.value);
  if (value === null) return null;
  const allowed = profile.status?.enum;
  return !allowed || allowed.includes(value) ? value : null;
}

/**
 * Whether `source-incomplete` reported the missing `reason` of a source declared anonymous: the
 * report starts at that source's `type` key, which tells it from the same rule's other reports.
 */
function unjustifiedAnonymous(fm: FmMap | null, reported: (start: number, end: number) => boolean): boolean {
  const sources = getEntry(fm, 'sources')?.value;
  if (sources?.kind !== 'seq') return false;
  return sources.items.some((item) => {
    if (item.kind !== 'map') return false;
    const type = getEntry(item, 'type');
    return textOf(type?.value)?.toLowerCase() === 'anonymous' && reported(type!.keyStart, type!.keyStart);
  });
}

/** «Headline within 110 letters», with the profile's own limit; no number when the newsroom set none. */
function lengthLabel(max: number | undefined, field: Bilingual): Bilingual {
  if (max === undefined) return { en: `${field.en} length within bounds`, ar: `طول ${field.ar} في الحدود` };
  // The limit stands alone in brackets, as field-type's «الحد الأقصى 110»: «110 حرفًا» would need the number's agreement rules.
  return { en: `${field.en} within ${max} letters`, ar: `طول ${field.ar} ضمن الحد الأقصى (${max})` };
}
