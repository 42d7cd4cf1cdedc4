/**
 * Turns the `when` of a `set_reminder` call into an absolute time, so the session (which never reads the
 * clock) receives a plain epoch-ms `dueAt`. A deliberately small grammar, English and Chinese; wall-clock
 * times are read in an IANA time zone with Intl, so no date library is needed.
 */
import { InvalidInputError } from '../errors.js';

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const minute = 60_000;
const unitMs: Readonly<Record<string, number>> = { minute, hour: 60 * minute, day: 24 * 60 * minute };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The epoch-ms time `when` names, read at `now` in `timeZone`, or null when `when` is not understood. A bare
 * clock time ("18:30", "3点") is the next such moment; an explicit day ("today 9:00", ISO) may lie in the past.
 * Throws InvalidInputError for an unknown time zone.
 */
export function resolveReminderTime(when: string, now: number, timeZone: string): number | null {
  formatterFor(timeZone);
  const text = when.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, ' ');
  if (text === '') return null;
  const time =
    parseIso(text, timeZone) ?? parseRelative(text, now) ?? parseClock(text, now, timeZone) ?? parseChinese(text, now, timeZone);
  return time !== null && Math.abs(time) <= 8.64e15 ? Math.round(time) : null;
}

/** Throws InvalidInputError unless `timeZone` is an IANA time zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function parseIso(text: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(z|[+-]\d{2}(?::?\d{2})?)?$/u.exec(text);
  if (match === null) return null;
  const field = (index: number) => Number(match[index] ?? 0);
  const date = { year: field(1), month: field(2), day: field(3) };
  const [hour, min, sec] = [field(4), field(5), field(6)];
  const ms = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (!isValidDate(date) || hour > 23 || min > 59 || sec > 59) return null;
  const zone = match[8];
  if (zone === undefined) return localToEpoch(date, hour, min, timeZone) + sec * 1000 + ms;
  const offset = parseOffset(zone);
  return offset === null ? null : Date.UTC(date.year, date.month - 1, date.day, hour, min, sec, ms) - offset * minute;
}

function parseOffset(zone: string): number | null {
  if (zone === 'z') return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})?$/u.exec(zone) ?? [];
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  if (h > 14 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

/** "in 20 minutes", "in 1 hour 30 minutes", "in half an hour", "2 days from now", "45 min later", "10 minutes". */
function parseRelative(text: string, now: number): number | null {
  const body = text.replace(/^in /u, '').replace(/ (from now|later)$/u, '');
  // Without "in" or "later", a one-letter unit is too ambiguous ("18h" is a clock time in French).
  const unitPattern = body === text ? 'minutes?|mins?|hours?|hrs?|days?' : 'minutes?|mins?|m|hours?|hrs?|h|days?|d';
  const piece = new RegExp(`(\\d+(?:\\.\\d+)?|an?|one|half an?) ?(${unitPattern})(?: ?(?:and|,) ?| |$)`, 'uy');
  let total = 0;
  for (let match = piece.exec(body); match !== null; match = piece.exec(body)) {
    const count = match[1]!.startsWith('half') ? 0.5 : /^\d/u.test(match[1]!) ? Number(match[1]) : 1;
    total += count * unitMs[unitOf(match[2]!)]!;
    if (piece.lastIndex === body.length) return /(and|,)$/u.test(body) ? null : now + total;
  }
  return null;
}

function unitOf(unit: string): 'minute' | 'hour' | 'day' {
  return unit.startsWith('m') ? 'minute' : unit.startsWith('h') ? 'hour' : 'day';
}

const dayWord = '(today|tomorrow|tonight)';
const clockPattern = new RegExp(`^(?:${dayWord} )?(at )?(\\d{1,2})(?::(\\d{2}))?(?: ?([ap])\\.?m\\.?)?(?: ${dayWord})?$`, 'u');

/** "18:30" (the next 18:30), "at 9", "9pm", "tomorrow 9:00", "tomorrow at 7:15 am", "9:00 today", "tonight 8". */
function parseClock(text: string, now: number, timeZone: string): number | null {
  const match = clockPattern.exec(text);
  if (match === null) return null;
  const [, before, at, hourText, minuteText, meridiem, after] = match;
  if (before !== undefined && after !== undefined) return null;
  const day = before ?? after;
  if (day === undefined && at === undefined && minuteText === undefined && meridiem === undefined) return null;
  const hour = clockHour(Number(hourText), meridiem, day === 'tonight');
  const min = Number(minuteText ?? 0);
  if (hour === null || min > 59) return null;
  return atLocalTime(now, timeZone, day === 'tomorrow' ? 1 : day === undefined ? null : 0, hour, min);
}

function clockHour(hour: number, meridiem: string | undefined, tonight: boolean): number | null {
  if (meridiem !== undefined) return hour < 1 || hour > 12 ? null : (hour % 12) + (meridiem === 'p' ? 12 : 0);
  if (hour > 23) return null;
  return tonight ? nightHour(hour) : hour;
}

/** An hour said at night: 8 is 20:00, 12 is midnight, 1 is 01:00 of the next day. */
function nightHour(hour: number): number {
  if (hour >= 5 && hour < 12) return hour + 12;
  if (hour === 12 || hour < 5) return (hour % 12) + 24;
  return hour;
}

const chineseDays: Readonly<Record<string, [offset: number, period?: string]>> = {
  今天: [0], 今日: [0], 明天: [1], 明日: [1], 后天: [2],
  今晚: [0, '晚上'], 明晚: [1, '晚上'], 今早: [0, '早上'], 明早: [1, '早上'],
};
const cnNumber = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十]+)';
const cnRelative = new RegExp(`^${cnNumber}?个?(半)?个?(分钟|分|小时|钟头|天|日)(?:之|以)?后$`, 'u');
const cnClock = new RegExp(
  `^(${Object.keys(chineseDays).join('|')})?(早上|早晨|上午|中午|下午|傍晚|晚上|夜里|凌晨)?${cnNumber}(点|时|:)` +
    '(?:(\\d{1,2}|[零〇一二两三四五六七八九十]+|半|一刻|三刻)分?)?钟?$',
  'u',
);

/** "10分钟后", "两个半小时后", "3天后", "明天9点", "明天09:30", "今晚8点", "下午3点15分", "明天早上8点半". */
function parseChinese(text: string, now: number, timeZone: string): number | null {
  const compact = text.replace(/ /gu, '');
  return parseChineseRelative(compact, now) ?? parseChineseClock(compact, now, timeZone);
}

function parseChineseRelative(text: string, now: number): number | null {
  const match = cnRelative.exec(text);
  if (match === null) return null;
  const [, countText, half, unitText] = match;
  const count = (countText === undefined ? 0 : (chineseNumber(countText) ?? Number.NaN)) + (half ? 0.5 : 0);
  const unit = unitText!.startsWith('分') ? 'minute' : unitText === '天' || unitText === '日' ? 'day' : 'hour';
  return Number.isFinite(count) && count > 0 ? now + count * unitMs[unit]! : null;
}

function parseChineseClock(text: string, now: number, timeZone: string): number | null {
  const match = cnClock.exec(text);
  if (match === null) return null;
  const [, dayText, periodText, hourText, separator, minuteText] = match;
  const [offset, impliedPeriod] = dayText === undefined ? [null, undefined] : chineseDays[dayText]!;
  const hour = chineseNumber(hourText!);
  const min = minuteText === undefined ? (separator === ':' ? null : 0) : chineseMinute(minuteText);
  if (hour === null || !Number.isInteger(hour) || hour > 23 || min === null || min > 59) return null;
  return atLocalTime(now, timeZone, offset, periodHour(hour, periodText ?? impliedPeriod), min);
}

function periodHour(hour: number, period: string | undefined): number {
  switch (period) {
    case '下午':
    case '傍晚':
      return hour < 12 ? hour + 12 : hour;
    case '晚上':
    case '夜里':
      return nightHour(hour);
    case '中午':
      return hour <= 2 ? hour + 12 : hour;
    case '凌晨':
      return hour % 12;
    default:
      return hour;
  }
}

function chineseMinute(text: string): number | null {
  if (text === '半') return 30;
  if (text === '一刻') return 15;
  if (text === '三刻') return 45;
  return chineseNumber(text);
}

/** 0-99 written with digits or Chinese numerals ("两", "十五", "二十"). */
function chineseNumber(text: string): number | null {
  if (/^\d+(?:\.\d+)?$/u.test(text)) return Number(text);
  const match = /^(?:([一二两三四五六七八九])?(十))?([零〇一二两三四五六七八九])?$/u.exec(text);
  if (text === '' || match === null) return null;
  const digit = (char: string) => (char === '两' ? 2 : char === '〇' ? 0 : '零一二三四五六七八九'.indexOf(char));
  const tens = match[2] === undefined ? 0 : match[1] === undefined ? 1 : digit(match[1]);
  return tens * 10 + (match[3] === undefined ? 0 : digit(match[3]));
}

/** `hour:min` on the local day `dayOffset` days from today; with a null offset, the next such moment. */
function atLocalTime(now: number, timeZone: string, dayOffset: number | null, hour: number, min: number): number {
  const today = localDate(now, timeZone);
  const at = (offset: number) => localToEpoch(addDays(today, offset), hour, min, timeZone);
  if (dayOffset !== null) return at(dayOffset);
  const candidate = at(0);
  return candidate > now ? candidate : at(1);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter !== undefined) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (error) {
    throw new InvalidInputError('timeZone', `unknown IANA time zone "${timeZone}" (${String(error)})`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The wall-clock reading of `epoch` in `timeZone`, as if it were UTC (so the difference is the offset). */
function wallClockAsUtc(epoch: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epoch)) parts[part.type] = Number(part.value);
  return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
}

function offsetAt(epoch: number, timeZone: string): number {
  const wholeSecond = Math.floor(epoch / 1000) * 1000;
  return wallClockAsUtc(wholeSecond, timeZone) - wholeSecond;
}

/** The instant the local wall clock shows `hour:min` on `date`; hours past 23 roll into the next days. */
function localToEpoch(date: LocalDate, hour: number, min: number, timeZone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, min);
  // Two passes: the offset at the first guess is right except across a DST change.
  const guess = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(guess, timeZone);
}

function localDate(epoch: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockAsUtc(epoch, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function isValidDate(date: LocalDate): boolean {
  const probe = addDays(date, 0);
  return date.month >= 1 && probe.year === date.year && probe.month === date.month && probe.day === date.day;
}
