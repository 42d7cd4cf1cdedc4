/**
 * An in-process runtime (and optionally the HTTP API) on the suite's Redis, under a random prefix that is
 * deleted afterwards.
 */
import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import type { DeliveryAdapter } from '../../src/adapters/delivery-adapter.js';
import type { KizunaConfig } from '../../src/config/schema.js';
import { sessionMachine } from '../../machines/session-machine.js';
import { createApiRoutes } from '../../src/http/api-routes.js';
import { consoleRoutes } from '../../src/http/console-routes.js';
import { createHttpServer, type HttpServerOptions, listen } from '../../src/http/server.js';
import { SseHub } from '../../src/http/sse-hub.js';
import type { LlmClient } from '../../src/llm/llm-types.js';
import { createLogger } from '../../src/log.js';
import { createWorkerConnection } from '../../src/redis/connection.js';
import { type Runtime, type RuntimeRole, startRuntime } from '../../src/runtime/runtime.js';
import { deletePrefix } from './redis-cleanup.js';
import { testConfig } from './test-config.js';

export interface TestRuntime {
  runtime: Runtime;
  config: KizunaConfig;
  redisUrl: string;
  baseUrl: string | null;
  stop(): Promise<void>;
}

export interface TestRuntimeOptions {
  config?: KizunaConfig;
  roles?: RuntimeRole[];
  http?: boolean;
  llm?: LlmClient;
  redisUrl?: string;
  /** Platform delivery adapters besides HTTP. */
  adapters?: DeliveryAdapter[];
  /** The HTTP server's WebSocket upgrade hook. */
  upgrade?: HttpServerOptions['upgrade'];
}

export const quietLogger = createLogger('kizuna-test', process.env.KIZUNA_LOG_LEVEL ?? 'silent');

/** Starts a runtime (all roles by default) and, with `http`, the HTTP API on a free port. */
export async function startTestRuntime(options: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const config = options.config ?? testConfig();
  const redisUrl = options.redisUrl ?? inject('redisUrl');
  const runtime = await startRuntime({
    config,
    redisUrl,
    roles: options.roles ?? ['session', 'llm', 'outbox'],
    logger: quietLogger,
    ...(options.llm === undefined ? {} : { llm: options.llm }),
    ...(options.adapters === undefined ? {} : { adapters: options.adapters }),
  });
  let server: Server | null = null;
  let hub: SseHub | null = null;
  let baseUrl: string | null = null;
  if (options.http) {
    hub = new SseHub(createWorkerConnection(redisUrl), config.redis.prefix);
    server = createHttpServer({
      routes: [
        ...createApiRoutes({ runtime, hub, maxBodyBytes: config.http.maxBodyBytes }),
        ...consoleRoutes({ token: config.http.token, machine: sessionMachine }),
      ],
      token: config.http.token,
      logger: quietLogger,
      upgrade: options.upgrade,
    });
    baseUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  }
  return {
    runtime,
    config,
    redisUrl,
    baseUrl,
    async stop() {
      server?.closeAllConnections();
      server?.close();
      hub?.close();
      await runtime.close();
      const cleaner = new Redis(redisUrl);
      await deletePrefix(cleaner, config.redis.prefix).catch(() => undefined);
      cleaner.disconnect();
    },
  };
}
