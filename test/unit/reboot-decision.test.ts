/**
 * The reminder decision over every similar message (the seed looked at its single best match only), and the
 * judge's prompt and answer parsing.
 */
import { describe, expect, it } from 'vitest';
import type { Match } from '../../src/memory-reboot/group-index.js';
import { decideReminder, referenceMatch } from '../../src/memory-reboot/match-decision.js';
import { describeAgo, judgePrompt, parseJudgeAnswer } from '../../src/memory-reboot/reboot-judge.js';
import { parseVisionAnswer } from '../../src/memory-reboot/vision-classifier.js';
import { extractJsonObject } from '../../src/llm/json-answer.js';
import { loadTemplates } from '../../src/llm/prompt-templates.js';

const hour = 3_600_000;
const now = 100 * hour;
const settings = { minUniqueSenders: 3, cooldownSeconds: 3600 };
const match = (id: string, senderId: string, hoursAgo: number, kind: Match['kind'] = 'text', similarity = 0.97): Match => ({ id, senderId, at: now - hoursAgo * hour, kind, similarity });

describe('decideReminder', () => {
  it('reminds when three people posted it, the sender is new to it, and the newest copy is past the cooldown', () => {
    const decision = decideReminder({ senderId: 'c', at: now }, [match('a1', 'a', 5), match('b1', 'b', 2)], settings);
    expect(decision).toMatchObject({ verdict: 'remind', uniqueSenders: 3, match: { id: 'a1' } });
  });

  it('does nothing without a match', () => {
    expect(decideReminder({ senderId: 'c', at: now }, [], settings)).toEqual({ verdict: 'no_match' });
  });

  it('counts distinct senders, the current one included', () => {
    expect(decideReminder({ senderId: 'b', at: now }, [match('a1', 'a', 2)], settings).verdict).toBe('too_few_senders');
    expect(decideReminder({ senderId: 'c', at: now }, [match('a1', 'a', 5), match('a2', 'a', 3)], settings)).toMatchObject({ verdict: 'too_few_senders', uniqueSenders: 2 });
    expect(decideReminder({ senderId: 'b', at: now }, [match('a1', 'a', 2)], { ...settings, minUniqueSenders: 2 }).verdict).toBe('remind');
  });

  it('never reminds someone who posted any of the similar messages, not only the best one', () => {
    const matches = [match('a1', 'a', 5, 'text', 0.99), match('b1', 'b', 4), match('c1', 'c', 3, 'text', 0.951)];
    expect(decideReminder({ senderId: 'c', at: now }, matches, settings).verdict).toBe('own_content');
  });

  it('never reminds a message that quotes one of the similar messages', () => {
    const matches = [match('a1', 'a', 5), match('b1', 'b', 4)];
    expect(decideReminder({ senderId: 'c', at: now, replyTo: 'b1' }, matches, settings).verdict).toBe('quotes_match');
    expect(decideReminder({ senderId: 'c', at: now, replyTo: 'zz' }, matches, settings).verdict).toBe('remind');
  });

  it('measures the cooldown against the newest similar message, not the best one', () => {
    const matches = [match('a1', 'a', 48, 'text', 0.99), match('b1', 'b', 0.25, 'text', 0.96)];
    expect(decideReminder({ senderId: 'c', at: now }, matches, settings)).toMatchObject({ verdict: 'cooldown', match: { id: 'a1' } });
    expect(decideReminder({ senderId: 'c', at: now }, [match('a1', 'a', 48), match('b1', 'b', 1)], settings).verdict).toBe('remind');
  });

  it('uses the best match of each kind, and the older of the two when text and picture both match', () => {
    expect(referenceMatch([match('t1', 'a', 3, 'text', 0.96), match('t2', 'b', 5, 'text', 0.99)])?.id).toBe('t2');
    expect(referenceMatch([match('t1', 'a', 3, 'text', 0.97), match('t2', 'b', 5, 'text', 0.97)])?.id).toBe('t2');
    expect(referenceMatch([match('t1', 'a', 3, 'text'), match('i1', 'b', 9, 'image', 0.92)])?.id).toBe('i1');
    expect(referenceMatch([match('t1', 'a', 9, 'text'), match('i1', 'b', 3, 'image', 0.99)])?.id).toBe('t1');
    expect(referenceMatch([match('i1', 'b', 3, 'image')])?.id).toBe('i1');
  });
});

describe('the judge', () => {
  it('reads verdicts bare, fenced, in prose, with string booleans, and as broken JSON with the key', () => {
    expect(parseJudgeAnswer('{"should_remind": true, "reason": "bare forward"}')).toEqual({ remind: true, reason: 'bare forward' });
    expect(parseJudgeAnswer('```json\n{"should_remind": false, "reason": "ongoing"}\n```')).toEqual({ remind: false, reason: 'ongoing' });
    expect(parseJudgeAnswer('Sure! Here is my answer: {"should_remind": "yes", "reason": "x"} Hope it helps.')?.remind).toBe(true);
    expect(parseJudgeAnswer('{"should_remind": false, "reason": "unterminated')?.remind).toBe(false);
    expect(parseJudgeAnswer("should_remind: true")?.remind).toBe(true);
  });

  it('gives no verdict for garbage', () => {
    for (const text of ['', 'I think so', '{"reason": "no verdict"}', '{"should_remind": "maybe"}', '<html>502</html>']) expect(parseJudgeAnswer(text), text).toBeNull();
  });

  it('shows the judge the earlier copy, both contexts, the counts and the new message', () => {
    const line = (offsetHours: number, sender: string, text: string) => ({ at: now - offsetHours * hour, sender, text });
    const prompt = judgePrompt(loadTemplates()['reboot-judge'], {
      matched: line(26, 'Ann', 'Tram line approved, opens 2027'),
      similarity: 0.973,
      matchedContext: [line(27, 'Bob', 'anyone seen the news?'), line(26, 'Ann', 'Tram line approved, opens 2027')],
      recentContext: [line(0.1, 'Dee', 'lunch anyone?')],
      current: line(0, 'Cat', 'Tram line approved, opens 2027!!'),
      uniqueSenders: 3,
      minSenders: 3,
      timezone: 'UTC',
    });
    for (const part of ['posted 1 day ago', 'Ann', '0.973', 'anyone seen the news?', 'lunch anyone?', 'Cat', 'opens 2027!!', '3 different people', 'should_remind']) expect(prompt).toContain(part);
    expect(prompt).not.toMatch(/\{\{\s*[a-z_]+\s*\}\}/u);
  });

  it('says how long ago in the unit a person would use', () => {
    expect([45_000, 12 * 60_000, 3 * hour, 26 * hour, 49 * hour].map(describeAgo)).toEqual(['45 s', '12 min', '3 h', '1 day', '2 days']);
  });
});

describe('model answers', () => {
  it('finds the first JSON object in an answer', () => {
    expect(extractJsonObject('x {"a": "}"} y {"b": 2}')).toEqual({ a: '}' });
    expect(extractJsonObject('[1, 2]')).toBeNull();
    expect(extractJsonObject('```\n{"a": 1}\n```')).toEqual({ a: 1 });
  });

  it('reads the vision verdict in the seed\'s shapes', () => {
    expect(parseVisionAnswer('{"is_sticker": true, "content": "a cat"}')).toEqual({ sticker: true, content: '' });
    expect(parseVisionAnswer('```json\n{"is_sticker": "false", "content": "[news screenshot] Tram approved"}\n```')).toEqual({ sticker: false, content: '[news screenshot] Tram approved' });
    expect(parseVisionAnswer('{"type": "emoji"}')).toEqual({ sticker: true, content: '' });
    expect(parseVisionAnswer('a sticker, I think')).toBeNull();
  });
});
