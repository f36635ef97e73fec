/** Date-times as writers type them: parsing, problems, canonical spelling and time-zone offsets. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  daysInMonth,
  formatCanonical,
  formatInstant,
  formatOffset,
  isDateProblem,
  isValidTimeZone,
  parseDateTime,
  toInstant,
  toLatinDigits,
  zoneOffsetAt,
  type ParsedDateTime,
} from '../../server/src/engine/dates';

function ok(raw: string): ParsedDateTime {
  const p = parseDateTime(raw);
  assert.ok(!isDateProblem(p), `${raw} should parse, got ${JSON.stringify(p)}`);
  return p;
}

describe('parseDateTime', () => {
  test('strict ISO 8601 with an offset is valid and canonical', () => {
    const p = ok('2025-06-02T18:00:00+03:00');
    assert.deepEqual(
      { ...p },
      { year: 2025, month: 6, day: 2, hour: 18, minute: 0, second: 0, fraction: '', hasTime: true, offsetMinutes: 180, canonical: true },
    );
    assert.equal(ok('2025-06-02T18:00+03:00').canonical, true, 'seconds are optional');
    assert.equal(ok('2025-06-02T15:00:00Z').offsetMinutes, 0);
    assert.equal(ok('2025-06-02T15:00:00z').offsetMinutes, 0);
    const frac = ok('2025-06-02T15:00:00.250Z');
    assert.equal(frac.fraction, '250');
    assert.equal(frac.canonical, true);
  });

  test('29 February exists in 2024 and not in 2025 (nor in 1900; it does in 2000)', () => {
    assert.equal(ok('2024-02-29T12:00:00+03:00').day, 29);
    assert.deepEqual(parseDateTime('2025-02-29T12:00:00+03:00'), { kind: 'day', day: 29, month: 2, year: 2025, max: 28 });
    assert.deepEqual(parseDateTime('1900-02-29'), { kind: 'day', day: 29, month: 2, year: 1900, max: 28 });
    assert.equal(ok('2000-02-29').day, 29);
    assert.deepEqual(parseDateTime('2025-04-31T09:00:00+03:00'), { kind: 'day', day: 31, month: 4, year: 2025, max: 30 });
    assert.deepEqual(parseDateTime('2025-06-00'), { kind: 'day', day: 0, month: 6, year: 2025, max: 30 });
  });

  test('impossible months, times and offsets', () => {
    assert.deepEqual(parseDateTime('2025-13-01'), { kind: 'month', month: 13 });
    assert.deepEqual(parseDateTime('2025-00-10'), { kind: 'month', month: 0 });
    assert.deepEqual(parseDateTime('2025-06-02T24:00:00+03:00'), { kind: 'time', text: '24:00:00' });
    assert.deepEqual(parseDateTime('2025-06-02T23:60+03:00'), { kind: 'time', text: '23:60' });
    assert.deepEqual(parseDateTime('2025-06-02T23:59:60+03:00'), { kind: 'time', text: '23:59:60' });
    assert.deepEqual(parseDateTime('2025-06-02T18:00:00+15:00'), { kind: 'offset', text: '+15:00' });
    assert.deepEqual(parseDateTime('2025-06-02T18:00:00+14:30'), { kind: 'offset', text: '+14:30' });
    assert.deepEqual(parseDateTime('2025-06-02T18:00:00-13:00'), { kind: 'offset', text: '-13:00' });
    assert.deepEqual(parseDateTime('2025-06-02T18:00:00+03:75'), { kind: 'offset', text: '+03:75' });
    assert.equal(ok('2025-06-02T18:00:00+14:00').offsetMinutes, 840);
    assert.equal(ok('2025-06-02T18:00:00-12:00').offsetMinutes, -720);
    assert.equal(ok('2025-06-02T18:00:00+05:45').offsetMinutes, 345);
  });

  test('Arabic-Indic and Eastern Arabic-Indic digits are read, but are not canonical', () => {
    const a = ok('٢٠٢٥-٠٦-٠٢T١٨:٣٠:٠٠+٠٣:٠٠');
    assert.deepEqual([a.year, a.month, a.day, a.hour, a.minute, a.offsetMinutes, a.canonical], [2025, 6, 2, 18, 30, 180, false]);
    const p = ok('۲۰۲۵-۰۶-۰۲');
    assert.deepEqual([p.year, p.month, p.day, p.hasTime], [2025, 6, 2, false]);
    assert.equal(toLatinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹'), '0123456789 0123456789');
    assert.deepEqual(parseDateTime('٢٠٢٥-٠٢-٣٠'), { kind: 'day', day: 30, month: 2, year: 2025, max: 28 });
  });

  test('slashes, dots, a space instead of T, compact offsets: read, not canonical', () => {
    for (const raw of ['2025/06/02 18:30 +03:00', '2025.06.02T18:30+03', '2025-6-2 18:30:00+0300', '2025-06-02 18:30+03:00']) {
      const p = ok(raw);
      assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute, p.offsetMinutes, p.canonical], [2025, 6, 2, 18, 30, 180, false], raw);
    }
  });

  test('no offset, or no time: parsed with what is there', () => {
    const p = ok('2025-06-02 14:30');
    assert.equal(p.offsetMinutes, null);
    assert.equal(p.hasTime, true);
    assert.equal(p.canonical, false);
    const d = ok(' 2025-06-02 ');
    assert.equal(d.hasTime, false);
    assert.equal(d.offsetMinutes, null);
  });

  test('what is not a date at all', () => {
    for (const raw of ['', 'أمس', '2 يونيو 2025', 'June 2, 2025', '02/06/2025', '2025-06', '2025-06-02T18', '2025-06-02T18:00:00 بتوقيت مكة', '20250602']) {
      assert.deepEqual(parseDateTime(raw), { kind: 'unparsable' }, raw);
    }
  });
});

describe('formatting', () => {
  test('formatCanonical writes ISO 8601 with the given offset when the value has none', () => {
    assert.equal(formatCanonical(ok('2025-06-02 14:30'), 180), '2025-06-02T14:30:00+03:00');
    assert.equal(formatCanonical(ok('٢٠٢٥/٠٦/٠٢ ١٨:٣٠'), -270), '2025-06-02T18:30:00-04:30');
    assert.equal(formatCanonical(ok('2025-06-02T18:30:05.5+0200'), 180), '2025-06-02T18:30:05.5+02:00', 'its own offset wins');
    assert.equal(formatCanonical(ok('2025-06-02T18:30Z'), 180), '2025-06-02T18:30:00+00:00');
    assert.equal(formatCanonical(ok('0999-01-01'), 0), '0999-01-01T00:00:00+00:00');
  });

  test('formatCanonical output parses back as canonical, to the same instant', () => {
    for (const raw of ['2025-06-02 14:30', '2024-02-29T23:59:59.999-03:30', '٢٠٢٥/١٢/٣١ ٠٠:٠٠ +14:00']) {
      const p = ok(raw);
      const again = ok(formatCanonical(p, 180));
      assert.equal(again.canonical, true);
      assert.equal(toInstant(again), toInstant(p, 180));
    }
  });

  test('formatOffset and formatInstant', () => {
    assert.equal(formatOffset(0), '+00:00');
    assert.equal(formatOffset(180), '+03:00');
    assert.equal(formatOffset(-210), '-03:30');
    assert.equal(formatOffset(345), '+05:45');
    const at = Date.UTC(2025, 5, 10, 12, 0, 0);
    assert.equal(formatInstant(at, 180), '2025-06-10T15:00:00+03:00');
    assert.equal(formatInstant(at, -600), '2025-06-10T02:00:00-10:00');
    assert.equal(formatInstant(Date.UTC(2025, 0, 1, 1), -120), '2024-12-31T23:00:00-02:00');
  });

  test('toInstant uses the fallback offset only when the value has none', () => {
    assert.equal(toInstant(ok('2025-06-02T18:00:00+03:00'), 600), Date.UTC(2025, 5, 2, 15));
    assert.equal(toInstant(ok('2025-06-02T18:00:00'), 120), Date.UTC(2025, 5, 2, 16));
    assert.equal(toInstant(ok('2025-06-02')), Date.UTC(2025, 5, 2));
  });

  test('daysInMonth', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m)), [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    assert.equal(daysInMonth(2024, 2), 29);
  });
});

describe('time zones', () => {
  test('Asia/Riyadh is +03:00 all year', () => {
    for (const month of [0, 3, 6, 9]) assert.equal(zoneOffsetAt('Asia/Riyadh', Date.UTC(2025, month, 15)), 180);
  });

  test('Europe/Berlin follows daylight saving time, switching at 01:00 UTC', () => {
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 0, 15)), 60);
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 6, 15)), 120);
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 2, 30, 0, 59)), 60);
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 2, 30, 1, 0)), 120);
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 9, 26, 0, 59)), 120);
    assert.equal(zoneOffsetAt('Europe/Berlin', Date.UTC(2025, 9, 26, 1, 0)), 60);
  });

  test('other offsets newsrooms meet: half hours, UTC, west of Greenwich', () => {
    assert.equal(zoneOffsetAt('Asia/Tehran', Date.UTC(2025, 5, 1)), 210);
    assert.equal(zoneOffsetAt('Asia/Kathmandu', Date.UTC(2025, 5, 1)), 345);
    assert.equal(zoneOffsetAt('UTC', Date.UTC(2025, 5, 1)), 0);
    assert.equal(zoneOffsetAt('America/New_York', Date.UTC(2025, 0, 1)), -300);
  });

  test('unknown zones are null, not a throw', () => {
    assert.equal(zoneOffsetAt('Arabia/Mecca', 0), null);
    assert.equal(zoneOffsetAt('', 0), null);
    assert.equal(isValidTimeZone('Asia/Riyadh'), true);
    assert.equal(isValidTimeZone('Africa/Cairo'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
  });
  test('offsets are exact on both sides of a transition, whichever instant of that day is asked first', () => {
    // Europe/London goes from +00:00 to +01:00 at 01:00 UTC on 30 March 2025; Cairo from +03:00 to +02:00 at 21:00 UTC on 30 October 2025.
    const london = [Date.UTC(2025, 2, 30, 12), Date.UTC(2025, 2, 30, 0, 59), Date.UTC(2025, 2, 30, 1, 0), Date.UTC(2025, 2, 30, 0, 30)];
    assert.deepEqual(london.map((t) => zoneOffsetAt('Europe/London', t)), [60, 0, 60, 0]);
    const cairo = [Date.UTC(2025, 9, 30, 22), Date.UTC(2025, 9, 30, 20, 59), Date.UTC(2025, 9, 30, 21, 0), Date.UTC(2025, 9, 30, 10)];
    assert.deepEqual(cairo.map((t) => zoneOffsetAt('Africa/Cairo', t)), [120, 180, 120, 180]);
    // A day without a transition, asked again: the same answer.
    assert.equal(zoneOffsetAt('Europe/London', Date.UTC(2025, 2, 29, 23)), 0);
    assert.equal(zoneOffsetAt('Europe/London', Date.UTC(2025, 2, 29, 1)), 0);
    assert.equal(zoneOffsetAt('Mars/Olympus_Mons', Date.UTC(2025, 2, 29, 1)), null);
    assert.equal(zoneOffsetAt('Europe/London', Number.NaN), null);
  });
});
