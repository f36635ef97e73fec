/**
 * Dates in the body's prose, as a desk editor reads them: «الخميس 4 ديسمبر 2025», «4 كانون
 * الأول/ديسمبر», «6 ذو الحجة 1446هـ الموافق 2 يونيو 2025م», «2/6/2025» when it can only be read one
 * way, the dateline («الرياض - 2 يونيو 2025 (واس) -»), and relative expressions («أمس الأحد»,
 * «الأسبوع المقبل», «الخميس الماضي») counted from the frontmatter `date` in the article's time zone.
 * Every expression keeps its document offsets; rules and the editor's hover share one list per run.
 */
import { memo, type ArticleDocument } from '../document';
import { getEntry } from '../frontmatter';
import { isDateProblem, offsetFor, parseDateTime, toInstant, formatOffset, type TimeZoneChoice } from '../dates';
import { GREGORIAN_MONTHS } from '../arabicData';
import * as CAL from '../data/calendar';
import { normalize, tokenize, WordTest, type Token } from './normalize';
import { proseMask } from './prose';
import { paragraphs } from './blocks';
import { bodyTokens } from './bodyTokens';
import { unchangedParagraphs, type ParagraphFindings } from '../previous';
import { epochDay, fromHijri, gregorianOf, hijriOf, isGregorianDate, weekdayOf } from './hijri';
import type { Bilingual } from '../types';

export { epochDay, fromHijri, gregorianOf, hijriOf, weekdayOf, isUmmAlQuraDay, type CalendarDate } from './hijri';

export type DateUnit = 'day' | 'week' | 'month' | 'year';

/** What an expression means: a span of Gregorian days (days since 1970-01-01, both ends included). */
export interface Resolution {
  unit: DateUnit;
  from: number;
  to: number;
}

export interface WrittenDate {
  calendar: 'gregorian' | 'hijri';
  day: number;
  month: number;
  /** Null when the text gives no year: it is then taken from the pair, the weekday or `date`. */
  year: number | null;
}

export interface DateExpression {
  /** `date`: an explicit day; `relative`: counted from `date`; `weekday`: a weekday alone in the dateline. */
  kind: 'date' | 'relative' | 'weekday';
  start: number;
  end: number;
  text: string;
  written?: WrittenDate;
  /** Where the date itself begins, after a weekday written before it («الخميس 4 ديسمبر» → «4 ديسمبر»). */
  dateStart?: number;
  /** «4 ديسمبر الماضي», «16 ديسمبر الجاري»: which side of `date` a yearless date is on. */
  direction?: -1 | 0 | 1;
  /** Where a date's year came from when the text has none. */
  yearFrom?: 'written' | 'pair' | 'weekday' | 'date';
  /** The weekday written with it: «الخميس 4 ديسمبر», «أمس الأحد», «القاهرة، الاثنين (رويترز)». */
  weekday?: { index: number; start: number; end: number };
  relative?: {
    unit: DateUnit;
    /** Days, weeks, months or years from `date`; for a weekday relative, -1 (الماضي) or 1 (المقبل). */
    offset: number;
    /** «الخميس الماضي»: the weekday it counts to. */
    toWeekday?: number;
    /** The table entry, normalized: «امس», «اليوم», «بعد غد»… */
    core: string;
    /** Whether a time of day or «يوم» stands before it (مساء أمس، يوم أمس). */
    timeOfDay: boolean;
  };
  /** A relative day followed by the date it means («اليوم الاثنين 2 يونيو»): that date's index. */
  explicit?: number;
  /** A date introduced by a relative day: how many days from `date` the text says it is. */
  claim?: number;
  /** The other half of a Hijri/Gregorian pair (its index) and how they are joined. */
  pair?: { with: number; link: 'corresponding' | 'adjacent' };
  /** The date or weekday of the dateline at the head of the body. */
  dateline?: boolean;
  resolved: Resolution | null;
}

/** The day `date` falls on in the article's time zone, which relative expressions count from. */
export interface DateAnchor {
  epoch: number;
  instant: number;
  offsetMinutes: number;
  /** The frontmatter value as written. */
  raw: string;
}

export interface BodyDates {
  anchor: DateAnchor | null;
  list: DateExpression[];
}

/** Every date expression of the body, resolved against `date` in `timeZone`; computed once per run. */
export function dateExpressions(doc: ArticleDocument, timeZone: TimeZoneChoice): BodyDates {
  const key = `dateExpressions:${timeZone.zone ?? ''}:${timeZone.fixedOffset ?? ''}`;
  return memo(doc, key, () => {
    const anchor = dateAnchor(doc, timeZone);
    const list = find(doc);
    resolve(list, anchor);
    return { anchor, list };
  });
}

/** The frontmatter `date` as a day in the article's time zone, or null when there is no valid one. */
export function dateAnchor(doc: ArticleDocument, timeZone: TimeZoneChoice): DateAnchor | null {
  const node = getEntry(doc.frontmatter?.root, 'date')?.value;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return null;
  const parsed = parseDateTime(node.value);
  if (isDateProblem(parsed)) return null;
  const written = parsed.offsetMinutes ?? offsetFor(timeZone, toInstant(parsed, 0));
  const instant = toInstant(parsed, written);
  const offsetMinutes = offsetFor(timeZone, instant);
  return {
    epoch: Math.floor((instant + offsetMinutes * 60_000) / 86_400_000),
    instant,
    offsetMinutes,
    raw: node.value,
  };
}

// ---------------------------------------------------------------------------------------------
// Tables, normalized once.

interface Phrase<T> {
  words: string[];
  value: T;
}

function phrases<T>(entries: [string, T][]): Map<string, Phrase<T>[]> {
  const out = new Map<string, Phrase<T>[]>();
  for (const [text, value] of entries) {
    const words = tokenize(text).map((t) => t.norm);
    const list = out.get(words[0]) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    out.set(words[0], list);
  }
  return out;
}

const set = (words: string[]) => new Set(words.map(normalize));

const WEEKDAY = new Map<string, number>();
CAL.WEEKDAYS.forEach((w, i) => w.forms.forEach((f) => WEEKDAY.set(normalize(f), i)));
const GREG_MONTH = phrases(CAL.GREGORIAN_MONTH_FORMS.flatMap((forms, i) => forms.map((f) => [f, i + 1] as [string, number])));
const HIJRI_MONTH = phrases(CAL.HIJRI_MONTHS.flatMap((m, i) => m.forms.map((f) => [f, i + 1] as [string, number])));
const ORDINAL = phrases(CAL.ORDINAL_DAYS);
const RELATIVE_DAY = phrases(CAL.RELATIVE_DAYS);
const PERIOD = new Map(CAL.PERIODS.map(([w, u]) => [normalize(w), u]));
/** The last three letters of every period word (all are longer), to pass over other words without building their forms. */
const PERIOD_ENDINGS = new Set([...PERIOD.keys()].map((w) => w.slice(-3)));
const PERIOD_LAST = new Set([...PERIOD.keys()].map((w) => w.charCodeAt(w.length - 1)));
const DIRECTION = new Map(Object.entries(CAL.MONTH_DIRECTION).map(([w, v]) => [normalize(w), v]));
const GREG_SUFFIX = set(CAL.GREGORIAN_YEAR_SUFFIXES);
const HIJRI_SUFFIX = set(CAL.HIJRI_YEAR_SUFFIXES);
const YEAR_WORD = set(CAL.YEAR_WORDS);
const FIRST_OF_MONTH = set(CAL.FIRST_OF_MONTH);
const MONTH_WORD = set(CAL.MONTH_WORD);
const CORRESPONDING = set(CAL.CORRESPONDING);
const TIME_OF_DAY = set(CAL.TIME_OF_DAY);
const TOMORROW_AFTER_TIME = set(CAL.TOMORROW_AFTER_TIME);
const YESTERDAY_AFTER_TIME = set(CAL.YESTERDAY_AFTER_TIME);
const THIS = set(CAL.THIS);
const TODAY_NOT_AFTER = set(CAL.TODAY_NOT_AFTER);
const TODAY_NOT_BEFORE = set(CAL.TODAY_NOT_BEFORE);
const DAY_WORD = normalize('يوم');
const AND_DAY_WORD = '\u0648' + DAY_WORD;
/** First words of every expression: most words of a text are none of these and are passed over at once. */
const STARTS = new Set<string>([
  ...WEEKDAY.keys(),
  DAY_WORD,
  ...ORDINAL.keys(),
  ...FIRST_OF_MONTH,
  ...RELATIVE_DAY.keys(),
  ...TIME_OF_DAY,
  ...THIS,
]);
/** The same words with و or ف before them: «والخميس», «فاليوم». */
const STARTS_AFTER_CONJ = new Set([...STARTS].flatMap((w) => ['\u0648' + w, '\u0641' + w]).filter((w) => w.length > 3));
const AGENCY = new Set(CAL.DATELINE_AGENCIES.map((a) => tokenize(a).map((t) => t.norm).join(' ')));
const TODAY = normalize('اليوم');
const TOMORROW = normalize('غداً');
const YEAR_NOUN = normalize('العام');
const FROM = normalize('من');
/** Words that begin a sentence's time phrase, never a dateline's place. */
const NOT_A_PLACE = set(['في', 'منذ', 'بتاريخ', 'تاريخ', 'حتى', 'قبل', 'بعد', 'من', 'إلى', 'يوم', 'خلال', 'مطلع', 'نهاية', 'منتصف', 'أواخر', 'أوائل', 'اعتبارا', 'ابتداء', 'وفي', 'وفقا']);

// ---------------------------------------------------------------------------------------------
// Finding.

/** A normalized word without a leading و or ف («والعالم» → «العالم»); `min` guards short words. */
function withoutConj(norm: string, min = 3): string {
  return norm.length > min && (norm[0] === '\u0648' || norm[0] === '\u0641') ? norm.slice(1) : norm;
}

/** Spaces (and one line break, bold/italic markers, LRM/RLM/ALM) between two words of one expression. */
const SPACE_GAP = /^[ \t\u00A0\u200E\u200F\u061C*_]*(?:\r?\n[ \t\u00A0\u200E\u200F\u061C*_>]*)?$/;
const COMMA_GAP = /^[ \t\u00A0\u200E\u200F\u061C*_]*[\u060C,][ \t\u00A0\u200E\u200F\u061C*_]*$/;
const SLASH_GAP = /^[ \t\u00A0\u200E\u200F]*\/[ \t\u00A0\u200E\u200F]*$/;
const DASH_GAP = /^[ \t\u00A0\u200E\u200F]*[-\u2013\u2014][ \t\u00A0\u200E\u200F]*$/;
const OPEN_GAP = /^[ \t\u00A0\u200E\u200F]*\([ \t\u00A0\u200E\u200F]*$/;
const DAY_TOKEN = /^[\u0648\u0641\u0644]?(\d{1,2})$/; // و ف ل before the number: «و3 يونيو», «لـ2 يونيو»
const YEAR_TOKEN = /^(\d{4})(\u0645|\u0647)?$/; // 2025م, 1446ه (normalized هـ)
const NUMBER = /^\d{1,4}$/;

interface Found {
  start: number;
  end: number;
  /** Index of the first token after the expression. */
  next: number;
}

interface FoundDate extends Found {
  written: WrittenDate;
  dateStart?: number;
  weekday?: DateExpression['weekday'];
  direction?: -1 | 0 | 1;
}

interface FoundRelative extends Found {
  relative: NonNullable<DateExpression['relative']>;
}

/** The unit of a period word (الأسبوع، الشهر، العام …) with its clitics, by its normalized spelling. */
function periodOf(n: string | undefined): DateUnit | undefined {
  if (!n || !PERIOD_LAST.has(n.charCodeAt(n.length - 1)) || !PERIOD_ENDINGS.has(n.slice(-3))) return undefined;
  const forms = [n];
  const conj = n.length > 4 && (n[0] === '\u0648' || n[0] === '\u0641') ? n.slice(1) : n;
  forms.push(conj);
  if (conj.startsWith('\u0644\u0644')) forms.push('\u0627' + conj.slice(1)); // لل → ال
  else if (conj.length > 4 && '\u0628\u0643\u0644'.includes(conj[0])) forms.push(conj.slice(1));
  for (const f of forms) {
    const u = PERIOD.get(f);
    if (u) return u;
  }
  return undefined;
}

/** Whether a date expression may begin with a word: a number, or a first word of one of the tables. */
const MAY_START = new WordTest((n) => {
  const c0 = n.charCodeAt(0);
  const c1 = n.charCodeAt(1);
  if ((c0 >= 48 && c0 <= 57) || (c1 >= 48 && c1 <= 57)) return true;
  if (STARTS.has(n) || STARTS_AFTER_CONJ.has(n)) return true;
  return periodOf(n) !== undefined;
});

/** Reads expressions among `tokens`: one paragraph's words, so none reaches into the next block. */
class Finder {
  constructor(
    readonly doc: ArticleDocument,
    readonly mask: string,
    readonly tokens: readonly Token[],
  ) {}

  /** Whether an expression may begin at token i: a number, or a first word of one of the tables. */
  mayStart(i: number): boolean {
    return MAY_START.of(this.tokens[i]);
  }

  /** The characters between token i-1 and token i ('' before the first). */
  gap(i: number): string {
    if (i <= 0 || i >= this.tokens.length) return '';
    return this.mask.slice(this.tokens[i - 1].end, this.tokens[i].start);
  }

  spaced(i: number): boolean {
    if (i <= 0 || i >= this.tokens.length) return false;
    const from = this.tokens[i - 1].end;
    // Most words are one space apart: no slice, no regex for those.
    if (this.tokens[i].start - from === 1 && this.mask.charCodeAt(from) === 0x20) return true;
    return SPACE_GAP.test(this.gap(i));
  }

  norm(i: number): string | undefined {
    return this.tokens[i]?.norm;
  }

  /** A phrase from a table at token i; the first word may carry و or ف when `clitic` is set. */
  phrase<T>(table: Map<string, Phrase<T>[]>, i: number, clitic = false): { value: T; next: number; words: string[] } | null {
    const t = this.tokens[i];
    if (!t) return null;
    const firsts = [t.norm];
    if (clitic && t.norm.length > 3 && (t.norm[0] === '\u0648' || t.norm[0] === '\u0641')) firsts.push(t.norm.slice(1));
    for (const first of firsts) {
      for (const p of table.get(first) ?? []) {
        let ok = true;
        for (let k = 1; k < p.words.length && ok; k++) ok = this.norm(i + k) === p.words[k] && this.spaced(i + k);
        if (ok) return { value: p.value, next: i + p.words.length, words: p.words };
      }
    }
    return null;
  }

  weekdayAt(i: number): number | undefined {
    const n = this.norm(i);
    if (n === undefined) return undefined;
    const w = WEEKDAY.get(n);
    if (w !== undefined) return w;
    return n.length > 4 && n[0] === '\u0648' ? WEEKDAY.get(n.slice(1)) : undefined;
  }

  /** «الخميس 4 ديسمبر 2025», «يوم الخميس الموافق 5 يونيو», «6 ذو الحجة 1446هـ», «الرابع من ديسمبر», «2/6/2025». */
  date(i: number): FoundDate | null {
    let j = i;
    let weekday: DateExpression['weekday'];
    let start = this.tokens[i]?.start ?? 0;
    if (this.norm(j) === DAY_WORD || this.norm(j) === AND_DAY_WORD) {
      if (this.weekdayAt(j + 1) === undefined || !this.spaced(j + 1)) return null;
      j++;
    }
    const w = this.weekdayAt(j);
    if (w !== undefined) {
      weekday = { index: w, start: this.afterConj(j), end: this.tokens[j].end };
      j++;
      if (!(this.spaced(j) || COMMA_GAP.test(this.gap(j)))) return null;
      if (CORRESPONDING.has(this.norm(j) ?? '')) {
        j++;
        if (!this.spaced(j)) return null;
      }
    }
    const body = this.numeric(j) ?? this.named(j);
    if (!body) return null;
    if (weekday === undefined) start = body.start;
    else if (start === this.tokens[i].start) start = this.afterConj(i);
    return { ...body, start, weekday, dateStart: body.start };
  }

  /** Day, month name, optional alternative name, optional year and suffix, or a direction. */
  named(i: number): FoundDate | null {
    let j = i;
    let day: number | undefined;
    const m = DAY_TOKEN.exec(this.norm(j) ?? '');
    if (m) {
      if (/[\d.,:\u066B\u066C]$/.test(this.gap(j).trimEnd()) && NUMBER.test(this.norm(j - 1) ?? '')) return null;
      day = Number(m[1]);
      j++;
    } else if (FIRST_OF_MONTH.has(withoutConj(this.norm(j) ?? ''))) {
      day = 1;
      j++;
    } else {
      const o = this.phrase(ORDINAL, j, true);
      if (!o || this.norm(o.next) !== FROM || !this.spaced(o.next)) return null;
      day = o.value;
      j = o.next + 1;
    }
    if (day < 1 || day > 31 || !this.spaced(j)) return null;
    if (MONTH_WORD.has(this.norm(j) ?? '') && this.spaced(j + 1)) j++; // «15 شهر رمضان»
    let calendar: 'gregorian' | 'hijri' = 'gregorian';
    let month = this.phrase(GREG_MONTH, j);
    if (!month) {
      month = this.phrase(HIJRI_MONTH, j);
      calendar = 'hijri';
    }
    if (!month) return null;
    if (calendar === 'hijri' && day > 30) return null;
    let end = this.tokens[month.next - 1].end;
    j = month.next;
    let paren = false;
    // «نيسان/أبريل», «أبريل (نيسان)», «يونيو حزيران»: the same month in the other family.
    const g = this.gap(j);
    if (SLASH_GAP.test(g) || OPEN_GAP.test(g) || this.spaced(j)) {
      const alt = this.phrase(calendar === 'gregorian' ? GREG_MONTH : HIJRI_MONTH, j);
      if (alt && alt.value === month.value) {
        end = this.tokens[alt.next - 1].end;
        j = alt.next;
        if (OPEN_GAP.test(g) && this.mask[end] === ')') {
          end++;
          paren = true;
        }
      }
    }
    let year: number | null = null;
    let direction: -1 | 0 | 1 | undefined;
    const y = this.year(j, calendar, paren);
    if (y) {
      year = y.year;
      end = y.end;
      j = y.next;
    } else if (this.spaced(j) && DIRECTION.has(this.norm(j) ?? '')) {
      direction = DIRECTION.get(this.norm(j)!);
      end = this.tokens[j].end;
      j++;
    }
    return { start: this.afterConj(i, m ? 0 : 3), end, next: j, written: { calendar, day, month: month.value, year }, direction };
  }

  /** A year after a month: «2025», «2025م», «عام 2025», «من العام 2025 م», «1446 هـ». */
  year(i: number, calendar: 'gregorian' | 'hijri', afterParen = false): { year: number; end: number; next: number } | null {
    let j = i;
    if (!(this.spaced(j) || (afterParen && /^\)[ \t\u00A0\u200E\u200F]*$/.test(this.gap(j))))) return null;
    if (this.norm(j) === FROM && YEAR_WORD.has(this.norm(j + 1) ?? '') && this.spaced(j + 1)) j += 2;
    else if (YEAR_WORD.has(this.norm(j) ?? '')) j++;
    if (j !== i && !this.spaced(j)) return null;
    const m = YEAR_TOKEN.exec(this.norm(j) ?? '');
    if (!m) return null;
    const year = Number(m[1]);
    const suffix = m[2];
    if (calendar === 'gregorian' && (suffix === '\u0647' || year < 1900 || year > 2100)) return null;
    if (calendar === 'hijri' && (suffix === '\u0645' || year < 1300 || year > 1600)) return null;
    let end = this.tokens[j].end;
    j++;
    if (!suffix && this.spaced(j) && (calendar === 'gregorian' ? GREG_SUFFIX : HIJRI_SUFFIX).has(this.norm(j) ?? '')) {
      end = this.tokens[j].end;
      j++;
    }
    return { year, end, next: j };
  }

  /**
   * Numeric dates that can be read only one way: year first (2025/6/2, 1446/12/6هـ), or day first
   * when the day is over 12 or equals the month (15/6/2025). 2/6/2025 could be 6 February as well
   * as 2 June, so it is left alone.
   */
  numeric(i: number): FoundDate | null {
    const a = withoutConj(this.norm(i) ?? '', 1) || undefined;
    const b = this.norm(i + 1);
    const c = this.norm(i + 2);
    if (a === undefined || b === undefined || c === undefined) return null;
    // Numbers first: most words that may begin a date are not one, and the gaps need not be cut out.
    if (!NUMBER.test(a) || !NUMBER.test(b)) return null;
    const sep = this.gap(i + 1).trim();
    if (!['/', '-', '.'].includes(sep) || this.gap(i + 2).trim() !== sep) return null;
    const last = /^(\d{1,4})(\u0645|\u0647)?$/.exec(c);
    if (!last) return null;
    // Not part of a longer run of numbers: 1/2/3/2025, a phone number, a version.
    const before = this.gap(i).trim();
    if (before && /[\d/.\-]$/.test(before) && NUMBER.test(this.norm(i - 1) ?? '')) return null;
    const after = this.gap(i + 3).trim();
    if (after.startsWith(sep) && NUMBER.test(this.norm(i + 3) ?? '')) return null;
    let year: number;
    let month: number;
    let day: number;
    let suffix = last[2] || '';
    if (a.length === 4 && last[1].length <= 2) {
      [year, month, day] = [Number(a), Number(b), Number(last[1])];
    } else if (a.length <= 2 && last[1].length === 4) {
      [day, month, year] = [Number(a), Number(b), Number(last[1])];
      if (day <= 12 && day !== month) return null;
    } else return null;
    let end = this.tokens[i + 2].end;
    let next = i + 3;
    if (!suffix && this.spaced(next)) {
      const s = this.norm(next) ?? '';
      if (GREG_SUFFIX.has(s)) suffix = '\u0645';
      else if (HIJRI_SUFFIX.has(s)) suffix = '\u0647';
      if (suffix) {
        end = this.tokens[next].end;
        next++;
      }
    }
    let calendar: 'gregorian' | 'hijri';
    if (year >= 1900 && year <= 2100 && suffix !== '\u0647') calendar = 'gregorian';
    else if (year >= 1300 && year <= 1600 && suffix !== '\u0645') calendar = 'hijri';
    else return null;
    if (month < 1 || month > 12 || day < 1 || day > (calendar === 'hijri' ? 30 : 31)) return null;
    return { start: this.afterConj(i, 0), end, next, written: { calendar, day, month, year } };
  }

  /**
   * Where token i starts once a leading و or ف (or the ل of «لـ2») is left out, so that «وأمس»
   * flags «أمس» and «و5 يونيو» flags «5 يونيو». `min` is the shortest word that may carry it.
   */
  afterConj(i: number, min = 3): number {
    const t = this.tokens[i];
    const c = t.norm[0];
    const digitNext = /\d/.test(t.norm[1] ?? '');
    if (!(c === '\u0648' || c === '\u0641' || (c === '\u0644' && digitNext)) || (t.norm.length <= min && !digitNext)) return t.start;
    let k = 1;
    while (k < t.raw.length && /[\u064B-\u065F\u0670\u0640]/.test(t.raw[k])) k++;
    return t.start + k;
  }

  /** «اليوم», «مساء أمس», «أول من أمس», «غداً», «بعد غد», «الأسبوع الماضي», «الخميس المقبل»… */
  relative(i: number): FoundRelative | null {
    let j = i;
    let timeOfDay = false;
    const t0 = this.norm(i) ?? '';
    const bare0 = t0.length > 3 && (t0[0] === '\u0648' || t0[0] === '\u0641') ? t0.slice(1) : t0;
    if ((TIME_OF_DAY.has(t0) || TIME_OF_DAY.has(bare0)) && this.spaced(i + 1)) {
      timeOfDay = true;
      j++;
    }
    const start = this.afterConj(i);
    const day = (offset: number, core: string, next: number): FoundRelative => ({
      start,
      end: this.tokens[next - 1].end,
      next,
      relative: { unit: 'day', offset, core, timeOfDay },
    });

    const p = this.phrase(RELATIVE_DAY, j, true);
    if (p) {
      const core = p.words.join(' ');
      if (core === TODAY && !this.isToday(j, timeOfDay)) return null;
      if (core === TOMORROW && !this.isTomorrow(j)) return null;
      return day(p.value, core, p.next);
    }
    if (timeOfDay) {
      const n = this.norm(j) ?? '';
      if (TOMORROW_AFTER_TIME.has(n)) return day(1, n, j + 1);
      if (YESTERDAY_AFTER_TIME.has(n)) return day(-1, n, j + 1);
    }

    // «الأسبوع الماضي», «هذا العام», «للعام المقبل».
    let k = i;
    const thisWord = THIS.has(withoutConj(this.norm(k) ?? '')) && this.spaced(k + 1);
    if (thisWord) k++;
    const unit = this.period(k);
    if (unit) {
      if (thisWord) return { start, end: this.tokens[k].end, next: k + 1, relative: { unit, offset: 0, core: this.norm(k)!, timeOfDay: false } };
      const dir = this.spaced(k + 1) ? DIRECTION.get(this.norm(k + 1) ?? '') : undefined;
      if (dir === undefined) return null;
      // «الأمين العام المقبل» is the next Secretary-General: العام after a definite noun is an adjective.
      if (this.norm(k) === YEAR_NOUN && this.spaced(k) && /^ال/.test(withoutConj(this.norm(k - 1) ?? ''))) return null;
      return { start, end: this.tokens[k + 1].end, next: k + 2, relative: { unit, offset: dir, core: this.norm(k + 1)!, timeOfDay: false } };
    }

    // «الخميس الماضي», «يوم الجمعة المقبل».
    let w = i;
    if ((t0 === DAY_WORD || bare0 === DAY_WORD) && this.spaced(i + 1)) w++;
    const wd = this.weekdayAt(w);
    if (wd !== undefined && this.spaced(w + 1)) {
      const dir = DIRECTION.get(this.norm(w + 1) ?? '');
      if (dir === -1 || dir === 1) {
        return {
          start,
          end: this.tokens[w + 1].end,
          next: w + 2,
          relative: { unit: 'day', offset: dir, toWeekday: wd, core: this.norm(w + 1)!, timeOfDay: false },
        };
      }
    }
    return null;
  }

  /** A period word with its clitics: العام، والعام، بالعام، للعام. */
  period(i: number): DateUnit | undefined {
    return periodOf(this.norm(i));
  }

  /** Whether «اليوم» at token i means today, not "the day" of a fixed phrase. */
  isToday(i: number, afterTimeOfDay: boolean): boolean {
    const next = this.spaced(i + 1) ? this.norm(i + 1) : undefined;
    if (next !== undefined && (TODAY_NOT_BEFORE.has(next) || next === '\u0627\u0644' || /^ال\d/.test(next))) return false;
    if (afterTimeOfDay) return true;
    if (this.tokens[i].norm !== TODAY) return true; // «واليوم» opens a clause
    const prev = this.spaced(i) ? this.norm(i - 1) : undefined;
    return prev === undefined || !(TODAY_NOT_AFTER.has(prev) || TODAY_NOT_AFTER.has(withoutConj(prev)));
  }

  /**
   * «غداً» with its tanween is tomorrow; bare «غدا» is also the verb "became" (غدا المشهد أوضح), so
   * it counts only before a weekday or punctuation.
   */
  isTomorrow(i: number): boolean {
    const t = this.tokens[i];
    if (t.raw.includes('\u064B')) return true;
    if (this.weekdayAt(i + 1) !== undefined && this.spaced(i + 1)) return true;
    if (i + 1 >= this.tokens.length) return true;
    const g = this.gap(i + 1);
    return /[.\u060C,\u061B;:!?\u061F)\u00BB\u201D"]/.test(g) || /\n\s*\n/.test(g);
  }
}

function find(doc: ArticleDocument): DateExpression[] {
  const mask = proseMask(doc);
  const tokens = bodyTokens(doc);
  const paras = paragraphs(doc);
  const out: DateExpression[] = [];
  const kept = unchangedParagraphs<DateExpression>(doc, DATE_GROUPS);
  // What each paragraph holds as found (offsets as in this text, pair indices from the group's
  // first), for the next keystroke's lint to take.
  const groups: DateExpression[][] | undefined = doc.incremental ? [] : undefined;
  let i = 0;
  for (const para of paras) {
    // A word outside every paragraph is read alone.
    for (; i < tokens.length && tokens[i].start < para.start; i++) scan(doc, mask, tokens.slice(i, i + 1), out);
    let j = i;
    while (j < tokens.length && tokens[j].start < para.end) j++;
    const base = out.length;
    const same = kept?.(para);
    if (same) {
      for (const e of same.group) out.push(moved(e, same.by, base));
      groups?.push(same.by === 0 ? same.group : same.group.map((e) => moved(e, same.by, 0)));
    } else {
      if (j > i) scan(doc, mask, tokens.slice(i, j), out);
      groups?.push(out.slice(base).map((e) => moved(e, 0, -base)));
    }
    i = j;
  }
  for (; i < tokens.length; i++) scan(doc, mask, tokens.slice(i, i + 1), out);
  if (groups) doc.memo.set(DATE_GROUPS, { paras, groups } satisfies ParagraphFindings<DateExpression>);
  if (markDateline(doc, mask, new Finder(doc, mask, tokens), out)) reorder(out);
  return out;
}

const DATE_GROUPS = 'date-groups';

/** A copy `by` characters further on, its pair and explicit-date indices moved by `base`: resolving writes into it. */
function moved(e: DateExpression, by: number, base: number): DateExpression {
  const copy: DateExpression = { ...e, start: e.start + by, end: e.end + by };
  if (e.dateStart !== undefined) copy.dateStart = e.dateStart + by;
  if (e.weekday) copy.weekday = { index: e.weekday.index, start: e.weekday.start + by, end: e.weekday.end + by };
  if (e.pair) copy.pair = { with: e.pair.with + base, link: e.pair.link };
  if (e.explicit !== undefined) copy.explicit = e.explicit + base;
  return copy;
}

/** The expressions among `tokens` (one paragraph's), added to `out`. */
function scan(doc: ArticleDocument, mask: string, tokens: readonly Token[], out: DateExpression[]): void {
  const f = new Finder(doc, mask, tokens);
  const text = (s: number, e: number) => doc.text.slice(s, e);
  const pushDate = (d: FoundDate): number => {
    out.push({
      kind: 'date',
      start: d.start,
      end: d.end,
      text: text(d.start, d.end),
      written: d.written,
      dateStart: d.dateStart ?? d.start,
      weekday: d.weekday,
      yearFrom: d.written.year !== null ? 'written' : undefined,
      direction: d.direction,
      resolved: null,
    });
    return out.length - 1;
  };

  const n = f.tokens.length;
  let i = 0;
  while (i < n) {
    if (!f.mayStart(i)) {
      i++;
      continue;
    }
    const d = f.date(i);
    if (d) {
      const at = pushDate(d);
      i = d.next;
      // «… 1446هـ الموافق 2 يونيو 2025م», «… 1446هـ / 2 يونيو 2025م», «… (الموافق 2 يونيو)».
      let j = i;
      let link: 'corresponding' | 'adjacent' | undefined;
      const g = f.gap(j);
      if (CORRESPONDING.has(f.norm(j) ?? '') && (SPACE_GAP.test(g) || COMMA_GAP.test(g) || OPEN_GAP.test(g))) {
        j++;
        if (f.norm(j) === '\u0644' && f.spaced(j + 1)) j++; // «الموافق لـ 2 يونيو»
        if (f.spaced(j)) link = 'corresponding';
      } else if (SLASH_GAP.test(g) || DASH_GAP.test(g) || OPEN_GAP.test(g) || COMMA_GAP.test(g) || (f.norm(j) === DAY_WORD && SPACE_GAP.test(g))) {
        link = 'adjacent';
      }
      if (link) {
        // «… 1447هـ يوم 26 يونيو 2025م»: «يوم» then the other calendar's date, both years written.
        const p = f.date(j) ?? (f.norm(j) === DAY_WORD && f.spaced(j + 1) ? f.date(j + 1) : null);
        const other = p && p.written.calendar !== d.written.calendar;
        const years = p && d.written.year !== null && p.written.year !== null;
        if (p && other && (link === 'corresponding' || years)) {
          const pi = pushDate(p);
          out[at].pair = { with: pi, link };
          out[pi].pair = { with: at, link };
          i = p.next;
        }
      }
      continue;
    }
    const r = f.relative(i);
    if (r) {
      const rel: DateExpression = { kind: 'relative', start: r.start, end: r.end, text: text(r.start, r.end), relative: r.relative, resolved: null };
      out.push(rel);
      i = r.next;
      if (r.relative.unit === 'day' && r.relative.toWeekday === undefined) {
        // «اليوم الاثنين 2 يونيو», «أمس، 1 يونيو»: the date that follows is the one meant. Not
        // «حددت اليوم 15 يونيو موعدًا للاختبارات», where the date is what was set today.
        const g = f.gap(i);
        const next = SPACE_GAP.test(g) || COMMA_GAP.test(g) ? f.date(i) : null;
        const explicit = next && (next.weekday || COMMA_GAP.test(g)) ? next : null;
        if (explicit) {
          rel.explicit = out.length;
          const at = pushDate(explicit);
          out[at].claim = r.relative.offset;
          i = explicit.next;
        } else if (f.spaced(i) && f.weekdayAt(i) !== undefined) {
          rel.weekday = { index: f.weekdayAt(i)!, start: f.afterConj(i), end: f.tokens[i].end };
          i++;
        }
      }
      continue;
    }
    i++;
  }
}

/** Back into text order once a dateline weekday has been added last, keeping the cross-references right. */
function reorder(out: DateExpression[]): void {
  const before = out.slice();
  out.sort((a, b) => a.start - b.start);
  const index = new Map(out.map((e, k) => [e, k]));
  for (const e of out) {
    if (e.pair) e.pair.with = index.get(before[e.pair.with])!;
    if (e.explicit !== undefined) e.explicit = index.get(before[e.explicit])!;
  }
}

/**
 * The dateline: the first line of the body's first paragraph, when it opens with a place and a
 * separator, or a place and an agency mark after the date: «الرياض - 2 يونيو 2025 (واس) -»,
 * «القاهرة، الاثنين 2 يونيو (رويترز) -», «أبوظبي في 2 يونيو / وام /», «الرياض 6 ذو الحجة 1446هـ
 * الموافق 2 يونيو 2025م واس». A weekday alone there («القاهرة، الاثنين (رويترز) -») is the
 * dispatch's day too.
 */
function markDateline(doc: ArticleDocument, mask: string, f: Finder, out: DateExpression[]): boolean {
  const first = paragraphs(doc).find((p) => p.kind !== 'heading');
  if (!first || first.kind !== 'paragraph') return false;
  const lineEnd = doc.lines.lineEnd(first.firstLine);
  /** The place before `start`: up to three words, then a separator (or «في»). */
  const head = (start: number): { separated: boolean } | null => {
    if (start - first.start > 60) return null;
    const prefix = mask.slice(first.start, start);
    const m = /^[*_\s]*((?:[\p{L}\p{M}]+[ \t*_]+){0,2}?[\p{L}\p{M}]+)[*_ \t]*([\u060C,\-\u2013\u2014][ \t*_]*)?(?:\u0641\u064A[ \t]+)?$/u.exec(prefix);
    if (!m) return null;
    const words = m[1].split(/[ \t*_]+/).map(normalize);
    if (words.some((w) => NOT_A_PLACE.has(w) || WEEKDAY.has(w))) return null;
    return { separated: !!m[2] };
  };
  /** After the date: an agency mark, «(», «/», a dash, or the end of the line within two words. */
  const closed = (end: number): boolean => {
    const rest = mask.slice(end, Math.min(lineEnd, end + 60));
    const words = tokenize(rest).slice(0, 3).map((t) => t.norm);
    for (let k = 1; k <= 3 && k <= words.length; k++) if (AGENCY.has(words.slice(0, k).join(' '))) return true;
    return /^[ \t*_]*(?:[\p{L}\p{M}]+[ \t]*){0,2}(?:[(\/\-\u2013\u2014]|$)/u.test(end + 60 >= lineEnd ? rest : rest + '\uE000');
  };

  const date = out.find((e) => e.kind === 'date' && e.start >= first.start && e.start < lineEnd);
  if (date) {
    const h = head(date.start);
    const last = date.pair && date.pair.with > out.indexOf(date) ? out[date.pair.with] : date;
    if (h && (h.separated || closed(last.end))) date.dateline = true;
    return false;
  }
  // A weekday alone after the place and its separator, then the agency or a dash.
  let i = 0;
  while (i < f.tokens.length && f.tokens[i].start < first.start) i++;
  for (const limit = i + 4; i < limit && i < f.tokens.length && f.tokens[i].start < lineEnd; i++) {
    const w = f.weekdayAt(i);
    if (w === undefined) continue;
    const t = f.tokens[i];
    if (head(t.start)?.separated && /^[ \t]*(?:\(|[-\u2013\u2014])/.test(mask.slice(t.end, Math.min(lineEnd, t.end + 10)))) {
      out.push({
        kind: 'weekday',
        start: t.start,
        end: t.end,
        text: doc.text.slice(t.start, t.end),
        weekday: { index: w, start: t.start, end: t.end },
        dateline: true,
        resolved: null,
      });
      return true;
    }
    return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Resolving.

function exact(written: WrittenDate, year: number): number | null {
  if (written.calendar === 'gregorian') return isGregorianDate(year, written.month, written.day) ? epochDay(year, written.month, written.day) : null;
  return fromHijri(year, written.month, written.day);
}

/**
 * The year of a yearless date: the one that puts it nearest to `ref` (within a year either way),
 * on the side a direction word gives («الماضي», «المقبل», «الجاري»), and, when a weekday is
 * written, preferably one on which that weekday falls («الخميس 4 ديسمبر» in June 2025 is
 * December 2025, a Thursday, not December 2024).
 */
function nearest(written: WrittenDate, ref: number, direction?: -1 | 0 | 1, weekday?: number): { epoch: number; byWeekday: boolean } | null {
  const yearOf = (e: number) => (written.calendar === 'gregorian' ? gregorianOf(e).year : hijriOf(e)?.year);
  const refYear = yearOf(ref);
  if (refYear === undefined) return null;
  const cands: number[] = [];
  for (const y of [refYear - 1, refYear, refYear + 1]) {
    const e = exact(written, y);
    if (e === null) continue;
    if (direction === -1 && e >= ref) continue;
    if (direction === 1 && e <= ref) continue;
    if (direction === 0 && y !== refYear) continue;
    cands.push(e);
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => Math.abs(a - ref) - Math.abs(b - ref));
  if (weekday !== undefined) {
    const match = cands.find((e) => Math.abs(e - ref) <= 300 && weekdayOf(e) === weekday);
    if (match !== undefined) return { epoch: match, byWeekday: match !== cands[0] };
  }
  return { epoch: cands[0], byWeekday: false };
}

function resolve(list: DateExpression[], anchor: DateAnchor | null): void {
  // One object per day, shared by every expression that means it: a text can say «أمس» a million times.
  const days = new Map<number, Resolution>();
  const day = (e: number): Resolution => {
    let r = days.get(e);
    if (!r) days.set(e, (r = { unit: 'day', from: e, to: e }));
    return r;
  };
  for (const e of list) {
    if (e.kind !== 'date' || !e.written || e.written.year === null) continue;
    const x = exact(e.written, e.written.year);
    e.resolved = x === null ? null : day(x);
  }
  for (const e of list) {
    if (e.kind !== 'date' || !e.written || e.written.year !== null) continue;
    const partner = e.pair ? list[e.pair.with] : undefined;
    if (partner?.resolved) {
      const r = nearest(e.written, partner.resolved.from);
      if (r) {
        e.resolved = day(r.epoch);
        e.yearFrom = 'pair';
      }
    } else if (anchor) {
      const r = nearest(e.written, anchor.epoch, e.direction, e.weekday?.index);
      if (r) {
        e.resolved = day(r.epoch);
        e.yearFrom = r.byWeekday ? 'weekday' : 'date';
      }
    }
  }
  if (!anchor) return;
  const a = anchor.epoch;
  for (const e of list) {
    if (e.kind === 'weekday') e.resolved = day(a);
    const r = e.relative;
    if (!r) continue;
    if (r.toWeekday !== undefined) {
      const dow = weekdayOf(a);
      const delta = r.offset < 0 ? -((dow - r.toWeekday + 7) % 7 || 7) : (r.toWeekday - dow + 7) % 7 || 7;
      e.resolved = day(a + delta);
    } else if (r.unit === 'day') {
      e.resolved = day(a + r.offset);
    } else if (r.unit === 'week') {
      const sunday = a - weekdayOf(a) + 7 * r.offset;
      e.resolved = { unit: 'week', from: sunday, to: sunday + 6 };
    } else if (r.unit === 'month') {
      const g = gregorianOf(a);
      const first = new Date(Date.UTC(g.year, g.month - 1 + r.offset, 1));
      const from = epochDay(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
      const to = epochDay(first.getUTCFullYear(), first.getUTCMonth() + 2, 0);
      e.resolved = { unit: 'month', from, to };
    } else {
      const y = gregorianOf(a).year + r.offset;
      e.resolved = { unit: 'year', from: epochDay(y, 1, 1), to: epochDay(y, 12, 31) };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Describing, in both languages.

export function weekdayName(index: number): Bilingual {
  return { en: CAL.WEEKDAYS[index].en, ar: CAL.WEEKDAYS[index].ar };
}

/** «الأحد 1 يونيو 2025» / "Sunday 1 June 2025". */
export function gregorianText(epoch: number, weekday = true): Bilingual {
  const g = gregorianOf(epoch);
  const w = CAL.WEEKDAYS[weekdayOf(epoch)];
  const m = GREGORIAN_MONTHS[g.month - 1];
  return {
    ar: `${weekday ? w.ar + ' ' : ''}${g.day} ${m.ar} ${g.year}`,
    en: `${weekday ? w.en + ' ' : ''}${g.day} ${m.en} ${g.year}`,
  };
}

/** «5 ذو الحجة 1446هـ» / "5 Dhu al-Hijjah 1446 AH" (Umm al-Qura); empty where Intl has no such calendar. */
export function hijriText(epoch: number): Bilingual {
  const h = hijriOf(epoch);
  if (!h) return { ar: '', en: '' };
  const m = CAL.HIJRI_MONTHS[h.month - 1];
  return { ar: `${h.day} ${m.ar} ${h.year}هـ`, en: `${h.day} ${m.en} ${h.year} AH` };
}

/** By what a resolution says, not by object: «أمس» in a thousand articles of one day is one text. */
const descriptions = new Map<string, Bilingual>();
const MAX_DESCRIPTIONS = 4096;

/** A resolution in both calendars: «الأحد 1 يونيو 2025 / 5 ذو الحجة 1446هـ». Shared: read it, never change it. */
export function describeResolution(r: Resolution): Bilingual {
  const key = `${r.unit} ${r.from} ${r.to}`;
  let out = descriptions.get(key);
  if (!out) {
    if (descriptions.size >= MAX_DESCRIPTIONS) descriptions.clear();
    descriptions.set(key, (out = describe(r)));
  }
  return out;
}

function describe(r: Resolution): Bilingual {
  const both = (g: Bilingual, h: Bilingual): Bilingual => ({
    ar: h.ar ? `${g.ar} / ${h.ar}` : g.ar,
    en: h.en ? `${g.en} / ${h.en}` : g.en,
  });
  if (r.unit === 'day') return both(gregorianText(r.from), hijriText(r.from));
  const range = (a: Bilingual, b: Bilingual): Bilingual => ({ ar: `${a.ar} – ${b.ar}`, en: `${a.en} – ${b.en}` });
  if (r.unit === 'week') {
    return both(range(gregorianText(r.from), gregorianText(r.to)), range(hijriText(r.from), hijriText(r.to)));
  }
  const g = gregorianOf(r.from);
  const h1 = hijriOf(r.from);
  const h2 = hijriOf(r.to);
  const hm = (h: typeof h1): Bilingual =>
    h ? { ar: `${CAL.HIJRI_MONTHS[h.month - 1].ar} ${h.year}هـ`, en: `${CAL.HIJRI_MONTHS[h.month - 1].en} ${h.year} AH` } : { ar: '', en: '' };
  if (r.unit === 'month') {
    const m = GREGORIAN_MONTHS[g.month - 1];
    return both({ ar: `${m.ar} ${g.year}`, en: `${m.en} ${g.year}` }, h1 && h2 ? range(hm(h1), hm(h2)) : { ar: '', en: '' });
  }
  return both(
    { ar: String(g.year), en: String(g.year) },
    h1 && h2 ? { ar: `${h1.year}–${h2.year}هـ`, en: `${h1.year}–${h2.year} AH` } : { ar: '', en: '' },
  );
}

/** `date` as the rules quote it: the day, and the offset it was counted in. */
export function anchorText(anchor: DateAnchor): Bilingual {
  const d = gregorianText(anchor.epoch);
  const off = `UTC${formatOffset(anchor.offsetMinutes)}`;
  return { ar: `${d.ar} (\u200E${off})`, en: `${d.en} (${off})` };
}
