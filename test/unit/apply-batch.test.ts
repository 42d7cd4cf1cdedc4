import { describe, expect, it } from 'vitest';
import type { Snapshot } from 'xstate';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type { SessionSettings } from '../../machines/session-types.js';
import type { CompletenessScorer } from '../../src/completeness/completeness-scorer.js';
import { applyBatch } from '../../src/runtime/apply-batch.js';
import { replaySession } from '../../src/runtime/replay.js';
import { createLiveSession } from '../../src/runtime/session-actor.js';
import type { MailboxEntry } from '../../src/runtime/session-store.js';

const sessionId = 'http:private:alice';
const settings: SessionSettings = { ...defaultSessionSettings, proactive: { ...defaultSessionSettings.proactive, enabled: false } };

function entry(seq: number, event: Record<string, unknown> | string): MailboxEntry {
  return { seq, json: typeof event === 'string' ? event : JSON.stringify(event) };
}

function message(text: string, at: number): Record<string, unknown> {
  return { type: 'message.received', at, sender: { id: 'alice' }, text, images: [], mentionsBot: false };
}

function recordingScorer(score: number): CompletenessScorer & { seen: string[] } {
  const seen: string[] = [];
  return { name: 'test', seen, score: async (text) => (seen.push(text), score) };
}

function options(scorer: CompletenessScorer) {
  return {
    scorer,
    settings,
    rebuild: (persisted: Snapshot<unknown>) => createLiveSession(sessionId, persisted, 0),
  };
}

describe('applyBatch', () => {
  it('records the configured settings first, then each event with the completeness of the merged buffer', async () => {
    const scorer = recordingScorer(0.2);
    const batch = await applyBatch(createLiveSession(sessionId, undefined, 0), [entry(1, message('如果明天', 1000)), entry(2, message('下雨', 2000))], options(scorer));
    expect(scorer.seen).toEqual(['如果明天', '如果明天下雨']);
    expect(batch.logEntries.map((item) => [item.seq, item.event?.type, item.state])).toEqual([
      [null, 'settings.changed', 'idle'],
      [1, 'message.received', 'buffering'],
      [2, 'message.received', 'buffering'],
    ]);
    expect(batch.logEntries[1]!.event).toMatchObject({ completeness: 0.2 });
    expect(batch.logEntries.at(-1)!.hash).toMatch(/^[0-9a-f]{16}$/);
    // The second fragment joined the first one held: one debounce merge.
    expect(batch.tally).toEqual({ merged: 1, joined: 0, passed: 0 });
    // The second fragment moves the deadline to 12 000 but keeps the job armed for 11 000.
    expect(batch.effects).toEqual([{ type: 'timer.arm', sessionId, name: 'debounce', gen: 1, dueAt: 11_000 }]);
  });

  it('in a group, scores only messages addressed to the bot (the others are never buffered)', async () => {
    const scorer = recordingScorer(0.95);
    const group = 'http:group:g1';
    const groupSettings = { ...settings, heartflow: { ...settings.heartflow, enabled: false } };
    const batch = await applyBatch(
      createLiveSession(group, undefined, 0),
      [entry(1, { ...message('lunch?', 1000), sender: { id: 'bob' } }), entry(2, { ...message('@Miko hi', 2000), mentionsBot: true })],
      { scorer, settings: groupSettings, rebuild: (persisted: Snapshot<unknown>) => createLiveSession(group, persisted, 0) },
    );
    expect(scorer.seen).toEqual(['@Miko hi']);
    expect(batch.logEntries.slice(1).map((item) => (item.event as { completeness?: number }).completeness)).toEqual([1, 0.95]);
    expect(batch.history.map((record) => record.text)).toEqual(['lunch?', '@Miko hi']);
  });

  it('scores no message of a chat type debounce does not cover (debounce.scope)', async () => {
    const scorer = recordingScorer(0.2);
    const groupsOnly = { ...settings, debounce: { ...settings.debounce, scope: 'group' as const } };
    const batch = await applyBatch(createLiveSession(sessionId, undefined, 0), [entry(1, message('so', 1000)), entry(2, message('then', 2000))], {
      ...options(scorer),
      settings: groupsOnly,
    });
    expect(scorer.seen).toEqual([]);
    expect(batch.logEntries.slice(1).map((item) => (item.event as { completeness?: number }).completeness)).toEqual([1, 1]);
  });

  it('fails open when the scorer throws: the fragment counts as complete', async () => {
    const scorer: CompletenessScorer = { name: 'broken', score: () => Promise.reject(new Error('model gone')) };
    const batch = await applyBatch(createLiveSession(sessionId, undefined, 0), [entry(1, message('so', 1000))], options(scorer));
    expect(batch.state).toBe('awaiting-llm');
  });

  it('rejects malformed entries and events that break the machine, and still applies the rest', async () => {
    const batch = await applyBatch(
      createLiveSession(sessionId, undefined, 0),
      [
        entry(1, '{not json'),
        entry(2, { type: 'message.received', at: 1500, text: 'no sender, no images' }),
        entry(3, message('hello!', 2000)),
      ],
      options(recordingScorer(0.95)),
    );
    expect(batch.rejected).toBe(2);
    expect(batch.applied).toBe(1);
    expect(batch.logEntries.map((item) => [item.seq, item.rejected?.code ?? 'ok'])).toEqual([
      [null, 'ok'],
      [1, 'malformed_event'],
      [2, 'internal'],
      [3, 'ok'],
    ]);
    expect(batch.state).toBe('awaiting-llm');
    expect(batch.live.actor.getSnapshot().status).toBe('active');

    const replay = replaySession({ sessionId, checkpoint: null, entries: batch.logEntries, expected: batch.persisted });
    expect(replay).toEqual({ ok: true, applied: 2 });
  });

  it('does not cancel the job of a timer whose firing it applied', async () => {
    const live = createLiveSession(sessionId, undefined, 0);
    const first = await applyBatch(live, [entry(1, message('so', 1000))], options(recordingScorer(0.1)));
    const timer = first.live.actor.getSnapshot().context.timers.debounce!;
    const fired = { type: 'timer.fired', at: timer.firesAt, name: 'debounce', gen: timer.gen, dueAt: timer.dueAt };
    const second = await applyBatch(first.live, [entry(2, fired)], options(recordingScorer(0.1)));
    expect(second.state).toBe('awaiting-llm');
    expect(second.effects.map((effect) => effect.type)).toEqual(['llm.start']);
  });

  it('leaves the snapshot alone when settings already match', async () => {
    const live = createLiveSession(sessionId, undefined, 0);
    await applyBatch(live, [entry(1, message('hi', 1000))], options(recordingScorer(0.1)));
    const second = await applyBatch(live, [entry(2, message('there', 2000))], options(recordingScorer(0.1)));
    expect(second.logEntries.map((item) => item.event?.type)).toEqual(['message.received']);
  });
});

describe('applyBatch scoring', () => {
  it('scores a burst of fragments in one batched call, with the same scores as one by one', async () => {
    const calls: string[][] = [];
    const score = (text: string) => (text.endsWith('!') ? 0.9 : text.length / 100);
    const scorer: CompletenessScorer = {
      name: 'batching',
      score: async (text) => (calls.push([text]), score(text)),
      scoreBatch: async (texts) => (calls.push([...texts]), texts.map(score)),
    };
    const texts = ['so', 'I was', 'thinking', 'about it!'];
    const batch = await applyBatch(
      createLiveSession(sessionId, undefined, 0),
      texts.map((text, index) => entry(index + 1, message(text, 1000 + index))),
      options(scorer),
    );
    expect(calls).toEqual([['so', 'so I was', 'so I was thinking', 'so I was thinking about it!']]);
    const recorded = batch.logEntries.flatMap((item) => (item.event?.type === 'message.received' ? [item.event.completeness] : []));
    expect(recorded).toEqual(['so', 'so I was', 'so I was thinking', 'so I was thinking about it!'].map(score));
  });
});
