import { describe, expect, it } from 'vitest';
import type { PromptMaterial, TextRequest, TurnRequest } from '../../src/llm/llm-types.js';
import { createOfflineLlm, decideOffline, textOffline } from '../../src/llm/offline-llm.js';

const turn = (overrides: Partial<TurnRequest>): TurnRequest => ({
  sessionId: 'http:private:a',
  requestId: 'r1',
  purpose: 'reply',
  text: 'hello',
  images: [],
  consecutiveTimeouts: 0,
  unanswered: 0,
  requestedAt: 0,
  wait: null,
  memos: [],
  ...overrides,
});

const material: PromptMaterial = { persona: 'p', timezone: 'UTC', now: 0, history: [], mentalLog: [] };

describe('offline model', () => {
  it('replies with a wait, in the language of the user', () => {
    const english = decideOffline(turn({ text: 'hello' }), { replyWaitSeconds: 45 });
    expect(english.calls).toEqual([expect.objectContaining({ tool: 'reply', maxWaitSeconds: 45 })]);
    const chinese = decideOffline(turn({ text: '你好呀' }), { replyWaitSeconds: 45 });
    expect((chinese.calls[0] as { content: string }).content).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says goodbye without waiting, ignores a bare "ok", follows up once, then lets the user be', () => {
    expect(decideOffline(turn({ text: '晚安' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ maxWaitSeconds: 0 });
    expect(decideOffline(turn({ text: 'ok' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'do_nothing' });
    expect(decideOffline(turn({ purpose: 'followup', consecutiveTimeouts: 1 }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'reply' });
    expect(decideOffline(turn({ purpose: 'followup', consecutiveTimeouts: 2 }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'do_nothing', maxWaitSeconds: 0 });
  });

  it('writes proactive openers and wake-ups, thinks while waiting, words reminders', () => {
    expect(decideOffline(turn({ purpose: 'proactive' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'reply' });
    expect(decideOffline(turn({ purpose: 'wakeup', wakeupReason: 'the film' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ content: expect.stringContaining('the film') });
    const thinking: TextRequest = { sessionId: 's', requestId: 's1', purpose: 'thinking', requestedAt: 0, wait: null, progress: 0.9 };
    expect(textOffline(thinking)).toMatch(/while/);
    expect(textOffline({ ...thinking, purpose: 'reminder', reminderText: 'drink water' })).toBe('⏰ drink water');
  });

  it('honours abort', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createOfflineLlm({ replyWaitSeconds: 1 }).decide(turn({}), material, { signal: controller.signal })).rejects.toThrow();
  });
});
