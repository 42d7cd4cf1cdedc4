/**
 * `resolveReminderTime`: every supported form, read in fixed time zones at fixed instants; expected values are
 * written as ISO times with explicit offsets so each case reads on its own.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assertTimeZone, resolveReminderTime } from '../../src/llm/reminder-time.js';

const minute = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('resolveReminderTime in Asia/Shanghai at 2026-11-21 18:00 local', () => {
  const now = at('2026-11-21T18:00:00+08:00');
  const resolve = (when: string) => resolveReminderTime(when, now, 'Asia/Shanghai');

  it.each([
    ['in 20 minutes', 20 * minute],
    ['In 5 Minutes', 5 * minute],
    ['in 90m', 90 * minute],
    ['in 2 hours', 120 * minute],
    ['in 1.5 hrs', 90 * minute],
    ['in 3 days', 3 * 1440 * minute],
    ['in half an hour', 30 * minute],
    ['in an hour', 60 * minute],
    ['in 1 hour 30 minutes', 90 * minute],
    ['in 1 hour and 15 min', 75 * minute],
    ['45 min later', 45 * minute],
    ['2 days from now', 2 * 1440 * minute],
    ['10 minutes', 10 * minute],
    ['10分钟后', 10 * minute],
    ['30分钟以后', 30 * minute],
    ['2小时后', 120 * minute],
    ['两个小时后', 120 * minute],
    ['两个半小时后', 150 * minute],
    ['半小时后', 30 * minute],
    ['1.5小时后', 90 * minute],
    ['十五分钟后', 15 * minute],
    ['3天后', 3 * 1440 * minute],
  ])('"%s" is relative to now', (when, offset) => {
    expect(resolve(when)).toBe(now + offset);
  });

  it.each([
    ['18:30', '2026-11-21T18:30:00+08:00'],
    ['17:30', '2026-11-22T17:30:00+08:00'],
    ['18:00', '2026-11-22T18:00:00+08:00'],
    ['at 9', '2026-11-22T09:00:00+08:00'],
    ['9pm', '2026-11-21T21:00:00+08:00'],
    ['at 6:45 p.m.', '2026-11-21T18:45:00+08:00'],
    ['12am', '2026-11-22T00:00:00+08:00'],
    ['tomorrow 9:00', '2026-11-22T09:00:00+08:00'],
    ['tomorrow at 7:15 am', '2026-11-22T07:15:00+08:00'],
    ['9:00 tomorrow', '2026-11-22T09:00:00+08:00'],
    ['today 9:00', '2026-11-21T09:00:00+08:00'],
    ['tonight 8', '2026-11-21T20:00:00+08:00'],
    ['tonight at 12', '2026-11-22T00:00:00+08:00'],
    ['3点', '2026-11-22T03:00:00+08:00'],
    ['下午3点15分', '2026-11-22T15:15:00+08:00'],
    ['晚上9点', '2026-11-21T21:00:00+08:00'],
    ['明天9点', '2026-11-22T09:00:00+08:00'],
    ['明天 9点', '2026-11-22T09:00:00+08:00'],
    ['明天09:30', '2026-11-22T09:30:00+08:00'],
    ['明天9点半', '2026-11-22T09:30:00+08:00'],
    ['明天九点一刻', '2026-11-22T09:15:00+08:00'],
    ['明天早上8点', '2026-11-22T08:00:00+08:00'],
    ['明天下午两点', '2026-11-22T14:00:00+08:00'],
    ['明天中午12点', '2026-11-22T12:00:00+08:00'],
    ['明晚7点', '2026-11-22T19:00:00+08:00'],
    ['后天10点', '2026-11-23T10:00:00+08:00'],
    ['今晚8点', '2026-11-21T20:00:00+08:00'],
    ['今晚十点半', '2026-11-21T22:30:00+08:00'],
    ['今晚12点', '2026-11-22T00:00:00+08:00'],
    ['明天９：３０', '2026-11-22T09:30:00+08:00'],
  ])('"%s" is %s', (when, expected) => {
    expect(resolve(when)).toBe(at(expected));
  });

  it.each([
    ['2026-11-22T09:00', '2026-11-22T09:00:00+08:00'],
    ['2026-11-22 09:00', '2026-11-22T09:00:00+08:00'],
    ['2026-11-22T09:00:30.5', '2026-11-22T09:00:30.500+08:00'],
    ['2026-11-22T09:00Z', '2026-11-22T09:00:00Z'],
    ['2026-11-22T09:00:00+09:00', '2026-11-22T09:00:00+09:00'],
    ['2026-11-22T09:00-0330', '2026-11-22T09:00:00-03:30'],
    ['2020-01-01T00:00', '2020-01-01T00:00:00+08:00'],
  ])('ISO "%s" is %s (local time when it has no offset, even in the past)', (when, expected) => {
    expect(resolve(when)).toBe(at(expected));
  });

  it.each([
    '',
    '   ',
    'whenever',
    'tomorrow',
    '明天',
    '9',
    '25:00',
    '18:60',
    '13pm',
    'today tomorrow 9:00',
    '18h',
    'in 1 hour and',
    'in -5 minutes',
    'in five minutes',
    '2026-02-30T09:00',
    '2026-11-22',
    '2026-11-22T09:00+15:00',
    '二五分钟后',
    '明天9:',
    '明天25点',
  ])('"%s" is not understood', (when) => {
    expect(resolve(when)).toBeNull();
  });
});

describe('resolveReminderTime across time zones', () => {
  it('reads a wall-clock time in the given zone', () => {
    const now = at('2026-11-21T18:00:00Z');
    expect(resolveReminderTime('18:30', now, 'UTC')).toBe(at('2026-11-21T18:30:00Z'));
    expect(resolveReminderTime('tomorrow 9:00', now, 'UTC')).toBe(at('2026-11-22T09:00:00Z'));
    // 18:00 UTC is 02:00 the next day in Shanghai, so "tomorrow" is the 23rd there.
    expect(resolveReminderTime('tomorrow 9:00', now, 'Asia/Shanghai')).toBe(at('2026-11-23T09:00:00+08:00'));
    expect(resolveReminderTime('18:30', now, 'Asia/Shanghai')).toBe(at('2026-11-22T18:30:00+08:00'));
  });

  it('takes "tomorrow" from the local date, not the UTC one', () => {
    const shortlyAfterMidnight = at('2026-11-22T00:30:00+08:00');
    expect(resolveReminderTime('tomorrow 9:00', shortlyAfterMidnight, 'Asia/Shanghai')).toBe(at('2026-11-23T09:00:00+08:00'));
    expect(resolveReminderTime('9:00', shortlyAfterMidnight, 'Asia/Shanghai')).toBe(at('2026-11-22T09:00:00+08:00'));
  });

  it('lands on the right offset across a daylight-saving change', () => {
    const beforeFallBack = at('2026-10-31T12:00:00-04:00');
    expect(resolveReminderTime('tomorrow 9:00', beforeFallBack, 'America/New_York')).toBe(at('2026-11-01T09:00:00-05:00'));
    const beforeSpringForward = at('2026-03-28T20:00:00+01:00');
    expect(resolveReminderTime('明天9点', beforeSpringForward, 'Europe/Berlin')).toBe(at('2026-03-29T09:00:00+02:00'));
    expect(resolveReminderTime('in 24 hours', beforeSpringForward, 'Europe/Berlin')).toBe(beforeSpringForward + 1440 * minute);
  });

  it('rejects an unknown time zone with an error naming it', () => {
    expect(() => resolveReminderTime('in 5 minutes', 0, 'Mars/Olympus_Mons')).toThrow(InvalidInputError);
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/u);
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
  });
});
