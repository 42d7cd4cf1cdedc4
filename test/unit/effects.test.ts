import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import type { SessionContext } from '../../machines/session-types.js';
import { llmRequestOf, planEffects } from '../../src/runtime/effects.js';
import { messageEvent } from '../helpers/session-events.js';

function contextAfter(...texts: Array<[string, number]>): SessionContext {
  const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:alice' } }).start();
  texts.forEach(([text, completeness], index) => actor.send(messageEvent(text, 1000 * (index + 1), completeness)));
  return actor.getSnapshot().context;
}

describe('planEffects', () => {
  it('pushing a deadline back keeps the armed job: no effect at all', () => {
    const before = contextAfter(['and', 0.1]);
    const after = contextAfter(['and', 0.1], ['then', 0.1]);
    expect(after.timers.debounce).toEqual({ gen: 1, dueAt: 12_000, firesAt: 11_000 });
    expect(planEffects('s', before, after)).toEqual([]);
  });

  it('renewing a timer after its early firing arms the remainder and leaves the fired job alone', () => {
    const before = contextAfter(['and', 0.1], ['then', 0.1]);
    const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:alice' }, snapshot: undefined }).start();
    actor.send(messageEvent('and', 1000, 0.1));
    actor.send(messageEvent('then', 2000, 0.1));
    actor.send({ type: 'timer.fired', at: 11_000, name: 'debounce', gen: 1, dueAt: 11_000 });
    expect(planEffects('s', before, actor.getSnapshot().context, [], [{ name: 'debounce', gen: 1 }])).toEqual([
      { type: 'timer.arm', sessionId: 's', name: 'debounce', gen: 2, dueAt: 12_000 },
    ]);
    // A timer dropped without having fired (here: as if the batch had not applied the firing) is cancelled.
    expect(planEffects('s', before, actor.getSnapshot().context)).toContainEqual({ type: 'timer.cancel', sessionId: 's', name: 'debounce', gen: 1 });
  });

  it('coalesces a burst: ten fragments in one batch cost one arm', () => {
    const burst = Array.from({ length: 10 }, (_, index): [string, number] => [`part ${index}`, 0.1]);
    const effects = planEffects('s', null, contextAfter(...burst));
    expect(effects).toEqual([{ type: 'timer.arm', sessionId: 's', name: 'debounce', gen: 1, dueAt: 11_000 }]);
  });

  it('starts the request in flight with the merged text (CJK joined without spaces)', () => {
    const after = contextAfter(['如果明天下雨', 0.1], ['我们就不去了。', 0.95]);
    const effects = planEffects('http:private:alice', null, after);
    expect(effects).toEqual([
      {
        type: 'llm.start',
        request: {
          sessionId: 'http:private:alice',
          requestId: 'r1',
          purpose: 'reply',
          text: '如果明天下雨我们就不去了。',
          images: [],
          consecutiveTimeouts: 0,
          unanswered: 0,
          requestedAt: 2000,
          wait: null,
          memos: [],
        },
      },
    ]);
  });

  it('aborts a superseded request; a request started and dropped within one batch costs nothing', () => {
    const before = contextAfter(['hello!', 0.95]);
    const after = contextAfter(['hello!', 0.95], ['wait', 0.1]);
    expect(planEffects('s', before, after)).toEqual([
      { type: 'timer.arm', sessionId: 's', name: 'debounce', gen: 2, dueAt: 12_000 },
      { type: 'llm.abort', sessionId: 's', requestId: 'r1' },
    ]);
    expect(planEffects('s', null, after).some((effect) => effect.type.startsWith('llm'))).toBe(false);
  });

  it('plans nothing when nothing changed', () => {
    const context = contextAfter(['and', 0.1]);
    expect(planEffects('s', context, context)).toEqual([]);
  });

  it('refuses to build a request without a turn', () => {
    expect(() => llmRequestOf('s', contextAfter(['and', 0.1]))).toThrow(/turn/);
  });
});
