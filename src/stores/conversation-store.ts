/**
 * Reads what a session has said and thought: its conversation history and mental log (both written by the
 * commit that produced them, bounded there) — the material prompts are built from.
 */
import type { Redis } from 'ioredis';
import type { HistoryEntry, MentalEntry } from '../llm/llm-types.js';
import { sessionKeys } from '../redis/keys.js';

export class ConversationStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** The newest `limit` history entries, oldest first. Performs I/O. */
  async history(sessionId: string, limit: number): Promise<HistoryEntry[]> {
    if (limit <= 0) return [];
    const rows = await this.#redis.lrange(sessionKeys(this.#prefix, sessionId).history, -limit, -1);
    return rows.map((row) => JSON.parse(row) as HistoryEntry);
  }

  /** The newest `limit` mental-log entries, oldest first. Performs I/O. */
  async mentalLog(sessionId: string, limit: number): Promise<MentalEntry[]> {
    if (limit <= 0) return [];
    const rows = await this.#redis.lrange(sessionKeys(this.#prefix, sessionId).mental, -limit, -1);
    return rows.map((row) => JSON.parse(row) as MentalEntry);
  }
}
