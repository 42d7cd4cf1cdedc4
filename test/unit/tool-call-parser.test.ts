/**
 * Reading raw tool calls into session ToolCalls: names, lenient arguments, dropped and adjusted calls, the
 * metadata-leak guard and the length bound.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import type { RawToolCall } from '../../src/llm/chat-model.js';
import { cutLeakedMetadata, normaliseToolName, parseToolCalls } from '../../src/llm/tool-call-parser.js';

const now = Date.parse('2026-11-21T18:00:00+08:00');
const options = { now, timeZone: 'Asia/Shanghai', maxReplyChars: 200 };

let seq = 0;
function raw(name: string, args: object | string): RawToolCall {
  seq += 1;
  return { id: `call_${seq}`, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) };
}

function parse(...calls: RawToolCall[]) {
  return parseToolCalls(calls, options);
}

describe('normaliseToolName', () => {
  it.each([
    ['reply', 'reply'],
    ['REPLY', 'reply'],
    ['kfc_reply', 'reply'],
    ['functions.reply', 'reply'],
    ['default_api:do_nothing', 'do_nothing'],
    ['doNothing', 'do_nothing'],
    ['set-reminder', 'set_reminder'],
    ['tools/ScheduleWakeup', 'schedule_wakeup'],
  ])('"%s" is %s', (name, tool) => {
    expect(normaliseToolName(name)).toBe(tool);
  });

  it.each(['', 'send_message', 'reply.extra', 'constructor', '__proto__', 'toString'])('"%s" is no session tool', (name) => {
    expect(normaliseToolName(name)).toBeNull();
  });
});

describe('parseToolCalls', () => {
  it('reads a reply with its metadata into camelCase, trimming text', () => {
    const call = raw('kfc_reply', {
      content: '  Good morning!  ',
      thought: ' she sounds sleepy ',
      expected_reaction: 'tells me about her dream',
      max_wait_seconds: 120,
      mood: 'cheerful',
    });
    expect(parse(call)).toEqual({
      calls: [
        {
          tool: 'reply',
          content: 'Good morning!',
          thought: 'she sounds sleepy',
          expectedReaction: 'tells me about her dream',
          maxWaitSeconds: 120,
          mood: 'cheerful',
        },
      ],
      dropped: [],
      adjusted: [],
    });
  });

  it('accepts camelCase arguments and numbers sent as strings', () => {
    const result = parse(
      raw('reply', { content: 'ok', expectedReaction: 'a laugh', maxWaitSeconds: '90' }),
      raw('schedule_wakeup', { delayMinutes: ' 30 ', reason: 'ask about the exam' }),
    );
    expect(result.calls).toEqual([
      { tool: 'reply', content: 'ok', expectedReaction: 'a laugh', maxWaitSeconds: 90 },
      { tool: 'schedule_wakeup', delayMinutes: 30, reason: 'ask about the exam' },
    ]);
    expect(result.adjusted).toEqual([]);
  });

  it('keeps several calls in the order the model made them', () => {
    const result = parse(
      raw('reply', { content: 'First.' }),
      raw('reply', { content: 'Second.' }),
      raw('set_reminder', { when: 'in 20 minutes', text: 'Take the pasta off.' }),
      raw('reply', { content: 'Third.', max_wait_seconds: 60 }),
    );
    expect(result.calls).toEqual([
      { tool: 'reply', content: 'First.' },
      { tool: 'reply', content: 'Second.' },
      { tool: 'set_reminder', when: 'in 20 minutes', text: 'Take the pasta off.', dueAt: now + 20 * 60_000 },
      { tool: 'reply', content: 'Third.', maxWaitSeconds: 60 },
    ]);
  });

  it('reads do_nothing with no arguments at all, and leaves empty metadata out', () => {
    const result = parse(raw('do_nothing', ''), raw('do_nothing', { thought: '', mood: '  ', max_wait_seconds: 0 }));
    expect(result.calls).toEqual([{ tool: 'do_nothing' }, { tool: 'do_nothing', maxWaitSeconds: 0 }]);
    expect(result.dropped).toEqual([]);
  });

  it('reads double-encoded arguments', () => {
    const call = raw('reply', JSON.stringify(JSON.stringify({ content: 'nested' })));
    expect(parse(call).calls).toEqual([{ tool: 'reply', content: 'nested' }]);
  });

  it('drops unknown tools and reports them, keeping the other calls', () => {
    const unknown = raw('send_sticker', { id: 3 });
    const result = parse(unknown, raw('reply', { content: 'hi' }));
    expect(result.calls).toEqual([{ tool: 'reply', content: 'hi' }]);
    expect(result.dropped).toEqual([{ id: unknown.id, name: 'send_sticker', reason: 'unknown tool "send_sticker"' }]);
  });

  it.each([
    ['a code fence', '```json\n{"content": "hi"}\n```'],
    ['a trailing comma', '{"content": "hi",}'],
    ['truncated JSON', '{"content": "hi'],
    ['single quotes', "{'content': 'hi'}"],
  ])('drops a call whose arguments carry %s, without throwing', (_label, args) => {
    const call = raw('reply', args);
    const result = parse(call);
    expect(result.calls).toEqual([]);
    expect(result.dropped).toEqual([{ id: call.id, name: 'reply', reason: expect.stringMatching(/^arguments are not valid JSON/u) }]);
  });

  it.each(['[]', '42', 'null', '"just a sentence"', 'true'])('drops a call whose arguments %s are not an object', (args) => {
    const result = parse(raw('reply', args));
    expect(result.calls).toEqual([]);
    expect(result.dropped).toHaveLength(1);
    expect(result.dropped[0]!.reason).toMatch(/arguments (must be a JSON object|are not valid JSON)/u);
  });

  it.each([
    ['no content', { thought: 'hmm' }],
    ['blank content', { content: '   ' }],
    ['null content', { content: null }],
    ['object content', { content: { text: 'hi' } }],
  ])('drops a reply with %s', (_label, args) => {
    const result = parse(raw('reply', args));
    expect(result.calls).toEqual([]);
    expect(result.dropped[0]!.reason).toBe('reply without content');
  });

  it('ignores a mistyped metadata argument but keeps the reply, and reports it', () => {
    const call = raw('reply', { content: 'Sure.', mood: { value: 'happy' }, max_wait_seconds: 'a while' });
    const result = parse(call);
    expect(result.calls).toEqual([{ tool: 'reply', content: 'Sure.' }]);
    expect(result.adjusted).toEqual([
      { id: call.id, name: 'reply', field: 'max_wait_seconds', reason: 'expected a number, got "a while"; ignored' },
      { id: call.id, name: 'reply', field: 'mood', reason: 'expected text, got {"value":"happy"}; ignored' },
    ]);
  });

  it('reports arguments that belong to no parameter', () => {
    const call = raw('do_nothing', { content: 'should not be sent', sticker: 'cat' });
    const result = parse(call);
    expect(result.calls).toEqual([{ tool: 'do_nothing' }]);
    expect(result.adjusted.map((entry) => [entry.field, entry.reason])).toEqual([
      ['content', 'unknown argument ignored'],
      ['sticker', 'unknown argument ignored'],
    ]);
  });

  it('cuts content longer than maxReplyChars, ending it with an ellipsis', () => {
    const call = raw('reply', { content: 'abcdefghijklmnopqrstuvwxyz' });
    const result = parseToolCalls([call], { ...options, maxReplyChars: 10 });
    expect(result.calls).toEqual([{ tool: 'reply', content: 'abcdefghi…' }]);
    expect(result.adjusted).toEqual([{ id: call.id, name: 'reply', field: 'content', reason: 'cut from 26 to 10 characters' }]);
    const exact = parseToolCalls([raw('reply', { content: 'abcdefghij' })], { ...options, maxReplyChars: 10 });
    expect(exact.calls).toEqual([{ tool: 'reply', content: 'abcdefghij' }]);
  });

  it('counts characters, not UTF-16 units, when cutting', () => {
    const result = parseToolCalls([raw('reply', { content: '😀'.repeat(8) })], { ...options, maxReplyChars: 5 });
    expect(result.calls).toEqual([{ tool: 'reply', content: '😀😀😀😀…' }]);
  });

  it('bounds metadata text by the same limit', () => {
    const result = parseToolCalls([raw('do_nothing', { thought: 'x'.repeat(50) })], { ...options, maxReplyChars: 20 });
    expect(result.calls).toEqual([{ tool: 'do_nothing', thought: `${'x'.repeat(19)}…` }]);
  });

  it('resolves set_reminder times, and gives a null dueAt for times it cannot use', () => {
    const unclear = raw('set_reminder', { when: 'whenever you like', text: 'Drink water' });
    const past = raw('set_reminder', { when: '2020-01-01T09:00', text: 'Too late' });
    const result = parse(raw('set_reminder', { when: '明天9点', text: '开会' }), unclear, past);
    expect(result.calls).toEqual([
      { tool: 'set_reminder', when: '明天9点', text: '开会', dueAt: Date.parse('2026-11-22T09:00:00+08:00') },
      { tool: 'set_reminder', when: 'whenever you like', text: 'Drink water', dueAt: null },
      { tool: 'set_reminder', when: '2020-01-01T09:00', text: 'Too late', dueAt: null },
    ]);
    expect(result.adjusted.map((entry) => [entry.id, entry.field])).toEqual([
      [unclear.id, 'when'],
      [past.id, 'when'],
    ]);
    expect(result.adjusted[1]!.reason).toMatch(/not in the future/u);
  });

  it('drops a set_reminder without text or time', () => {
    const result = parse(raw('set_reminder', { when: 'in 5 minutes' }), raw('set_reminder', { text: 'call mom', when: ' ' }));
    expect(result.calls).toEqual([]);
    expect(result.dropped.map((entry) => entry.reason)).toEqual([
      'set_reminder needs both when and text',
      'set_reminder needs both when and text',
    ]);
  });

  it('keeps schedule_wakeup 0 (a cancel), drops negative or non-numeric delays', () => {
    const noReason = raw('schedule_wakeup', { delay_minutes: 0 });
    const result = parse(noReason, raw('schedule_wakeup', { delay_minutes: -5, reason: 'x' }), raw('schedule_wakeup', { delay_minutes: 'later', reason: 'x' }));
    expect(result.calls).toEqual([{ tool: 'schedule_wakeup', delayMinutes: 0, reason: '' }]);
    expect(result.dropped.map((entry) => entry.reason)).toEqual([
      'delay_minutes must be 0 or more, got -5',
      'schedule_wakeup without a numeric delay_minutes',
    ]);
    expect(result.adjusted).toContainEqual({ id: noReason.id, name: 'schedule_wakeup', field: 'reason', reason: 'missing; an empty reason is used' });
  });

  it('rejects a maxReplyChars that is not a positive integer', () => {
    expect(() => parseToolCalls([], { ...options, maxReplyChars: 0 })).toThrow(InvalidInputError);
    expect(() => parseToolCalls([], { ...options, maxReplyChars: 2.5 })).toThrow(/maxReplyChars/u);
  });
});

describe('the metadata-leak guard', () => {
  it.each([
    ['Sure, see you at 8! thought: she seems tired. mood: calm', 'Sure, see you at 8!'],
    ['好呀～ 想法：她今天很开心 心情：愉快', '好呀～'],
    ['Okay!\n\n**Thought:** keep it light\n**Expected reaction:** a smile', 'Okay!'],
    ['Night! (inner thought: finally) max_wait_seconds: 0', 'Night!'],
    ['晚安 内心：终于可以休息了 预期反应：回晚安 最大等待秒数：0', '晚安'],
    ['Let me check — Mood: curious | expected_reaction: an answer', 'Let me check'],
  ])('cuts %j at the earliest label', (content, kept) => {
    const result = parse(raw('reply', { content, max_wait_seconds: 60 }));
    expect(result.calls).toEqual([{ tool: 'reply', content: kept, maxWaitSeconds: 60 }]);
    expect(result.adjusted).toHaveLength(1);
    expect(result.adjusted[0]).toMatchObject({ field: 'content', reason: expect.stringMatching(/^cut at leaked metadata/u) });
  });

  it.each([
    'My mood: great, thanks for asking!',
    'Quick thought: what if we went hiking? Mood for it?',
    'An afterthought: my mood: sunny.',
    '心情：不错！你呢？',
  ])('leaves %j alone (fewer than two distinct labels)', (content) => {
    expect(cutLeakedMetadata(content)).toBeNull();
    expect(parse(raw('reply', { content })).calls).toEqual([{ tool: 'reply', content }]);
  });

  it('drops a reply that was nothing but metadata', () => {
    const call = raw('reply', { content: 'thought: she is sad\nmood: worried' });
    const result = parse(call);
    expect(result.calls).toEqual([]);
    expect(result.dropped).toEqual([{ id: call.id, name: 'reply', reason: 'reply content was only leaked metadata' }]);
  });

  it('names the label it cut at', () => {
    expect(cutLeakedMetadata('Hi! Thought: x. Mood: y')).toEqual({ text: 'Hi!', label: 'Thought:' });
  });
});

describe('memo tools', () => {
  const options = { now: Date.UTC(2026, 10, 21), timeZone: 'UTC', maxReplyChars: 200 };
  it('reads write_memo and forget_memo, with a default TTL and numeric ids', () => {
    const parsed = parseToolCalls(
      [
        { id: 'a', name: 'write_memo', arguments: '{"text":"likes cats","ttl_hours":"48"}' },
        { id: 'b', name: 'writeMemo', arguments: '{"text":"exam friday"}' },
        { id: 'c', name: 'forget_memo', arguments: '{"id":3}' },
        { id: 'd', name: 'forget_memo', arguments: '{"id":"x"}' },
      ],
      options,
    );
    expect(parsed.calls).toEqual([
      { tool: 'write_memo', text: 'likes cats', ttlHours: 48 },
      { tool: 'write_memo', text: 'exam friday', ttlHours: 24 },
      { tool: 'forget_memo', id: 3 },
    ]);
    expect(parsed.dropped.map((drop) => drop.id)).toEqual(['d']);
  });
});
