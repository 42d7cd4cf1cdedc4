/**
 * The OneBot adapter's pure decisions: what a send's response means, who may open a reverse connection,
 * the reconnect backoff, where a session's messages go and in what segments, the pacing of one account,
 * and the configuration it refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelayMs } from '../../src/adapters/onebot/forward-client.js';
import { targetOf, textSegments } from '../../src/adapters/onebot/onebot-delivery.js';
import { checkOnebotConfig } from '../../src/adapters/onebot/onebot-service.js';
import { checkHandshake } from '../../src/adapters/onebot/reverse-server.js';
import { SendPacer } from '../../src/adapters/onebot/send-pacer.js';
import { sendOutcomeOf } from '../../src/adapters/onebot/send-outcome.js';
import { parseConfig } from '../../src/config/load-config.js';

describe('sendOutcomeOf', () => {
  it('reads ok with its message id, and async as accepted', () => {
    expect(sendOutcomeOf({ status: 'ok', retcode: 0, data: { message_id: -12 } })).toEqual({ kind: 'sent', messageId: '-12' });
    expect(sendOutcomeOf({ status: 'ok', retcode: 0, data: null })).toEqual({ kind: 'sent', messageId: null });
    expect(sendOutcomeOf({ status: 'async', retcode: 1, data: null })).toEqual({ kind: 'sent', messageId: null });
  });

  it('takes 1200 (the implementation failed while sending) as unconfirmed, other failures as refusals, with the explanation', () => {
    expect(sendOutcomeOf({ status: 'failed', retcode: 1200, data: null, message: 'Timeout: NTEvent' })).toEqual({ kind: 'unconfirmed', reason: 'retcode 1200: Timeout: NTEvent' });
    expect(sendOutcomeOf({ status: 'failed', retcode: 1400, data: null, message: 'raw', wording: 'bad user_id' })).toEqual({ kind: 'rejected', reason: 'retcode 1400: bad user_id' });
    expect(sendOutcomeOf({ status: 'failed', retcode: 100, data: null })).toEqual({ kind: 'rejected', reason: 'retcode 100' });
  });
});

describe('checkHandshake', () => {
  const url = (query = '') => new URL(`http://localhost/onebot/v11/ws${query}`);
  const headers = { 'x-self-id': '10001', 'x-client-role': 'Universal' };

  it('accepts the token as a bearer header or as ?access_token=, and no token when none is configured', () => {
    expect(checkHandshake({ ...headers, authorization: 'Bearer s3cret' }, url(), 's3cret')).toEqual({ ok: true, selfId: '10001' });
    expect(checkHandshake(headers, url('?access_token=s3cret'), 's3cret')).toEqual({ ok: true, selfId: '10001' });
    expect(checkHandshake(headers, url(), undefined)).toEqual({ ok: true, selfId: '10001' });
    expect(checkHandshake({ 'x-self-id': '10001' }, url(), '')).toEqual({ ok: true, selfId: '10001' });
  });

  it('answers 401 for a missing or wrong token, 400 for a missing X-Self-ID or another role', () => {
    expect(checkHandshake(headers, url(), 's3cret')).toMatchObject({ ok: false, status: 401 });
    expect(checkHandshake({ ...headers, authorization: 'Bearer s3cre' }, url(), 's3cret')).toMatchObject({ ok: false, status: 401, reason: 'wrong access token' });
    expect(checkHandshake({ ...headers, authorization: 'Token s3cret' }, url(), 's3cret')).toMatchObject({ ok: false, status: 401 });
    expect(checkHandshake({ 'x-client-role': 'Universal' }, url(), undefined)).toMatchObject({ ok: false, status: 400 });
    expect(checkHandshake({ ...headers, 'x-self-id': 'bot' }, url(), undefined)).toMatchObject({ ok: false, status: 400 });
    expect(checkHandshake({ ...headers, 'x-client-role': 'Event' }, url(), undefined)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from the minimum up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((attempt) => reconnectDelayMs(attempt, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
  });
});

describe('targetOf and textSegments', () => {
  it('sends private sessions with send_private_msg and group sessions with send_group_msg', () => {
    expect(targetOf('onebot:private:20001')).toEqual({ chatType: 'private', action: 'send_private_msg', params: { user_id: 20001 } });
    expect(targetOf('onebot:group:30001')).toEqual({ chatType: 'group', action: 'send_group_msg', params: { group_id: 30001 } });
    expect(targetOf('onebot:group:99999999999999999999').params).toEqual({ group_id: '99999999999999999999' });
  });

  it('refuses ids that are not a OneBot chat, without retrying', () => {
    for (const sessionId of ['http:private:alice', 'onebot:private:alice', 'nonsense']) {
      expect(() => targetOf(sessionId)).toThrow(expect.objectContaining({ code: 'platform_rejected', retryable: false }));
    }
  });

  it('quotes with a leading reply segment', () => {
    expect(textSegments({ text: 'hi' })).toEqual([{ type: 'text', data: { text: 'hi' } }]);
    expect(textSegments({ text: 'hi', replyTo: '77' })).toEqual([
      { type: 'reply', data: { id: '77' } },
      { type: 'text', data: { text: 'hi' } },
    ]);
  });
});

describe('SendPacer', () => {
  afterEach(() => vi.useRealTimers());

  it('lets one account send once per interval, in the order asked; other accounts are not held up', async () => {
    vi.useFakeTimers({ now: 0 });
    const pacer = new SendPacer(1000);
    const released: string[] = [];
    const wait = (account: string, label: string) => pacer.wait(account).then(() => void released.push(`${label}@${Date.now()}`));
    const all = Promise.all([wait('a', 'a1'), wait('a', 'a2'), wait('b', 'b1'), wait('a', 'a3')]);
    await vi.advanceTimersByTimeAsync(2500);
    await all;
    expect(released).toEqual(['a1@0', 'b1@0', 'a2@1000', 'a3@2000']);
  });
});

describe('onebot configuration', () => {
  it('has off-by-default settings and requires forwardUrl in forward mode', () => {
    const config = parseConfig({});
    expect(config.onebot).toMatchObject({ enabled: false, mode: 'reverse', reversePath: '/onebot/v11/ws', resendUnconfirmed: false });
    expect(() => parseConfig({ onebot: { enabled: true, mode: 'forward' } })).toThrow(/onebot\.forwardUrl: required/);
    expect(() => parseConfig({ onebot: { forwardUrl: 'http://x' } })).toThrow(/onebot\.forwardUrl/);
    expect(() => parseConfig({ onebot: { reconnectMinSeconds: 10, reconnectMaxSeconds: 5 } })).toThrow(/onebot\.reconnectMaxSeconds/);
    expect(() => parseConfig({ onebot: { selfId: 'bot' } })).toThrow(/onebot\.selfId/);
  });

  it('refuses a reverse endpoint without a token on an address others can reach', () => {
    expect(() => checkOnebotConfig(parseConfig({ http: { host: '0.0.0.0' }, onebot: { enabled: true } }))).toThrow(/onebot\.accessToken is required/);
    expect(() => checkOnebotConfig(parseConfig({ http: { host: '0.0.0.0' }, onebot: { enabled: true, accessToken: 't' } }))).not.toThrow();
    expect(() => checkOnebotConfig(parseConfig({ onebot: { enabled: true } }))).not.toThrow();
    expect(() => checkOnebotConfig(parseConfig({ http: { host: '0.0.0.0' }, onebot: { enabled: true, mode: 'forward', forwardUrl: 'ws://napcat:3001' } }))).not.toThrow();
  });
});
