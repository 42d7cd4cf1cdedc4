/**
 * What Memory Reboot never stores: messages in blocked groups, messages that are wholly an ignore pattern
 * (full match, the seed's v3.5 rule), other bots' commands, and text-only messages too short to be news.
 * Pure.
 */
import type { MemoryRebootSettings } from '../config/memory-reboot-schema.js';

export type FilterReason = 'blocked_group' | 'ignored_pattern' | 'other_command' | 'too_short' | 'empty';

/** The settings the filters read, with the ignore patterns compiled once. */
export interface CompiledFilters {
  blockedGroups: ReadonlySet<string>;
  patterns: readonly RegExp[];
  commandFilter: MemoryRebootSettings['commandFilter'];
  commandPattern: RegExp | null;
  minTextLength: number;
}

/** Compiles the filter settings (patterns anchored for a full match); pure. */
export function compileFilters(settings: Pick<MemoryRebootSettings, 'blockedGroups' | 'ignorePatterns' | 'commandFilter' | 'minTextLength'>): CompiledFilters {
  return {
    blockedGroups: new Set(settings.blockedGroups),
    patterns: settings.ignorePatterns.map((source) => new RegExp(`^(?:${source})$`, 'su')),
    commandFilter: settings.commandFilter,
    commandPattern: commandPatternOf(settings.commandFilter),
    minTextLength: settings.minTextLength,
  };
}

/** True when the group of `sessionId` (`<platform>:group:<chatId>`) is blocked, by chat id or session id; pure. */
export function isBlockedGroup(filters: CompiledFilters, sessionId: string): boolean {
  const chatId = sessionId.split(':').slice(2).join(':');
  return filters.blockedGroups.has(chatId) || filters.blockedGroups.has(sessionId);
}

/** Why a message's text keeps it out of memory, or null; `hasContentImage` exempts it from the length rule; pure. */
export function textFilterReason(filters: CompiledFilters, text: string, hasContentImage: boolean): FilterReason | null {
  const trimmed = text.trim();
  if (trimmed !== '' && filters.patterns.some((pattern) => pattern.test(trimmed))) return 'ignored_pattern';
  if (trimmed !== '' && commandWordOf(filters, trimmed) !== null) return 'other_command';
  if (hasContentImage) return null;
  if (trimmed === '') return 'empty';
  return [...trimmed].length < filters.minTextLength ? 'too_short' : null;
}

/** The command word when `text` is another bot's command (`/签到`, `!roll 2d6`, `.help`), else null; pure. */
export function commandWordOf(filters: CompiledFilters, text: string): string | null {
  if (!filters.commandFilter.enabled || filters.commandPattern === null) return null;
  const match = filters.commandPattern.exec(text.trim());
  return match === null ? null : (match.groups?.['word'] ?? '').toLowerCase();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * With a list of known commands: an optional prefix, one of them, then the end or whitespace and arguments.
 * Without one: a prefix immediately followed by a word (a letter, then letters, digits, `_`, `-`) and the same ending.
 */
function commandPatternOf(filter: MemoryRebootSettings['commandFilter']): RegExp | null {
  const prefixes = filter.prefixes.map(escape).join('|');
  const ending = '(?:$|\\s)';
  if (filter.commands.length > 0) {
    const names = [...filter.commands].sort((a, b) => b.length - a.length).map(escape).join('|');
    return new RegExp(`^(?:${prefixes || '(?!)'})?(?<word>${names})${ending}`, 'iu');
  }
  if (prefixes === '') return null;
  return new RegExp(`^(?:${prefixes})(?<word>\\p{L}[\\p{L}\\p{N}_-]*)${ending}`, 'iu');
}
