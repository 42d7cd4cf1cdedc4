/**
 * QQ through a OneBot implementation kizuna dials (forward WebSocket, for Lagrange, LLOneBot or a remote
 * NapCat): the token on the handshake, replies end to end with the typing indicator between segments,
 * reconnecting with a backoff that doubles, per-account pacing, and resending unconfirmed sends when
 * `onebot.resendUnconfirmed` asks for it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../src/adapters/onebot/forward-client.js';
import type { OutboxMessage } from '../../src/runtime/effects.js';
import { FakeOnebot } from '../helpers/fake-onebot.js';
import { type OnebotKizuna, receivedMessages, startForwardAdapter, startOnebotKizuna, testToken } from '../helpers/onebot-kizuna.js';
import { answer, call, isTurnRequest, type ScriptedModel, startScriptedModel, userPromptOf } from '../helpers/session-scenarios.js';
import { waitFor } from '../helpers/wait-for.js';

/** A reply the test hands to delivery directly. */
function outboundMessage(seq: number, text: string): OutboxMessage {
  const at = Date.now();
  return { seq, text, kind: 'reply', at, deliverAt: at };
}

describe('OneBot over a forward WebSocket', () => {
  let model: ScriptedModel;
  let qq: FakeOnebot;
  let kizuna: OnebotKizuna;

  beforeAll(async () => {
    model = await startScriptedModel();
    qq = new FakeOnebot('10001');
    const url = await qq.listen(testToken);
    kizuna = await startOnebotKizuna(
      model,
      { mode: 'forward', forwardUrl: url, typingIndicator: true },
      { reply: { typingCharsPerSecond: 10, typingDelayMinSeconds: 1, typingDelayMaxSeconds: 1 } },
    );
    await waitFor(() => qq.connected, { message: 'kizuna dialled the fake OneBot' });
  });
  afterEach(() => model.reset());
  afterAll(async () => {
    await kizuna.stop();
    await qq.close();
    await model.close();
  });

  it('dials with the access token and answers a private message, showing "typing" before its second segment', async () => {
    model.route((request) => (isTurnRequest(request) && userPromptOf(request).includes('tell me two things') ? answer(call.reply('One.'), call.reply('Two.')) : undefined));
    qq.sendPrivate(20001, [{ type: 'text', data: { text: 'tell me two things' } }]);

    await qq.waitForActions('send_private_msg', 2);
    const conversation = qq.actions.map(({ action, params }) => ({ action, params }));
    expect(conversation).toEqual([
      { action: 'send_private_msg', params: { user_id: 20001, message: [{ type: 'text', data: { text: 'One.' } }] } },
      { action: 'set_input_status', params: { user_id: 20001, event_type: 1 } },
      { action: 'send_private_msg', params: { user_id: 20001, message: [{ type: 'text', data: { text: 'Two.' } }] } },
    ]);
  });

  it('reconnects after the server goes away, waiting twice as long after each refused attempt', async () => {
    const attemptsBefore = qq.attempts.length;
    qq.refuseWith = 503;
    await qq.disconnect(1001);
    await waitFor(() => qq.attempts.length >= attemptsBefore + 5, { message: 'five reconnect attempts' });
    qq.refuseWith = null;
    await waitFor(() => qq.connected, { message: 'reconnected' });

    const attempts = qq.attempts.slice(attemptsBefore);
    const { reconnectMinSeconds, reconnectMaxSeconds } = kizuna.config.onebot;
    for (let index = 1; index < 5; index++) {
      // A timer never fires early: each gap is at least the backoff kizuna scheduled (50, 100, 200, 400 ms capped).
      expect(attempts[index]! - attempts[index - 1]!).toBeGreaterThanOrEqual(reconnectDelayMs(index, reconnectMinSeconds * 1000, reconnectMaxSeconds * 1000) - 2);
    }
    qq.sendPrivate(20002, 'back online');
    const received = await waitFor(async () => ((await receivedMessages(kizuna, 'onebot:private:20002')).length > 0 ? receivedMessages(kizuna, 'onebot:private:20002') : undefined));
    expect(received.map((event) => event['text'])).toEqual(['back online']);
  });

  it('keeps dialling while the server refuses its token, and never gets in', async () => {
    const attemptsBefore = qq.attempts.length;
    const connectionsBefore = qq.connections;
    qq.refuseWith = 401;
    await qq.disconnect(1001);
    await waitFor(() => qq.attempts.length >= attemptsBefore + 3, { message: 'three refused attempts' });
    expect(qq.connections).toBe(connectionsBefore);
    qq.refuseWith = null;
    await waitFor(() => qq.connected, { message: 'reconnected' });
  });
});

describe('OneBot delivery through one account', () => {
  let qq: FakeOnebot;
  let url: string;

  beforeAll(async () => {
    qq = new FakeOnebot('10001');
    url = await qq.listen();
  });
  afterAll(() => qq.close());

  it('paces the sends of one account at least onebot.sendIntervalSeconds apart, across sessions', async () => {
    const adapter = startForwardAdapter(url, { sendIntervalSeconds: 0.3 });
    try {
      await waitFor(() => qq.connected);
      const before = qq.actionsNamed('send_private_msg').length;
      await Promise.all([20001, 20002, 20003].map((user) => adapter.delivery.deliver(`onebot:private:${user}`, outboundMessage(1, `hi ${user}`))));
      const sends = qq.actionsNamed('send_private_msg').slice(before);
      expect(sends.map((action) => action.params['user_id']).sort()).toEqual([20001, 20002, 20003]);
      for (let index = 1; index < sends.length; index++) expect(sends[index]!.at - sends[index - 1]!.at).toBeGreaterThanOrEqual(298);
    } finally {
      await adapter.close();
      await waitFor(() => !qq.connected);
    }
  });

  it('resends a send left unconfirmed by a dropped connection when onebot.resendUnconfirmed is on', async () => {
    const adapter = startForwardAdapter(url, { resendUnconfirmed: true });
    try {
      await waitFor(() => qq.connected);
      qq.script((action) => (action.params['user_id'] === 20004 && qq.actionsNamed('send_private_msg').filter((a) => a.params['user_id'] === 20004).length === 1 ? 'disconnect' : undefined));
      const message = outboundMessage(1, 'at least once');
      const first = await adapter.delivery.deliver('onebot:private:20004', message).catch((error: unknown) => error);
      expect(first).toMatchObject({ code: 'delivery_unconfirmed', retryable: true });
      // The outbox retries a retryable failure: the same message is delivered again once the adapter has reconnected.
      await adapter.delivery.deliver('onebot:private:20004', message);
      const sends = qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20004);
      expect(sends.map((action) => action.params['message'])).toEqual([
        [{ type: 'text', data: { text: 'at least once' } }],
        [{ type: 'text', data: { text: 'at least once' } }],
      ]);
    } finally {
      qq.script(() => undefined);
      await adapter.close();
      await waitFor(() => !qq.connected);
    }
  });

  it('by default never writes an unconfirmed send twice, even when the same delivery runs again', async () => {
    const adapter = startForwardAdapter(url, { actionTimeoutSeconds: 0.2 });
    try {
      await waitFor(() => qq.connected);
      qq.script((action) => (action.params['user_id'] === 20005 ? 'silence' : undefined));
      const message = outboundMessage(1, 'at most once');
      const first = await adapter.delivery.deliver('onebot:private:20005', message).catch((error: unknown) => error);
      expect(first).toMatchObject({ code: 'delivery_unconfirmed', retryable: false });
      // A delivery job that runs again (its worker died before recording the outcome) finds the claim and writes nothing.
      const again = await adapter.delivery.deliver('onebot:private:20005', message).catch((error: unknown) => error);
      expect(again).toMatchObject({ code: 'delivery_unconfirmed', retryable: false });
      expect(qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20005)).toHaveLength(1);
    } finally {
      qq.script(() => undefined);
      await adapter.close();
    }
  });
});
