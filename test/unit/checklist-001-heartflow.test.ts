// Seed 001 (Heartflow): one test per [001] line of the feature checklist in shared/research/seeds.md §7, through
// the pure session machine with simulated time (the judge path against the fake OpenAI server and the Redis-backed
// lines are in test/integration/heartflow.test.ts and group-memory.test.ts).
import { describe, expect, it } from 'vitest';
import { energyAt } from '../../machines/group-activity.js';
import { normalisedWeights, overallScore } from '../../machines/heartflow.js';
import { parseConfig } from '../../src/config/load-config.js';
import { sessionSettingsFor } from '../../src/config/session-settings.js';
import { parseJudgeOutput } from '../../src/llm/judge-output.js';
import { buildJudgeMessages, judgeRetryReminder } from '../../src/llm/judge-prompt.js';
import { renderGroupMemory } from '../../src/llm/group-memory.js';
import type { HistoryEntry } from '../../src/llm/llm-types.js';
import { buildTurnMessages } from '../../src/llm/prompt-builder.js';
import { loadTemplates } from '../../src/llm/prompt-templates.js';
import { judgeRequestOf, llmRequestOf } from '../../src/runtime/effects.js';
import { GroupHarness, scoresOf } from '../helpers/group-harness.js';
import { reply } from '../helpers/machine-harness.js';

const t0 = Date.UTC(2026, 10, 21, 12, 0, 0);
const second = 1000;
const templates = loadTemplates();

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return (content as Array<{ type: string; text?: string }>).map((part) => part.text ?? '').join('');
}

describe('[001] which group messages are judged', () => {
  it('judges a plain member message when heartflow is on', () => {
    const group = new GroupHarness();
    group.post('bob', 'anyone seen the new film?', t0);
    expect(group.judging).toMatchObject({ purpose: 'judge', message: { senderId: 'bob', text: 'anyone seen the new film?' } });
  });

  it.each([
    ['heartflow is off', { heartflow: { enabled: false } }, {}],
    ['the group is not on an enabled whitelist (an empty whitelist blocks all)', { heartflow: { listed: false } }, {}],
    ['the sender is the bot', {}, { fromSelf: true }],
    ['the message is addressed to the bot', {}, { mentionsBot: true }],
  ])('does not judge when %s', (_case, overrides, options) => {
    const group = new GroupHarness(overrides);
    group.post('bob', 'anyone seen the new film?', t0, options);
    expect(group.judging).toBeNull();
  });

  it('does not judge a message without text (an image alone)', () => {
    const group = new GroupHarness();
    group.post('bob', '  ', t0, { images: [{ url: 'https://img.example/cat.png', hash: 'c1' }] });
    expect(group.judging).toBeNull();
    expect(group.history).toHaveLength(1);
  });

  it('does not judge a message with a wake word: it is answered as addressed', () => {
    const group = new GroupHarness({ groups: { wakeWords: ['Miko'] } });
    group.post('bob', 'what do you think, miko?', t0);
    expect(group.judging).toBeNull();
    expect(group.state).toBe('awaiting-llm');
    expect(group.context.turn?.joined).toBeUndefined();
  });

  it('waits for the cooldown after a voluntary reply, measured in seconds (not whole minutes)', () => {
    const group = new GroupHarness({ heartflow: { minReplyIntervalSeconds: 90 } });
    group.post('bob', 'who likes ramen?', t0).score(t0 + second, scoresOf(9));
    group.answer(t0 + 2 * second, [reply('me! tonkotsu forever')]).deliverAll();
    group.post('carol', 'ramen is overrated', t0 + 91 * second);
    expect(group.judging).toBeNull();
    group.post('carol', 'udon is better', t0 + 92.5 * second);
    expect(group.judging).toMatchObject({ message: { text: 'udon is better' } });
  });
});

describe('[001] scores and threshold', () => {
  it('clamps each score to [0, 10] and computes overall = Σ w·s / 10 with the default weights', () => {
    const weights = { relevance: 0.25, willingness: 0.2, social: 0.2, timing: 0.15, continuity: 0.2 };
    expect(overallScore({ relevance: 8, willingness: 6, social: 4, timing: 10, continuity: 2 }, weights)).toBeCloseTo(0.59, 10);
    expect(overallScore({ relevance: 15, willingness: -3, social: 10, timing: 10, continuity: 10 }, weights)).toBeCloseTo(0.8, 10);
  });

  it('renormalises weights that do not sum to 1', () => {
    expect(normalisedWeights({ relevance: 2, willingness: 2, social: 2, timing: 2, continuity: 2 })).toEqual({
      relevance: 0.2,
      willingness: 0.2,
      social: 0.2,
      timing: 0.2,
      continuity: 0.2,
    });
    expect(overallScore(scoresOf(7), { relevance: 5, willingness: 5, social: 5, timing: 5, continuity: 5 })).toBeCloseTo(0.7, 10);
  });

  it('joins iff overall ≥ threshold (0.6) at full energy', () => {
    const below = new GroupHarness();
    below.post('bob', 'nice weather', t0).score(t0 + second, { relevance: 6, willingness: 6, social: 6, timing: 6, continuity: 5.9 });
    expect(below.state).toBe('idle');
    expect(below.group.lastJudgement).toMatchObject({ overall: 0.598, required: 0.6, joined: false });

    const at = new GroupHarness();
    at.post('bob', 'nice weather', t0).score(t0 + second, scoresOf(6));
    expect(at.state).toBe('awaiting-llm');
    expect(at.group.lastJudgement).toMatchObject({ overall: 0.6, joined: true });
  });
});

describe('[001] reading the judge', () => {
  const json = '{"relevance": 8, "willingness": 7, "social": 6, "timing": 5, "continuity": 4, "reasoning": "on topic"}';

  it('reads bare JSON, JSON in a code fence, and JSON amid prose', () => {
    const expected = { scores: { relevance: 8, willingness: 7, social: 6, timing: 5, continuity: 4 }, reasoning: 'on topic' };
    expect(parseJudgeOutput(json)).toEqual(expected);
    expect(parseJudgeOutput(`\`\`\`json\n${json}\n\`\`\``)).toEqual(expected);
    expect(parseJudgeOutput(`Sure! Here is my assessment: ${json} Hope that helps {not json}`)).toEqual(expected);
    expect(parseJudgeOutput('{"scores": {"relevance": "9", "willingness": 9, "social": 9, "timing": 9, "continuity": 12}}')).toEqual({
      scores: { relevance: 9, willingness: 9, social: 9, timing: 9, continuity: 10 },
    });
  });

  it('finds nothing in garbage or incomplete scores, and asks again more firmly each time', () => {
    expect(parseJudgeOutput('I think the bot should reply.')).toBeNull();
    expect(parseJudgeOutput('{"relevance": 8, "willingness": 7}')).toBeNull();
    expect(parseJudgeOutput('{"relevance": "high", "willingness": 7, "social": 6, "timing": 5, "continuity": 4}')).toBeNull();
    expect(judgeRetryReminder(1)).toContain('JSON object');
    expect(judgeRetryReminder(2)).toContain('still');
    expect(judgeRetryReminder(3)).not.toBe(judgeRetryReminder(2));
  });

  it('sends nothing when the judgement fails for good (unreadable answers, or no judge model)', () => {
    for (const code of ['judge_unreadable', 'judge_unavailable']) {
      const group = new GroupHarness();
      group.post('bob', 'is anyone here?', t0).failJudge(t0 + second, code);
      expect(group.state).toBe('idle');
      expect(group.judging).toBeNull();
      expect(group.context.turn).toBeNull();
      expect(group.outbound).toEqual([]);
    }
  });
});

describe('[001] joining in', () => {
  it('hands the judged message to the chat model as a reply turn, marked as joining on its own', () => {
    const group = new GroupHarness();
    group.post('bob', 'does anyone know a good ramen place?', t0, { name: 'Bob', messageId: 'm1' }).score(t0 + second, scoresOf(8));
    expect(group.state).toBe('awaiting-llm');
    const request = llmRequestOf('http:group:g1', group.context);
    expect(request).toMatchObject({ purpose: 'reply', text: 'does anyone know a good ramen place?', group: { joined: true, from: { id: 'bob', name: 'Bob' } } });

    const history: HistoryEntry[] = [{ role: 'user', text: 'does anyone know a good ramen place?', at: t0, sender: { id: 'bob', name: 'Bob' } }];
    const messages = buildTurnMessages(request, { persona: 'You are Miko.', timezone: 'UTC', now: t0, history, mentalLog: [] }, {
      templates,
      chatType: 'group',
      maxInputChars: 1000,
      maxImages: 4,
    });
    const prompt = textOf(messages[1]?.content);
    expect(prompt).toContain('[12:00:00] Bob: does anyone know a good ramen place?');
    expect(prompt).toContain('[new message]\nBob: does anyone know a good ramen place?');
    expect(prompt).toContain('[you are joining on your own]');
  });

  it('an addressed message gets the same group request without the note', () => {
    const group = new GroupHarness();
    group.post('bob', '@Miko hi!', t0, { mentionsBot: true, name: 'Bob' });
    const request = llmRequestOf('http:group:g1', group.context);
    expect(request.group).toEqual({ from: { id: 'bob', name: 'Bob' }, joined: false, memorySince: null });
    const messages = buildTurnMessages(request, { persona: 'p', timezone: 'UTC', now: t0, history: [], mentalLog: [] }, {
      templates,
      chatType: 'group',
      maxInputChars: 1000,
      maxImages: 4,
    });
    expect(textOf(messages[1]?.content)).not.toContain('joining on your own');
  });

  it('names each member in one turn that answers several of them, rather than giving all the words to the first', () => {
    const group = new GroupHarness();
    group.post('alice', '@Miko what is the weather?', t0, { mentionsBot: true, name: 'Alice' });
    group.post('alice', 'in Osaka', t0 + second, { name: 'Alice' });
    // Bob's mention while the bot composes for Alice takes the turn over (cancelOnNewMessage): one answer for both.
    group.post('bob', '@Miko tell me a joke', t0 + 2 * second, { mentionsBot: true, name: 'Bob' });
    const request = llmRequestOf('http:group:g1', group.context);
    expect(request.text).toBe('Alice: @Miko what is the weather? in Osaka\nBob: @Miko tell me a joke');
    expect(request.group?.from).toBeNull();
    const messages = buildTurnMessages(request, { persona: 'p', timezone: 'UTC', now: t0, history: [], mentalLog: [] }, {
      templates,
      chatType: 'group',
      maxInputChars: 1000,
      maxImages: 4,
    });
    expect(textOf(messages[1]?.content)).toContain('[new message]\nAlice: @Miko what is the weather? in Osaka\nBob: @Miko tell me a joke');
  });

  it('waits a settle window for the same user\'s follow-ups, judges once on the latest, and answers them together', () => {
    const group = new GroupHarness({ heartflow: { settleSeconds: 6 } });
    group.post('bob', 'so I finally', t0).post('bob', 'tried that ramen place', t0 + 2 * second).post('bob', 'it was amazing', t0 + 5 * second);
    expect(group.judging).toBeNull();
    expect(group.context.timers.judge?.dueAt).toBe(t0 + 11 * second);
    group.fire('judge');
    expect(group.judging).toMatchObject({ message: { text: 'it was amazing' } });
    group.post('bob', 'the broth!!', t0 + 12 * second);
    group.score(t0 + 13 * second, scoresOf(8));
    expect(group.state).toBe('awaiting-llm');
    expect(llmRequestOf('http:group:g1', group.context).text).toBe('it was amazing the broth!!');
    expect(group.mental.filter((record) => record.kind === 'judged')).toHaveLength(1);
  });
});

describe('[001] energy', () => {
  it('starts at 1.0 and drops 0.1 per voluntary reply, down to 0.1', () => {
    const group = new GroupHarness({ heartflow: { threshold: 0, energy: { ...new GroupHarness().context.settings.heartflow.energy, recoveryHalfLifeSeconds: 0, thresholdRaise: 0 } } });
    expect(group.group.activity.energy).toBe(1);
    let at = t0;
    for (let round = 0; round < 10; round++) {
      group.post('bob', `question ${round}?`, (at += second)).score((at += second), scoresOf(10));
      group.answer((at += second), [reply(`answer ${round}`)]).deliverAll();
    }
    expect(group.group.activity.energy).toBe(0.1);
    expect(group.group.activity.joined).toBe(10);
  });

  it('spends energy only when the voluntary reply said something, and recovers 0.02 per declined judgement', () => {
    const group = new GroupHarness({ heartflow: { energy: { replyCost: 0.1, floor: 0.1, declineRecovery: 0.02, dailyRecovery: 0.2, recoveryHalfLifeSeconds: 0, thresholdRaise: 0 } } });
    group.post('bob', 'ramen?', t0).score(t0 + second, scoresOf(9)).answer(t0 + 2 * second, [reply('yes!')]);
    group.post('bob', 'udon?', t0 + 3 * second).score(t0 + 4 * second, scoresOf(9)).answer(t0 + 5 * second, [reply('also yes')]);
    expect(group.group.activity.energy).toBe(0.8);
    group.post('bob', 'soba?', t0 + 6 * second).score(t0 + 7 * second, scoresOf(9)).answer(t0 + 8 * second, [{ tool: 'do_nothing' }]);
    expect(group.group.activity.energy).toBe(0.8);
    group.post('carol', 'the weather', t0 + 9 * second).score(t0 + 10 * second, scoresOf(1));
    expect(group.group.activity.energy).toBe(0.82);
  });

  it('rises by 0.2 on a new local date, recovers with its half-life, and raises the score needed while low', () => {
    const energy = { replyCost: 0.5, floor: 0.1, declineRecovery: 0.02, dailyRecovery: 0.2, recoveryHalfLifeSeconds: 3600, thresholdRaise: 0.2 };
    const group = new GroupHarness({ heartflow: { energy } });
    group.post('bob', 'ramen?', t0).score(t0 + second, scoresOf(9)).answer(t0 + 2 * second, [reply('yes!')]);
    const activity = group.group.activity;
    expect(activity.energy).toBe(0.5);
    expect(energyAt(activity, t0 + 2 * second + 3600 * second, energy, 'UTC')).toBeCloseTo(0.75, 3);
    const nextDay = Date.UTC(2026, 10, 22, 0, 0, 1);
    expect(energyAt({ ...activity, energyAt: nextDay - 1000 }, nextDay, energy, 'UTC')).toBeCloseTo(0.7, 3);

    group.post('carol', 'anyone?', t0 + 3 * second).score(t0 + 4 * second, scoresOf(6.5));
    expect(group.group.lastJudgement).toMatchObject({ overall: 0.65, joined: false });
    expect(group.group.lastJudgement!.required).toBeCloseTo(0.7, 2);
  });

  it('is shown to the judge, with the group\'s state', () => {
    const group = new GroupHarness();
    group.post('bob', 'first', t0).score(t0 + second, scoresOf(9)).answer(t0 + 2 * second, [reply('hi all')]).deliverAll();
    group.post('carol', 'second', t0 + 10 * second);
    const request = judgeRequestOf('http:group:g1', group.context, group.judging as never);
    expect(request.group).toMatchObject({ messages: 2, judged: 1, joined: 1, replyRate: 1, sinceBot: 1, lastJoinAt: t0 + 2 * second });
    expect(request.group.energy).toBeGreaterThan(0.9);
    expect(request.group.energy).toBeLessThan(1);
  });
});

describe('[001] the judge prompt', () => {
  it('holds the persona summary, energy, activity level, reply rate, time, engagement, messages, the last bot reply and the message under judgement', () => {
    const group = new GroupHarness();
    group.post('bob', 'first', t0).score(t0 + second, scoresOf(9)).answer(t0 + 2 * second, [reply('hi all')]).deliverAll();
    group.post('carol', 'what about sushi?', t0 + 60 * second, { name: 'Carol' });
    const request = judgeRequestOf('http:group:g1', group.context, group.judging as never);
    const history: HistoryEntry[] = [
      { role: 'user', text: 'first', at: t0, sender: { id: 'bob', name: 'Bob' } },
      { role: 'bot', text: 'hi all', at: t0 + 3 * second },
    ];
    const content = textOf(
      buildJudgeMessages(request, { persona: 'A cheerful cat who loves food.', timezone: 'UTC', now: t0 + 61 * second, history, lastBotText: 'hi all', captions: {}, includeReasoning: true }, templates)[0]?.content,
    );
    for (const expected of [
      'A cheerful cat who loves food.',
      'Bot energy: 0.9',
      'Group activity: low (2 messages seen)',
      'joined in after 100%',
      '2026-11-21 12:01',
      'How the group took the bot\'s last message: 1 message(s) since',
      '[12:00:00] Bob: first',
      '[12:00:03] You: hi all',
      '[the bot\'s last message]\nhi all',
      'Carol at 12:01: what about sushi?',
      'reaches 0.62',
      '"reasoning"',
    ]) {
      expect(content).toContain(expected);
    }
  });
});

describe('[001] group memory', () => {
  it('records every group message (text, mention, images) and every bot reply', () => {
    const group = new GroupHarness({ heartflow: { enabled: false } });
    group.post('bob', 'look at this', t0, { name: 'Bob', messageId: 'm1', images: [{ url: 'https://img.example/a.png', hash: 'h1' }] });
    group.post('carol', '@Miko what is it?', t0 + second, { mentionsBot: true, name: 'Carol' });
    group.answer(t0 + 2 * second, [reply('a very fat cat')]).deliverAll();
    expect(group.history).toEqual([
      { type: 'history.recorded', role: 'user', text: 'look at this', at: t0, images: [{ url: 'https://img.example/a.png', hash: 'h1' }], sender: { id: 'bob', name: 'Bob' }, messageId: 'm1' },
      { type: 'history.recorded', role: 'user', text: '@Miko what is it?', at: t0 + second, sender: { id: 'carol', name: 'Carol' }, mentionsBot: true },
      { type: 'history.recorded', role: 'bot', text: 'a very fat cat', at: expect.any(Number) },
    ]);
  });
});

describe('[001] images', () => {
  const image = (name: string) => ({ url: `https://img.example/${name}.png`, hash: name });

  it('attaches first-seen images of the last 5 records to the next request, at most 2, pending ones first', () => {
    const group = new GroupHarness({ heartflow: { enabled: false } });
    group.post('bob', '', t0, { images: [image('a'), image('b'), image('c')] });
    group.post('carol', '@Miko look', t0 + second, { mentionsBot: true });
    expect(group.context.turn?.images?.map((item) => item.hash)).toEqual(['c', 'b']);
    expect(group.group.pendingImages.map((item) => [item.hash, item.rounds])).toEqual([['c', 0], ['b', 0], ['a', 1]]);
    group.answer(t0 + 2 * second, [reply('nice')]).deliverAll();

    group.post('dave', '', t0 + 3 * second, { images: [image('d'), image('e')] });
    group.post('carol', '@Miko and these?', t0 + 4 * second, { mentionsBot: true });
    // k = 2: one for the pending image (ceil(k/2)), one for the newest fresh one.
    expect(group.context.turn?.images?.map((item) => item.hash)).toEqual(['a', 'e']);
  });

  it('identifies an image by its content: the same picture under a new URL is not shown twice', () => {
    const group = new GroupHarness({ heartflow: { enabled: false } });
    group.post('bob', '', t0, { images: [{ url: 'https://cdn.example/x?sig=1', hash: 'same' }] });
    group.post('carol', '@Miko look', t0 + second, { mentionsBot: true }).answer(t0 + 2 * second, [reply('cute')]).deliverAll();
    group.post('dave', '', t0 + 3 * second, { images: [{ url: 'https://cdn.example/x?sig=2', hash: 'same' }] });
    group.post('carol', '@Miko again?', t0 + 4 * second, { mentionsBot: true });
    expect(group.context.turn?.images).toBeUndefined();
  });

  it('counts an image as seen only after a response to the request that carried it', () => {
    const group = new GroupHarness({ heartflow: { enabled: false } });
    group.post('bob', '@Miko look', t0, { mentionsBot: true, images: [image('a')] });
    expect(group.context.turn?.images?.map((item) => item.hash)).toEqual(['a']);
    expect(group.group.knownImages).toEqual([]);
    group.failTurn(t0 + second);
    expect(group.group.knownImages).toEqual([]);
    group.post('bob', '@Miko hello?', t0 + 40 * second, { mentionsBot: true });
    expect(group.context.turn?.images?.map((item) => item.hash)).toEqual(['a']);
    group.answer(t0 + 41 * second, [reply('a cat!')]);
    expect(group.group.knownImages).toEqual(['a']);
    expect(group.group.pendingImages).toEqual([]);
  });

  it('renders memory lines: shown in this request as [Image #n], seen as [Image], captioned as [Image: …]; stickers, mentions, the bot as You', () => {
    const entries: HistoryEntry[] = [
      {
        role: 'user',
        text: 'look',
        at: t0,
        sender: { id: 'bob', name: 'Bob' },
        images: [image('seen'), image('new'), image('captioned'), { url: 'https://img.example/face', sticker: true, hash: 's1' }],
      },
      { role: 'user', text: 'what is it?', at: t0 + second, sender: { id: 'carol' }, mentionsBot: true },
      { role: 'bot', text: 'a cat', at: t0 + 2 * second },
    ];
    const lines = renderGroupMemory(entries, { timeZone: 'UTC', captions: { captioned: 'A ginger cat.' }, attached: ['new'] }).split('\n');
    expect(lines).toEqual([
      '[12:00:00] Bob: look [Image] [Image #1] [Image: A ginger cat.] [Sticker]',
      '[12:00:01] carol: what is it? [@you]',
      '[12:00:02] You: a cat',
    ]);
  });

  it('drops a pending image passed over by more than pendingMaxRounds (2) requests, even after it left the window', () => {
    const group = new GroupHarness({ heartflow: { enabled: false }, groups: { maxImagesPerRequest: 1, imageWindow: 5, pendingMaxRounds: 2 } });
    group.post('bob', '', t0, { images: [image('old'), image('new')] });
    let at = t0;
    const rounds: Array<string[] | undefined> = [];
    for (let round = 0; round < 4; round++) {
      group.post('carol', `@Miko round ${round}`, (at += second), { mentionsBot: true, images: round === 0 ? [] : [image(`r${round}`)] });
      rounds.push(group.context.turn?.images?.map((item) => item.hash));
      group.answer((at += second), [reply('ok')]).deliverAll();
    }
    // k = 1 gives the one place to pending images; round 0 has none pending yet, so the newest fresh one goes.
    expect(rounds).toEqual([['new'], ['old'], ['r1'], ['r2']]);
    const dropping = new GroupHarness({ heartflow: { enabled: false }, groups: { maxImagesPerRequest: 0, pendingMaxRounds: 2 } });
    dropping.post('bob', '', t0, { images: [image('x')] });
    for (let round = 0; round < 3; round++) {
      dropping.post('carol', `@Miko ${round}`, t0 + (2 * round + 1) * second, { mentionsBot: true });
      dropping.answer(t0 + (2 * round + 2) * second, [reply('ok')]);
      expect(dropping.group.pendingImages.map((item) => item.rounds)).toEqual(round < 2 ? [round + 1] : []);
    }
    expect(dropping.group.knownImages).toEqual(['x']);
  });
});

describe('[001] commands', () => {
  it('/heartflow shows the status to anyone', () => {
    const group = new GroupHarness();
    group.post('bob', 'hello', t0).score(t0 + second, scoresOf(2));
    group.post('zed', '/heartflow', t0 + 2 * second);
    const [status] = group.outbound;
    expect(status?.kind).toBe('notice');
    expect(status?.text).toContain('Heartflow: on');
    expect(status?.text).toContain('energy 1.00');
    expect(status?.text).toContain('judged 1 · joined 0');
    expect(status?.text).toContain('stayed quiet');
    expect(group.history.map((record) => record.text)).toEqual(['hello']);
  });

  it('/heartflow_reset clears the judge state, images and memory for an admin, and refuses anyone else', () => {
    const group = new GroupHarness({ admins: ['boss'] });
    group.post('bob', 'ramen?', t0, { images: [{ url: 'https://img.example/r.png', hash: 'r' }] }).score(t0 + second, scoresOf(9));
    group.answer(t0 + 2 * second, [reply('yes')]).deliverAll();
    const before = structuredClone(group.group);
    group.post('bob', '/heartflow_reset', t0 + 3 * second);
    expect(group.outbound.at(-1)?.text).toBe('Only admins can reset Heartflow.');
    expect(group.group).toEqual(before);

    group.post('boss', '/heartflow_reset', t0 + 4 * second);
    expect(group.outbound.at(-1)?.text).toContain('cleared');
    expect(group.group.activity).toMatchObject({ energy: 1, judged: 0, joined: 0, lastJoinAt: null });
    expect(group.group.knownImages).toEqual([]);
    expect(group.group.memorySince).toBe(t0 + 4 * second);
  });
});

describe('[001] commands: /reset and what is not offered', () => {
  const image = (name: string) => ({ url: `https://img.example/${name}.png`, hash: name });

  it("an admin's /reset clears the group's judge state, memory, seen images and pending images", () => {
    const group = new GroupHarness({ admins: ['boss'], groups: { maxImagesPerRequest: 1 } });
    group.post('bob', 'ramen pics!', t0, { images: [image('a'), image('b')] }).score(t0 + second, scoresOf(9));
    group.answer(t0 + 2 * second, [reply('yum')]).deliverAll();
    expect(group.group.knownImages).toEqual(['b']);
    expect(group.group.pendingImages.map((item) => item.hash)).toEqual(['a']);
    group.post('carol', 'anyone for udon?', t0 + 3 * second);
    expect(group.judging).not.toBeNull();

    group.post('boss', '/reset', t0 + 4 * second);
    expect(group.judging).toBeNull();
    expect(group.group).toMatchObject({ candidate: null, lastJudgement: null, knownImages: [], pendingImages: [], recentImages: [], memorySince: t0 + 4 * second });
    expect(group.group.activity).toMatchObject({ energy: 1, judged: 0, joined: 0, messages: 0, lastJoinAt: null });
  });

  it('/heartflow_cache and /heartflow_cache_clear are not offered (the summary is keyed by the persona text): answered as unknown, never judged or remembered', () => {
    const group = new GroupHarness({ admins: ['boss'] });
    group.post('boss', '/heartflow_cache', t0).post('boss', '/heartflow_cache_clear', t0 + second);
    expect(group.outbound.map((message) => message.text)).toEqual([expect.stringContaining('Unknown command'), expect.stringContaining('Unknown command')]);
    expect(group.outbound[0]?.text).toContain('/heartflow_reset');
    expect(group.judging).toBeNull();
    expect(group.history).toEqual([]);
  });
});

describe('[001] settings of a group', () => {
  it('resolves the whitelist per group (on with an empty list blocks every group), per-session overrides and admins per platform', () => {
    const blocked = parseConfig({ heartflow: { enabled: true, whitelistEnabled: true } });
    expect(sessionSettingsFor(blocked, 'qq:group:1').heartflow).toMatchObject({ enabled: true, listed: false });
    const listed = parseConfig({ heartflow: { enabled: true, whitelistEnabled: true, whitelist: ['qq:group:1'] } });
    expect(sessionSettingsFor(listed, 'qq:group:1').heartflow.listed).toBe(true);
    expect(sessionSettingsFor(listed, 'qq:group:2').heartflow.listed).toBe(false);
    const overridden = parseConfig({ admins: ['qq:42', '7'], sessions: { 'qq:group:3': { heartflow: { enabled: true, weights: { relevance: 1 } }, groups: { wakeWords: ['Miko'] } } } });
    const settings = sessionSettingsFor(overridden, 'qq:group:3');
    expect(settings.heartflow.enabled).toBe(true);
    expect(settings.heartflow.weights).toEqual({ relevance: 1, willingness: 0.2, social: 0.2, timing: 0.15, continuity: 0.2 });
    expect(settings.groups.wakeWords).toEqual(['Miko']);
    expect(settings.admins).toEqual(expect.arrayContaining(['42', '7']));
    expect(sessionSettingsFor(overridden, 'http:group:3').admins).not.toContain('42');
    expect(() => parseConfig({ heartflow: { whitelist: ['not a session'] } })).toThrow(/heartflow.whitelist/);
    expect(() => parseConfig({ heartflow: { weights: { relevance: 0, willingness: 0, social: 0, timing: 0, continuity: 0 } } })).toThrow(/weight/);
  });
});
