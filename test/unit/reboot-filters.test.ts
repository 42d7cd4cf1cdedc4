/**
 * Memory Reboot's filters and commands: what is never stored (blocked groups, full-match ignore patterns,
 * other bots' commands, short text), and which texts are Memory Reboot's own admin commands.
 */
import { describe, expect, it } from 'vitest';
import { memoryRebootSchema } from '../../src/config/memory-reboot-schema.js';
import { commandWordOf, compileFilters, isBlockedGroup, textFilterReason } from '../../src/memory-reboot/message-filters.js';
import { parseRebootCommand } from '../../src/memory-reboot/reboot-commands.js';

const filtersWith = (overrides: Record<string, unknown> = {}) => compileFilters(memoryRebootSchema.parse(overrides));

describe('isBlockedGroup', () => {
  it('blocks by chat id on any platform, or by full session id', () => {
    const filters = filtersWith({ blockedGroups: ['123', 'http:group:team'] });
    expect(isBlockedGroup(filters, 'onebot:group:123')).toBe(true);
    expect(isBlockedGroup(filters, 'http:group:123')).toBe(true);
    expect(isBlockedGroup(filters, 'http:group:team')).toBe(true);
    expect(isBlockedGroup(filters, 'onebot:group:team')).toBe(false);
    expect(isBlockedGroup(filters, 'onebot:group:1234')).toBe(false);
  });
});

describe('textFilterReason', () => {
  const filters = filtersWith({ ignorePatterns: ['签到', '今日运势', '\\d+', 'h+a+'] });

  it('ignores text shorter than minTextLength (3), counting characters, unless a content picture comes with it', () => {
    expect(textFilterReason(filters, '？', false)).toBe('too_short');
    expect(textFilterReason(filters, 'ok', false)).toBe('too_short');
    expect(textFilterReason(filters, '好的吧', false)).toBeNull();
    expect(textFilterReason(filters, '  hi  ', false)).toBe('too_short');
    expect(textFilterReason(filters, '😀😀', false)).toBe('too_short');
    expect(textFilterReason(filters, 'ok', true)).toBeNull();
    expect(textFilterReason(filters, '', true)).toBeNull();
    expect(textFilterReason(filters, '   ', false)).toBe('empty');
    expect(textFilterReason(filtersWith({ minTextLength: 0 }), 'a', false)).toBeNull();
  });

  it('ignores a message that fully matches a pattern, never one that only contains it', () => {
    expect(textFilterReason(filters, '签到', false)).toBe('ignored_pattern');
    expect(textFilterReason(filters, ' 签到 ', false)).toBe('ignored_pattern');
    expect(textFilterReason(filters, '今天签到了吗', false)).toBeNull();
    expect(textFilterReason(filters, '12345', false)).toBe('ignored_pattern');
    expect(textFilterReason(filters, 'room 12345 is free', false)).toBeNull();
    expect(textFilterReason(filters, 'hahaha', false)).toBeNull();
    expect(textFilterReason(filters, 'hhhaaa', false)).toBe('ignored_pattern');
  });

  it("ignores other bots' commands: a prefix and a command word, with or without arguments", () => {
    for (const text of ['/帮助', '/help', '!roll 2d6', '#weather Tokyo', '.签到', '。签到', '/天气 北京']) {
      expect(textFilterReason(filters, text, false), text).toBe('other_command');
    }
    for (const text of ['...', '。。。', '#1 fan right here', '/ nothing', 'not /a command', '.5 is a half']) {
      expect(textFilterReason(filters, text, false), text).not.toBe('other_command');
    }
  });

  it('with a list of known commands, matches them with or without a prefix, and only them', () => {
    const listed = filtersWith({ commandFilter: { commands: ['签到', 'roll'] } });
    expect(commandWordOf(listed, '签到')).toBe('签到');
    expect(commandWordOf(listed, '/签到')).toBe('签到');
    expect(commandWordOf(listed, 'ROLL 1d20')).toBe('roll');
    expect(commandWordOf(listed, '签到好累')).toBeNull();
    expect(commandWordOf(listed, '/help')).toBeNull();
  });

  it('lets commands through when the filter is off', () => {
    const off = filtersWith({ commandFilter: { enabled: false } });
    expect(textFilterReason(off, '/帮助 me please', false)).toBeNull();
  });
});

describe('parseRebootCommand', () => {
  it("reads kizuna's own commands before any filter, the seed's names included", () => {
    expect(parseRebootCommand('/reboot')).toEqual({ command: 'status' });
    expect(parseRebootCommand(' /reboot status ')).toEqual({ command: 'status' });
    expect(parseRebootCommand('/REBOOT wipe')).toEqual({ command: 'wipe' });
    expect(parseRebootCommand('/reboot commands')).toEqual({ command: 'commands' });
    expect(parseRebootCommand('/reboot now please')).toEqual({ command: 'usage' });
    expect(parseRebootCommand('/reboot fly')).toEqual({ command: 'usage' });
    expect(parseRebootCommand('记忆状态')).toEqual({ command: 'status' });
    expect(parseRebootCommand('/擦除记忆')).toEqual({ command: 'wipe' });
    expect(parseRebootCommand('查看过滤命令')).toEqual({ command: 'commands' });
    expect(parseRebootCommand('/rebooted')).toBeNull();
    expect(parseRebootCommand('please /reboot')).toBeNull();
    expect(parseRebootCommand('记忆状态如何')).toBeNull();
  });
});

describe('memoryReboot configuration', () => {
  it("has the seed's defaults", () => {
    expect(memoryRebootSchema.parse({})).toMatchObject({
      minTextLength: 3,
      textThreshold: 0.95,
      imageThreshold: 0.9,
      minUniqueSenders: 3,
      cooldownSeconds: 3600,
      retentionDays: 7,
      llmConfirm: 'auto',
      judgeContextMessages: 40,
      commandFilter: { enabled: true, prefixes: ['/', '!', '#', '.', '。'] },
    });
  });

  it('refuses an ignore pattern that is not a regular expression, naming it', () => {
    const result = memoryRebootSchema.safeParse({ ignorePatterns: ['ok', '(unclosed'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['ignorePatterns', 1]);
  });
});
