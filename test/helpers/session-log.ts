/**
 * Reading a session's event log in tests: its message texts, its timer firings, and checks that it is
 * complete and in ingest order.
 */
import type { Redis } from 'ioredis';
import { sessionKeys } from '../../src/redis/keys.js';
import type { LogEntry } from '../../src/runtime/log-entry.js';
import type { SessionReader } from '../../src/runtime/session-reader.js';

/** The texts of the applied `message.received` entries, in log order. */
export function messageTexts(entries: readonly LogEntry[]): string[] {
  return entries.flatMap((entry) => (entry.event?.type === 'message.received' && !entry.rejected ? [entry.event.text] : []));
}

/** `name:gen` of every `timer.fired` entry, in log order. */
export function timerFirings(entries: readonly LogEntry[]): string[] {
  return entries.flatMap((entry) => (entry.event?.type === 'timer.fired' ? [`${entry.event.name}:${entry.event.gen}`] : []));
}

/**
 * Checks that the log holds every ingested event exactly once, in ingest order: its sequence numbers are
 * exactly 1..seq with no gap or repeat, and the mailbox is empty. Returns a problem description or null.
 */
export async function logProblem(redis: Redis, reader: SessionReader, prefix: string, sessionId: string): Promise<string | null> {
  const keys = sessionKeys(prefix, sessionId);
  const [lastSeq, pending, log] = await Promise.all([redis.hget(keys.actor, 'seq'), redis.llen(keys.mailbox), reader.readLog(sessionId)]);
  if (log.checkpoint !== null) return 'log was checkpointed; raise eventLogMaxEntries for this test';
  const seqs = log.entries.flatMap((entry) => (entry.seq === null ? [] : [entry.seq]));
  const expected = Array.from({ length: Number(lastSeq ?? 0) }, (_, index) => index + 1);
  if (pending > 0) return `${pending} events still in the mailbox`;
  if (seqs.join(',') !== expected.join(',')) return `log seqs ${seqs.join(',')} != 1..${lastSeq}`;
  return null;
}
