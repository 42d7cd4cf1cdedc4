/**
 * The event-log entry: what was applied to a session (or rejected), the state it led to, and at the end of
 * each committed batch a digest of the full snapshot, so replay can name the first divergence. Stored, a
 * `settings.changed` event names its settings by their digest in the shared settings table (as snapshots
 * do), and readers put the settings back (`SessionReader.readLog`): a session's first entry would otherwise
 * be more than half its log.
 */
import { createHash } from 'node:crypto';
import type { StateValue } from 'xstate';
import type { ErrorInfo, SessionEvent, SessionSettings } from '../../machines/session-types.js';
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

/** Marks the digests that hash the settings' digest instead of their canonical JSON. */
const settingsByDigest = '2:';

/**
 * A short digest of a persisted snapshot; equal snapshots have equal digests. The context's settings (1.7 KB
 * of canonical JSON, the same for thousands of sessions) enter as their own digest, so a batch hashes ~0.7 KB
 * instead of ~2.4 KB.
 */
export function snapshotDigest(persisted: unknown): string {
  const snapshot = persisted as { context?: { settings?: unknown } };
  const settings = snapshot.context?.settings;
  const hashed =
    settings !== null && typeof settings === 'object'
      ? { ...snapshot, context: { ...snapshot.context, settings: shareSettings(settings as SessionSettings).canonicalDigest } }
      : persisted;
  return settingsByDigest + createHash('sha1').update(canonicalJson(hashed)).digest('hex').slice(0, 16);
}

/** The digest as written before `2:` digests (the settings hashed as canonical JSON); replay still checks it. */
function fullSnapshotDigest(persisted: unknown): string {
  return createHash('sha1').update(canonicalJson(persisted, sharedCanonicalJson)).digest('hex').slice(0, 16);
}

/** Whether `persisted` has the digest `hash`, in whichever form the log entry was written. */
export function matchesDigest(persisted: unknown, hash: string): boolean {
  return (hash.startsWith(settingsByDigest) ? snapshotDigest(persisted) : fullSnapshotDigest(persisted)) === hash;
}

/** The stored form of a log entry committed at `committedAt`; pure. */
export function logEntryJson(entry: LogEntry, committedAt: number): string {
  const event = entry.event;
  // `Object.assign` rather than `{ ...entry, committedAt }`: on Node 20 a key added after a spread takes a slow
  // path (docs/benchmarks.md), and this runs for every logged event.
  if (event?.type !== 'settings.changed' || typeof event.settings !== 'object') return JSON.stringify(Object.assign({}, entry, { committedAt }));
  return JSON.stringify(Object.assign({}, entry, { event: { ...event, settings: shareSettings(event.settings).digest }, committedAt }));
}
