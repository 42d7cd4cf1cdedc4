/**
 * Carries out committed effects through the timer scheduler and the LLM dispatcher. Every effect is
 * idempotent (deterministic job ids), so running a list twice after a crash does no harm.
 */
import type { LlmDispatcher } from '../llm/llm-dispatcher.js';
import type { Effect } from './effects.js';
import type { TimerScheduler } from './timer-scheduler.js';

export class EffectRunner {
  readonly #timers: TimerScheduler;
  readonly #llm: LlmDispatcher;

  constructor(timers: TimerScheduler, llm: LlmDispatcher) {
    this.#timers = timers;
    this.#llm = llm;
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
    }
  }
}
