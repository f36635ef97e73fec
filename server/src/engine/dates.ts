/** Date-times as newsrooms write them in frontmatter: strict ISO 8601, and what people type instead. */

export interface ParsedDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  hasTime: boolean;
  /** Minutes east of UTC, or null when the text carries no offset. */
  offsetMinutes: number | null;
  /** True when the text is already `YYYY-MM-DDTHH:MM[:SS[.f]](Z|±HH:MM)` in Latin digits. */
  canonical: boolean;
}

export type DateProblem =
  | { kind: 'unparsable' }
  | { kind: 'month'; month: number }
  | { kind: 'day'; day: number; month: number; year: number; max: number }
  | { kind: 'time'; text: string }
  | { kind: 'offset'; text: string };

const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function toLatinDigits(s: string): string {
  return s.replace(ARABIC_INDIC, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

const STRICT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LENIENT =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses what a writer typed; returns the fields or why it cannot be a date. */
export function parseDateTime(raw: string): ParsedDateTime | DateProblem {
  const text = raw.trim();
  const latin = toLatinDigits(text);
  const m = LENIENT.exec(latin);
  if (!m) return { kind: 'unparsable' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { kind: 'month', month };
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return { kind: 'day', day, month, year, max };
  const hasTime = m[4] !== undefined;
  const hour = hasTime ? Number(m[4]) : 0;
  const minute = hasTime ? Number(m[5]) : 0;
  const second = m[6] !== undefined ? Number(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 59) {
    return { kind: 'time', text: `${m[4]}:${m[5]}${m[6] !== undefined ? ':' + m[6] : ''}` };
  }
  let offsetMinutes: number | null = null;
  if (m[8] !== undefined) {
    if (m[8].toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const sign = m[8][0] === '-' ? -1 : 1;
      const digits = m[8].slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      // Real offsets run from -12:00 to +14:00, as the message for this problem says.
      const limit = sign < 0 ? 12 : 14;
      if (oh > limit || om > 59 || (oh === limit && om > 0)) return { kind: 'offset', text: m[8] };
      offsetMinutes = sign * (oh * 60 + om);
    }
  }
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    fraction: m[7] ?? '',
    hasTime,
    offsetMinutes,
    canonical: STRICT.test(text),
  };
}

export function isDateProblem(v: ParsedDateTime | DateProblem): v is DateProblem {
  return 'kind' in v;
}

/** Milliseconds since the epoch, interpreting a missing offset as `fallbackOffset`. */
export function toInstant(d: ParsedDateTime, fallbackOffset = 0): number {
  const off = d.offsetMinutes ?? fallbackOffset;
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second) - off * 60_000;
}

function pad(n: number, w = 2): string {
  return String(Math.abs(n)).padStart(w, '0');
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The canonical spelling of a parsed value, with `offset` used when it has none. */
export function formatCanonical(d: ParsedDateTime, offsetMinutes: number): string {
  const frac = d.fraction ? '.' + d.fraction : '';
  return (
    `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${frac}` +
    formatOffset(d.offsetMinutes ?? offsetMinutes)
  );
}

/** One formatter per zone (null: not a zone): building one costs far more than formatting with it. */
const OFFSET_FORMATTERS = new Map<string, Intl.DateTimeFormat | null>();
const MAX_ZONES = 512;

function offsetFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = OFFSET_FORMATTERS.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    // Zone names come from articles and configs: the cache must not grow with whatever they contain.
    if (OFFSET_FORMATTERS.size >= MAX_ZONES) OFFSET_FORMATTERS.clear();
    OFFSET_FORMATTERS.set(zone, f);
  }
  return f;
}

const DAY_MS = 86_400_000;
/** `zone|day` → the offset that holds for the whole UTC day (days with a transition are not kept). */
const DAY_OFFSETS = new Map<string, number>();
const MAX_DAY_OFFSETS = 8192;

/** Offset east of UTC, in minutes, of an IANA zone at an instant; null for an unknown zone. */
export function zoneOffsetAt(zone: string, instant: number): number | null {
  const day = Math.floor(instant / DAY_MS);
  const key = `${zone}|${day}`;
  const known = DAY_OFFSETS.get(key);
  if (known !== undefined) return known;
  const offset = offsetAtInstant(zone, instant);
  if (offset === null) return null;
  // Zones change offset at most once a day: the same offset at both ends of the UTC day holds all day.
  if (offsetAtInstant(zone, day * DAY_MS) === offset && offsetAtInstant(zone, (day + 1) * DAY_MS - 1) === offset) {
    if (DAY_OFFSETS.size >= MAX_DAY_OFFSETS) DAY_OFFSETS.clear();
    DAY_OFFSETS.set(key, offset);
  }
  return offset;
}

function offsetAtInstant(zone: string, instant: number): number | null {
  const f = offsetFormatter(zone);
  if (!f) return null;
  try {
    const parts = f.formatToParts(new Date(instant));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  } catch {
    // An instant outside the Date range.
    return null;
  }
}

export function isValidTimeZone(zone: string): boolean {
  return zoneOffsetAt(zone, 0) !== null;
}

/** An instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` at a fixed offset. */
export function formatInstant(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * 60_000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    formatOffset(offsetMinutes)
  );
}

/** Where new timestamps get their offset from, in the order DESIGN §2 gives. */
export interface TimeZoneChoice {
  /** An IANA zone, or null when only a fixed offset is known. */
  zone: string | null;
  fixedOffset: number | null;
  /** Where it came from: the config, the article's own date, or the machine. */
  origin: 'config' | 'article' | 'machine';
}

export function offsetFor(choice: TimeZoneChoice, instant: number): number {
  if (choice.zone) return zoneOffsetAt(choice.zone, instant) ?? 0;
  return choice.fixedOffset ?? 0;
}

/** Gregorian and Umm al-Qura Hijri renderings of an instant, for hovers. */
export function describeInstant(instant: number, offsetMinutes: number, locale: 'ar' | 'en'): { gregorian: string; hijri: string } {
  const shifted = new Date(instant + offsetMinutes * 60_000);
  const opts: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  };
  const tag = locale === 'ar' ? 'ar' : 'en';
  let hijri = '';
  try {
    hijri = new Intl.DateTimeFormat(`${tag}-u-ca-islamic-umalqura-nu-latn`, opts).format(shifted);
  } catch {
    hijri = '';
  }
  return {
    gregorian: new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-latn`, { ...opts, hour: '2-digit', minute: '2-digit', hour12: false }).format(shifted),
    hijri,
  };
}
