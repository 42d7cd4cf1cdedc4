import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import { decodeSnapshot, encodeSnapshot } from '../../src/runtime/snapshot-codec.js';
import { RandomEvents } from '../helpers/random-session.js';

describe('snapshot codec', () => {
  it('round-trips every snapshot of random sessions exactly', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const actor = createActor(sessionMachine, { input: { sessionId: `http:private:c${seed}` } }).start();
      const generator = new RandomEvents(seed);
      for (let step = 0; step < 60; step++) {
        actor.send(generator.next(actor.getSnapshot().context));
        const persisted = actor.getPersistedSnapshot();
        const encoded = encodeSnapshot(persisted);
        const settings = JSON.parse(encoded.settings.json);
        expect(decodeSnapshot(encoded.json, (digest) => (digest === encoded.settings.digest ? settings : undefined))).toEqual(persisted);
      }
    }
  });

  it('gives a decoded context the key order of a live one, whatever fields were left out of storage', () => {
    for (const [seed, sessionId] of [[3, 'http:private:order'], [4, 'http:group:order'], [5, 'qq:private:order']] as const) {
      const actor = createActor(sessionMachine, { input: { sessionId } }).start();
      const generator = new RandomEvents(seed);
      for (let step = 0; step < 40; step++) {
        actor.send(generator.next(actor.getSnapshot().context));
        const encoded = encodeSnapshot(actor.getPersistedSnapshot());
        const settings = JSON.parse(encoded.settings.json);
        const decoded = decodeSnapshot(encoded.json, () => settings) as { context: object };
        expect(Object.keys(decoded.context), `${sessionId} step ${step}`).toEqual(Object.keys(actor.getSnapshot().context));
      }
    }
  });

  it('stores a fresh session as little more than its seed and a settings reference', () => {
    const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:fresh' } }).start();
    const encoded = encodeSnapshot(actor.getPersistedSnapshot());
    const stored = JSON.parse(encoded.json) as { value: string; context: Record<string, unknown> };
    expect(stored.value).toBe('idle');
    expect(Object.keys(stored.context).sort()).toEqual(['rng', 'settings']);
    expect(stored.context.settings).toBe(encoded.settings.digest);
    // A group session keeps its chat type; a snapshot stored in the older form still reads.
    const group = JSON.parse(encodeSnapshot(createActor(sessionMachine, { input: { sessionId: 'http:group:g' } }).start().getPersistedSnapshot()).json);
    expect(group.context.chatType).toBe('group');
    const legacy = JSON.stringify({ value: 'idle', context: { chatType: 'private', settings: `settings:${encoded.settings.digest}`, rng: stored.context.rng } });
    expect(decodeSnapshot(legacy, (digest) => (digest === encoded.settings.digest ? defaultSessionSettings : undefined))).toEqual(actor.getPersistedSnapshot());
  });

  it("stores a timer's firing time only when it differs from its deadline", () => {
    const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:timers' } }).start();
    const message = (text: string, at: number) => ({ type: 'message.received' as const, at, sender: { id: 'u' }, text, images: [], mentionsBot: false, completeness: 0.1 });
    actor.send(message('so', 1000));
    const first = JSON.parse(encodeSnapshot(actor.getPersistedSnapshot()).json) as { context: { timers: Record<string, object> } };
    expect(first.context.timers.debounce).toEqual({ gen: 1, dueAt: 1000 + 1000 * defaultSessionSettings.debounce.timeoutSeconds });
    // A second fragment moves the deadline later and keeps the job (and its firing time).
    actor.send(message('and', 2000));
    const second = encodeSnapshot(actor.getPersistedSnapshot());
    const timer = (JSON.parse(second.json) as { context: { timers: Record<string, { firesAt?: number }> } }).context.timers.debounce!;
    expect(timer.firesAt).toBe(1000 + 1000 * defaultSessionSettings.debounce.timeoutSeconds);
    const decoded = decodeSnapshot(second.json, () => defaultSessionSettings);
    expect(decoded).toEqual(actor.getPersistedSnapshot());
  });
});
