import { formatInstant, formatOffset, offsetFor, parseDateTime, isDateProblem, zoneOffsetAt, type TimeZoneChoice } from '../dates';
import { epochDay, weekdayOf } from '../arabic/hijri';
import { gregorianText, hijriText, weekdayName } from '../arabic/dateExpressions';
import { slugify } from './slug';

/** The newsroom variables templates may use, beyond VS Code's own. */
export const MUHARRIR_VARIABLES = [
  'MUHARRIR_DATE',
  'MUHARRIR_HIJRI_DATE',
  'MUHARRIR_GREGORIAN_DATE',
  'MUHARRIR_WEEKDAY',
  'MUHARRIR_AUTHOR',
  'MUHARRIR_DATELINE',
  'MUHARRIR_TITLE',
  'MUHARRIR_SLUG',
] as const;

export interface NewsroomVariableOptions {
  now: Date;
  /**
   * Where "now" is read: an IANA zone (`Asia/Riyadh`), a fixed offset (`+03:00`, `Z`), or the
   * engine's choice (config zone, else the article's offset, else the machine's zone). An unknown
   * zone counts as UTC rather than failing an insertion.
   */
  timeZone: string | TimeZoneChoice;
  /** `muharrir.author`; absent or blank leaves the template's own default. */
  author?: string;
  dateline?: string;
  title?: string;
  /** The file the template goes into (a path or a name), for VS Code's TM_FILENAME variables. */
  file?: string;
}

/**
 * Values for VS Code's date and file variables, computed in the newsroom's zone rather than the
 * machine's, and for the MUHARRIR_ ones. Author, dateline, title and slug are present only when
 * known, so a template's default shows otherwise.
 */
export function newsroomVariables(options: NewsroomVariableOptions): Record<string, string> {
  const instant = options.now.getTime();
  const offset = offsetOf(options.timeZone, instant);
  const local = new Date(instant + offset * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const year = String(local.getUTCFullYear()).padStart(4, '0');
  const epoch = epochDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  const vars: Record<string, string> = {
    CURRENT_YEAR: year,
    CURRENT_YEAR_SHORT: year.slice(-2),
    CURRENT_MONTH: two(local.getUTCMonth() + 1),
    CURRENT_DATE: two(local.getUTCDate()),
    CURRENT_HOUR: two(local.getUTCHours()),
    CURRENT_MINUTE: two(local.getUTCMinutes()),
    CURRENT_SECOND: two(local.getUTCSeconds()),
    CURRENT_MILLISECOND: String(local.getUTCMilliseconds()).padStart(3, '0'),
    CURRENT_SECONDS_UNIX: String(Math.floor(instant / 1000)),
    CURRENT_MILLISECONDS_UNIX: String(instant),
    CURRENT_TIMEZONE_OFFSET: formatOffset(offset),
    MUHARRIR_DATE: formatInstant(instant, offset),
    MUHARRIR_GREGORIAN_DATE: gregorianText(epoch, false).ar,
    MUHARRIR_WEEKDAY: weekdayName(weekdayOf(epoch)).ar,
  };
  const hijri = hijriText(epoch).ar;
  if (hijri) vars.MUHARRIR_HIJRI_DATE = hijri;
  const set = (name: string, value: string | undefined) => {
    const v = value?.trim();
    if (v) vars[name] = v;
  };
  set('MUHARRIR_AUTHOR', options.author);
  set('MUHARRIR_DATELINE', options.dateline);
  set('MUHARRIR_TITLE', options.title);
  if (options.title?.trim()) vars.MUHARRIR_SLUG = slugify(options.title);
  if (options.file) {
    const name = options.file.split(/[\\/]/).pop() ?? '';
    if (name) {
      vars.TM_FILENAME = name;
      vars.TM_FILENAME_BASE = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
    }
  }
  return vars;
}

function offsetOf(zone: string | TimeZoneChoice, instant: number): number {
  if (typeof zone !== 'string') return offsetFor(zone, instant);
  const z = zone.trim();
  if (/^(z|utc|gmt)$/i.test(z)) return 0;
  // A fixed offset is read the way frontmatter dates read theirs (±HH:MM, ±HHMM, ±HH).
  if (/^[+-]\d/.test(z)) {
    const parsed = parseDateTime(`2000-01-01T00:00${z}`);
    return isDateProblem(parsed) ? 0 : (parsed.offsetMinutes ?? 0);
  }
  return zoneOffsetAt(z, instant) ?? 0;
}
