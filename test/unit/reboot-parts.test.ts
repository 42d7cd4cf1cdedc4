/**
 * How Memory Reboot is wired: which ingested events join the check queue, which configurations cannot
 * remind (and say so), and the judge failing closed with one warning.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { confirmsWithJudge, memoryRebootWarnings } from '../../src/memory-reboot/memory-reboot-parts.js';
import { checkEntryOf } from '../../src/memory-reboot/reboot-enqueuer.js';
import { RebootJudge } from '../../src/memory-reboot/reboot-judge.js';

const message = { type: 'message.received' as const, at: 1000, sender: { id: 'u1', name: 'Ann' }, text: 'hello all', images: [], mentionsBot: false };
const receipt = { eventId: 'http:group:g#7' };

describe('checkEntryOf', () => {
  it('queues group messages with text or pictures, under the platform message id or else the event id', () => {
    expect(checkEntryOf('http:group:g', { ...message, messageId: 'p9' }, receipt)).toEqual({ id: 'p9', messageId: 'p9', at: 1000, sender: { id: 'u1', name: 'Ann' }, text: 'hello all', images: [] });
    expect(checkEntryOf('http:group:g', message, receipt)).toMatchObject({ id: 'http:group:g#7' });
    expect(checkEntryOf('http:group:g', { ...message, replyTo: 'p1' }, receipt)).toMatchObject({ replyTo: 'p1' });
    expect(checkEntryOf('http:group:g', { ...message, text: '', images: [{ url: 'https://x/y.png' }] }, receipt)).not.toBeNull();
  });

  it('leaves out private chats, empty messages and other events', () => {
    expect(checkEntryOf('http:private:g', message, receipt)).toBeNull();
    expect(checkEntryOf('http:group:g', { ...message, text: '  ' }, receipt)).toBeNull();
    expect(checkEntryOf('http:group:g', { type: 'reboot.matched', at: 1, messageId: 'x', text: 'old news' }, receipt)).toBeNull();
  });
});

describe('memoryRebootWarnings', () => {
  it('warns when the judge is required but missing, and not otherwise', () => {
    expect(memoryRebootWarnings(parseConfig({}))).toEqual([]);
    expect(memoryRebootWarnings(parseConfig({ memoryReboot: { llmConfirm: true } }))).toEqual([expect.stringContaining('llm.models.judge is not set')]);
    expect(memoryRebootWarnings(parseConfig({ llm: { models: { judge: 'j' } } }))).toEqual([expect.stringContaining('no LLM endpoint')]);
    expect(memoryRebootWarnings(parseConfig({ llm: { baseUrl: 'http://x/v1', models: { judge: 'j' } } }))).toEqual([]);
    expect(memoryRebootWarnings(parseConfig({ memoryReboot: { llmConfirm: false }, llm: { models: { judge: 'j' } } }))).toEqual([]);
    expect(memoryRebootWarnings(parseConfig({ memoryReboot: { enabled: false, llmConfirm: true } }))).toEqual([]);
    expect(memoryRebootWarnings(parseConfig({ llm: { models: { embedding: 'e' } } }))).toEqual([expect.stringContaining('offline n-gram embedding')]);
  });

  it('confirms with the judge when told to, or by default when a judge model is configured', () => {
    expect(confirmsWithJudge(parseConfig({}))).toBe(false);
    expect(confirmsWithJudge(parseConfig({ llm: { models: { judge: 'j' } } }))).toBe(true);
    expect(confirmsWithJudge(parseConfig({ memoryReboot: { llmConfirm: true } }))).toBe(true);
    expect(confirmsWithJudge(parseConfig({ memoryReboot: { llmConfirm: false }, llm: { models: { judge: 'j' } } }))).toBe(false);
  });
});

describe('RebootJudge without a model', () => {
  it('says no every time and warns once', async () => {
    const warnings: string[] = [];
    const judge = new RebootJudge({ model: { problem: 'llm.models.judge is not set' }, template: '', timeoutMs: 1000, warn: (text) => warnings.push(text) });
    const input = {
      matched: { at: 0, sender: 'a', text: 'x' },
      similarity: 1,
      matchedContext: [],
      recentContext: [],
      current: { at: 1, sender: 'b', text: 'x' },
      uniqueSenders: 3,
      minSenders: 3,
      timezone: 'UTC',
    };
    expect((await judge.confirm(input)).remind).toBe(false);
    expect((await judge.confirm(input)).remind).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('no old-news reminders are sent')]);
    expect(judge.description).toEqual({ problem: 'llm.models.judge is not set' });
  });
});
