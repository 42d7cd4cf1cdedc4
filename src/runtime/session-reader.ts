/**
 * Read-only views of sessions for the HTTP API, the console and `kizuna replay`: the session list, one
 * session's state, its event log (with the checkpoint it starts from) and its outbound messages.
 */
import type { Redis } from 'ioredis';
import { armedTimers } from '../../machines/session-logic.js';
import type { OutboundMessage, SessionContext } from '../../machines/session-types.js';
import { globalKeys, sessionKeys } from '../redis/keys.js';
import type { LogEntry } from './log-entry.js';
import { guardRedis } from './session-store.js';
import { SettingsTable } from './snapshot-codec.js';

export interface SessionSummary {
  sessionId: string;
  state: unknown;
}

export interface SessionView {
  sessionId: string;
  state: unknown;
  /** Null while the session's first events wait in its mailbox. */
  context: SessionContext | null;
  timers: Array<{ name: string; dueAt: number }>;
  version: number;
  snapshot: unknown;
}

/** A message in the outbox, as the API lists it, with how its delivery went. */
export type OutboxMessage = Omit<OutboundMessage, 'type'> & { status: 'queued' | 'delivered' | 'failed'; deliveredAt?: number };

export interface SessionLog {
  checkpoint: { snapshot: unknown; version: number } | null;
  entries: LogEntry[];
}

export class SessionReader {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #settings: SettingsTable;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#settings = new SettingsTable(redis, prefix);
  }

  /** Lists sessions (oldest first) with their current state; `idle` for one not yet applied. */
  async listSessions(offset = 0, limit = 1000): Promise<SessionSummary[]> {
    return guardRedis(async () => {
      const ids = await this.#redis.zrange(globalKeys(this.#prefix).sessions, String(offset), String(offset + limit - 1));
      const pipeline = this.#redis.pipeline();
      for (const id of ids) pipeline.hget(sessionKeys(this.#prefix, id).actor, 'state');
      const states = (await pipeline.exec()) ?? [];
      return ids.map((sessionId, index) => {
        const raw = states[index]?.[1] as string | null | undefined;
        return { sessionId, state: raw ? (JSON.parse(raw) as unknown) : 'idle' };
      });
    });
  }

  /** One session's current view, or null when the session has never received an event. */
  async getSession(sessionId: string): Promise<SessionView | null> {
    return guardRedis(async () => {
      const [snapshotJson, version] = await this.#redis.hmget(sessionKeys(this.#prefix, sessionId).actor, 'snapshot', 'version');
      if (snapshotJson === null || snapshotJson === undefined) {
        const known = await this.#redis.zscore(globalKeys(this.#prefix).sessions, sessionId);
        return known === null ? null : pendingView(sessionId);
      }
      const snapshot = (await this.#settings.decode(snapshotJson)) as { value: unknown; context: SessionContext };
      const timers = armedTimers(snapshot.context).map(({ name, dueAt }) => ({ name, dueAt }));
      return { sessionId, state: snapshot.value, context: snapshot.context, timers, version: Number(version), snapshot };
    });
  }

  /** The event log since its checkpoint. */
  async readLog(sessionId: string): Promise<SessionLog> {
    return guardRedis(async () => {
      const keys = sessionKeys(this.#prefix, sessionId);
      const [checkpoint, rows] = await Promise.all([
        this.#redis.hmget(keys.checkpoint, 'snapshot', 'version'),
        this.#redis.lrange(keys.log, 0, -1),
      ]);
      const entries = await Promise.all(rows.map((row) => this.#withSettings(JSON.parse(row) as LogEntry)));
      const [snapshot, version] = checkpoint;
      return {
        checkpoint: snapshot ? { snapshot: await this.#settings.decode(snapshot), version: Number(version) } : null,
        entries,
      };
    });
  }

  /** Puts back the settings a stored `settings.changed` entry names by digest (left as is when unknown). */
  async #withSettings(entry: LogEntry): Promise<LogEntry> {
    const event = entry.event;
    if (event?.type !== 'settings.changed' || typeof event.settings !== 'string') return entry;
    const settings = await this.#settings.resolve(event.settings);
    return settings === undefined ? entry : { ...entry, event: { ...event, settings } };
  }

  /** Outbound messages with `seq` greater than `after`, oldest first, with their delivery status. */
  async readOutbox(sessionId: string, after = 0): Promise<OutboxMessage[]> {
    return guardRedis(async () => {
      const keys = sessionKeys(this.#prefix, sessionId);
      const [rows, outcomes] = await Promise.all([this.#redis.lrange(keys.outbox, 0, -1), this.#redis.hgetall(keys.delivery)]);
      return rows
        .map((row) => JSON.parse(row) as Omit<OutboundMessage, 'type'>)
        .filter((message) => message.seq > after)
        .map((message) => withOutcome(message, outcomes[String(message.seq)]));
    });
  }

  /** The newest history and mental-log entries (for the console and tests). */
  async readConversation(sessionId: string, limit = 100): Promise<{ history: unknown[]; mental: unknown[] }> {
    return guardRedis(async () => {
      const keys = sessionKeys(this.#prefix, sessionId);
      const [history, mental] = await Promise.all([this.#redis.lrange(keys.history, -limit, -1), this.#redis.lrange(keys.mental, -limit, -1)]);
      return { history: history.map((row) => JSON.parse(row) as unknown), mental: mental.map((row) => JSON.parse(row) as unknown) };
    });
  }
}

function withOutcome(message: Omit<OutboundMessage, 'type'>, outcome: string | undefined): OutboxMessage {
  if (outcome === undefined) return { ...message, status: 'queued' };
  const parsed = JSON.parse(outcome) as { status: 'delivered' | 'failed'; at: number };
  return { ...message, status: parsed.status, deliveredAt: parsed.at };
}

function pendingView(sessionId: string): SessionView {
  return { sessionId, state: 'idle', context: null, timers: [], version: 0, snapshot: null };
}
