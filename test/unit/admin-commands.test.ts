// /status and /reset: admin commands answered by the session itself, in any state.
import { describe, expect, it } from 'vitest';
import { readMaterial } from '../../src/runtime/llm-parts.js';
import { llmRequestOf } from '../../src/runtime/effects.js';
import { MachineHarness, reply } from '../helpers/machine-harness.js';
import { testConfig } from '../helpers/test-config.js';

function command(harness: MachineHarness, text: string, at: number, senderId: string): void {
  harness.actor.send({ type: 'message.received', at, sender: { id: senderId }, text, images: [], mentionsBot: false, completeness: 1 });
}

function harness(): MachineHarness {
  return new MachineHarness({ admins: ['boss'] as never, proactive: { enabled: false } });
}

describe('admin commands', () => {
  it('/status describes the session to an admin and refuses anyone else, changing nothing', () => {
    const session = harness();
    session.say('hello there!', 1000).answer(2000, [reply('hi!', 60)]);
    expect(session.state).toBe('waiting');
    const before = structuredClone(session.context);

    command(session, '/status', 3000, 'boss');
    const status = session.outbound.at(-1)!;
    expect(status.kind).toBe('notice');
    expect(status.text).toContain('state: waiting');
    expect(status.text).toMatch(/timers: .*wait /u);
    command(session, '/status', 3100, 'alice');
    expect(session.outbound.at(-1)!.text).toBe('Only admins can use /status.');
    expect(session.state).toBe('waiting');
    expect(session.context.timers).toEqual(before.timers);
    expect(session.context.consecutiveTimeouts).toBe(before.consecutiveTimeouts);
  });

  it("an admin's /reset drops the turn in flight, held text, counters, memos and wake-up, keeps reminders, and goes idle", () => {
    const session = harness();
    session.say('remind me at noon', 1000).answer(2000, [
      reply('sure', 60),
      { tool: 'set_reminder', when: '12:00', text: 'lunch', dueAt: 10_000_000 },
      { tool: 'write_memo', text: 'likes noodles', ttlHours: 24 },
      { tool: 'schedule_wakeup', delayMinutes: 60, reason: 'check in' },
    ]);
    session.say('and another thing', 3000);
    expect(session.state).toBe('awaiting-llm');
    expect(session.context.memos).toHaveLength(1);
    expect(session.context.wakeup).not.toBeNull();

    command(session, '/reset', 4000, 'boss');
    expect(session.state).toBe('idle');
    const context = session.context;
    expect(context).toMatchObject({ turn: null, fragments: [], wait: null, consecutiveTimeouts: 0, unanswered: 0, memos: [], wakeup: null, historySince: 4000 });
    expect(context.reminders.map((item) => item.text)).toEqual(['lunch']);
    expect(context.timers['reminder:1']).toBeDefined();
    expect(context.timers.wakeup).toBeUndefined();
    expect(session.outbound.at(-1)!.text).toContain('Conversation reset');
  });

  it('anyone else gets a refusal and the conversation goes on untouched', () => {
    const session = harness();
    session.say('hello', 1000);
    command(session, '/reset', 1500, 'alice');
    expect(session.state).toBe('awaiting-llm');
    expect(session.context.fragments).toHaveLength(1);
    expect(session.outbound.at(-1)!.text).toBe('Only admins can use /reset.');
  });

  it('after /reset the next request reads history and the mental log only from the reset on', async () => {
    const session = harness();
    session.say('old topic', 1000).answer(2000, [reply('ok')]);
    command(session, '/reset', 5000, 'boss');
    session.say('new topic', 6000);
    const request = llmRequestOf('http:private:alice', session.context);
    expect(request.historySince).toBe(5000);
    const entries = [
      { role: 'user' as const, text: 'old topic', at: 1000 },
      { role: 'bot' as const, text: 'ok', at: 2000 },
      { role: 'user' as const, text: 'after', at: 5500 },
    ];
    const stores = {
      conversations: {
        history: async () => entries,
        mentalLog: async () => [{ kind: 'plan', text: 'old plan', at: 2000 }, { kind: 'plan', text: 'new plan', at: 5600 }],
      },
    };
    const material = await readMaterial(testConfig(), stores as never, request);
    expect(material.history.map((entry) => entry.text)).toEqual(['after']);
    expect(material.mentalLog.map((entry) => entry.text)).toEqual(['new plan']);
  });
});
