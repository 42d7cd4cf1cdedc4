/**
 * `kizuna start`: everything in one process — its own Redis unless REDIS_URL is set, the session and LLM
 * workers, and the HTTP API — until SIGINT/SIGTERM.
 */
import { checkOnebotConfig, createOnebotService } from '../adapters/onebot/onebot-service.js';
import { configWarnings, hasLlmEndpoint, loadConfig } from '../config/load-config.js';
import { memoryRebootWarnings } from '../memory-reboot/memory-reboot-parts.js';
import type { KizunaConfig } from '../config/schema.js';
import { sessionSettingsFor } from '../config/session-settings.js';
import { sessionMachine } from '../../machines/session-machine.js';
import { assertSafeBind } from '../http/access.js';
import { createApiRoutes } from '../http/api-routes.js';
import { consoleRoutes } from '../http/console-routes.js';
import { createHttpServer, listen } from '../http/server.js';
import { SseHub } from '../http/sse-hub.js';
import { createLogger } from '../log.js';
import { createWorkerConnection } from '../redis/connection.js';
import { defaultOpenAiBaseUrl } from '../runtime/llm-parts.js';
import { type Runtime, runtimeRoles, startRuntime } from '../runtime/runtime.js';
import { parseSessionId } from '../runtime/session-id.js';
import { connectStatelyInspector, type StatelyConnection } from '../runtime/stately-inspector.js';
import type { CommandModule } from './main.js';
import { parseCommandArgs } from './main.js';
import { resolveRedis } from './redis-endpoint.js';
import { exitOnSignals } from './shutdown.js';
import { Teardown } from './teardown.js';

export const startCommand: CommandModule = {
  summary: 'run kizuna (HTTP API, workers, and a private Redis unless REDIS_URL is set); --inspect, --config <file>',
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      config: { type: 'string' },
      inspect: { type: 'boolean', default: false },
    });
    const config = loadConfig(values.config === undefined ? {} : { path: values.config });
    assertSafeBind(config.http);
    const logger = createLogger();
    for (const warning of [...configWarnings(config), ...memoryRebootWarnings(config)]) logger.warn(warning);
    checkOnebotConfig(config);
    const teardown = new Teardown();
    const redis = await resolveRedis(config, true);
    teardown.add(() => redis.owned?.stop());
    const lines = await teardown.guard(async () => {
      let stately: StatelyConnection | null = null;
      if (values.inspect) {
        stately = connectStatelyInspector(config.inspect, logger);
        teardown.add(() => stately?.stop());
      }
      const onebot = config.onebot.enabled ? createOnebotService({ config, redisUrl: redis.url, logger }) : null;
      if (onebot !== null) teardown.add(() => onebot.close());
      const runtime = await startRuntime({
        config,
        redisUrl: redis.url,
        roles: runtimeRoles,
        logger,
        ...(stately === null ? {} : { inspector: stately.inspector }),
        ...(onebot === null ? {} : { adapters: [onebot.delivery] }),
      });
      teardown.add(() => runtime.close());
      onebot?.start((sessionId, event, messageId) => runtime.ingestor.ingest(sessionId, event, messageId));
      await openConfiguredSessions(config, runtime);
      const hub = new SseHub(createWorkerConnection(redis.url), config.redis.prefix);
      teardown.add(() => hub.close());
      const server = createHttpServer({
        routes: [
          ...createApiRoutes({ runtime, hub, maxBodyBytes: config.http.maxBodyBytes }),
          ...(config.console.enabled ? consoleRoutes({ token: config.http.token, machine: sessionMachine }) : []),
        ],
        token: config.http.token,
        logger,
        upgrade: onebot?.handleUpgrade,
      });
      teardown.add(() => {
        server.close();
        server.closeAllConnections();
      });
      const port = await listen(server, config.http.port, config.http.host);
      return startedLines(config, port, redis.description, onebot !== null, stately?.pageUrl);
    });
    process.stdout.write(`${lines.join('\n')}\n`);
    exitOnSignals(() => teardown.run(), logger);
    await new Promise<never>(() => undefined);
    return 0;
  },
};

/** What `kizuna start` prints once it is up; pure. */
function startedLines(config: KizunaConfig, port: number, redis: string, onebot: boolean, statelyPage: string | null | undefined): string[] {
  const lines = [
    `kizuna is running on http://${config.http.host}:${port}`,
    `  Redis: ${redis}`,
    hasLlmEndpoint(config)
      ? `  LLM: ${config.llm.models.chat} at ${config.llm.baseUrl ?? defaultOpenAiBaseUrl}`
      : '  LLM: the built-in offline model (no LLM endpoint configured: set OPENAI_BASE_URL / OPENAI_API_KEY or llm.baseUrl)',
  ];
  if (config.console.enabled) {
    const token = config.http.token ? '?token=<your API token>' : '';
    lines.push(`  Console: open http://${config.http.host.includes(':') ? `[${config.http.host}]` : config.http.host}:${port}/${token}`);
  }
  if (onebot) lines.push(`  OneBot: ${onebotLine(config, port)}`);
  if (statelyPage) lines.push(`  Stately inspector: open ${statelyPage} (the page needs internet)`);
  return lines;
}

/** Where the OneBot implementation connects, or where kizuna dials it; pure. */
function onebotLine(config: KizunaConfig, port: number): string {
  const { onebot, http } = config;
  if (onebot.mode === 'forward') return `dialling ${onebot.forwardUrl} (forward WebSocket)`;
  return `reverse WebSocket at ws://${http.host}:${port}${onebot.reversePath}${onebot.accessToken ? ' (token required)' : ''}`;
}

/**
 * Tells each configured session with an auto-trigger (seed 000) or a periodic group timer (issue #44) that the
 * runtime started, so it arms them without waiting for a first message.
 */
async function openConfiguredSessions(config: KizunaConfig, runtime: Runtime): Promise<void> {
  for (const sessionId of Object.keys(config.sessions)) {
    if (parseSessionId(sessionId) === null) continue;
    const { autoTriggerSeconds, periodicSeconds = 0 } = sessionSettingsFor(config, sessionId).proactive;
    if (autoTriggerSeconds <= 0 && periodicSeconds <= 0) continue;
    await runtime.ingestor.ingest(sessionId, { type: 'session.opened', at: Date.now() });
  }
}
