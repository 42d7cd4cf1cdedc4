/**
 * A recorded LLM call stays small: long texts are cut in the middle (the start and the newest lines kept),
 * inlined images are reduced to their size, everything else is kept as it was.
 */
import { describe, expect, it } from 'vitest';
import { cutMiddle, cutRecord, describeImageUrl, type LlmCallRecord } from '../../src/llm/llm-call-log.js';

describe('cutMiddle', () => {
  it('keeps short texts and cuts long ones in the middle, saying how much', () => {
    expect(cutMiddle('short', 10)).toBe('short');
    const text = `${'a'.repeat(50)}${'b'.repeat(100)}${'c'.repeat(50)}`;
    const cut = cutMiddle(text, 100);
    expect(cut).toBe(`${'a'.repeat(50)}\n[… 100 characters cut …]\n${'c'.repeat(50)}`);
  });
});

describe('describeImageUrl', () => {
  it('reduces a data: URL to its type and size and keeps other URLs', () => {
    expect(describeImageUrl(`data:image/png;base64,${'A'.repeat(4096)}`)).toBe('data:image/png;base64,… (3 KB inlined, not kept)');
    expect(describeImageUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
  });
});

describe('cutRecord', () => {
  const long = 'x'.repeat(1000);
  const record: LlmCallRecord = {
    requestId: 'r1',
    purpose: 'reply',
    client: 'openai',
    model: 'm',
    attempt: 1,
    startedAt: 1,
    latencyMs: 5,
    outcome: 'failed',
    text: long,
    error: { code: 'llm_failed', message: long },
    exchanges: [
      {
        model: 'm',
        tools: ['reply'],
        latencyMs: 4,
        messages: [
          { role: 'system', content: long },
          { role: 'user', content: [{ type: 'text', text: long }, { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${'A'.repeat(2048)}`, detail: 'auto' } }] },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'reply', arguments: '{}' } }] },
        ],
        answer: { text: long, toolCalls: [{ name: 'reply', arguments: long }] },
        error: { code: 'llm_failed', message: long },
      },
    ],
  };

  it('cuts every text and inlined image and keeps the rest', () => {
    const cut = cutRecord(record, 200);
    const within = (text: string | null | undefined) => expect((text ?? '').length).toBeLessThan(260);
    within(cut.text);
    within(cut.error?.message);
    const exchange = cut.exchanges[0]!;
    within(exchange.answer?.text);
    within(exchange.answer?.toolCalls[0]?.arguments);
    within(exchange.error?.message);
    expect(exchange.messages[0]).toEqual({ role: 'system', content: cutMiddle(long, 200) });
    expect(exchange.messages[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: cutMiddle(long, 200) },
        { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,… (2 KB inlined, not kept)', detail: 'auto' } },
      ],
    });
    expect(exchange.messages[2]).toEqual(record.exchanges[0]!.messages[2]);
    expect({ ...cut, text: undefined, error: undefined, exchanges: undefined }).toEqual({ ...record, text: undefined, error: undefined, exchanges: undefined });
  });
});
