/**
 * One account's action channel on real sockets: an action whose frame never reached the socket waits and is
 * written once on the next connection; one written without a response is unconfirmed; with no connection an
 * action fails retryably after the connect wait.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { OnebotAccount } from '../../src/adapters/onebot/onebot-account.js';
import { readFrame } from '../../src/adapters/onebot/onebot-frame.js';
import { FakeOnebot } from '../helpers/fake-onebot.js';
import { waitFor } from '../helpers/wait-for.js';

describe('OnebotAccount', () => {
  let qq: FakeOnebot;
  let url: string;

  beforeAll(async () => {
    qq = new FakeOnebot('10001');
    url = await qq.listen();
  });
  afterAll(() => qq.close());

  /** Opens a client socket to the fake and routes its responses to `account`. */
  async function connect(account: OnebotAccount): Promise<WebSocket> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.on('message', (data) => {
      const frame = readFrame(String(data), Date.now());
      if (frame.kind === 'response') account.settle(frame.response);
    });
    socket.once('close', () => account.detach(socket));
    account.attach(socket);
    return socket;
  }

  it('writes an action once on the next connection when its frame never reached the socket', async () => {
    const account = new OnebotAccount('10001', { connectWaitMs: 10_000, actionTimeoutMs: 10_000 });
    const first = await connect(account);
    // The TCP socket dies under ws before ws has noticed: the write fails, so nothing went out.
    (first as unknown as { _socket: { destroy(): void } })._socket.destroy();
    const before = qq.actionsNamed('get_status').length;
    const response = account.call('get_status', { probe: 1 });
    await waitFor(() => first.readyState === WebSocket.CLOSED);
    expect(qq.actionsNamed('get_status').length).toBe(before);

    const second = await connect(account);
    expect(await response).toMatchObject({ status: 'ok', retcode: 0 });
    expect(qq.actionsNamed('get_status').slice(before).map((action) => action.params)).toEqual([{ probe: 1 }]);
    second.close();
  });

  it('makes an action written without a response unconfirmed when its connection closes', async () => {
    const account = new OnebotAccount('10001', { connectWaitMs: 10_000, actionTimeoutMs: 10_000 });
    const socket = await connect(account);
    qq.script((action) => (action.action === 'get_status' ? 'disconnect' : undefined));
    try {
      const outcome = await account.call('get_status', {}).catch((error: unknown) => error);
      expect(outcome).toMatchObject({ code: 'delivery_unconfirmed', retryable: false });
    } finally {
      qq.script(() => undefined);
      socket.terminate();
    }
  });

  it('fails an action retryably when no connection comes within the connect wait, and refuses actions once closed', async () => {
    const account = new OnebotAccount('10002', { connectWaitMs: 100, actionTimeoutMs: 10_000 });
    expect(await account.call('get_status', {}).catch((error: unknown) => error)).toMatchObject({ code: 'platform_unavailable', retryable: true });
    expect(await account.waitForConnection().catch((error: unknown) => error)).toMatchObject({ code: 'platform_unavailable', retryable: true });
    account.close();
    expect(await account.call('get_status', {}).catch((error: unknown) => error)).toMatchObject({ code: 'platform_unavailable' });
  });
});
