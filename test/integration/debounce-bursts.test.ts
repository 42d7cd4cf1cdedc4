/**
 * A burst the user sent before the bot could answer, end to end: real Redis, the real ONNX completeness
 * model, the openai SDK against the fake OpenAI server. The fragments wait in the mailbox while no worker
 * runs, so one drain reads them all: only the last is scored, the others are marked `followed`, and one
 * LLM request carries every word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KizunaConfig } from '../../src/config/schema.js';
import {
  answer,
  call,
  fakeLlmSection,
  persona,
  requestsMentioning,
  say,
  type ScriptedModel,
  startScriptedModel,
  userPromptOf,
  waitForDelivered,
} from '../helpers/session-scenarios.js';
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.js';
import { testConfig } from '../helpers/test-config.js';

describe('a burst read by one drain', () => {
  let model: ScriptedModel;
  let config: KizunaConfig;
  let kizuna: TestRuntime;
  const sessionId = 'http:private:burst';
  const fragments = ['ok!', 'but wait', 'what about Sunday?'];

  beforeAll(async () => {
    model = await startScriptedModel();
    // A long debounce timeout: the turn can only start because the last fragment was scored complete.
    config = { ...testConfig({ debounce: { timeoutSeconds: 600 }, llm: fakeLlmSection(model.baseUrl) }), persona, timezone: 'UTC' };
    const client = await startTestRuntime({ config, roles: [] });
    for (const text of fragments) await say(client, sessionId, text);
    await client.runtime.close();
    kizuna = await startTestRuntime({ config });
  });
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('scores the last fragment only, and answers the whole burst in one request', async () => {
    model.script(answer(call.reply('Sunday works for me!')));
    const delivered = await waitForDelivered(kizuna, sessionId);
    expect(delivered.map((message) => message.text)).toEqual(['Sunday works for me!']);

    // "ok!" alone sounds finished, but no request was ever made for it: the one request has all three.
    const requests = requestsMentioning(model, 'ok!');
    expect(requests).toHaveLength(1);
    expect(userPromptOf(requests[0]!)).toContain('ok! but wait what about Sunday?');

    const log = await kizuna.runtime.reader.readLog(sessionId);
    const messages = log.entries.flatMap((entry) => (entry.event?.type === 'message.received' ? [entry.event] : []));
    expect(messages.map((event) => [event.text, event.followed, event.completeness === 0])).toEqual([
      ['ok!', true, true],
      ['but wait', true, true],
      ['what about Sunday?', undefined, false],
    ]);
    expect(messages[2]!.completeness).toBeGreaterThanOrEqual(kizuna.config.debounce.threshold);
  });
});
