/**
 * The session driver: drains one session's mailbox. Per batch: load the live actor (or rehydrate it from
 * the stored snapshot) → apply the events → commit snapshot, log, outbox and effects in one atomic step
 * guarded by the version → carry out the effects → publish the transitions.
 */
import type { Snapshot } from 'xstate';
import type { SessionSettings } from '../../machines/session-types.js';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { type AppliedBatch, applyBatch } from './apply-batch.js';
import type { CommitPublisher } from './commit-publisher.js';
import type { EffectRunner } from './effect-runner.js';
import type { Effect } from './effects.js';
import type { Inspector } from './inspection.js';
import type { LiveActorCache } from './live-actor-cache.js';
import { logEntryJson } from './log-entry.js';
import type { CommittedBatch, DrainRecord, RuntimeStats } from './runtime-stats.js';
import { createLiveSession, type LiveSession } from './session-actor.js';
import type { BatchRead, SessionStore } from './session-store.js';
import { encodeSnapshot } from './snapshot-codec.js';

export interface DriverOptions {
  store: SessionStore;
  cache: LiveActorCache;
  scorer: CompletenessScorer;
  effects: EffectRunner;
  settingsFor: (sessionId: string) => SessionSettings;
  stats: RuntimeStats;
  publisher?: CommitPublisher;
  inspector?: Inspector;
  batchSize: number;
  maxBatches: number;
  now?: () => number;
}

/** `released`: the mailbox was empty and the trigger released; `more`: stopped at the batch limit. */
export type DrainOutcome = 'released' | 'more';

/** A drain's counts while it runs; they go to the statistics in one update when it ends. */
interface DrainCounts extends DrainRecord {
  batches: CommittedBatch[];
}

export class SessionDriver {
  readonly #options: DriverOptions;
  readonly #now: () => number;
  /** Drains running in this process, so a re-delivered job never races its twin on one live actor. */
  readonly #running = new Map<string, Promise<DrainOutcome>>();

  constructor(options: DriverOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Applies everything in the session's mailbox, batch by batch. Performs I/O. */
  async drain(sessionId: string): Promise<DrainOutcome> {
    const previous = this.#running.get(sessionId);
    const run = (previous ?? Promise.resolve<DrainOutcome>('released'))
      .catch(() => 'released' as const)
      .then(() => this.#drainNow(sessionId));
    this.#running.set(sessionId, run);
    try {
      return await run;
    } finally {
      if (this.#running.get(sessionId) === run) this.#running.delete(sessionId);
    }
  }

  async #drainNow(sessionId: string): Promise<DrainOutcome> {
    const counts: DrainCounts = { batches: [], conflicts: 0, rehydrations: 0, effectsRun: 0 };
    try {
      return await this.#drainBatches(sessionId, counts);
    } finally {
      this.#options.stats.trigger.drained(counts);
    }
  }

  async #drainBatches(sessionId: string, counts: DrainCounts): Promise<DrainOutcome> {
    const { store, cache, batchSize, maxBatches } = this.#options;
    for (let batch = 0; batch < maxBatches; batch++) {
      const held = cache.get(sessionId);
      const read = await store.readBatch(sessionId, held?.version ?? -1, batchSize);
      if (read.effects.length > 0) await this.#runStoredEffects(sessionId, read.effects, counts);
      if (read.entries.length === 0) {
        if (read.effects.length === 0) return 'released';
        continue;
      }
      const live = held !== undefined && read.snapshot === null ? held : await this.#rehydrate(sessionId, read, counts);
      try {
        if ((await this.#applyAndCommit(live, read, counts)) === 0) return 'released';
      } catch (error) {
        // The actor may have moved past what Redis holds; the stored snapshot is the truth.
        cache.evict(sessionId);
        throw error;
      }
    }
    return 'more';
  }

  async #rehydrate(sessionId: string, read: BatchRead, counts: DrainCounts): Promise<LiveSession> {
    const { cache, inspector, store } = this.#options;
    cache.evict(sessionId);
    const persisted = read.snapshot === null ? undefined : await store.settings.decode(read.snapshot);
    const live = createLiveSession(sessionId, persisted, read.version, inspector);
    if (persisted !== undefined) counts.rehydrations++;
    cache.set(live);
    return live;
  }

  /** Applies and commits one batch; resolves with the events left in the mailbox (-1 after a conflict). */
  async #applyAndCommit(live: LiveSession, read: BatchRead, counts: DrainCounts): Promise<number> {
    const { store, cache, scorer } = this.#options;
    const sessionId = live.sessionId;
    const settings = this.#options.settingsFor(sessionId);
    const applied = await applyBatch(live, read.entries, {
      scorer,
      settings,
      rebuild: (persisted: Snapshot<unknown>) => createLiveSession(sessionId, persisted, read.version, this.#options.inspector),
    });
    const committedAt = this.#now();
    const last = read.entries.at(-1)!;
    const encoded = encodeSnapshot(applied.persisted);
    await store.settings.remember(encoded);
    // A settings change is logged by digest: its settings must be in the table even if the batch moved on.
    for (const entry of applied.logEntries) if (entry.event?.type === 'settings.changed') await store.settings.rememberSettings(entry.event.settings);
    const result = await store.commit(sessionId, {
      expectedVersion: read.version,
      consumed: read.entries.length,
      lastSeq: last.seq,
      snapshot: encoded.json,
      state: JSON.stringify(applied.state),
      committedAt,
      logEntries: applied.logEntries.map((entry) => logEntryJson(entry, committedAt)),
      outbound: applied.outbound.map(({ type: _type, ...message }) => JSON.stringify(message)),
      effects: applied.effects.map((effect) => JSON.stringify(effect)),
      history: applied.history.map(({ type: _type, ...record }) => JSON.stringify(record)),
      mental: applied.mental.map(({ type: _type, ...record }) => JSON.stringify(record)),
      // A group's history is its memory, bounded by `groups.memoryMaxMessages`.
      ...(applied.live.actor.getSnapshot().context.group === undefined ? {} : { historyMaxEntries: settings.groups.memoryMaxMessages }),
    });
    if (result.status !== 'committed') {
      counts.conflicts++;
      cache.evict(sessionId);
      return -1;
    }
    applied.live.version = result.version;
    if (applied.live !== live) cache.set(applied.live);
    counts.batches.push(committedBatch(applied, committedAt));
    if (applied.effects.length > 0) await this.#options.effects.run(applied.effects);
    counts.effectsRun += applied.effects.length;
    // Published in the same tick as the effects' acknowledgement below, and the shard's settling follows
    // in that tick too: one write to Redis for the three.
    this.#options.publisher?.publish({
      sessionId,
      version: result.version,
      applied: applied.applied,
      state: applied.state,
      transitions: applied.transitions,
      outbound: applied.outbound,
      committedAt,
    });
    this.#ackInBackground(sessionId, applied.effects.length);
    return result.remaining;
  }

  /**
   * Acknowledges carried-out effects without waiting for the reply. Commands on the connection run in
   * order, so this session's next read already sees them gone; if the acknowledgement is lost (a crash,
   * Redis gone), the next drain runs them again, which their job ids make harmless — as after any crash
   * between running effects and acknowledging them.
   */
  #ackInBackground(sessionId: string, count: number): void {
    this.#options.store.ackEffects(sessionId, count).catch(() => undefined);
  }

  async #runStoredEffects(sessionId: string, stored: readonly string[], counts: DrainCounts): Promise<void> {
    await this.#options.effects.run(stored.map((json) => JSON.parse(json) as Effect));
    counts.effectsRun += stored.length;
    await this.#options.store.ackEffects(sessionId, stored.length);
  }
}

/** What a committed batch adds to the counters, its events' ingest→commit latencies included; pure. */
function committedBatch(applied: AppliedBatch, committedAt: number): CommittedBatch {
  const latencies: number[] = [];
  for (const entry of applied.logEntries) if (entry.seq !== null && entry.event !== undefined) latencies.push(committedAt - entry.event.at);
  return { applied: applied.applied, rejected: applied.rejected, latencies, tally: applied.tally };
}
