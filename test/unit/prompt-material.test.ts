import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { HistoryEntry, MentalEntry, TurnRequest } from '../../src/llm/llm-types.js';
import { readMaterial } from '../../src/runtime/llm-parts.js';

/** A conversation store fake that records what was asked of it. */
function fakeConversations() {
  const calls: string[] = [];
  return {
    calls,
    history: async (sessionId: string, limit: number): Promise<HistoryEntry[]> => (calls.push(`history:${limit}`), [{ role: 'user', text: sessionId, at: 1 }]),
    mentalLog: async (_sessionId: string, limit: number): Promise<MentalEntry[]> => (calls.push(`mental:${limit}`), [{ kind: 'plan', text: 'p', at: 2 }]),
  };
}

const proactiveTurn: TurnRequest = {
  sessionId: 'http:private:a',
  requestId: 'r1',
  purpose: 'proactive',
  requestedAt: 0,
  text: '',
  images: [],
  consecutiveTimeouts: 0,
  unanswered: 0,
  wait: null,
  memos: [],
};

describe('prompt material', () => {
  it('uses the persona of the session (overridable) and the configured history sizes', async () => {
    const config = parseConfig({ persona: 'global', llm: { historyMessages: 12 }, mentalLog: { maxEntries: 7 }, sessions: { 'http:private:a': { persona: 'special' } } });
    const store = fakeConversations();
    const material = await readMaterial(config, { conversations: store }, { ...proactiveTurn, purpose: 'reply' });
    expect(material.persona).toBe('special');
    expect(store.calls).toEqual(['history:12', 'mental:7']);
  });

  it('proactive context source: the conversation, the last N platform messages, or both', async () => {
    for (const [source, expected] of [
      ['conversation', ['history:30', 'mental:50']],
      ['platform', ['history:20']],
      ['both', ['history:20', 'mental:50']],
    ] as const) {
      const store = fakeConversations();
      const material = await readMaterial(parseConfig({ proactive: { contextSource: source } }), { conversations: store }, proactiveTurn);
      expect(store.calls).toEqual(expected);
      expect(material.mentalLog.length).toBe(source === 'platform' ? 0 : 1);
    }
  });
});
