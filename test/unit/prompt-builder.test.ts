import { describe, expect, it } from 'vitest';
import type { HistoryEntry, MentalEntry, PromptMaterial, TextRequest, TurnRequest } from '../../src/llm/llm-types.js';
import { renderNarrative } from '../../src/llm/narrative.js';
import { buildTextMessages, buildTurnMessages, escalationOf, formatPeriod, type PromptOptions } from '../../src/llm/prompt-builder.js';
import { loadTemplates, renderTemplate } from '../../src/llm/prompt-templates.js';

const at = (hour: number, minute = 0) => Date.UTC(2026, 10, 21, hour, minute);
const options: PromptOptions = { templates: loadTemplates(), chatType: 'private', maxInputChars: 100, maxImages: 4 };
const history: HistoryEntry[] = [
  { role: 'user', text: 'I am going to the cinema', at: at(18, 0) },
  { role: 'bot', text: 'Enjoy the film!', at: at(18, 1) },
];
const mental: MentalEntry[] = [{ kind: 'plan', text: 'thought: they like films; decided to wait 120 s', at: at(18, 1) }];
const material: PromptMaterial = { persona: 'You are Miko the cat.', timezone: 'Asia/Shanghai', now: at(12, 30), history, mentalLog: mental };

function turn(overrides: Partial<TurnRequest>): TurnRequest {
  return { sessionId: 'http:private:a', requestId: 'r1', purpose: 'reply', requestedAt: at(12, 30), text: 'hi', images: [], consecutiveTimeouts: 0, unanswered: 0, wait: null, memos: [], ...overrides };
}

function userText(messages: ReturnType<typeof buildTurnMessages>): string {
  const content = messages[1]!.content;
  return typeof content === 'string' ? content : (content as Array<{ type: string; text?: string }>).map((part) => part.text ?? '').join('');
}

describe('prompt building', () => {
  it('puts the persona, the tools guidance and the local time in the system prompt', () => {
    const [system] = buildTurnMessages(turn({}), material, options);
    expect(system!.content).toContain('You are Miko the cat.');
    expect(system!.content).toContain('2026-11-21 20:30');
    expect(system!.content).toContain('Asia/Shanghai');
    expect(system!.content).toContain('max_wait_seconds');
  });

  it('fuses history and mental log into one time-ordered narrative', () => {
    const narrative = renderNarrative(history, mental, 'UTC');
    expect(narrative.split('\n')).toEqual([
      '[conversation so far]',
      '[18:00] They said: I am going to the cinema',
      '[18:01] You said: Enjoy the film!',
      '[18:01] (your plan: thought: they like films; decided to wait 120 s)',
    ]);
  });

  it('cuts a very long message with a marker and attaches images natively, at most maxImages, stickers labelled', () => {
    const long = turn({ text: 'x'.repeat(250), images: [{ url: 'https://i/1.png' }, { url: 'https://i/2.png', sticker: true }] });
    const messages = buildTurnMessages(long, { ...material, history: [{ role: 'user', text: 'pics', at: at(1), images: [1, 2, 3, 4].map((n) => ({ url: `https://h/${n}.png` })) }] }, options);
    const text = userText(messages);
    expect(text).toContain(`${'x'.repeat(100)}\n[… 150 more characters cut …]`);
    expect(text).toContain('[1 image] [1 sticker]');
    const parts = messages[1]!.content as Array<{ type: string; image_url?: { url: string } }>;
    expect(parts.filter((part) => part.type === 'image_url').map((part) => part.image_url!.url)).toEqual([
      'https://i/1.png',
      'https://i/2.png',
      'https://h/4.png',
      'https://h/3.png',
    ]);
  });

  it('a follow-up carries the elapsed time, expected reaction, last bot message, escalation and the waiting thoughts', () => {
    const wait = { startedAt: at(12, 0), seconds: 600, expectedReaction: 'they answer my question', lastBotText: 'How was the film?' };
    const thoughts: MentalEntry[] = [...mental, { kind: 'waiting_thought', text: 'maybe they are still out', at: at(12, 5) }];
    const text = userText(buildTurnMessages(turn({ purpose: 'followup', wait, consecutiveTimeouts: 2 }), { ...material, mentalLog: thoughts }, options));
    expect(text).toContain('You sent: "How was the film?" and waited 30 min');
    expect(text).toContain('You expected: they answer my question');
    expect(text).toContain('timeout 2 in a row');
    expect(text).toContain(escalationOf(2));
    expect(text).toContain('- maybe they are still out');
    expect(escalationOf(1)).not.toBe(escalationOf(3));
  });

  it('a proactive turn renders {{unanswered_count}} (before this send) and {{current_time}}, custom prompt included', () => {
    const builtIn = userText(buildTurnMessages(turn({ purpose: 'proactive', unanswered: 2 }), material, options));
    expect(builtIn).toContain('You have sent 2 message(s)');
    expect(builtIn).toContain('It is 2026-11-21 20:30');
    expect(builtIn).toContain('They said: I am going to the cinema');
    const custom = userText(
      buildTurnMessages(turn({ purpose: 'proactive', unanswered: 0 }), { ...material, proactivePrompt: 'Unanswered: {{unanswered_count}} at {{current_time}}.' }, options),
    );
    expect(custom).toContain('Unanswered: 0 at 2026-11-21 20:30.');
  });

  it('a group proactive turn says the group was quiet; the periodic one says it is the regular message, with its period', () => {
    const group = { from: null, joined: false, memorySince: null };
    const groupOptions = { ...options, chatType: 'group' as const };
    const silence = userText(buildTurnMessages(turn({ purpose: 'proactive', group }), material, groupOptions));
    expect(silence).toContain('the group has been quiet for a while');
    const daily = userText(buildTurnMessages(turn({ purpose: 'proactive', unanswered: 1, group: { ...group, periodSeconds: 86_400 } }), material, groupOptions));
    expect(daily).toContain('every day, whether the group is busy or quiet');
    expect(daily).toContain('It is 2026-11-21 20:30');
    expect(daily).toContain('1 message(s) of your own');
    expect(daily).not.toContain('quiet for a while');
    expect(formatPeriod(7200)).toBe('2 hours');
    expect(formatPeriod(5400)).toBe('90 minutes');
    expect(formatPeriod(45)).toBe('45 seconds');
    const custom = { ...material, proactivePrompt: 'Custom at {{current_time}}.' };
    expect(userText(buildTurnMessages(turn({ purpose: 'proactive', group: { ...group, periodSeconds: 3600 } }), custom, groupOptions))).toContain('Custom at 2026-11-21 20:30.');
  });

  it('a booked wake-up states its reason; inner thoughts and reminders are short plain prompts with the persona', () => {
    expect(userText(buildTurnMessages(turn({ purpose: 'wakeup', wakeupReason: 'ask about the film' }), material, options))).toContain('because: ask about the film');
    const thinking: TextRequest = { sessionId: 's', requestId: 's1', purpose: 'thinking', requestedAt: 0, progress: 0.85, wait: { startedAt: 0, seconds: 300, lastBotText: 'you there?' } };
    const [thought] = buildTextMessages(thinking, material, options);
    expect(thought!.content).toContain('You are Miko the cat.');
    expect(thought!.content).toContain('85%');
    expect(thought!.content).toContain('anxious');
    const [reminder] = buildTextMessages({ ...thinking, purpose: 'reminder', reminderText: 'drink water' }, material, options);
    expect(reminder!.content).toContain('"drink water"');
  });

  it('leaves unknown placeholders alone', () => {
    expect(renderTemplate('{{a}} {{b}}', { a: 1 })).toBe('1 {{b}}');
  });
});
