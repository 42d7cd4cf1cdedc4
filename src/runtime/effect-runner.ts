/**
 * Carries out committed effects: timers, LLM requests and deliveries, all as BullMQ jobs. Every effect is
 * idempotent (deterministic job ids), so running a list twice after a crash does no harm.
 */
import type { Queue } from 'bullmq';
import type { LlmDispatcher } from '../llm/llm-dispatcher.js';
import type { Effect } from './effects.js';
import { queueDelivery } from './outbox-delivery.js';
import type { TimerScheduler } from './timer-scheduler.js';

export class EffectRunner {
  readonly #timers: TimerScheduler;
  readonly #llm: LlmDispatcher;
  readonly #outbox: Queue;

  constructor(timers: TimerScheduler, llm: LlmDispatcher, outbox: Queue) {
    this.#timers = timers;
    this.#llm = llm;
    this.#outbox = outbox;
  }

  /** Runs the effects (they touch distinct jobs, so concurrently). Performs I/O. */
  async run(effects: readonly Effect[]): Promise<void> {
    await Promise.all(effects.map((effect) => this.#runOne(effect)));
  }

  async #runOne(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'timer.arm':
        return this.#timers.arm({ sessionId: effect.sessionId, name: effect.name, gen: effect.gen, dueAt: effect.dueAt });
      case 'timer.cancel':
        return this.#timers.cancel(effect.sessionId, effect.name, effect.gen);
      case 'llm.start':
        return this.#llm.start(effect.request);
      case 'llm.abort':
        return this.#llm.abort(effect.sessionId, effect.requestId);
      case 'outbound.deliver':
        return queueDelivery(this.#outbox, effect.sessionId, effect.message);
    }
  }
}
