/**
 * Read-only views of sessions for the HTTP API, the console and `kizuna replay`: the session list, one
 * session's state, its event log (with the checkpoint it starts from) and its outbound messages.
 */
import type { Redis } from 'ioredis';
import type { OutboundMessage, SessionContext } from '../../machines/session-types.js';
import { globalKeys, sessionKeys } from '../redis/keys.js';
import type { LogEntry } from './log-entry.js';
import { guardRedis } from './session-store.js';

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

/** A message in the outbox, as the API lists it. */
export type OutboxMessage = Omit<OutboundMessage, 'type'>;

export interface SessionLog {
  checkpoint: { snapshot: unknown; version: number } | null;
  entries: LogEntry[];
}

export class SessionReader {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
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
      const snapshot = JSON.parse(snapshotJson) as { value: unknown; context: SessionContext };
      const timers = Object.entries(snapshot.context.timers).map(([name, entry]) => ({ name, dueAt: entry.dueAt }));
      return { sessionId, state: snapshot.value, context: snapshot.context, timers, version: Number(version), snapshot };
    });
  }

  /** The event log since its checkpoint. */
  async readLog(sessionId: string): Promise<SessionLog> {
    return guardRedis(async () => {
      const keys = sessionKeys(this.#prefix, sessionId);
      const [checkpoint, rows] = await Promise.all([
        this.#redis.hmget(keys.checkpoint, 'snapshot', 'version'),
        this.#redis.xrange(keys.log, '-', '+'),
      ]);
      const entries = rows.map(([, fields]) => JSON.parse(fields[1] ?? 'null') as LogEntry);
      const [snapshot, version] = checkpoint;
      return {
        checkpoint: snapshot ? { snapshot: JSON.parse(snapshot) as unknown, version: Number(version) } : null,
        entries,
      };
    });
  }

  /** Outbound messages with `seq` greater than `after`, oldest first. */
  async readOutbox(sessionId: string, after = 0): Promise<OutboxMessage[]> {
    return guardRedis(async () => {
      const rows = await this.#redis.xrange(sessionKeys(this.#prefix, sessionId).outbox, '-', '+');
      return rows
        .map(([, fields]) => JSON.parse(fields[3] ?? 'null') as OutboxMessage)
        .filter((message) => message.seq > after);
    });
  }
}

function pendingView(sessionId: string): SessionView {
  return { sessionId, state: 'idle', context: null, timers: [], version: 0, snapshot: null };
}
