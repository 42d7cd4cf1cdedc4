/**
 * The drain path's view of Redis: append an event to a mailbox, read a batch, commit a batch atomically,
 * acknowledge carried-out effects. Each call is one Lua script or one command on one session's slot.
 */
import type { Redis } from 'ioredis';
import { RedisFullError, RedisUnavailableError } from '../errors.js';
import { globalKeys, sessionKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import { SettingsTable } from './snapshot-codec.js';

export interface StoreLimits {
  eventLogMaxEntries: number;
  outboxMaxEntries: number;
  messageIdMemory: number;
  historyMaxEntries: number;
  mentalLogMaxEntries: number;
}

export interface AppendResult {
  appended: boolean;
  seq: number;
  needsDrain: boolean;
}

export interface MailboxEntry {
  seq: number;
  /** The event JSON as ingested. */
  json: string;
}

export interface BatchRead {
  version: number;
  /** The stored snapshot JSON, or null when the caller's version is current (or nothing is stored yet). */
  snapshot: string | null;
  effects: string[];
  entries: MailboxEntry[];
}

export interface CommitRequest {
  expectedVersion: number;
  consumed: number;
  lastSeq: number;
  /** The stored (encoded) snapshot JSON. */
  snapshot: string;
  state: string;
  committedAt: number;
  logEntries: string[];
  /** Outbound message JSONs, in order. */
  outbound: string[];
  effects: string[];
  history: string[];
  mental: string[];
  /** Bound on this session's history when it differs from the store's (a group's memory). */
  historyMaxEntries?: number;
}

export type CommitResult =
  | { status: 'committed'; version: number; remaining: number }
  | { status: 'conflict' | 'mailbox-changed'; version: number };

/** Bound on the sessions a process remembers as indexed (a cleared memo only costs ZADDs). */
const maxIndexedRemembered = 100_000;

export class SessionStore {
  readonly redis: Redis & ScriptCommands;
  readonly prefix: string;
  readonly limits: StoreLimits;
  /** The shared settings table stored snapshots refer to. */
  readonly settings: SettingsTable;
  /**
   * Sessions this process has put in the global index (sessions never leave it), so their next events skip
   * the ZADD. Forgotten on every (re)connect: a Redis that restarted may have lost the last second of writes.
   */
  readonly #indexed = new Set<string>();

  constructor(redis: Redis & ScriptCommands, prefix: string, limits: StoreLimits) {
    this.redis = redis;
    this.prefix = prefix;
    this.limits = limits;
    this.settings = new SettingsTable(redis, prefix);
    redis.on('ready', () => this.#indexed.clear());
  }

  /** Registers the session in the global index (first time only) and appends the event. Performs I/O. */
  async append(sessionId: string, eventJson: string, at: number, messageId?: string): Promise<AppendResult> {
    const keys = sessionKeys(this.prefix, sessionId);
    return guardRedis(async () => {
      // Sent together (auto-pipelined, executed in this order): the index entry before the event.
      const indexed = this.#indexed.has(sessionId);
      const [, appended] = await Promise.all([
        indexed ? null : this.redis.zadd(globalKeys(this.prefix).sessions, 'NX', at, sessionId),
        this.redis.appendEvent(
          keys.actor,
          keys.mailbox,
          keys.armed,
          keys.messageIds,
          eventJson,
          messageId ?? '',
          String(this.limits.messageIdMemory),
        ),
      ]);
      if (!indexed) this.#remember(sessionId);
      const reply = appended as [number, number, number];
      return { appended: reply[0] === 1, seq: reply[1], needsDrain: reply[2] === 1 };
    });
  }

  #remember(sessionId: string): void {
    if (this.#indexed.size >= maxIndexedRemembered) this.#indexed.clear();
    this.#indexed.add(sessionId);
  }

  /** Reads pending effects and up to `max` mailbox entries; releases the drain trigger when both are empty. */
  async readBatch(sessionId: string, heldVersion: number, max: number): Promise<BatchRead> {
    const keys = sessionKeys(this.prefix, sessionId);
    const reply = (await this.redis.readBatch(
      keys.actor,
      keys.mailbox,
      keys.effects,
      keys.armed,
      String(heldVersion),
      String(max),
    )) as [number, string | null, string[], string[]];
    return { version: reply[0], snapshot: reply[1], effects: reply[2], entries: reply[3].map(parseMailboxEntry) };
  }

  /** Commits a batch if the actor is still at `expectedVersion`; releases the trigger when the mailbox is empty. */
  async commit(sessionId: string, request: CommitRequest): Promise<CommitResult> {
    const keys = sessionKeys(this.prefix, sessionId);
    const reply = (await this.redis.commitBatch(
      keys.actor,
      keys.mailbox,
      keys.log,
      keys.outbox,
      keys.effects,
      keys.checkpoint,
      keys.armed,
      keys.history,
      keys.mental,
      String(request.expectedVersion),
      String(request.consumed),
      String(request.lastSeq),
      request.snapshot,
      request.state,
      String(this.limits.eventLogMaxEntries),
      String(this.limits.outboxMaxEntries),
      String(request.committedAt),
      String(request.historyMaxEntries ?? this.limits.historyMaxEntries),
      String(this.limits.mentalLogMaxEntries),
      String(request.logEntries.length),
      ...request.logEntries,
      String(request.outbound.length),
      ...request.outbound,
      String(request.effects.length),
      ...request.effects,
      String(request.history.length),
      ...request.history,
      String(request.mental.length),
      ...request.mental,
    )) as [number, number, number];
    if (reply[0] === 1) return { status: 'committed', version: reply[1], remaining: reply[2] };
    return { status: reply[0] === 0 ? 'conflict' : 'mailbox-changed', version: reply[1] };
  }

  /** Drops the first `count` pending effects once they have been carried out. Performs I/O. */
  async ackEffects(sessionId: string, count: number): Promise<void> {
    if (count > 0) await this.redis.ltrim(sessionKeys(this.prefix, sessionId).effects, count, -1);
  }
}

function parseMailboxEntry(raw: string): MailboxEntry {
  const space = raw.indexOf(' ');
  return { seq: Number(raw.slice(0, space)), json: raw.slice(space + 1) };
}

/** Runs a request-path Redis call, turning connection failures into RedisUnavailableError and a full Redis into RedisFullError. */
export async function guardRedis<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isConnectionError(error)) throw new RedisUnavailableError(error);
    if (error instanceof Error && error.message.startsWith('OOM ')) throw new RedisFullError(error);
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    error.name === 'MaxRetriesPerRequestError' ||
    /Stream isn't writeable|Connection is closed|enableOfflineQueue|LOADING/.test(error.message)
  );
}
