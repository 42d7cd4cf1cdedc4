/**
 * The event-log entry: what was applied to a session (or rejected), the state it led to, and at the end of
 * each committed batch a digest of the full snapshot, so replay can name the first divergence. Stored, a
 * `settings.changed` event names its settings by their digest in the shared settings table (as snapshots
 * do), and readers put the settings back (`SessionReader.readLog`): a session's first entry would otherwise
 * be more than half its log.
 */
import { createHash } from 'node:crypto';
import type { StateValue } from 'xstate';
import type { ErrorInfo, SessionEvent } from '../../machines/session-types.js';
import { canonicalJson } from './canonical-json.js';
import { shareSettings, sharedCanonicalJson } from './shared-settings.js';

export { canonicalJson };

export interface LogEntry {
  /** The mailbox sequence number; null for events the driver added (`settings.changed`). */
  seq: number | null;
  event?: SessionEvent;
  /** The raw mailbox text of an entry that could not be parsed. */
  raw?: string;
  rejected?: ErrorInfo;
  /** State value after this entry. */
  state: StateValue;
  /** Digest of the persisted snapshot after this entry (set on the last entry of each batch). */
  hash?: string;
  /** When the batch holding this entry was committed (epoch ms); not part of the replayed state. */
  committedAt?: number;
}

/** A short digest of a persisted snapshot; equal snapshots have equal digests. */
export function snapshotDigest(persisted: unknown): string {
  return createHash('sha1').update(canonicalJson(persisted, sharedCanonicalJson)).digest('hex').slice(0, 16);
}

/** The stored form of a log entry committed at `committedAt`; pure. */
export function logEntryJson(entry: LogEntry, committedAt: number): string {
  const event = entry.event;
  if (event?.type !== 'settings.changed' || typeof event.settings !== 'object') return JSON.stringify({ ...entry, committedAt });
  return JSON.stringify({ ...entry, event: { ...event, settings: shareSettings(event.settings).digest }, committedAt });
}
