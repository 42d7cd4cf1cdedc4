/**
 * Session ids: `<platform>:<private|group>:<chatId>`, e.g. `http:private:alice`. The id is also the Redis
 * hash tag of the session's keys, so braces and whitespace are not allowed in it.
 */
import type { ChatType } from '../../machines/session-types.js';

export const chatIdPattern = /^[^\s{}:][^\s{}]{0,127}$/u;
export const sessionIdPattern = /^([a-z][a-z0-9_-]{0,31}):(private|group):([^\s{}:][^\s{}]{0,127})$/u;

export interface SessionAddress {
  platform: string;
  chatType: ChatType;
  chatId: string;
}

/** Builds a session id; pure. */
export function sessionIdOf(address: SessionAddress): string {
  return `${address.platform}:${address.chatType}:${address.chatId}`;
}

/** Parses a session id, or returns null when it is not one; pure. */
export function parseSessionId(sessionId: string): SessionAddress | null {
  const match = sessionIdPattern.exec(sessionId);
  if (match === null) return null;
  return { platform: match[1]!, chatType: match[2] as ChatType, chatId: match[3]! };
}
