/**
 * The group side of the session machine under seeded random traffic — members chatting and addressing the
 * bot, the judge answering (or failing), turns answered or failed, deliveries reported, any armed timer
 * firing — checked after every event against what must always hold.
 */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { nextRandom } from '../../machines/random.js';
import { sessionMachine } from '../../machines/session-machine.js';
import type { OutboundMessage, SessionContext, SessionEvent, TimerName } from '../../machines/session-types.js';
import { shareSettings } from '../../src/runtime/shared-settings.js';
import { settingsWith } from '../helpers/machine-harness.js';

const sessionId = 'http:group:fuzz';

class Draws {
  #state: number;
  constructor(seed: number) {
    this.#state = seed;
  }
  next(): number {
    const draw = nextRandom(this.#state);
    this.#state = draw.state;
    return draw.value;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/** The next event for the group as it stands; null when the chosen kind has nothing to act on. */
function nextEvent(draws: Draws, context: SessionContext, at: number, queued: OutboundMessage[]): SessionEvent | null {
  const roll = draws.next();
  if (roll < 0.35) {
    const sender = draws.pick(['ann', 'bob', 'cy']);
    const text = draws.pick(['hi', 'miko, what do you think?', 'lol', '', 'so anyway', '/heartflow', '/reminders']);
    const images = draws.next() < 0.2 ? [{ url: `https://img.test/${Math.floor(draws.next() * 4)}.png` }] : [];
    return { type: 'message.received', at, sender: { id: sender }, text, images, mentionsBot: draws.next() < 0.2, completeness: draws.next(), ...(draws.next() < 0.05 ? { fromSelf: true } : {}) };
  }
  if (roll < 0.5) {
    const judge = context.side.find((request) => request.purpose === 'judge');
    if (judge === undefined) return null;
    if (draws.next() < 0.15) return { type: 'llm.failed', at, requestId: judge.requestId, error: { code: 'judge_unreadable', message: 'no scores' } };
    const score = Math.floor(draws.next() * 11);
    return { type: 'judge.scored', at, requestId: judge.requestId, scores: { relevance: score, willingness: score, social: score, timing: score, continuity: score } };
  }
  if (roll < 0.65) {
    if (context.turn === null) return null;
    if (draws.next() < 0.15) return { type: 'llm.failed', at, requestId: context.turn.requestId, error: { code: 'llm_failed', message: 'down' } };
    return { type: 'llm.replied', at, requestId: context.turn.requestId, calls: draws.next() < 0.8 ? [{ tool: 'reply', content: 'sure!' }] : [{ tool: 'do_nothing' }] };
  }
  if (roll < 0.75) {
    const message = queued.shift();
    if (message === undefined) return null;
    const when = Math.max(at, message.deliverAt);
    if (draws.next() < 0.1) return { type: 'outbound.failed', at: when, seq: message.seq, kind: message.kind, error: { code: 'platform_unavailable', message: 'down' } };
    return { type: 'outbound.delivered', at: when, seq: message.seq, kind: message.kind, text: message.text };
  }
  const names = Object.keys(context.timers) as TimerName[];
  if (names.length === 0) return null;
  const name = draws.pick(names);
  const entry = context.timers[name]!;
  return { type: 'timer.fired', at: Math.max(at, entry.firesAt), name, gen: entry.gen, dueAt: entry.firesAt };
}

/** What must hold after every event; throws with the reason. */
function checkInvariants(context: SessionContext, state: string, fired: ReadonlySet<string>, settled: boolean): void {
  const group = context.group!;
  expect(context.side.filter((request) => request.purpose === 'judge').length).toBeLessThanOrEqual(1);
  // A fired job never fires again: a timer left armed under its generation would never come.
  for (const [name, entry] of Object.entries(context.timers)) expect(fired.has(`${name}#${entry!.gen}`), `${name} left armed after it fired`).toBe(false);
  const busy = context.turn !== null || context.fragments.length > 0 || context.side.some((request) => request.purpose === 'judge');
  if (group.candidate !== null) expect(group.candidate.ready ? busy : context.timers.judge !== undefined, 'a candidate nobody will judge').toBe(true);
  expect(state === 'idle' || state === 'buffering' ? context.turn === null : context.turn !== null, `${state} with turn ${String(context.turn?.requestId)}`).toBe(true);
  // A quiet group always has a countdown or a planned message, unless the cap pauses it (deliveries settled).
  const paused = context.unanswered >= context.settings.proactive.maxUnanswered;
  if (settled && state === 'idle' && group.records > 0 && !paused) {
    expect(context.timers.silence !== undefined || context.timers.proactive !== undefined, 'no countdown and no planned message').toBe(true);
  }
}

function run(seed: number, steps: number): void {
  const draws = new Draws(seed);
  const settings = settingsWith({
    heartflow: { enabled: true, settleSeconds: draws.pick([0, 3]), minReplyIntervalSeconds: draws.pick([0, 30]) },
    proactive: { enabled: true, policy: 'random-delay', silenceSeconds: 60, minDelaySeconds: 10, maxDelaySeconds: 50, maxUnanswered: 2, quietHours: '00:00-00:00', timezone: 'UTC', periodicSeconds: draws.pick([0, 200]) },
    debounce: { enabled: draws.next() < 0.5, timeoutSeconds: 3, scope: 'both' },
    groups: { wakeWords: ['miko'] },
  });
  const actor = createActor(sessionMachine, { input: { sessionId } }).start();
  const queued: OutboundMessage[] = [];
  actor.on('outbound.queued', (message) => queued.push(message));
  const events: SessionEvent[] = [{ type: 'settings.changed', at: 1_000_000, settings: shareSettings(settings).settings }];
  actor.send(events[0]!);
  const fired = new Set<string>();
  let at = 1_000_000;
  for (let step = 0; step < steps; step++) {
    at += Math.floor(draws.next() * 4000);
    const event = nextEvent(draws, actor.getSnapshot().context, at, queued);
    if (event === null) continue;
    at = Math.max(at, event.at);
    if (event.type === 'timer.fired') fired.add(`${event.name}#${event.gen}`);
    events.push(event);
    actor.send(event);
    const snapshot = actor.getSnapshot();
    expect(snapshot.status, `the machine broke on ${JSON.stringify(event)}`).toBe('active');
    checkInvariants(snapshot.context, String(snapshot.value), fired, queued.length === 0);
  }
  const again = createActor(sessionMachine, { input: { sessionId } }).start();
  for (const event of events) again.send(event);
  expect(again.getPersistedSnapshot()).toEqual(actor.getPersistedSnapshot());
}

describe('group sessions under random traffic', () => {
  it('keep their invariants after every event and replay to the same snapshot', () => {
    for (let seed = 1; seed <= 40; seed++) {
      try {
        run(seed, 200);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
      }
    }
  });
});
