// Group sessions in the pure machine beyond the checklist: one judgement at a time, stale and late verdicts,
// the judge never blocking anything, snapshots that round-trip and replay, private chats left as they were.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import type { SessionEvent } from '../../machines/session-types.js';
import { GroupHarness, scoresOf } from '../helpers/group-harness.js';
import { MachineHarness, reply, settingsWith } from '../helpers/machine-harness.js';

const t0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const second = 1000;

describe('the judge in a busy group', () => {
  it('runs one judgement at a time: messages meanwhile become one candidate, judged after the verdict', () => {
    const group = new GroupHarness();
    group.post('bob', 'one', t0);
    const first = group.judging!;
    group.post('carol', 'two', t0 + second).post('dave', 'three', t0 + 2 * second);
    expect(group.context.side.filter((request) => request.purpose === 'judge')).toEqual([first]);
    expect(group.group.candidate).toMatchObject({ senderId: 'dave', text: 'three', ready: true });
    group.score(t0 + 3 * second, scoresOf(1));
    expect(group.judging).toMatchObject({ message: { text: 'three' } });
    expect(group.judging!.requestId).not.toBe(first.requestId);
    expect(group.group.candidate).toBeNull();
  });

  it('with a settle window, another member\'s message replaces the candidate without pushing the window back', () => {
    const group = new GroupHarness({ heartflow: { settleSeconds: 6, maxSettleSeconds: 20 } });
    group.post('bob', 'a', t0).post('carol', 'b', t0 + 4 * second);
    expect(group.context.timers.judge?.dueAt).toBe(t0 + 6 * second);
    group.post('carol', 'c', t0 + 5 * second);
    expect(group.context.timers.judge?.dueAt).toBe(t0 + 11 * second);
    for (let index = 0; index < 8; index++) group.post('carol', `more ${index}`, t0 + (6 + index * 2) * second);
    expect(group.context.timers.judge?.dueAt).toBe(t0 + 20 * second);
  });

  it('ignores a verdict for a request it no longer waits for (after a reset) and a second answer to the same request', () => {
    const group = new GroupHarness({ admins: ['boss'] });
    group.post('bob', 'hmm', t0);
    const stale = group.judging!;
    group.post('boss', '/heartflow_reset', t0 + second);
    expect(group.judging).toBeNull();
    const before = structuredClone(group.context);
    group.actor.send({ type: 'judge.scored', at: t0 + 2 * second, requestId: stale.requestId, scores: scoresOf(10) });
    expect(group.context).toEqual(before);
    expect(group.state).toBe('idle');

    group.post('bob', 'again', t0 + 3 * second).score(t0 + 4 * second, scoresOf(1));
    const judged = structuredClone(group.context);
    group.actor.send({ type: 'judge.scored', at: t0 + 5 * second, requestId: `s${judged.requestSeq}`, scores: scoresOf(10) });
    expect(group.context).toEqual(judged);
  });

  it('records a positive verdict that comes while the bot already answers someone, without a second turn', () => {
    const group = new GroupHarness();
    group.post('bob', 'what a day', t0);
    group.post('carol', '@Miko hi', t0 + second, { mentionsBot: true });
    const turn = group.context.turn!;
    group.score(t0 + 2 * second, scoresOf(9));
    expect(group.context.turn).toEqual(turn);
    expect(group.group.lastJudgement).toMatchObject({ joined: false });
    expect(group.mental.at(-1)?.text).toContain('already speaking');
  });

  it('keeps a candidate that settles while the bot answers someone, and judges it once the bot is idle again', () => {
    const group = new GroupHarness();
    group.post('carol', '@Miko hi', t0, { mentionsBot: true });
    group.post('bob', 'lunch anyone?', t0 + second);
    expect(group.judging).toBeNull();
    expect(group.group.candidate).toMatchObject({ text: 'lunch anyone?', ready: true });
    group.answer(t0 + 2 * second, [reply('hi Carol!')]);
    expect(group.state).toBe('idle');
    expect(group.judging).toMatchObject({ message: { text: 'lunch anyone?' } });
  });

  it('never blocks other events: an addressed message is answered while a judgement is in flight', () => {
    const group = new GroupHarness();
    group.post('bob', 'nice', t0);
    group.post('carol', '@Miko quick question', t0 + second, { mentionsBot: true });
    expect(group.state).toBe('awaiting-llm');
    expect(group.judging).not.toBeNull();
  });

  it('continues an addressed message with the same sender\'s follow-up, not the judge', () => {
    const group = new GroupHarness({ debounce: { enabled: true, threshold: 0.8, timeoutSeconds: 10 } });
    group.post('carol', '@Miko so', t0, { mentionsBot: true, completeness: 0.1 });
    expect(group.state).toBe('buffering');
    group.post('carol', 'what do you think about cats', t0 + second, { completeness: 0.95 });
    expect(group.judging).toBeNull();
    expect(group.context.turn?.fragmentCount).toBe(2);
  });
});

describe('group snapshots', () => {
  const events: SessionEvent[] = [];
  const settings = settingsWith({ heartflow: { ...settingsWith().heartflow, enabled: true, settleSeconds: 3 } });

  it('round-trip through JSON and replay to the same snapshot', () => {
    events.push(
      { type: 'settings.changed', at: 0, settings },
      { type: 'message.received', at: t0, sender: { id: 'bob', name: 'Bob' }, text: 'hi all', images: [{ url: 'https://x/1', hash: 'h1' }], mentionsBot: false, completeness: 0.9 },
    );
    const live = createActor(sessionMachine, { input: { sessionId: 'http:group:g1' } }).start();
    for (const event of events) live.send(event);
    const judge = live.getSnapshot().context.timers.judge!;
    events.push({ type: 'timer.fired', at: judge.dueAt, name: 'judge', gen: judge.gen, dueAt: judge.dueAt });
    live.send(events.at(-1)!);
    const request = live.getSnapshot().context.side[0]!;
    const more: SessionEvent[] = [
      { type: 'judge.scored', at: t0 + 4 * second, requestId: request.requestId, scores: scoresOf(9) },
      { type: 'llm.replied', at: t0 + 5 * second, requestId: 'r2', calls: [reply('hey Bob')] },
    ];
    for (const event of more) live.send(event);
    expect(live.getSnapshot().context.group?.knownImages).toEqual(['h1']);

    const persisted = JSON.parse(JSON.stringify(live.getPersistedSnapshot()));
    const restored = createActor(sessionMachine, { input: { sessionId: 'http:group:g1' }, snapshot: persisted }).start();
    expect(restored.getSnapshot().context).toEqual(live.getSnapshot().context);

    const replayed = createActor(sessionMachine, { input: { sessionId: 'http:group:g1' } }).start();
    for (const event of [...events, ...more]) replayed.send(event);
    expect(replayed.getPersistedSnapshot()).toEqual(live.getPersistedSnapshot());
  });

  it('leave private sessions without a group part', () => {
    const session = new MachineHarness();
    session.say('hello', t0).answer(t0 + second, [reply('hi', 0)]);
    expect('group' in session.context).toBe(false);
    expect(session.history.map((record) => record.role)).toEqual(['user']);
  });
});
