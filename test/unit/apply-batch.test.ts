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
    const live = createLiveSession(sessionId, undefined, 0);
    const first = await applyBatch(live, [entry(1, message('如果明天', 1000))], options(scorer));
    const batch = await applyBatch(first.live, [entry(2, message('下雨', 2000))], options(scorer));
    expect(scorer.seen).toEqual(['如果明天', '如果明天下雨']);
    expect([...first.logEntries, ...batch.logEntries].map((item) => [item.seq, item.event?.type, item.state])).toEqual([
      [null, 'settings.changed', 'idle'],
      [1, 'message.received', 'buffering'],
      [2, 'message.received', 'buffering'],
    ]);
    expect(batch.logEntries[0]!.event).toMatchObject({ completeness: 0.2 });
    // The batch digest hashes the settings by their own digest (the `2:` form; replay also reads the older one).
    expect(batch.logEntries.at(-1)!.hash).toMatch(/^2:[0-9a-f]{16}$/);
    // The second fragment joined the first one held: one debounce merge.
    expect(batch.tally).toEqual({ merged: 1, joined: 0, passed: 0 });
    // The first fragment arms the debounce timer; the second moves the deadline to 12 000 but keeps that job.
    expect(first.effects).toEqual([{ type: 'timer.arm', sessionId, name: 'debounce', gen: 1, dueAt: 11_000 }]);
    expect(batch.effects).toEqual([]);
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
  const messagesOf = (batch: { logEntries: ReadonlyArray<{ event?: unknown }> }) =>
    batch.logEntries.flatMap((item) => ((item.event as { type?: string })?.type === 'message.received' ? [item.event as { completeness: number; followed?: true }] : []));

  it('scores a burst the user sent before the bot could answer once, on its last message', async () => {
    // "ok!" alone would sound finished; the user went on, so it starts no reply that the next fragment would discard.
    const scorer = { ...recordingScorer(0), score: async (text: string) => (text.endsWith('?') ? 0.95 : 0.9) };
    const seen: string[] = [];
    const texts = ['ok!', 'but wait', 'what about Sunday?'];
    const batch = await applyBatch(
      createLiveSession(sessionId, undefined, 0),
      texts.map((text, index) => entry(index + 1, message(text, 1000 + index))),
      options({ ...scorer, score: async (text) => (seen.push(text), scorer.score(text)) }),
    );
    expect(seen).toEqual(['ok! but wait what about Sunday?']);
    expect(messagesOf(batch).map(({ completeness, followed }) => [completeness, followed])).toEqual([
      [0, true],
      [0, true],
      [0.95, undefined],
    ]);
    expect(batch.state).toBe('awaiting-llm');
    expect(batch.effects.filter((effect) => effect.type === 'llm.start')).toEqual([
      expect.objectContaining({ request: expect.objectContaining({ text: 'ok! but wait what about Sunday?' }) }),
    ]);
    const replay = replaySession({ sessionId, checkpoint: null, entries: batch.logEntries, expected: batch.persisted });
    expect(replay).toEqual({ ok: true, applied: 4 });
  });

  it('scores a message followed by a command as usual, and never scores the command', async () => {
    const scorer = recordingScorer(0.1);
    const live = createLiveSession(sessionId, undefined, 0);
    const batch = await applyBatch(live, [entry(1, message('so', 1000)), entry(2, message('/status', 1001)), entry(3, message('anyway', 1002))], options(scorer));
    expect(scorer.seen).toEqual(['so', 'so anyway']);
    expect(messagesOf(batch).map(({ completeness, followed }) => [completeness, followed])).toEqual([
      [0.1, undefined],
      [1, undefined],
      [0.1, undefined],
    ]);
  });

  it('takes malformed messages around a burst as the machine does, without failing the batch', async () => {
    const scorer = recordingScorer(0.1);
    const noText = { type: 'message.received', at: 1001, sender: { id: 'alice' }, images: [], mentionsBot: false };
    const blankNoImages = { type: 'message.received', at: 1002, sender: { id: 'alice' }, text: ' ', mentionsBot: false };
    // The machine takes a text message without an images field; it is speech, so "so" before it is followed.
    const textNoImages = { type: 'message.received', at: 1003, sender: { id: 'alice' }, text: 'hm', mentionsBot: false };
    const batch = await applyBatch(
      createLiveSession(sessionId, undefined, 0),
      [entry(1, message('so', 1000)), entry(2, noText), entry(3, blankNoImages), entry(4, message('well', 1003)), entry(5, textNoImages)],
      options(scorer),
    );
    expect(batch.logEntries.slice(1).map((item) => [item.seq, item.rejected?.code ?? 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'internal'],
      [3, 'internal'],
      [4, 'ok'],
      [5, 'ok'],
    ]);
    expect(scorer.seen).toEqual(['so', 'so well hm']);
    expect(batch.state).toBe('buffering');
  });

  it('in a group, judges each addressed message on its own even when another follows', async () => {
    const scorer = recordingScorer(0.95);
    const group = 'http:group:g1';
    const groupSettings = { ...settings, heartflow: { ...settings.heartflow, enabled: false } };
    await applyBatch(
      createLiveSession(group, undefined, 0),
      [entry(1, { ...message('@Miko hi', 1000), mentionsBot: true }), entry(2, { ...message('@Miko you there?', 2000), mentionsBot: true })],
      { scorer, settings: groupSettings, rebuild: (persisted: Snapshot<unknown>) => createLiveSession(group, persisted, 0) },
    );
    expect(scorer.seen).toHaveLength(2);
  });
});
