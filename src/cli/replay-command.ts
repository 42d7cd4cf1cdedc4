/**
 * `kizuna replay <sessionId>`: re-applies the session's event log to a fresh actor and compares the result
 * with the stored snapshot. Exit 0 when it reproduces it, 1 with the first divergence, 2 when the session is
 * unknown. `--save <file>` also writes the log and snapshot as a replay fixture.
 */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { RuntimeError } from '../errors.js';
import { createCommandConnection, closeQuietly, waitUntilReady } from '../redis/connection.js';
import { replaySession } from '../runtime/replay.js';
import { describeDivergence, readReplayInput } from '../runtime/replay-input.js';
import { SessionReader } from '../runtime/session-reader.js';
import type { CommandModule } from './main.js';
import { parseCommandArgs } from './main.js';
import { resolveRedis } from './redis-endpoint.js';

export const replayCommand: CommandModule = {
  summary: 'replay a session event log and check it reproduces the stored snapshot; <sessionId> [--save <file>]',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { config: { type: 'string' }, save: { type: 'string' } });
    const sessionId = positionals[0];
    if (sessionId === undefined) throw new RuntimeError('invalid_input', 'usage: kizuna replay <sessionId> [--save <file>]');
    const config = loadConfig(values.config === undefined ? {} : { path: values.config });
    const endpoint = await resolveRedis(config, true);
    const redis = createCommandConnection(endpoint.url);
    redis.on('error', () => undefined);
    try {
      await waitUntilReady(redis);
      const input = await readReplayInput(new SessionReader(redis, config.redis.prefix), sessionId);
      if (input === null) {
        process.stderr.write(`kizuna replay: unknown session ${sessionId}\n`);
        return 2;
      }
      if (values.save !== undefined) writeFileSync(values.save, `${JSON.stringify(input, null, 2)}\n`);
      const result = replaySession(input);
      if (result.ok) {
        process.stdout.write(`${sessionId}: replayed ${result.applied} events; the stored snapshot is reproduced\n`);
        return 0;
      }
      process.stdout.write(`${sessionId}: ${describeDivergence(result.divergence)}\n`);
      return 1;
    } finally {
      await closeQuietly(redis);
      await endpoint.owned?.stop();
    }
  },
};
