/**
 * `kizuna worker --roles session,llm`: an extra worker process against the same Redis (REDIS_URL, or the
 * private Redis of a `kizuna start` on this machine), until SIGINT/SIGTERM.
 */
import { loadConfig } from '../config/load-config.js';
import { RedisUnavailableError, RuntimeError } from '../errors.js';
import { createLogger } from '../log.js';
import { type RuntimeRole, runtimeRoles, startRuntime } from '../runtime/runtime.js';
import type { CommandModule } from './main.js';
import { parseCommandArgs } from './main.js';
import { resolveRedis } from './redis-endpoint.js';
import { exitOnSignals } from './shutdown.js';

export const workerCommand: CommandModule = {
  summary: `run worker roles against a shared Redis; --roles ${runtimeRoles.join(',')} (default: all), --config <file>`,
  async run(argv) {
    const { values } = parseCommandArgs(argv, {
      config: { type: 'string' },
      roles: { type: 'string', default: runtimeRoles.join(',') },
    });
    const roles = parseRoles(values.roles ?? '');
    const config = loadConfig(values.config === undefined ? {} : { path: values.config });
    if (config.onebot.enabled && roles.includes('outbox')) {
      throw new RuntimeError('invalid_input', 'onebot is enabled: OneBot messages go out where the OneBot connection lives (kizuna start); run extra workers with --roles session,llm');
    }
    const logger = createLogger('kizuna-worker');
    const redis = await resolveRedis(config, false);
    const runtime = await startRuntime({ config, redisUrl: redis.url, roles, logger }).catch((error: unknown) => {
      if (!(error instanceof RedisUnavailableError)) throw error;
      throw new RuntimeError('redis_unavailable', `Redis at ${redis.url} is unreachable: run \`kizuna start\` (its private Redis) or set REDIS_URL`, { cause: error });
    });
    logger.info({ roles, redis: redis.description, pid: process.pid }, 'worker ready');
    process.stdout.write(`kizuna worker ready (roles: ${roles.join(',')}; Redis: ${redis.description})\n`);
    exitOnSignals(() => runtime.close(), logger);
    await new Promise<never>(() => undefined);
    return 0;
  },
};

/** Parses `--roles` into known roles; throws naming an unknown one. */
export function parseRoles(text: string): RuntimeRole[] {
  const roles = text.split(',').map((role) => role.trim()).filter((role) => role.length > 0);
  for (const role of roles) {
    if (!(runtimeRoles as readonly string[]).includes(role)) {
      throw new RuntimeError('invalid_input', `unknown role "${role}" (known: ${runtimeRoles.join(', ')})`);
    }
  }
  if (roles.length === 0) throw new RuntimeError('invalid_input', 'no roles given');
  return roles as RuntimeRole[];
}
