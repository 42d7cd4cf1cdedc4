/**
 * QQ through a OneBot implementation dialling kizuna (reverse WebSocket, the way NapCat is usually set up):
 * a simulated implementation on a real WebSocket sends message events in both formats and answers the
 * actions kizuna sends, while the real runtime, Redis and the fake model do the rest.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answer, call, isTurnRequest, messagesOf, type ScriptedModel, startScriptedModel, userPromptOf, waitForRequests } from '../helpers/session-scenarios.js';
import { testPicture } from '../helpers/image-server.js';
import { FakeOnebot, handshakeStatus } from '../helpers/fake-onebot.js';
import { type OnebotKizuna, receivedMessages, startOnebotKizuna, testToken } from '../helpers/onebot-kizuna.js';
import { waitFor } from '../helpers/wait-for.js';
import { sessionKeys } from '../../src/redis/keys.js';
import { uploadUrl } from '../../src/images/upload-store.js';
import { createHash } from 'node:crypto';

describe('OneBot over a reverse WebSocket', () => {
  let model: ScriptedModel;
  let kizuna: OnebotKizuna;
  let qq: FakeOnebot;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startOnebotKizuna(model);
    qq = new FakeOnebot('10001');
    await qq.connectTo(kizuna.reverseUrl, { token: testToken });
  });
  afterEach(() => {
    model.reset();
    qq.script(() => undefined);
  });
  afterAll(async () => {
    await qq.close();
    await kizuna.stop();
    await model.close();
  });

  /** The model answers the first turn whose prompt mentions each marker with its text; other requests get the quiet default. */
  function replyOnce(answers: Record<string, string>): void {
    const pending = new Map(Object.entries(answers));
    model.route((request) => {
      if (!isTurnRequest(request)) return undefined;
      const marker = [...pending.keys()].find((key) => userPromptOf(request).includes(key));
      if (marker === undefined) return undefined;
      const text = pending.get(marker)!;
      pending.delete(marker);
      return answer(call.reply(text));
    });
  }

  /** The outbox entries of a session with their delivery status. */
  const outbox = (sessionId: string) => kizuna.runtime.reader.readOutbox(sessionId);

  it('answers a private message (array format) with send_private_msg to the sender', async () => {
    replyOnce({ 'hello from QQ': 'Hi Alice!' });
    qq.sendPrivate(20001, [{ type: 'text', data: { text: 'hello from QQ' } }], { nickname: 'Alice' });

    const [sent] = await qq.waitForActions('send_private_msg');
    expect(sent!.params).toEqual({ user_id: 20001, message: [{ type: 'text', data: { text: 'Hi Alice!' } }] });
    await waitFor(async () => (await outbox('onebot:private:20001'))[0]?.status === 'delivered');
    const [received] = await receivedMessages(kizuna, 'onebot:private:20001');
    expect(received).toMatchObject({ sender: { id: '20001', name: 'Alice' }, text: 'hello from QQ', mentionsBot: false });
  });

  it('answers a group message that @s the bot (CQ-code string format) with send_group_msg to the group', async () => {
    replyOnce({ 'are you there?': 'Yes, I am here.' });
    qq.sendGroup(30001, 20002, '[CQ:at,qq=10001] are you there? &#91;ping&#93; [CQ:face,id=14]', { card: 'Bob in the group', nickname: 'bob' });

    const [sent] = await qq.waitForActions('send_group_msg');
    expect(sent!.params).toEqual({ group_id: 30001, message: [{ type: 'text', data: { text: 'Yes, I am here.' } }] });
    const [received] = await receivedMessages(kizuna, 'onebot:group:30001');
    expect(received).toMatchObject({ sender: { id: '20002', name: 'Bob in the group' }, text: 'are you there? [ping] [face:14]', mentionsBot: true });
  });

  it('takes a quote of one of the bot’s own messages as a mention, and passes the quoted id on', async () => {
    replyOnce({ 'remember this': 'Noted.' });
    qq.sendGroup(30002, 20003, '[CQ:at,qq=10001] remember this');
    const [first] = await qq.waitForActions('send_group_msg', 1, (action) => action.params['group_id'] === 30002);
    await waitFor(async () => (await outbox('onebot:group:30002'))[0]?.status === 'delivered');
    const botMessageId = FakeOnebot.messageIdOf(first!);

    qq.sendGroup(30002, 20003, [{ type: 'reply', data: { id: botMessageId } }, { type: 'text', data: { text: 'what did you mean?' } }]);
    qq.sendGroup(30002, 20004, [{ type: 'reply', data: { id: '999999' } }, { type: 'text', data: { text: 'quoting someone else' } }]);
    const received = await waitFor(async () => {
      const all = await receivedMessages(kizuna, 'onebot:group:30002');
      return all.length >= 3 ? all : undefined;
    });
    expect(received[1]).toMatchObject({ text: 'what did you mean?', replyTo: botMessageId, mentionsBot: true });
    expect(received[2]).toMatchObject({ text: 'quoting someone else', replyTo: '999999', mentionsBot: false });
  });

  /** The stored delivery outcome of a session's message `seq`. */
  async function outcomeOf(sessionId: string, seq: number): Promise<{ status: string; error?: { code: string } }> {
    const raw = await kizuna.runtime.redis.hget(sessionKeys(kizuna.config.redis.prefix, sessionId).delivery, String(seq));
    return JSON.parse(raw ?? 'null') as { status: string; error?: { code: string } };
  }

  /** Waits until `count` messages of a session were applied; returns them all. */
  async function waitForReceived(sessionId: string, count: number): Promise<Array<Record<string, unknown>>> {
    return waitFor(async () => {
      const all = await receivedMessages(kizuna, sessionId);
      return all.length >= count ? all : undefined;
    }, { message: `${count} message(s) applied to ${sessionId}` });
  }

  it('ingests a message delivered twice (same message_id) once', async () => {
    qq.sendPrivate(20004, 'once', { messageId: 777 });
    qq.sendPrivate(20004, 'once', { messageId: 777 });
    qq.sendPrivate(20004, 'twice?', { messageId: 778 });

    const received = await waitForReceived('onebot:private:20004', 2);
    await waitForRequests(model, 'twice?');
    expect(received.map((event) => [event['messageId'], event['text']])).toEqual([
      ['777', 'once'],
      ['778', 'twice?'],
    ]);
  });

  it('warns about malformed frames and keeps the connection and the messages after them', async () => {
    const closesBefore = qq.closes.length;
    qq.sendRaw('this is not JSON');
    qq.sendRaw('[1, 2, 3]');
    qq.sendRaw('{"neither": "event nor response"}');
    qq.sendEvent({ post_type: 'message', message_type: 'private', message_id: 5, message: 'no user_id' });
    qq.sendEvent({ post_type: 'message', message_type: 'group', message_id: 6, user_id: 20005, message: 'no group_id' });
    qq.sendEvent({ post_type: 'message', message_type: 'private', message_id: 7, user_id: 20005, message: 42 });
    qq.sendEvent({ post_type: 'meta_event', meta_event_type: 'heartbeat', status: { online: true, good: true }, interval: 5000 });
    qq.sendEvent({ post_type: 'notice', notice_type: 'friend_recall', user_id: 20005, message_id: 3 });
    qq.sendEvent({ post_type: 'request', request_type: 'friend', user_id: 20005, comment: 'add me', flag: 'x' });
    qq.sendRaw(JSON.stringify({ status: 'ok', retcode: 0, data: null, echo: 'not-one-of-ours' }));
    qq.sendPrivate(20005, 'still there?');

    const received = await waitForReceived('onebot:private:20005', 1);
    expect(received.map((event) => event['text'])).toEqual(['still there?']);
    expect(qq.connected).toBe(true);
    expect(qq.closes.length).toBe(closesBefore);
  });

  it('closes a connection sending a frame over onebot.maxFrameBytes (1009); the reconnected peer loses nothing else', async () => {
    qq.sendPrivate(20006, 'x'.repeat(kizuna.config.onebot.maxFrameBytes + 1));
    await waitFor(() => qq.closes.at(-1) === 1009);
    await qq.connectTo(kizuna.reverseUrl, { token: testToken });
    qq.sendPrivate(20006, 'a normal message');

    const received = await waitForReceived('onebot:private:20006', 1);
    expect(received.map((event) => event['text'])).toEqual(['a normal message']);
  });

  it('refuses handshakes without the right token (401), without X-Self-ID or in another role (400), on another path (404)', async () => {
    const universal = { 'X-Self-ID': '10009', 'X-Client-Role': 'Universal' };
    expect(await handshakeStatus(kizuna.reverseUrl, universal)).toBe(401);
    expect(await handshakeStatus(kizuna.reverseUrl, { ...universal, Authorization: 'Bearer wrong' })).toBe(401);
    expect(await handshakeStatus(`${kizuna.reverseUrl}?access_token=wrong`, universal)).toBe(401);
    expect(await handshakeStatus(kizuna.reverseUrl, { Authorization: `Bearer ${testToken}` })).toBe(400);
    expect(await handshakeStatus(kizuna.reverseUrl, { ...universal, 'X-Client-Role': 'API', Authorization: `Bearer ${testToken}` })).toBe(400);
    expect(await handshakeStatus(kizuna.reverseUrl.replace('/onebot/v11/ws', '/elsewhere'), { ...universal, Authorization: `Bearer ${testToken}` })).toBe(404);
    expect(await handshakeStatus(`${kizuna.reverseUrl}?access_token=${testToken}`, universal)).toBe(101);
  });

  it('reports a send the implementation refused (retcode) as failed, without retrying it', async () => {
    qq.script((action) => (action.params['user_id'] === 20007 ? { retcode: 1400, message: 'user_id is not a friend' } : undefined));
    replyOnce({ 'refuse me': 'You will never read this.' });
    qq.sendPrivate(20007, 'refuse me');

    await waitFor(async () => (await outbox('onebot:private:20007'))[0]?.status === 'failed');
    expect(await outcomeOf('onebot:private:20007', 1)).toMatchObject({ status: 'failed', error: { code: 'platform_rejected' } });
    expect(qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20007)).toHaveLength(1);
  });

  it('reports retcode 1200 (failed while sending: it may have gone out) as unconfirmed, and does not send it again', async () => {
    qq.script((action) => (action.params['user_id'] === 20008 ? { retcode: 1200, message: 'send timed out' } : undefined));
    replyOnce({ 'time me out': 'Maybe delivered.' });
    qq.sendPrivate(20008, 'time me out');

    await waitFor(async () => (await outbox('onebot:private:20008'))[0]?.status === 'failed');
    expect(await outcomeOf('onebot:private:20008', 1)).toMatchObject({ error: { code: 'delivery_unconfirmed' } });
    expect(qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20008)).toHaveLength(1);
  });

  it('holds a reply while the implementation is away and sends it once when it reconnects', async () => {
    replyOnce({ 'going through a tunnel': 'Welcome back.' });
    qq.sendPrivate(20009, 'going through a tunnel');
    await qq.disconnect();
    await waitFor(async () => (await outbox('onebot:private:20009'))[0]?.status === 'queued');
    await waitForRequests(model, 'going through a tunnel');
    const reconnectedAt = Date.now();
    await qq.connectTo(kizuna.reverseUrl, { token: testToken });

    const [sent] = await qq.waitForActions('send_private_msg', 1, (action) => action.params['user_id'] === 20009);
    expect(sent!.at).toBeGreaterThanOrEqual(reconnectedAt);
    await waitFor(async () => (await outbox('onebot:private:20009'))[0]?.status === 'delivered');
    expect(qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20009)).toHaveLength(1);
  });

  it('does not resend a send whose connection dropped before its response: it is reported unconfirmed', async () => {
    qq.script((action) => (action.params['user_id'] === 20010 ? 'disconnect' : undefined));
    replyOnce({ 'hello?': 'Did this arrive?', 'I am back': 'Second message.' });
    qq.sendPrivate(20010, 'hello?');
    await qq.waitForActions('send_private_msg', 1, (action) => action.params['user_id'] === 20010);
    await waitFor(() => !qq.connected);
    await waitFor(async () => (await outbox('onebot:private:20010'))[0]?.status === 'failed');
    expect(await outcomeOf('onebot:private:20010', 1)).toMatchObject({ error: { code: 'delivery_unconfirmed' } });

    qq.script(() => undefined);
    await qq.connectTo(kizuna.reverseUrl, { token: testToken });
    qq.sendPrivate(20010, 'I am back');
    await waitFor(async () => (await outbox('onebot:private:20010')).some((message) => message.text === 'Second message.' && message.status === 'delivered'));
    const texts = qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20010).map((action) => action.params['message']);
    expect(texts).toEqual([
      [{ type: 'text', data: { text: 'Did this arrive?' } }],
      [{ type: 'text', data: { text: 'Second message.' } }],
    ]);
  });

  it('answers each chat through the account its message came in on, with several accounts connected', async () => {
    const second = new FakeOnebot('10002');
    await second.connectTo(kizuna.reverseUrl, { token: testToken });
    try {
      replyOnce({ 'hi second bot': 'Hello from the second account.' });
      second.sendPrivate(20011, 'hi second bot');
      const [sent] = await second.waitForActions('send_private_msg');
      expect(sent!.params['user_id']).toBe(20011);
      expect(qq.actionsNamed('send_private_msg').filter((action) => action.params['user_id'] === 20011)).toEqual([]);
      expect(kizuna.onebot.connectedAccounts().sort()).toEqual(['10001', '10002']);
    } finally {
      await second.close();
    }
  });

  it('sends a quote reply with a leading reply segment, and a voice clip as a base64 record segment', async () => {
    const at = Date.now();
    const message = { seq: 900, text: 'About that:', kind: 'reply' as const, at, deliverAt: at, replyTo: '4242' };
    await kizuna.onebot.delivery.deliver('onebot:group:30001', message);
    await kizuna.onebot.delivery.deliverVoice('onebot:group:30001', { ...message, seq: 901 }, { audio: Buffer.from('RIFF fake audio'), mimeType: 'audio/wav' });

    const sends = qq.actionsNamed('send_group_msg').slice(-2);
    expect(sends.map((action) => action.params['message'])).toEqual([
      [{ type: 'reply', data: { id: '4242' } }, { type: 'text', data: { text: 'About that:' } }],
      [{ type: 'record', data: { file: `base64://${Buffer.from('RIFF fake audio').toString('base64')}` } }],
    ]);
    // Delivering the same message again (a delivery job that ran twice) writes nothing new.
    await kizuna.onebot.delivery.deliver('onebot:group:30001', message);
    expect(qq.actionsNamed('send_group_msg').slice(-2)).toEqual(sends);
  });
});

describe('OneBot base64:// images', () => {
  let model: ScriptedModel;
  let kizuna: OnebotKizuna;
  let qq: FakeOnebot;

  beforeAll(async () => {
    model = await startScriptedModel();
    kizuna = await startOnebotKizuna(model, {}, { uploads: { maxBytes: 4_096 } });
    qq = new FakeOnebot('10001');
    await qq.connectTo(kizuna.reverseUrl, { token: testToken });
  });
  afterAll(async () => {
    await qq.close();
    await kizuna.stop();
    await model.close();
  });

  const imageUrlsOf = (request: Parameters<typeof messagesOf>[0]): string[] =>
    messagesOf(request).flatMap((message) =>
      Array.isArray(message.content) ? (message.content as Array<{ type: string; image_url?: { url: string } }>).flatMap((part) => (part.type === 'image_url' ? [part.image_url!.url] : [])) : [],
    );

  it('stores the picture as an upload, which the message refers to and the model sees', async () => {
    const picture = await testPicture({ width: 32, height: 24 });
    qq.sendPrivate(20100, [
      { type: 'text', data: { text: 'what is in this picture?' } },
      { type: 'image', data: { file: `base64://${picture.toString('base64')}` } },
    ]);
    const [request] = await waitForRequests(model, 'what is in this picture?');
    expect(imageUrlsOf(request!)).toContain(`data:image/png;base64,${picture.toString('base64')}`);
    const [received] = await receivedMessages(kizuna, 'onebot:private:20100');
    const id = createHash('sha256').update(picture).digest('hex');
    expect(received).toMatchObject({ text: 'what is in this picture?', images: [{ url: uploadUrl(id) }] });
  });

  it('leaves out a broken, a non-image or an oversize payload as [image], and keeps the rest of the message', async () => {
    const picture = await testPicture({ width: 32, height: 24, variant: 1 });
    const oversize = await testPicture({ width: 64, height: 48, variant: 2 });
    expect(oversize.length).toBeGreaterThan(4_096);
    qq.sendPrivate(20101, [
      { type: 'text', data: { text: 'three pictures, one good' } },
      { type: 'image', data: { file: 'base64://not*base64!' } },
      { type: 'image', data: { file: `base64://${Buffer.from('plain text, no picture').toString('base64')}` } },
      { type: 'image', data: { file: `base64://${oversize.toString('base64')}` } },
      { type: 'image', data: { file: `base64://${picture.toString('base64')}`, sub_type: '1' } },
    ]);
    const [request] = await waitForRequests(model, 'three pictures, one good');
    expect(imageUrlsOf(request!)).toEqual([`data:image/png;base64,${picture.toString('base64')}`]);
    const [received] = await receivedMessages(kizuna, 'onebot:private:20101');
    const id = createHash('sha256').update(picture).digest('hex');
    expect(received).toMatchObject({ text: 'three pictures, one good [image] [image] [image]', images: [{ url: uploadUrl(id), sticker: true }] });
  });
});
