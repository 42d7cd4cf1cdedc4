/**
 * Quiet hours: a daily window ("HH:MM-HH:MM", or whole hours "1-7") in an IANA time zone, wrapping around
 * midnight when the start is after the end. Equal ends, or a window that does not parse, mean never quiet.
 * Pure: local time is computed from the event's epoch time (see local-time.ts).
 */
import { localTimeOfDayMs } from './local-time.js';

export interface QuietWindow {
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

/** Parses a quiet-hours window, or returns null when it is empty or malformed; pure. */
export function parseQuietHours(spec: string): QuietWindow | null {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(spec);
  if (match === null) return null;
  const start = Number(match[1]) * 60 + Number(match[2] ?? 0);
  const end = Number(match[3]) * 60 + Number(match[4] ?? 0);
  if (start > 24 * 60 || end > 24 * 60 || Number(match[2] ?? 0) > 59 || Number(match[4] ?? 0) > 59) return null;
  if (start % 1440 === end % 1440) return null;
  return { start: start % 1440, end: end % 1440 };
}

/** True when `at` falls inside the window; pure. */
export function isQuietAt(at: number, spec: string, timeZone: string): boolean {
  const window = parseQuietHours(spec);
  if (window === null) return false;
  const minute = Math.floor(localTimeOfDayMs(at, timeZone) / 60_000);
  return window.start < window.end ? minute >= window.start && minute < window.end : minute >= window.start || minute < window.end;
}

/** The epoch time at which the quiet window containing `at` ends (`at` itself when not quiet); pure. */
export function quietWindowEnd(at: number, spec: string, timeZone: string): number {
  const window = parseQuietHours(spec);
  if (window === null || !isQuietAt(at, spec, timeZone)) return at;
  const now = localTimeOfDayMs(at, timeZone);
  const untilEnd = (window.end * 60_000 - now + 86_400_000) % 86_400_000;
  return at + untilEnd;
}
