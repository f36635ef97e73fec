import { MarkupKind, type Connection, type Hover, type HoverParams } from 'vscode-languageserver';
import {
  DATE_FIELDS,
  describeInstant,
  formatInstant,
  isDateProblem,
  offsetFor,
  parseDateTime,
  ruleDocsUrl,
  toInstant,
  type Bilingual,
  type FmEntry,
  type FmNode,
  type LintResult,
  type Locale,
  type TimeZoneChoice,
} from '../engine';
import {
  anchorText,
  dateExpressions,
  describeResolution,
  gregorianOf,
  hijriOf,
  type DateAnchor,
  type DateExpression,
} from '../engine/arabic/dateExpressions';
import type { Analysis, ArticleStore } from './articles';
import { SOURCE_KEY_DOCS, SOURCE_TYPE_LABELS } from './fieldDocs';
import { guard } from './guard';
import type { Workspace } from './workspace';

type Linted = Analysis & { result: LintResult };

const FIELD_RULES: Record<string, string[]> = {
  date: ['date-missing', 'date-invalid', 'date-timezone', 'date-order', 'date-future'],
  updated: ['date-invalid', 'date-timezone', 'date-order'],
  embargo: ['date-invalid', 'date-timezone', 'date-order'],
  sources: ['sources-missing', 'source-incomplete'],
};

export function registerHoverSupport(connection: Connection, workspace: Workspace, articles: ArticleStore): void {
  connection.onHover(
    guard(connection.console, 'textDocument/hover', null, async (params: HoverParams): Promise<Hover | null> => {
      const document = workspace.documents.get(params.textDocument.uri);
      if (!document) return null;
      const a = await articles.linted(document);
      if (!a) return null;
      const root = a.result.document.frontmatter?.root;
      const lines = a.result.document.lines;
      const offset = lines.offsetAt(params.position);
      const md = workspace.flags.hoverMarkdown;
      const hover = (start: number, end: number, text: string): Hover => ({
        contents: { kind: md ? MarkupKind.Markdown : MarkupKind.PlainText, value: md ? text : text.replace(/\*\*|`/g, '') },
        range: lines.rangeOf(start, end),
      });

      if (offset >= a.result.document.bodyStart) return bodyDateHover(a, offset, hover);
      if (!root) return null;
      for (const entry of root.entries) {
        if (offset >= entry.keyStart && offset <= entry.keyEnd) {
          const text = fieldHover(a, entry.key);
          return text ? hover(entry.keyStart, entry.keyEnd, text) : null;
        }
        const v = entry.value;
        if (!v || offset < v.start || offset > v.end) continue;
        if (isDateField(a, entry.key)) return hover(v.start, v.end, dateHover(v, entry.key, a.result.timeZone, a.locale));
        if (entry.key === 'sources' && v.kind === 'seq') return sourceHover(a, v, offset, hover);
        return null;
      }
      return null;
    }),
  );
}

/** A date expression of the body: what it means in both calendars and both languages. */
function bodyDateHover(a: Linted, offset: number, hover: (start: number, end: number, text: string) => Hover): Hover | null {
  const { list, anchor } = dateExpressions(a.result.document, a.result.timeZone);
  const at = (e: DateExpression) => ({ start: e.start, end: Math.max(e.end, e.weekday?.end ?? 0) });
  const e = list.find((x) => offset >= at(x).start && offset <= at(x).end);
  if (!e) return null;
  const { start, end } = at(e);
  return hover(start, end, bodyDateText(a.result.document.text.slice(start, end), e, anchor, a.locale));
}

export function bodyDateText(written: string, e: DateExpression, anchor: DateAnchor | null, locale: Locale): string {
  const parts = [`**${written.replace(/\s+/g, ' ')}**`];
  if (!e.resolved) {
    const why: Bilingual =
      e.kind === 'date'
        ? {
            en: 'No year is written and the article has no valid `date` to take it from.',
            ar: 'لم تُكتب السنة، وليس للخبر تاريخ نشر `date` صالح تؤخذ منه.',
          }
        : {
            en: 'Cannot be resolved: the article has no valid `date` to count from.',
            ar: 'لا يمكن تحديده: ليس للخبر تاريخ نشر `date` صالح يُحسب منه.',
          };
    parts.push(...inOrder(locale, why));
    return parts.join('\n\n');
  }
  const d = describeResolution(e.resolved);
  parts.push(...inOrder(locale, d));
  const notes: Bilingual[] = [];
  if ((e.kind === 'relative' || e.kind === 'weekday') && anchor) {
    const t = anchorText(anchor);
    notes.push({ en: `Counted from \`date\`: ${t.en}.`, ar: `محسوب من تاريخ النشر \`date\`: ${t.ar}.` });
  }
  const hijri = e.written?.calendar === 'hijri' ? hijriOf(e.resolved.from) : null;
  const year: Bilingual = hijri
    ? { en: `${hijri.year} AH`, ar: `${hijri.year}هـ` }
    : { en: String(gregorianOf(e.resolved.from).year), ar: String(gregorianOf(e.resolved.from).year) };
  if (e.yearFrom === 'date') notes.push({ en: `No year is written: ${year.en}, the nearest to the article's date.`, ar: `لم تُكتب السنة: ${year.ar}، الأقرب إلى تاريخ الخبر.` });
  if (e.yearFrom === 'weekday') notes.push({ en: `No year is written: ${year.en}, the year in which the weekday fits.`, ar: `لم تُكتب السنة: ${year.ar}، السنة التي يوافق فيها اليوم المكتوب.` });
  if (e.yearFrom === 'pair') notes.push({ en: 'No year is written: taken from the date paired with it.', ar: 'لم تُكتب السنة: أُخذت من التاريخ المقابل.' });
  notes.push({
    en: 'Hijri dates follow the Umm al-Qura calendar; a month begun by sighting may differ by a day.',
    ar: 'التواريخ الهجرية بتقويم أم القرى، وقد يختلف الشهر الذي يبدأ بالرؤية يومًا.',
  });
  for (const n of notes) parts.push(inOrder(locale, n).join('  \n'));
  return parts.join('\n\n');
}

function isDateField(a: Linted, key: string): boolean {
  return (DATE_FIELDS as readonly string[]).includes(key) || a.config.profile[key]?.type === 'datetime';
}

function inOrder(locale: Locale, text: Bilingual): string[] {
  return locale === 'ar' ? [text.ar, text.en] : [text.en, text.ar];
}

function fieldHover(a: Linted, key: string): string | undefined {
  const spec = a.config.profile[key];
  if (!spec) return undefined;
  const required = spec.required ? (a.locale === 'ar' ? 'مطلوب' : 'required') : a.locale === 'ar' ? 'اختياري' : 'optional';
  const parts = [`**${key}** · \`${spec.type}\` · ${required}`, ...inOrder(a.locale, spec.description)];
  if (spec.enum) parts.push(spec.enum.map((v) => `\`${v}\``).join(' · '));
  const rules = FIELD_RULES[key];
  if (rules) parts.push(rules.map((r) => `[${r}](${ruleDocsUrl(r)})`).join(' · '));
  return parts.join('\n\n');
}

function sourceHover(
  a: Linted,
  seq: FmNode & { kind: 'seq' },
  offset: number,
  hover: (start: number, end: number, text: string) => Hover,
): Hover | null {
  for (const item of seq.items) {
    if (item.kind !== 'map' || offset < item.start || offset > item.end) continue;
    for (const e of item.entries as FmEntry[]) {
      if (offset >= e.keyStart && offset <= e.keyEnd && SOURCE_KEY_DOCS[e.key]) {
        return hover(e.keyStart, e.keyEnd, [`**sources.${e.key}**`, ...inOrder(a.locale, SOURCE_KEY_DOCS[e.key])].join('\n\n'));
      }
      const v = e.value;
      if (!v || v.kind !== 'scalar' || offset < v.start || offset > v.end) continue;
      if (e.key === 'accessed') return hover(v.start, v.end, dateHover(v, 'accessed', a.result.timeZone, a.locale));
      if (e.key === 'type' && typeof v.value === 'string' && SOURCE_TYPE_LABELS[v.value]) {
        return hover(v.start, v.end, [`**${v.value}**`, ...inOrder(a.locale, SOURCE_TYPE_LABELS[v.value])].join('\n\n'));
      }
    }
  }
  return null;
}

/** What a date value means, in both calendars and both languages, or why it is not a date. */
export function dateHover(node: FmNode, key: string, tz: TimeZoneChoice, locale: Locale): string {
  const raw = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
  const parsed = raw === undefined ? undefined : parseDateTime(raw);
  if (parsed === undefined || isDateProblem(parsed)) {
    const why = notADate(key, raw, parsed);
    return [`**${key}**`, ...inOrder(locale, why), `[date-invalid](${ruleDocsUrl('date-invalid')})`].join('\n\n');
  }
  let offset = parsed.offsetMinutes;
  const notes: Bilingual[] = [];
  if (offset === null) {
    offset = offsetFor(tz, toInstant(parsed, 0));
    notes.push(assumedOffset(tz, formatInstant(0, offset).slice(-6)));
  }
  if (!parsed.hasTime) notes.push({ en: 'No time is written: shown as midnight.', ar: 'لم يُكتب وقت: يُعرض على أنه منتصف الليل.' });
  const instant = toInstant(parsed, offset);
  const ar = describeInstant(instant, offset, 'ar');
  const en = describeInstant(instant, offset, 'en');
  const block = (d: { gregorian: string; hijri: string }) => [d.gregorian, d.hijri].filter(Boolean).join('  \n');
  const parts = [`**${formatInstant(instant, offset)}**`, ...(locale === 'ar' ? [block(ar), block(en)] : [block(en), block(ar)])];
  for (const n of notes) parts.push(inOrder(locale, n).join('  \n'));
  return parts.join('\n\n');
}

function assumedOffset(tz: TimeZoneChoice, utc: string): Bilingual {
  switch (tz.origin) {
    case 'config':
      return {
        en: `No UTC offset is written: read as UTC${utc}, the newsroom's time zone ${tz.zone} (.muharrir.yaml).`,
        ar: `لم يُكتب فارق التوقيت: قُرئ على أنه UTC${utc}، المنطقة الزمنية لغرفة الأخبار ${tz.zone} \u200F(\u200E.muharrir.yaml).`,
      };
    case 'article':
      return {
        en: `No UTC offset is written: read as UTC${utc}, the offset of the article's date.`,
        ar: `لم يُكتب فارق التوقيت: قُرئ على أنه UTC${utc}، فارق توقيت تاريخ الخبر.`,
      };
    default:
      return {
        en: `No UTC offset is written: read as UTC${utc}, this computer's time zone${tz.zone ? ` ${tz.zone}` : ''}.`,
        ar: `لم يُكتب فارق التوقيت: قُرئ على أنه UTC${utc}، المنطقة الزمنية لهذا الجهاز${tz.zone ? ` ${tz.zone}` : ''}.`,
      };
  }
}

function notADate(key: string, raw: string | undefined, problem: ReturnType<typeof parseDateTime> | undefined): Bilingual {
  const example = '2025-06-02T18:00:00+02:00';
  if (raw === undefined || problem === undefined || !isDateProblem(problem)) {
    return {
      en: `\`${key}\` is not a date: write it as text in ISO 8601, e.g. ${example}.`,
      ar: `\`${key}\` ليس تاريخًا: اكتبه نصًا بصيغة ISO 8601، مثل ${example}.`,
    };
  }
  switch (problem.kind) {
    case 'month':
      return { en: `There is no month ${problem.month}.`, ar: `لا يوجد شهر رقمه ${problem.month}.` };
    case 'day':
      return {
        en: `Month ${problem.month} of ${problem.year} has ${problem.max} days: there is no day ${problem.day}.`,
        ar: `الشهر ${problem.month} من عام ${problem.year} فيه ${problem.max} يومًا: لا يوجد يوم ${problem.day}.`,
      };
    case 'time':
      return { en: `${problem.text} is not a time of day.`, ar: `\u200F${problem.text} ليس وقتًا صحيحًا من اليوم.` };
    case 'offset':
      return {
        en: `${problem.text} is not a UTC offset (they run from -12:00 to +14:00).`,
        ar: `\u200F${problem.text} ليس فارق توقيت صحيحًا (يتراوح بين \u200E-12:00 و\u200E+14:00).`,
      };
    default:
      return {
        en: `“${raw.trim()}” is not a date: write ISO 8601, e.g. ${example}.`,
        ar: `«${raw.trim()}» ليس تاريخًا: اكتبه بصيغة ISO 8601، مثل ${example}.`,
      };
  }
}
