/**
 * Reads the model's raw tool calls into the session's `ToolCall`s. Models bend the protocol (prefixed names,
 * numbers as strings, camelCase, metadata typed into the message), so reading is lenient where the meaning is
 * unambiguous and drops the call otherwise. Nothing here throws on model output: every dropped call and every
 * changed field is reported.
 */
import type { ToolCall, TurnMetadata } from '../../machines/session-types.js';
import { InvalidInputError } from '../errors.js';
import type { RawToolCall } from './chat-model.js';
import { resolveReminderTime } from './reminder-time.js';
import type { SessionToolName } from './session-tools.js';

/** A call that was not kept, with the raw name the model used. */
export interface DroppedToolCall {
  id: string;
  name: string;
  reason: string;
}

/** A kept call one of whose arguments was ignored or changed. */
export interface AdjustedToolCall {
  id: string;
  name: string;
  field: string;
  reason: string;
}

export interface ParsedToolCalls {
  calls: ToolCall[];
  dropped: DroppedToolCall[];
  adjusted: AdjustedToolCall[];
}

export interface ToolCallParseOptions {
  /** The time reminders are read at (epoch ms). */
  now: number;
  /** IANA time zone wall-clock reminder times are read in. */
  timeZone: string;
  /** Bound on every text argument, in characters; longer text is cut and ends with '…'. */
  maxReplyChars: number;
}

const toolNames = new Map<string, SessionToolName>([
  ['reply', 'reply'],
  ['donothing', 'do_nothing'],
  ['setreminder', 'set_reminder'],
  ['schedulewakeup', 'schedule_wakeup'],
  ['writememo', 'write_memo'],
  ['forgetmemo', 'forget_memo'],
]);

const knownArguments: Readonly<Record<SessionToolName, readonly string[]>> = {
  reply: ['content', 'thought', 'expected_reaction', 'max_wait_seconds', 'mood'],
  do_nothing: ['thought', 'expected_reaction', 'max_wait_seconds', 'mood'],
  set_reminder: ['when', 'text'],
  schedule_wakeup: ['delay_minutes', 'reason'],
  write_memo: ['text', 'ttl_hours'],
  forget_memo: ['id'],
};

/** Labels of the turn metadata; two distinct ones in a reply's content mean the model typed its metadata there. */
const leakPatterns = [
  '(?:inner[ _])?thoughts?|内心(?:想法|独白|活动)?|想法',
  'expected[ _]reaction|预期的?反应',
  'max[ _]wait(?:[ _]seconds)?|最大等待(?:秒数|时间)?',
  'mood|心情|情绪',
].map((label) => new RegExp(`(?<![a-z])[\\[【(（*_]*(?:${label})[\\]】)）*_ ]*[:：]`, 'iu'));

/** The session tool `name` designates ("functions.reply", "kfc_reply", "doNothing" included), or null. */
export function normaliseToolName(name: string): SessionToolName | null {
  const last = name.split(/[:./]/u).at(-1) ?? '';
  return toolNames.get(last.toLowerCase().replace(/[^a-z0-9]/gu, '').replace(/^kfc/u, '')) ?? null;
}

/** Parses the raw tool calls of one answer, in order; never throws on model output. */
export function parseToolCalls(raw: readonly RawToolCall[], options: ToolCallParseOptions): ParsedToolCalls {
  if (!Number.isInteger(options.maxReplyChars) || options.maxReplyChars < 1) {
    throw new InvalidInputError('maxReplyChars', `must be a positive integer, got ${options.maxReplyChars}`);
  }
  const result: ParsedToolCalls = { calls: [], dropped: [], adjusted: [] };
  for (const call of raw) {
    const outcome = parseOne(call, options, result.adjusted);
    if (typeof outcome === 'string') result.dropped.push({ id: call.id, name: call.name, reason: outcome });
    else result.calls.push(outcome);
  }
  return result;
}

/** Cuts `content` at the first metadata label when it carries two distinct ones; null when it does not. */
export function cutLeakedMetadata(content: string): { text: string; label: string } | null {
  const hits = leakPatterns.map((pattern) => pattern.exec(content)).filter((hit) => hit !== null);
  if (hits.length < 2) return null;
  const first = hits.reduce((earliest, hit) => (hit.index < earliest.index ? hit : earliest));
  const text = content.slice(0, first.index).replace(/[\s\-–—|/,，;；]+$/u, '');
  return { text, label: first[0].trim() };
}

interface Reader {
  args: Record<string, unknown>;
  note: (field: string, reason: string) => void;
  maxChars: number;
}

/** One call as a ToolCall, or the reason it is dropped. */
function parseOne(call: RawToolCall, options: ToolCallParseOptions, adjusted: AdjustedToolCall[]): ToolCall | string {
  const tool = normaliseToolName(call.name);
  if (tool === null) return `unknown tool "${call.name}"`;
  const args = parseArguments(call.arguments);
  if (typeof args === 'string') return args;
  const reader: Reader = {
    args,
    note: (field, reason) => adjusted.push({ id: call.id, name: call.name, field, reason }),
    maxChars: options.maxReplyChars,
  };
  for (const key of Object.keys(args)) {
    if (!knownArguments[tool].includes(snakeCase(key))) reader.note(key, 'unknown argument ignored');
  }
  switch (tool) {
    case 'reply':
      return readReply(reader);
    case 'do_nothing':
      return { tool, ...readMetadata(reader) };
    case 'set_reminder':
      return readReminder(reader, options);
    case 'schedule_wakeup':
      return readWakeup(reader);
    case 'write_memo':
      return readMemo(reader);
    case 'forget_memo':
      return readForget(reader);
  }
}

function parseArguments(text: string): Record<string, unknown> | string {
  // No arguments at all is how some servers encode a call without parameters.
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
    // Double-encoded arguments: a JSON string holding the JSON object.
    if (typeof value === 'string') value = JSON.parse(value);
  } catch (error) {
    return `arguments are not valid JSON (${error instanceof Error ? error.message : String(error)}): ${preview(text)}`;
  }
  return isRecord(value) ? value : `arguments must be a JSON object, got ${preview(text)}`;
}

function readReply(reader: Reader): ToolCall | string {
  const raw = readText(reader, 'content', { cap: false });
  if (raw === undefined) return 'reply without content';
  const leak = cutLeakedMetadata(raw);
  if (leak !== null) reader.note('content', `cut at leaked metadata "${leak.label}"`);
  const content = leak === null ? raw : leak.text;
  if (content === '') return 'reply content was only leaked metadata';
  return { tool: 'reply', content: capText(reader, 'content', content), ...readMetadata(reader) };
}

function readMetadata(reader: Reader): TurnMetadata {
  const metadata: TurnMetadata = {};
  const thought = readText(reader, 'thought');
  const expectedReaction = readText(reader, 'expected_reaction');
  const maxWaitSeconds = readNumber(reader, 'max_wait_seconds');
  const mood = readText(reader, 'mood');
  if (thought !== undefined) metadata.thought = thought;
  if (expectedReaction !== undefined) metadata.expectedReaction = expectedReaction;
  if (maxWaitSeconds !== undefined) metadata.maxWaitSeconds = maxWaitSeconds;
  if (mood !== undefined) metadata.mood = mood;
  return metadata;
}

function readReminder(reader: Reader, options: ToolCallParseOptions): ToolCall | string {
  const when = readText(reader, 'when');
  const text = readText(reader, 'text');
  if (when === undefined || text === undefined) return `set_reminder needs both when and text`;
  let dueAt = resolveReminderTime(when, options.now, options.timeZone);
  if (dueAt === null) reader.note('when', `"${when}" is not a time I understand; dueAt is null`);
  else if (dueAt <= options.now) {
    reader.note('when', `"${when}" is not in the future; dueAt is null`);
    dueAt = null;
  }
  return { tool: 'set_reminder', when, text, dueAt };
}

function readWakeup(reader: Reader): ToolCall | string {
  const delayMinutes = readNumber(reader, 'delay_minutes');
  if (delayMinutes === undefined) return 'schedule_wakeup without a numeric delay_minutes';
  if (delayMinutes < 0) return `delay_minutes must be 0 or more, got ${delayMinutes}`;
  const reason = readText(reader, 'reason');
  if (reason === undefined) reader.note('reason', 'missing; an empty reason is used');
  return { tool: 'schedule_wakeup', delayMinutes, reason: reason ?? '' };
}

function readMemo(reader: Reader): ToolCall | string {
  const text = readText(reader, 'text');
  if (text === undefined) return 'write_memo without text';
  const ttlHours = readNumber(reader, 'ttl_hours');
  if (ttlHours === undefined) reader.note('ttl_hours', 'missing; 24 hours are used');
  return { tool: 'write_memo', text, ttlHours: ttlHours ?? 24 };
}

function readForget(reader: Reader): ToolCall | string {
  const id = readNumber(reader, 'id');
  if (id === undefined || !Number.isInteger(id)) return 'forget_memo without a memo id';
  return { tool: 'forget_memo', id };
}

/** A text argument, trimmed; undefined when absent or empty. Numbers and booleans are taken as their text. */
function readText(reader: Reader, field: string, options: { cap: boolean } = { cap: true }): string | undefined {
  const value = argument(reader.args, field);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    reader.note(field, `expected text, got ${preview(JSON.stringify(value))}; ignored`);
    return undefined;
  }
  const text = String(value).trim();
  if (text === '') return undefined;
  return options.cap ? capText(reader, field, text) : text;
}

/** A finite number argument; numeric strings such as "120" are accepted. */
function readNumber(reader: Reader, field: string): number | undefined {
  const value = argument(reader.args, field);
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/u.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  reader.note(field, `expected a number, got ${preview(JSON.stringify(value))}; ignored`);
  return undefined;
}

function capText(reader: Reader, field: string, text: string): string {
  const chars = Array.from(text);
  if (chars.length <= reader.maxChars) return text;
  reader.note(field, `cut from ${chars.length} to ${reader.maxChars} characters`);
  return `${chars.slice(0, reader.maxChars - 1).join('').trimEnd()}…`;
}

/** The argument under its snake_case name or its camelCase twin. */
function argument(args: Record<string, unknown>, field: string): unknown {
  const camel = field.replace(/_([a-z])/gu, (_, char: string) => char.toUpperCase());
  if (Object.hasOwn(args, field)) return args[field];
  return Object.hasOwn(args, camel) ? args[camel] : undefined;
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/gu, (char) => `_${char.toLowerCase()}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
