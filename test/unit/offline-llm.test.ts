import { describe, expect, it } from 'vitest';
import type { LlmRequest } from '../../src/llm/llm-types.js';
import { createOfflineLlm, decideOffline } from '../../src/llm/offline-llm.js';

const request = (overrides: Partial<LlmRequest>): LlmRequest => ({
  sessionId: 'http:private:a',
  requestId: 'r1',
  purpose: 'reply',
  text: 'hello',
  images: [],
  consecutiveTimeouts: 0,
  unanswered: 0,
  requestedAt: 0,
  ...overrides,
});

describe('offline model', () => {
  it('replies with a wait, in the language of the user', () => {
    const english = decideOffline(request({ text: 'hello' }), { replyWaitSeconds: 45 });
    expect(english.calls).toEqual([expect.objectContaining({ tool: 'reply', maxWaitSeconds: 45 })]);
    const chinese = decideOffline(request({ text: '你好呀' }), { replyWaitSeconds: 45 });
    expect((chinese.calls[0] as { content: string }).content).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says goodbye without waiting, follows up once, then lets the user be', () => {
    expect(decideOffline(request({ text: '晚安' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ maxWaitSeconds: 0 });
    expect(decideOffline(request({ purpose: 'followup', consecutiveTimeouts: 1 }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'reply' });
    expect(decideOffline(request({ purpose: 'followup', consecutiveTimeouts: 2 }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'do_nothing', maxWaitSeconds: 0 });
  });

  it('writes proactive openers and honours abort', async () => {
    expect(decideOffline(request({ purpose: 'proactive' }), { replyWaitSeconds: 45 }).calls[0]).toMatchObject({ tool: 'reply' });
    const controller = new AbortController();
    controller.abort();
    await expect(createOfflineLlm({ replyWaitSeconds: 1 }).decide(request({}), { signal: controller.signal })).rejects.toThrow();
  });
});
