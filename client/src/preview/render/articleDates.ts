/**
 * Publication and update times as an Arabic news site prints them: weekday, day, month and year
 * in the Gregorian calendar, the Umm al-Qura Hijri date beside it (Intl `islamic-umalqura`, the
 * calendar the engine's Hijri rules use), and the time, all in the article's time zone — the
 * configured zone, else the offset the writer gave `date`, else the machine's zone (the engine's
 * order, DESIGN §2).
 */
import {
  formatInstant,
  isDateProblem,
  isValidTimeZone,
  offsetFor,
  formatOffset,
  parseDateTime,
  toInstant,
  type ParsedDateTime,
  type TimeZoneChoice,
} from '../../../../server/src/engine/dates';

export type Numbering = 'latn' | 'arab' | 'arabext';

export interface FormattedTime {
  kind: 'ok';
  instant: number;
  /** `YYYY-MM-DDTHH:MM:SS±HH:MM` in the article's zone, for `<time datetime>`. */
  iso: string;
  gregorian: string;
  /** '' for a date without a time. */
  clock: string;
  /** `UTC+03:00`; '' for a date without a time. */
  offset: string;
  /** '' where the runtime has no Umm al-Qura calendar. */
  hijri: string;
}

export type TimeField = FormattedTime | { kind: 'invalid'; raw: string };

export function chooseZone(date: string | undefined, configured: string | undefined, machine: string | undefined): TimeZoneChoice {
  if (configured && isValidTimeZone(configured)) return { zone: configured, fixedOffset: null, origin: 'config' };
  if (date !== undefined) {
    const parsed = parseDateTime(date);
    if (!isDateProblem(parsed) && parsed.offsetMinutes !== null) return { zone: null, fixedOffset: parsed.offsetMinutes, origin: 'article' };
  }
  const zone = machine && isValidTimeZone(machine) ? machine : (Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  return { zone, fixedOffset: null, origin: 'machine' };
}

/** The locale Intl formats dates in: the article's language when Intl knows it, else Arabic. */
function intlBase(lang: string): string {
  try {
    const supported = Intl.DateTimeFormat.supportedLocalesOf([lang]);
    return supported.length ? new Intl.Locale(supported[0]).language : 'ar';
  } catch {
    return 'ar';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions, calendar?: string): Intl.DateTimeFormat | null {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      if (calendar && f.resolvedOptions().calendar !== calendar) f = null;
    } catch {
      f = null;
    }
    formatters.set(key, f);
  }
  return f;
}

export interface TimeFormatContext {
  zone: TimeZoneChoice;
  lang: string;
  numbering: Numbering;
}

export function formatTime(raw: string, ctx: TimeFormatContext): TimeField {
  try {
    return format(raw, ctx);
  } catch {
    // Intl refuses some instants (out of its range): the value is shown as written instead.
    return { kind: 'invalid', raw };
  }
}

function format(raw: string, ctx: TimeFormatContext): TimeField {
  const parsed = parseDateTime(raw);
  if (isDateProblem(parsed)) return { kind: 'invalid', raw };
  const instant = instantOf(parsed, ctx.zone);
  const offset = offsetFor(ctx.zone, instant);
  // Formatting the shifted instant in UTC gives the wall time at a fixed offset, which Intl's
  // timeZone option cannot express on Node 20.
  const shifted = new Date(instant + offset * 60_000);
  const base = intlBase(ctx.lang);
  const nu = ctx.numbering;
  const greg = formatter(`${base}-u-ca-gregory-nu-${nu}`, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const hijri = formatter(`${base}-u-ca-islamic-umalqura-nu-${nu}`, { day: 'numeric', month: 'long', year: 'numeric' }, 'islamic-umalqura');
  const clock = formatter(`${base}-u-nu-${nu}`, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    kind: 'ok',
    instant,
    iso: formatInstant(instant, offset),
    gregorian: greg?.format(shifted) ?? formatInstant(instant, offset).slice(0, 10),
    clock: parsed.hasTime ? (clock?.format(shifted) ?? '') : '',
    offset: parsed.hasTime ? `UTC${formatOffset(offset)}` : '',
    hijri: hijri?.format(shifted) ?? '',
  };
}

/** A value without an offset is wall time in the article's zone. */
function instantOf(parsed: ParsedDateTime, zone: TimeZoneChoice): number {
  if (parsed.offsetMinutes !== null) return toInstant(parsed);
  const guess = toInstant(parsed, 0);
  return toInstant(parsed, offsetFor(zone, guess - offsetFor(zone, guess) * 60_000));
}

/** The digits the article writes most: dates are printed the same way. */
export function dominantNumbering(text: string): Numbering {
  let latin = 0;
  let arab = 0;
  let ext = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) latin++;
    else if (c >= 0x660 && c <= 0x669) arab++;
    else if (c >= 0x6f0 && c <= 0x6f9) ext++;
  }
  if (arab > latin && arab >= ext) return 'arab';
  if (ext > latin && ext > arab) return 'arabext';
  return 'latn';
}
