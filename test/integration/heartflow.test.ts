/**
 * The Heartflow judge end to end: the real runtime, Redis and openai SDK against the fake OpenAI server
 * answering as the judge model. Scripted verdicts (bare JSON, code fences, prose), garbage answers retried and
 * then given up, rate limits retried, a missing judge model failing closed with one warning, a burst judged
 * once, the persona summary cached by text, and the judge's state surviving a restart.
 */
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startRuntime } from '../../src/runtime/runtime.js';
import { groupTurns, isJudgeRequest, judgeJson, judgeModel, judgeRequestsFor, post, routeJudge, waitForJudge } from '../helpers/group-scenarios.js';
import { deletePrefix } from '../helpers/redis-cleanup.js';
import {
  answer,
  call,
  fakeLlmSection,
  outboxOf,
  persona,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  userPromptOf,
  viewOf,
  waitForDelivered,
  waitForView,
} from '../helpers/session-scenarios.js';
import { testConfig } from '../helpers/test-config.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const heartflow = { enabled: true, settleSeconds: 0, maxRetries: 2 };

/** Closes a runtime started by hand, deletes its keys and stops its fake model. */
async function closeAndClean(runtime: { close(): Promise<void> }, prefix: string, model: ScriptedModel): Promise<void> {
  await runtime.close();
  const cleaner = new Redis(inject('redisUrl'));
  await deletePrefix(cleaner, prefix);
  cleaner.disconnect();
  await model.close();
}
const groupSettings = { heartflow, debounce: { enabled: false } };

describe('the Heartflow judge', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startScenarioRuntime(model, groupSettings, { models: { chat: 'fake-chat', judge: judgeModel } });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('joins when the judge scores the message above the threshold, with the voluntary note and group memory', async () => {
    const group = 'http:group:join';
    routeJudge(model, { text: judgeJson(8) });
    model.script(answer(call.reply('Tonkotsu, every time.')));
    await post(kizuna, group, 'bob', 'ok team, best ramen style?', { name: 'Bob' });

    const [judged] = await waitForJudge(model, 'ok team, best ramen style?');
    expect(userPromptOf(judged!)).toContain('Bob at ');
    expect(userPromptOf(judged!)).toContain(persona);
    const delivered = await waitForDelivered(kizuna, group);
    expect(delivered.map((message) => message.text)).toEqual(['Tonkotsu, every time.']);
    const [turn] = groupTurns(model, 'ok team, best ramen style?');
    expect(userPromptOf(turn!)).toContain('Bob: ok team, best ramen style?');
    expect(userPromptOf(turn!)).toContain('[you are joining on your own]');
    const view = await waitForView(kizuna, group, (candidate) => candidate.context?.group?.activity.joined === 1);
    expect(view.context?.group?.activity.energy).toBeCloseTo(0.9, 2);
    await waitFor(() => (kizuna.runtime.stats.getSnapshot().context.counters.judge_decisions_total['decision="join"'] ?? 0) >= 1, { message: 'the join counted' });
  });

  it.each([
    ['a code fence', (json: string) => `\`\`\`json\n${json}\n\`\`\``],
    ['prose around the JSON', (json: string) => `Let me think. The message is friendly. ${json} That is my verdict.`],
  ])('reads scores wrapped in %s', async (label, wrap) => {
    const group = `http:group:wrapped-${label.length}`;
    const text = `wrapped verdict ${label}`;
    routeJudge(model, { text: wrap(judgeJson(9)) });
    model.script(answer(call.reply(`joining: ${label}`)));
    await post(kizuna, group, 'carol', text);
    expect((await waitForDelivered(kizuna, group)).map((message) => message.text)).toEqual([`joining: ${label}`]);
    expect(judgeRequestsFor(model, text)).toHaveLength(1);
  });

  it('stays quiet when the score is below the threshold', async () => {
    const group = 'http:group:quiet';
    routeJudge(model, { text: judgeJson(3) });
    await post(kizuna, group, 'dave', 'brb, laundry');
    await waitFor(async () => (await viewOf(kizuna, group)).context?.group?.lastJudgement ?? undefined);
    const view = await viewOf(kizuna, group);
    expect(view.context?.group?.lastJudgement).toMatchObject({ overall: 0.3, joined: false });
    // Counted when the drain that applied the judgement ends, just after its commit is visible.
    await waitFor(() => (kizuna.runtime.stats.getSnapshot().context.counters.judge_decisions_total['decision="pass"'] ?? 0) >= 1, { message: 'the pass counted' });
    expect(groupTurns(model, 'brb, laundry')).toEqual([]);
    expect(await outboxOf(kizuna, group)).toEqual([]);
  });

  it('asks again after garbage, more firmly, maxRetries times, then sends nothing', async () => {
    const group = 'http:group:garbage';
    const text = 'does this make sense to anyone';
    routeJudge(model, { text: 'I would say the bot should probably answer, yes.' });
    await post(kizuna, group, 'erin', text);
    const requests = await waitForJudge(model, text, 3);
    await waitForView(kizuna, group, (view) => view.context?.side.length === 0, 'judgement given up');
    expect(judgeRequestsFor(model, text)).toHaveLength(3);
    const last = requests[2]!.body['messages'] as Array<{ role: string; content: string }>;
    expect(last.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(last[2]!.content).toContain('JSON object');
    expect(last[4]!.content).toContain('still');
    expect(groupTurns(model, text)).toEqual([]);
    expect(await outboxOf(kizuna, group)).toEqual([]);
  });

  it('retries rate limits with backoff and then joins on the scores', async () => {
    const group = 'http:group:limited';
    const text = 'who wants to plan the trip';
    routeJudge(model, [{ status: 429 }, { status: 429 }, { text: judgeJson(9) }]);
    model.script(answer(call.reply('Me! Mountains?')));
    await post(kizuna, group, 'fay', text);
    expect((await waitForDelivered(kizuna, group)).map((message) => message.text)).toEqual(['Me! Mountains?']);
    expect(judgeRequestsFor(model, text)).toHaveLength(3);
  });

  it('fails closed while the judge endpoint keeps failing (HTTP 500): no reply, nothing stuck, the next message is judged', async () => {
    const group = 'http:group:judge-down';
    const text = 'is the judge even up';
    routeJudge(model, { status: 500 });
    await post(kizuna, group, 'ivy', text);
    await waitForJudge(model, text, 3);
    await waitForView(kizuna, group, (view) => view.context?.side.length === 0, 'judgement given up');
    expect(groupTurns(model, text)).toEqual([]);
    expect(await outboxOf(kizuna, group)).toEqual([]);

    routeJudge(model, { text: judgeJson(9) });
    model.script(answer(call.reply('Back online!')));
    await post(kizuna, group, 'ivy', 'hello again everyone');
    expect((await waitForDelivered(kizuna, group)).map((message) => message.text)).toEqual(['Back online!']);
  });

  it('shows the judge the heartflow.contextMessages (10) messages before the judged one, and no older ones', async () => {
    const group = 'http:group:context';
    const line = (index: number) => `context line ${String(index).padStart(2, '0')}`;
    routeJudge(model, { text: judgeJson(1) });
    for (let index = 1; index <= 12; index++) await post(kizuna, group, `member${index % 3}`, line(index));
    await post(kizuna, group, 'zed', 'the judged message at last');
    const [judged] = await waitForJudge(model, 'the judged message at last');
    const prompt = userPromptOf(judged!);
    for (let index = 3; index <= 12; index++) expect(prompt).toContain(line(index));
    expect(prompt).not.toContain(line(1));
    expect(prompt).not.toContain(line(2));
  });

  it('judges a burst from one member once, on the latest message, after the settle window', async () => {
    const settled = await startScenarioRuntime(model, { heartflow: { ...heartflow, settleSeconds: 1 }, debounce: { enabled: false } }, { models: { chat: 'fake-chat', judge: judgeModel } });
    try {
      const group = 'http:group:burst';
      routeJudge(model, { text: judgeJson(2) });
      for (const piece of ['so', 'I was thinking', 'about the weekend', 'burst last piece']) {
        await post(settled, group, 'gus', piece);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await waitForJudge(model, 'burst last piece');
      await waitForView(settled, group, (view) => view.context?.group?.lastJudgement !== null);
      expect(model.requests.filter((request) => isJudgeRequest(request) && userPromptOf(request).includes('[the message to judge]\ngus'))).toHaveLength(1);
    } finally {
      await settled.stop();
    }
  });
});

describe('without a judge model', () => {
  it('fails closed: no judgement, no reply, one warning however many messages', async () => {
    const model = await startScriptedModel();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }));
    const config = { ...testConfig({ ...groupSettings, llm: fakeLlmSection(model.baseUrl, { models: { chat: 'fake-chat' } }) }), persona, timezone: 'UTC' };
    const runtime = await startRuntime({ config, redisUrl: inject('redisUrl'), roles: ['session', 'llm', 'outbox'], logger });
    try {
      const group = 'http:group:nojudge';
      for (const text of ['first', 'second', 'third']) {
        await runtime.ingestor.ingest(group, { type: 'message.received', at: Date.now(), sender: { id: 'hal' }, text, images: [], mentionsBot: false });
        await waitFor(async () => {
          const view = await runtime.reader.getSession(group);
          return view?.context?.group?.activity.messages === ['first', 'second', 'third'].indexOf(text) + 1 && view.context.side.length === 0;
        });
      }
      expect(model.requests).toEqual([]);
      expect((await runtime.reader.readOutbox(group)).length).toBe(0);
      expect(lines.filter((line) => line.includes('no judge model'))).toHaveLength(1);
    } finally {
      await closeAndClean(runtime, config.redis.prefix, model);
    }
  });
});

describe('across a restart', () => {
  it('keeps the judge state, energy and group memory', async () => {
    const model = await startScriptedModel();
    const config = { ...testConfig({ ...groupSettings, llm: fakeLlmSection(model.baseUrl, { models: { chat: 'fake-chat', judge: judgeModel } }) }), persona, timezone: 'UTC' };
    const redisUrl = inject('redisUrl');
    const group = 'http:group:restart';
    const first = await startRuntime({ config, redisUrl, roles: ['session', 'llm', 'outbox'], logger: pino({ level: 'silent' }) });
    routeJudge(model, { text: judgeJson(9) });
    model.script(answer(call.reply('count me in')));
    await first.ingestor.ingest(group, { type: 'message.received', at: Date.now(), sender: { id: 'ida', name: 'Ida' }, text: 'picnic on sunday?', images: [], mentionsBot: false });
    await waitFor(async () => (await first.reader.readOutbox(group)).some((message) => message.status === 'delivered'));
    const before = (await first.reader.getSession(group))!.context!.group!;
    await first.close();

    const second = await startRuntime({ config, redisUrl, roles: ['session', 'llm', 'outbox'], logger: pino({ level: 'silent' }) });
    try {
      model.reset();
      routeJudge(model, { text: judgeJson(1) });
      await second.ingestor.ingest(group, { type: 'message.received', at: Date.now(), sender: { id: 'jo', name: 'Jo' }, text: 'after the restart', images: [], mentionsBot: false });
      const [judged] = await waitForJudge(model, 'after the restart');
      const prompt = userPromptOf(judged!);
      expect(prompt).toContain('Ida: picnic on sunday?');
      expect(prompt).toContain('You: count me in');
      expect(prompt).toContain('joined in after 100%');
      const view = await waitFor(async () => {
        const candidate = (await second.reader.getSession(group))?.context?.group;
        return candidate?.activity.judged === 2 ? candidate : undefined;
      });
      expect(view.activity).toMatchObject({ joined: 1, lastJoinAt: before.activity.lastJoinAt, messages: 2 });
      expect(view.activity.energy).toBeLessThan(1);
    } finally {
      await closeAndClean(second, config.redis.prefix, model);
    }
  });
});

describe('the persona the judge reads', () => {
  it('is summarised once per persona text and the summary is reused; a different persona gets its own', async () => {
    const model = await startScriptedModel();
    const long = `You are Miko, a cat. ${'Miko loves noodles, naps in the sun and has opinions on every ramen shop in town. '.repeat(4)}`;
    const other = `You are Rex, a dog. ${'Rex loves fetch, long walks and loudly greeting every visitor at the door. '.repeat(4)}`;
    const settings = { ...groupSettings, sessions: { 'http:group:rex': { persona: other } }, llm: fakeLlmSection(model.baseUrl, { models: { chat: 'fake-chat', judge: judgeModel } }) };
    const kizuna = await startTestRuntime({ config: { ...testConfig(settings), persona: long, timezone: 'UTC' } });
    try {
      const isSummary = (request: Parameters<typeof isJudgeRequest>[0]) => isJudgeRequest(request) && userPromptOf(request).startsWith('Summarise this character');
      model.route((request) => {
        if (!isJudgeRequest(request)) return undefined;
        if (!isSummary(request)) return { text: judgeJson(1) };
        return { text: userPromptOf(request).includes('Rex') ? 'A loud, friendly dog.' : 'A sleepy cat who loves ramen.' };
      });
      await post(kizuna, 'http:group:miko', 'kim', 'first message');
      const [first] = await waitForJudge(model, 'first message');
      expect(userPromptOf(first!)).toContain('A sleepy cat who loves ramen.');
      await post(kizuna, 'http:group:miko2', 'kim', 'second message');
      const [second] = await waitForJudge(model, 'second message');
      expect(userPromptOf(second!)).toContain('A sleepy cat who loves ramen.');
      expect(model.requests.filter(isSummary)).toHaveLength(1);

      await post(kizuna, 'http:group:rex', 'kim', 'third message');
      const [third] = await waitForJudge(model, 'third message');
      expect(userPromptOf(third!)).toContain('A loud, friendly dog.');
      expect(model.requests.filter(isSummary)).toHaveLength(2);
    } finally {
      await kizuna.stop();
      await model.close();
    }
  });
});
