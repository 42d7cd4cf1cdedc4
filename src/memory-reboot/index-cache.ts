/**
 * The in-worker group indexes: built lazily from Redis on a group's first check, brought up to date from the
 * records stored since (any worker may have checked the group's last messages), rebuilt after a wipe, and
 * evicted least-recently-used once their memory passes the budget. Redis stays the truth; an index is a cache.
 */
import { GroupIndex } from './group-index.js';
import { indexedMessageOf } from './reboot-record.js';
import type { GroupMeta, RebootStore } from './reboot-store.js';

interface Cached {
  index: GroupIndex;
  /** The store sequence and wipe epoch the index reflects. */
  seq: number;
  epoch: number;
}

export class IndexCache {
  readonly #store: RebootStore;
  readonly #budgetBytes: number;
  readonly #entries = new Map<string, Cached>();

  constructor(store: RebootStore, budgetBytes: number) {
    this.#store = store;
    this.#budgetBytes = budgetBytes;
  }

  /** Groups held in memory. */
  get size(): number {
    return this.#entries.size;
  }

  /** The group's index, current with `meta` (read just before). Performs I/O. */
  async get(sessionId: string, meta: GroupMeta): Promise<GroupIndex> {
    let cached = this.#entries.get(sessionId);
    this.#entries.delete(sessionId);
    // A wipe (new epoch) or keys that expired and started over (sequence went back) invalidate the index.
    if (cached !== undefined && (cached.epoch !== meta.epoch || cached.seq > meta.seq)) cached = undefined;
    cached ??= { index: new GroupIndex(), seq: 0, epoch: meta.epoch };
    if (cached.seq < meta.seq) {
      for (const loaded of await this.#store.recordsAfter(sessionId, cached.seq)) {
        cached.index.add(indexedMessageOf(loaded.record, loaded.vector));
        cached.seq = Math.max(cached.seq, loaded.seq);
      }
      cached.seq = Math.max(cached.seq, meta.seq);
    }
    this.#entries.set(sessionId, cached);
    this.#evict(sessionId);
    return cached.index;
  }

  /** Records that this worker stored message `seq` (already added to the index); a gap leaves it to `get`. */
  stored(sessionId: string, seq: number): void {
    const cached = this.#entries.get(sessionId);
    if (cached !== undefined && cached.seq === seq - 1) cached.seq = seq;
  }

  /** Drops a group's index (after a wipe). */
  forget(sessionId: string): void {
    this.#entries.delete(sessionId);
  }

  #evict(keep: string): void {
    let total = 0;
    for (const cached of this.#entries.values()) total += cached.index.memoryBytes;
    for (const [sessionId, cached] of this.#entries) {
      if (total <= this.#budgetBytes) return;
      if (sessionId === keep) continue;
      this.#entries.delete(sessionId);
      total -= cached.index.memoryBytes;
    }
  }
}
