/**
 * Local wall-clock time in an IANA time zone, computed from an epoch time with Intl (formatters cached per
 * zone). Pure: the same inputs always give the same output.
 */

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds after local midnight at `at` in `timeZone`; pure. */
export function localTimeOfDayMs(at: number, timeZone: string): number {
  const formatter = cached(clockFormatters, timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (((at % 1000) + 1000) % 1000);
}

/** `YYYY-MM-DD HH:MM` at `at` in `timeZone`; pure. */
export function formatLocalDateTime(at: number, timeZone: string): string {
  const formatter = cached(dateTimeFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** True when `timeZone` is a zone this runtime knows; pure. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
