/**
 * What replaying a stored session needs (its checkpoint, event log and snapshot), read from Redis, and a
 * divergence said in one line — shared by `kizuna replay` and `POST /v1/sessions/:id/replay`.
 */
import type { Divergence, ReplayInput } from './replay.js';
import type { SessionReader } from './session-reader.js';

/**
 * Reads what replay needs for one session, or null when the session has no stored snapshot. The snapshot
 * and the log are two reads; when a commit lands between them (the version moved) they are read again, so
 * a busy session is not reported as diverging. Performs I/O.
 */
export async function readReplayInput(reader: Pick<SessionReader, 'getSession' | 'readLog'>, sessionId: string, attempts = 5): Promise<ReplayInput | null> {
  let view = await reader.getSession(sessionId);
  for (let attempt = 1; ; attempt += 1) {
    if (view === null || view.snapshot === null) return null;
    const log = await reader.readLog(sessionId);
    const after = await reader.getSession(sessionId);
    if (after?.version === view.version || attempt >= attempts) {
      return { sessionId, checkpoint: log.checkpoint, entries: log.entries, expected: view.snapshot };
    }
    view = after;
  }
}

/** One readable line for a divergence; pure. */
export function describeDivergence(divergence: Divergence): string {
  const where = divergence.index === -1 ? 'after the whole log' : `at log entry ${divergence.index} (seq ${divergence.seq ?? 'none'})`;
  const parts = [`diverges ${where}: ${divergence.reason}`];
  if (divergence.path !== undefined) parts.push(`at ${divergence.path}`);
  if (divergence.expected !== undefined || divergence.actual !== undefined) {
    parts.push(`expected ${JSON.stringify(divergence.expected)}, got ${JSON.stringify(divergence.actual)}`);
  }
  return parts.join('; ');
}
