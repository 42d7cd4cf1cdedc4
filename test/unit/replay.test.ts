import { describe, expect, it } from 'vitest';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import { applyBatch } from '../../src/runtime/apply-batch.js';
import { type LogEntry, snapshotDigest } from '../../src/runtime/log-entry.js';
import { firstDifference, replaySession } from '../../src/runtime/replay.js';
import { createLiveSession } from '../../src/runtime/session-actor.js';

const sessionId = 'http:private:replay';

async function recordedSession() {
  const live = createLiveSession(sessionId, undefined, 0);
  const events = [
    { type: 'message.received', at: 1000, sender: { id: 'u' }, text: 'hello!', images: [], mentionsBot: false },
    { type: 'llm.replied', at: 2000, requestId: 'r1', calls: [{ tool: 'reply', content: 'hi!', maxWaitSeconds: 60 }] },
    { type: 'message.received', at: 3000, sender: { id: 'u' }, text: 'so', images: [], mentionsBot: false },
  ];
  const batch = await applyBatch(
    live,
    events.map((event, index) => ({ seq: index + 1, json: JSON.stringify(event) })),
    {
      scorer: { name: 'fixed', score: async (text) => (text.endsWith('!') ? 0.95 : 0.2) },
      settings: defaultSessionSettings,
      rebuild: () => {
        throw new Error('not expected');
      },
    },
  );
  return { entries: batch.logEntries, expected: batch.persisted };
}

describe('replaySession', () => {
  it('reproduces the snapshot from the recorded log', async () => {
    const { entries, expected } = await recordedSession();
    expect(replaySession({ sessionId, checkpoint: null, entries, expected })).toEqual({ ok: true, applied: 3 });
  });

  it('names the first entry whose state differs', async () => {
    const { entries, expected } = await recordedSession();
    const tampered: LogEntry[] = structuredClone(entries);
    tampered[1]!.event = { ...(tampered[1]!.event as object), calls: [{ tool: 'reply', content: 'hi!', maxWaitSeconds: 0 }] } as LogEntry['event'];
    const result = replaySession({ sessionId, checkpoint: null, entries: tampered, expected });
    expect(result).toMatchObject({ ok: false, divergence: { index: 1, seq: 2, reason: 'state differs', expected: 'waiting', actual: 'idle' } });
  });

  it('names the path at which the final snapshot differs', async () => {
    const { entries, expected } = await recordedSession();
    const altered = structuredClone(expected) as unknown as { context: { outboundSeq: number } };
    altered.context.outboundSeq = 7;
    const result = replaySession({ sessionId, checkpoint: null, entries, expected: altered });
    expect(result).toMatchObject({ ok: false, divergence: { index: -1, path: 'context.outboundSeq', expected: 7, actual: 1 } });
  });

  it('checks the batch digest, which hashes the settings by their digest and not by their JSON', async () => {
    const { entries, expected } = await recordedSession();
    const digest = entries.at(-1)!.hash!;
    expect(digest).toMatch(/^2:[0-9a-f]{16}$/);
    // The same snapshot with its settings in another key order (not the interned object) has the same digest.
    const stored = expected as unknown as { context: object };
    const reordered = { ...stored, context: { ...stored.context, settings: reversedKeys(defaultSessionSettings) } };
    expect(snapshotDigest(reordered)).toBe(digest);
    // Other settings give another digest.
    const other = { ...stored, context: { ...stored.context, settings: { ...defaultSessionSettings, admins: ['boss'] } } };
    expect(snapshotDigest(other)).not.toBe(digest);
    const tampered: LogEntry[] = structuredClone(entries);
    tampered.at(-1)!.hash = '2:0000000000000000';
    const result = replaySession({ sessionId, checkpoint: null, entries: tampered, expected });
    expect(result).toMatchObject({ ok: false, divergence: { index: 2, seq: 3, reason: 'snapshot differs at the end of a committed batch' } });
  });

  it('replays from a checkpoint', async () => {
    const { entries, expected } = await recordedSession();
    const head = await replayPrefix(entries.slice(0, 1));
    const result = replaySession({ sessionId, checkpoint: { snapshot: head, version: 1 }, entries: entries.slice(1), expected });
    expect(result).toEqual({ ok: true, applied: 2 });
  });
});

async function replayPrefix(entries: LogEntry[]): Promise<unknown> {
  const live = createLiveSession(sessionId, undefined, 0);
  for (const entry of entries) live.actor.send(entry.event!);
  return live.actor.getPersistedSnapshot();
}

describe('firstDifference', () => {
  it('finds the first differing path in key order', () => {
    expect(firstDifference({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } }, '')).toEqual({ path: 'b.c', expected: 2, actual: 3 });
    expect(firstDifference([1, 2], [1, 2], '')).toBeNull();
  });
});

/** A deep copy of `value` with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)])) as T;
}
