/**
 * Calendar arithmetic for dates written in the body: Gregorian days counted from 1970-01-01, and
 * the Umm al-Qura Hijri calendar through Intl (`islamic-umalqura`), the calendar Saudi Arabia
 * publishes and most Arabic newsrooms print. Sighting-based calendars (Egypt, the Levant, the
 * Maghreb) may differ by a day, hence the one-day tolerance of the rules that compare.
 */

/** A day of a calendar as written: year, month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a Gregorian date (proleptic, no time zone). */
export function epochDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function gregorianOf(epoch: number): CalendarDate {
  const d = new Date(epoch * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 is Sunday, as `Date.getUTCDay()`. */
export function weekdayOf(epoch: number): number {
  return (((epoch + 4) % 7) + 7) % 7;
}

export function isGregorianDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

let formatter: Intl.DateTimeFormat | null | undefined;
const hijriCache = new Map<number, CalendarDate | null>();

function umalqura(): Intl.DateTimeFormat | null {
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
      if (formatter.resolvedOptions().calendar !== 'islamic-umalqura') formatter = null;
    } catch {
      formatter = null;
    }
  }
  return formatter;
}

/** The Umm al-Qura date of a Gregorian day; null where this runtime has no such calendar. */
export function hijriOf(epoch: number): CalendarDate | null {
  const cached = hijriCache.get(epoch);
  if (cached !== undefined) return cached;
  const f = umalqura();
  let out: CalendarDate | null = null;
  if (f) {
    const parts = f.formatToParts(new Date(epoch * DAY_MS + DAY_MS / 2));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? NaN);
    out = { year: get('year'), month: get('month'), day: get('day') };
    if (![out.year, out.month, out.day].every(Number.isFinite)) out = null;
  }
  if (hijriCache.size > 16384) hijriCache.clear();
  hijriCache.set(epoch, out);
  return out;
}

/** 1 Muharram 1 AH (16 July 622, Julian) in days since 1970-01-01. */
const HIJRI_EPOCH = -492148;
const MEAN_MONTH = 29.530588853;

function hijriDistance(a: CalendarDate, b: { year: number; month: number; day: number }): number {
  return ((b.year - a.year) * 12 + (b.month - a.month)) * MEAN_MONTH + (b.day - a.day);
}

/**
 * The Gregorian day (days since 1970-01-01) of an Umm al-Qura date. Day 30 of a month that has 29
 * is read as the day after the 29th (a sighting-based calendar may well have had that day); a day
 * past 30 or a month past 12 is no date (null).
 */
export function fromHijri(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1) return null;
  if (!umalqura()) return null;
  let est = Math.round(HIJRI_EPOCH + ((year - 1) * 12 + (month - 1)) * MEAN_MONTH + day - 1);
  for (let i = 0; i < 8; i++) {
    const h = hijriOf(est);
    if (!h) return null;
    const d = hijriDistance(h, { year, month, day });
    if (Math.abs(d) < 0.5) return est;
    est += Math.abs(d) < 1 ? Math.sign(d) : Math.round(d);
  }
  // Close: look around for the exact day, else day 29 of a 29-day month and the day after it.
  for (let k = -3; k <= 3; k++) {
    const h = hijriOf(est + k);
    if (h && h.year === year && h.month === month && h.day === day) return est + k;
  }
  if (day === 30) {
    const d29 = fromHijri(year, month, 29);
    return d29 === null ? null : d29 + 1;
  }
  return null;
}

/** Whether an Umm al-Qura month has this day (30 only in 30-day months). */
export function isUmmAlQuraDay(year: number, month: number, day: number): boolean {
  const e = fromHijri(year, month, day);
  if (e === null) return false;
  const h = hijriOf(e);
  return !!h && h.year === year && h.month === month && h.day === day;
}
