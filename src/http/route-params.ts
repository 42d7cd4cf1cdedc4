/**
 * Reading a route's parameters: query numbers and session ids, with the errors the server maps to 400/404.
 */
import { RuntimeError } from '../errors.js';
import { parseSessionId } from '../runtime/session-id.js';
import type { SessionReader } from '../runtime/session-reader.js';

/** A non-negative integer query parameter, or `fallback` when absent; throws invalid_input; pure. */
export function numberParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new RuntimeError('invalid_input', `${name}: must be a non-negative integer`);
  return value;
}

/** The decoded session id of a path segment; throws not_found when it is not a session id; pure. */
export function knownSessionId(encoded: string | undefined): string {
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(encoded ?? '');
  } catch {
    // A broken percent-encoding names no session.
    throw notFound(encoded);
  }
  if (parseSessionId(sessionId) === null) throw notFound(sessionId);
  return sessionId;
}

/** The session id of a path segment, checked to exist; throws not_found. Performs I/O. */
export async function existingSession(reader: Pick<SessionReader, 'getSession'>, encoded: string | undefined): Promise<string> {
  const sessionId = knownSessionId(encoded);
  if ((await reader.getSession(sessionId)) === null) throw notFound(sessionId);
  return sessionId;
}

/** The error for an unknown session; pure. */
export function notFound(sessionId: string | undefined): RuntimeError {
  return new RuntimeError('not_found', `unknown session ${sessionId ?? ''}`);
}
