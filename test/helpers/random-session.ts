/**
 * Seeded random event sequences for the session machine: messages (complete, incomplete, empty), replies
 * to the current or a stale request, failures, and timer firings (current and stale), with increasing times.
 */
import { nextRandom } from '../../machines/random.js';
import type { SessionContext, SessionEvent, TimerName } from '../../machines/session-types.js';

export class RandomEvents {
  #state: number;
  #at = 1_000;

  constructor(seed: number) {
    this.#state = seed;
  }

  #random(): number {
    const draw = nextRandom(this.#state);
    this.#state = draw.state;
    return draw.value;
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)]!;
  }

  /** The next event, chosen with knowledge of the current context (so current timers and requests occur). */
  next(context: SessionContext): SessionEvent {
    this.#at += Math.floor(this.#random() * 5_000);
    const at = this.#at;
    const roll = this.#random();
    if (roll < 0.35) {
      const text = this.#pick(['hi', 'so', '好的。', 'and then', '', '  ', 'what do you think?', '因为']);
      return { type: 'message.received', at, sender: { id: 'u' }, text, images: [], mentionsBot: false, completeness: this.#random() };
    }
    if (roll < 0.6) {
      const requestId = context.turn !== null && this.#random() < 0.8 ? context.turn.requestId : 'r999';
      const wait = this.#pick([0, 5, 30, 900]);
      const calls = this.#random() < 0.8 ? [{ tool: 'reply' as const, content: 'ok', maxWaitSeconds: wait }] : [{ tool: 'do_nothing' as const, maxWaitSeconds: wait }];
      return { type: 'llm.replied', at, requestId, calls };
    }
    if (roll < 0.65 && context.turn !== null) {
      return { type: 'llm.failed', at, requestId: context.turn.requestId, error: { code: 'llm_failed', message: 'x' } };
    }
    const names = Object.keys(context.timers) as TimerName[];
    const name = names.length > 0 ? this.#pick(names) : this.#pick(['debounce', 'wait', 'proactive'] as const);
    const entry = context.timers[name];
    const stale = entry === undefined || this.#random() < 0.2;
    return { type: 'timer.fired', at, name, gen: stale ? 9999 : entry.gen, dueAt: entry?.dueAt ?? at };
  }
}
