/**
 * Memory Reboot's admin commands in a group — `/reboot status`, `/reboot commands`, `/reboot wipe` (and the
 * seed's names 记忆状态, 查看过滤命令, 擦除记忆) — and the texts they answer with. Pure.
 */
import type { MemoryRebootSettings } from '../config/memory-reboot-schema.js';

export type RebootCommand = { command: 'status' } | { command: 'commands' } | { command: 'wipe' } | { command: 'usage' };

/** Command words kizuna itself answers; never counted as another bot's commands. */
export const kizunaCommandWords: ReadonlySet<string> = new Set(['reboot', 'reminders', 'heartflow', 'heartflow_reset', 'status', 'reset']);

const seedNames: Readonly<Record<string, RebootCommand>> = {
  记忆状态: { command: 'status' },
  查看过滤命令: { command: 'commands' },
  擦除记忆: { command: 'wipe' },
};

/** Parses a Memory Reboot command, or returns null for any other text; pure. */
export function parseRebootCommand(text: string): RebootCommand | null {
  const trimmed = text.trim();
  const seed = seedNames[trimmed.replace(/^[/／]/u, '')];
  if (seed !== undefined) return seed;
  const match = /^\/reboot(?:\s+(\S+))?\s*$/iu.exec(trimmed);
  if (match === null) return /^\/reboot\s/iu.test(trimmed) ? { command: 'usage' } : null;
  const word = (match[1] ?? 'status').toLowerCase();
  if (word === 'status' || word === 'commands' || word === 'wipe') return { command: word };
  return { command: 'usage' };
}

/** What `/reboot status` reports. */
export interface RebootStatus {
  chatId: string;
  blocked: boolean;
  messages: number;
  withVector: number;
  pictures: number;
  reminders: number;
  embedder: string;
  vision: string | null;
  /** The judge model, `null` when confirmation is off, or why it cannot run. */
  judge: { model: string } | { problem: string } | null;
  detectedCommands: number;
}

/** The status answer; pure. */
export function describeStatus(status: RebootStatus, settings: MemoryRebootSettings): string {
  const judge = status.judge === null ? 'off (every passing match reminds)' : 'model' in status.judge ? `on (${status.judge.model})` : `misconfigured, no reminders: ${status.judge.problem}`;
  const filter = settings.commandFilter;
  const commandLine = filter.enabled
    ? `on (prefixes ${filter.prefixes.join(' ')}; ${filter.commands.length > 0 ? `${filter.commands.length} listed commands` : 'any command word'}; ${status.detectedCommands} seen)`
    : 'off';
  return [
    'Memory Reboot — status',
    `Group ${status.chatId}: ${status.blocked ? 'blocked (nothing stored or answered)' : 'active'}`,
    `Messages: ${status.messages} (with an embedding: ${status.withVector}; pictures: ${status.pictures}); reminders sent: ${status.reminders}`,
    `Thresholds: text ≥ ${settings.textThreshold}, picture ≥ ${settings.imageThreshold}; at least ${settings.minUniqueSenders} senders; cooldown ${settings.cooldownSeconds} s; kept ${settings.retentionDays} days`,
    `Embeddings: ${status.embedder}; vision: ${status.vision ?? 'off (only stickers flagged by the platform are skipped)'}; judge: ${judge}`,
    `Command filter: ${commandLine}`,
  ].join('\n');
}

/** The `/reboot commands` answer: the filter settings and the command words seen most; pure. */
export function describeCommands(settings: MemoryRebootSettings, seen: ReadonlyArray<readonly [string, number]>): string {
  const filter = settings.commandFilter;
  if (!filter.enabled) return 'Command filter: off (other bots\' commands are stored like any message).';
  const listed = filter.commands.length > 0 ? `Listed commands: ${filter.commands.join(', ')}` : 'Listed commands: none (any word after a prefix is a command)';
  const top = [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 30);
  const seenLine = top.length === 0 ? 'Seen: none yet' : `Seen: ${top.map(([word, count]) => `${word} ×${count}`).join(', ')}`;
  return [`Command filter: on; prefixes ${filter.prefixes.join(' ')}`, listed, seenLine].join('\n');
}

/** The answer to a malformed `/reboot …`; pure. */
export const rebootUsage = 'Usage: /reboot status | /reboot commands | /reboot wipe';
