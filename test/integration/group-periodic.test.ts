/**
 * A group's periodic proactive message (seed 000 issue #44) end to end: the real runtime, Redis timers (BullMQ
 * delayed jobs) and the openai SDK against the fake model. Members keep talking faster than the period; a
 * timer their messages reset would never fire, the periodic one goes out once per period on its schedule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../helpers/group-scenarios.js';
import {
  answer,
  call,
  isTurnRequest,
  outboxOf,
  type ScriptedModel,
  startScenarioRuntime,
  startScriptedModel,
  userPromptOf,
  viewOf,
  waitForView,
} from '../helpers/session-scenarios.js';
import type { TestRuntime } from '../helpers/test-runtime.js';
import { waitFor } from '../helpers/wait-for.js';

const periodSeconds = 2;

describe('the periodic group timer', () => {
  let model: ScriptedModel;
  let kizuna: TestRuntime;

  beforeAll(async () => {
    model = await startScriptedModel();
    // Group proactive messages (the silence countdown) stay off: every proactive message here is periodic.
    const groups = { proactive: { periodicSeconds: periodSeconds, quietHours: '00:00-00:00' } };
    kizuna = await startScenarioRuntime(model, { debounce: { enabled: false }, groups }, { models: { chat: 'fake-chat' } });
  });
  afterAll(async () => {
    await kizuna.stop();
    await model.close();
  });

  it('delivers one message per period while members keep talking', async () => {
    const group = 'http:group:periodic';
    let periodic = 0;
    model.route((request) => {
      if (!isTurnRequest(request) || !userPromptOf(request).includes('you post to this group every 2 seconds')) return undefined;
      periodic += 1;
      return answer(call.reply(`periodic hello #${periodic}`));
    });

    await post(kizuna, group, 'bob', 'first!', { name: 'Bob' });
    const armed = await waitForView(kizuna, group, (view) => view.context?.group?.periodic !== undefined, 'periodic schedule armed');
    const firstSlot = armed.context!.group!.periodic!.slotAt;

    // Members talk every 250 ms, eight times per period, until two periodic messages went out.
    let talking = true;
    let posted = 0;
    const chatter = (async () => {
      while (talking) {
        await post(kizuna, group, posted % 2 === 0 ? 'carol' : 'dan', `chatter ${posted++}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const delivered = await waitFor(async () => {
      const sent = (await outboxOf(kizuna, group)).filter((message) => message.kind === 'proactive' && message.status === 'delivered');
      return sent.length >= 2 ? sent : undefined;
    }, { message: 'two periodic messages delivered', timeoutMs: 30_000 });
    talking = false;
    await chatter;

    expect(delivered.slice(0, 2).map((message) => message.text)).toEqual(['periodic hello #1', 'periodic hello #2']);
    expect(posted).toBeGreaterThanOrEqual(2 * periodSeconds * 2);
    const view = await viewOf(kizuna, group);
    // The schedule advanced by whole periods from the first one: nobody's message moved it.
    const slotAt = view.context!.group!.periodic!.slotAt;
    expect(slotAt - firstSlot).toBeGreaterThanOrEqual(2 * periodSeconds * 1000);
    expect((slotAt - firstSlot) % (periodSeconds * 1000)).toBe(0);
    const history = (await kizuna.runtime.reader.readConversation(group)).history as Array<{ role: string; text: string }>;
    expect(history.filter((entry) => entry.role === 'bot').map((entry) => entry.text)).toEqual(expect.arrayContaining(['periodic hello #1', 'periodic hello #2']));
  });
});
