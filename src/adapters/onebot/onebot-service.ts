/**
 * The OneBot v11 adapter of one process: the transport chosen by `onebot.mode` (a reverse WebSocket server
 * on the HTTP port, or a forward client), the accounts it talks through, inbound events into sessions, and
 * the delivery adapter the outbox sends `onebot:` sessions through. It runs where the connection lives:
 * in `kizuna start`, which owns the HTTP port and the outbox role.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KizunaConfig } from '../../config/schema.js';
import { RuntimeError } from '../../errors.js';
import { isLoopbackHost } from '../../http/access.js';
import { UploadStore } from '../../images/upload-store.js';
import type { Logger } from '../../log.js';
import { closeQuietly, createCommandConnection } from '../../redis/connection.js';
import type { DeliveryAdapter } from '../delivery-adapter.js';
import { forwardAccountKey, OnebotAccounts } from './onebot-accounts.js';
import { serveConnection } from './onebot-connection.js';
import { createOnebotDelivery } from './onebot-delivery.js';
import { type IngestFunction, OnebotInbound } from './onebot-inbound.js';
import { OnebotStore } from './onebot-store.js';
import { ForwardClient } from './forward-client.js';
import { createReverseServer, type ReverseServer } from './reverse-server.js';

export interface OnebotService {
  delivery: DeliveryAdapter;
  /** Starts the transport; events are ingested through `ingest` from now on. */
  start(ingest: IngestFunction): void;
  /** The HTTP server's upgrade hook (reverse mode); false when the request is not for OneBot. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The QQ numbers of the accounts connected now (`forward` for a forward connection). */
  connectedAccounts(): string[];
  close(): Promise<void>;
}

/** Refuses settings that would expose the bot: a reverse server on a non-loopback address without a token; pure. */
export function checkOnebotConfig(config: KizunaConfig): void {
  const { onebot, http } = config;
  if (!onebot.enabled || onebot.mode !== 'reverse' || onebot.accessToken) return;
  if (isLoopbackHost(http.host)) return;
  throw new RuntimeError(
    'config_invalid',
    `onebot.accessToken is required: the reverse WebSocket listens on ${http.host}, and without a token anyone who reaches it could speak as your QQ account (set it, or KIZUNA_ONEBOT_TOKEN, to the token configured in NapCat)`,
  );
}

/** Creates the adapter (nothing listens or dials before `start`). Performs I/O (a Redis connection). */
export function createOnebotService(options: { config: KizunaConfig; redisUrl: string; logger: Logger }): OnebotService {
  const { config, logger } = options;
  const onebot = config.onebot;
  const redis = createCommandConnection(options.redisUrl);
  redis.on('error', (error) => logger.debug({ err: error }, 'redis connection error (onebot)'));
  const store = new OnebotStore(redis, config.redis.prefix, { memory: onebot.botMessageMemory, ttlSeconds: onebot.botMessageTtlSeconds });
  const accounts = new OnebotAccounts({
    timeouts: { connectWaitMs: onebot.connectWaitSeconds * 1000, actionTimeoutMs: onebot.actionTimeoutSeconds * 1000 },
    forward: onebot.mode === 'forward',
    defaultSelfId: onebot.selfId,
  });
  const inbound = new OnebotInbound({ store, uploads: new UploadStore(redis, config.redis.prefix, config.uploads), logger });
  const serve = (socket: Parameters<typeof serveConnection>[0], selfId: string): Promise<void> =>
    serveConnection(socket, { account: accounts.get(selfId), inbound, logger, pingIntervalMs: onebot.pingIntervalSeconds * 1000, maxFrameBytes: onebot.maxFrameBytes });

  let reverse: ReverseServer | null = null;
  let forward: ForwardClient | null = null;
  return {
    delivery: createOnebotDelivery({ accounts, store, config: onebot, prefix: config.redis.prefix, logger, newestOutbound: (key) => redis.lindex(key, -1) }),
    start(ingest) {
      inbound.start(ingest);
      if (onebot.mode === 'reverse') {
        reverse = createReverseServer({ path: onebot.reversePath, accessToken: onebot.accessToken, maxFrameBytes: onebot.maxFrameBytes, logger, onConnection: (socket, selfId) => void serve(socket, selfId) });
        return;
      }
      forward = new ForwardClient({
        url: onebot.forwardUrl!,
        accessToken: onebot.accessToken,
        maxFrameBytes: onebot.maxFrameBytes,
        reconnectMinMs: onebot.reconnectMinSeconds * 1000,
        reconnectMaxMs: onebot.reconnectMaxSeconds * 1000,
        logger,
        onConnection: (socket) => serve(socket, forwardAccountKey),
      });
      forward.start();
    },
    handleUpgrade: (request, socket, head) => reverse?.handleUpgrade(request, socket, head) ?? false,
    connectedAccounts: () => accounts.connected(),
    async close() {
      reverse?.close();
      forward?.close();
      accounts.close();
      await closeQuietly(redis);
    },
  };
}
