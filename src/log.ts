/**
 * The structured logger (pino, JSON lines on stderr so stdout stays free for command output). Secrets are
 * always redacted; what people wrote (message text, model content) is redacted at `info` and above and
 * shown only at `debug`/`trace`, where an operator asked to see it.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are secrets, wherever they appear one level deep. */
const secretFields = ['apiKey', 'token', 'accessToken', 'access_token', 'authorization', 'password'];

/** Field names that carry what users or the model wrote. */
const textFields = ['text', 'content', 'texts', 'messages', 'prompt'];

function redactPaths(fields: readonly string[]): string[] {
  return fields.flatMap((field) => [field, `*.${field}`]);
}

/** Whether a pino level shows message text (debug and trace do). */
export function showsMessageText(level: string): boolean {
  return level === 'debug' || level === 'trace';
}

function censor(value: unknown, path: string[]): string {
  const field = path.at(-1) ?? '';
  if (secretFields.includes(field)) return '[secret]';
  return typeof value === 'string' ? `[text: ${value.length} chars]` : '[text]';
}

/** Creates the process logger; `KIZUNA_LOG_LEVEL` (default `info`) sets the level. Performs I/O on `destination`. */
export function createLogger(
  name = 'kizuna',
  level = process.env.KIZUNA_LOG_LEVEL ?? 'info',
  destination: DestinationStream = pino.destination(2),
): Logger {
  const paths = [...redactPaths(secretFields), 'config.http.token', 'config.llm.apiKey'];
  if (!showsMessageText(level)) paths.push(...redactPaths(textFields));
  return pino({ name, level, redact: { paths, censor } }, destination);
}
