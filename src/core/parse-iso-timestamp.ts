/**
 * `2026-11-23`, `2026-11-23T10:00`, `2026-11-23T10:00:00.5+02:00`, … as the instant's
 * `toISOString()` text (fixed width, `Z`), the form timestamps are stored and compared in; null
 * for anything else. Strict where `Date.parse` is lenient: an impossible day (`2026-02-30`) or
 * time (`24:00`) is refused, not rolled over, and so is an instant past 9999-12-31T23:59:59.999Z
 * (`9999-12-31T23:00-05:00`), whose ISO text (`+010000-…`) would compare wrongly as text. A date
 * or time without an offset is UTC, whatever the server's time zone.
 */
export function parseIsoTimestamp(text: string): string | null {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const h = Number(hour ?? 0);
  const min = Number(minute ?? 0);
  const s = Number(second ?? 0);
  if (h > 23 || min > 59 || s > 59) return null;
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return null;
  const milliseconds = Math.floor(Number(`0.${fraction ?? '0'}`) * 1000);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(h, min, s, milliseconds);
  const instant = date.getTime() - offsetMinutes * 60_000;
  if (!Number.isFinite(instant)) return null;
  const iso = new Date(instant).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Minutes east of UTC; null for an offset no clock has (`+24:00`, `+05:60`). */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
