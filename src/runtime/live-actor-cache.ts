/**
 * The worker's cache of live session actors, bounded by LRU eviction. An evicted session costs nothing in
 * memory; its next event rehydrates it from the stored snapshot.
 */
import type { LiveSession } from './session-actor.js';
import type { RuntimeStats } from './runtime-stats.js';

export class LiveActorCache {
  readonly capacity: number;
  readonly #entries = new Map<string, LiveSession>();
  readonly #stats: RuntimeStats | undefined;

  constructor(capacity: number, stats?: RuntimeStats) {
    this.capacity = capacity;
    this.#stats = stats;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Returns the live session and marks it most recently used. */
  get(sessionId: string): LiveSession | undefined {
    const live = this.#entries.get(sessionId);
    if (live === undefined) return undefined;
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, live);
    return live;
  }

  /** Stores a live session, evicting the least recently used ones beyond capacity. */
  set(live: LiveSession): void {
    const previous = this.#entries.get(live.sessionId);
    if (previous !== undefined && previous !== live) previous.actor.stop();
    const before = this.#entries.size;
    this.#entries.delete(live.sessionId);
    this.#entries.set(live.sessionId, live);
    let evicted = 0;
    while (this.#entries.size > this.capacity) {
      // Forgotten, not stopped: another drain in this process may be applying a batch to it right now, and a
      // stopped actor ignores events (they would be committed as consumed, never applied). Nothing else holds it.
      this.#entries.delete(this.#entries.keys().next().value as string);
      evicted++;
    }
    if (evicted > 0 || this.#entries.size !== before) this.#stats?.trigger.liveActorsChanged({ count: this.#entries.size, evicted });
  }

  /** Drops a session from memory (after eviction, a conflict or an error). */
  evict(sessionId: string): void {
    const live = this.#entries.get(sessionId);
    if (live === undefined) return;
    live.actor.stop();
    this.#entries.delete(sessionId);
    this.#stats?.trigger.liveActorsChanged({ count: this.#entries.size, evicted: 1 });
  }

  /** Stops and drops every live session. */
  clear(): void {
    for (const sessionId of [...this.#entries.keys()]) this.evict(sessionId);
  }
}
