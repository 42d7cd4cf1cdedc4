/**
 * One open WebSocket to a OneBot implementation, whichever side dialled: responses settle the account's
 * actions, events are handled one at a time in arrival order, a WebSocket ping checks the peer is alive,
 * and closing detaches the socket from its account. Frames over `onebot.maxFrameBytes` are refused by
 * `ws` itself (`maxPayload`), which closes the connection with 1009; the implementation reconnects.
 */
import type { RawData, WebSocket } from 'ws';
import type { Logger } from '../../log.js';
import type { OnebotAccount } from './onebot-account.js';
import { readFrame } from './onebot-frame.js';
import type { OnebotInbound } from './onebot-inbound.js';

export interface ConnectionOptions {
  account: OnebotAccount;
  inbound: OnebotInbound;
  logger: Logger;
  pingIntervalMs: number;
  maxFrameBytes: number;
  now?: () => number;
}

/** Serves `socket` until it closes; resolves when it has closed and its events are handled. Performs I/O. */
export function serveConnection(socket: WebSocket, options: ConnectionOptions): Promise<void> {
  const { account, inbound, logger } = options;
  const now = options.now ?? Date.now;
  const source = account.selfId;
  let queue: Promise<void> = Promise.resolve();
  // Binary frames are read as UTF-8 text too: an implementation sending JSON as binary loses nothing.
  socket.on('message', (data: RawData) => {
    const frame = readFrame(rawText(data), now());
    if (frame.kind === 'response') {
      if (!account.settle(frame.response)) logger.warn({ account: source, retcode: frame.response.retcode, echo: frame.response.echo }, 'OneBot response to no action of ours ignored');
      return;
    }
    queue = queue.then(() => inbound.handle(frame, source));
  });
  socket.on('error', (error: Error & { code?: string }) => {
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') logger.warn({ account: source, limit: options.maxFrameBytes }, 'OneBot frame larger than onebot.maxFrameBytes: connection closed (1009)');
    else logger.warn({ account: source, err: error }, 'OneBot connection error');
  });
  const stopPinging = keepAlive(socket, options.pingIntervalMs, () => logger.warn({ account: source }, 'OneBot peer stopped answering pings; closing'));
  account.attach(socket);
  logger.info({ account: source }, 'OneBot connection open');
  return new Promise((resolve) => {
    socket.once('close', (code: number, reason: Buffer) => {
      stopPinging();
      account.detach(socket);
      logger.info({ account: source, code, reason: reason.toString('utf8') }, 'OneBot connection closed');
      void queue.then(resolve);
    });
  });
}

/** Pings every `intervalMs`; a peer that did not pong since the previous ping is cut off. Returns the stop function. */
function keepAlive(socket: WebSocket, intervalMs: number, onDead: () => void): () => void {
  if (intervalMs <= 0) return () => undefined;
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const timer = setInterval(() => {
    if (!alive) {
      onDead();
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
