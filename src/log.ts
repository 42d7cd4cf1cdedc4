/**
 * The structured logger (pino, JSON lines on stderr so stdout stays free for command output).
 */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger; `KIZUNA_LOG_LEVEL` (default `info`) sets the level. */
export function createLogger(name = 'kizuna', level = process.env.KIZUNA_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, redact: ['*.apiKey', '*.token', '*.accessToken', 'config.http.token'] }, pino.destination(2));
}
