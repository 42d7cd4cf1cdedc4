/**
 * Shared settings: thousands of sessions run with a handful of distinct settings, and a drain needs their
 * JSON (to store), their digest (the shared table's key) and their canonical JSON (inside every snapshot
 * digest) on every batch. Interning gives each distinct settings one deep-frozen object with those computed
 * once, so the driver compares settings by identity and never re-serialises them. Frozen means the cached
 * forms can never go stale: a mutation would throw.
 */
import { createHash } from 'node:crypto';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type { SessionSettings } from '../../machines/session-types.js';
import { canonicalJson } from './canonical-json.js';

export interface SharedSettings {
  readonly settings: SessionSettings;
  readonly json: string;
  /** The key of these settings in the shared table. */
  readonly digest: string;
  /** `canonicalJson(settings)`, for snapshot digests written before `canonicalDigest`. */
  readonly canonical: string;
  /** SHA-1 of `canonical`: what a snapshot digest hashes in place of the settings. Equal settings, equal digest. */
  readonly canonicalDigest: string;
}

/** More distinct settings than any deployment has; beyond it the table restarts (identity is only a fast path). */
const maxShared = 1000;
const byJson = new Map<string, SharedSettings>();
const byObject = new WeakMap<object, SharedSettings>();

/** The digest under which a settings JSON is shared; pure. */
export function settingsDigest(json: string): string {
  return createHash('sha1').update(json).digest('hex').slice(0, 12);
}

/** The interned form of `settings` (equal settings give the same object); computes its JSON at most once. */
export function shareSettings(settings: SessionSettings): SharedSettings {
  return byObject.get(settings) ?? shareSettingsJson(JSON.stringify(settings));
}

/** The interned form of settings given as JSON. */
export function shareSettingsJson(json: string): SharedSettings {
  const known = byJson.get(json);
  if (known !== undefined) return known;
  if (byJson.size >= maxShared) byJson.clear();
  const settings = deepFreeze(JSON.parse(json) as SessionSettings);
  const canonical = canonicalJson(settings);
  const canonicalDigest = createHash('sha1').update(canonical).digest('hex');
  const shared: SharedSettings = { settings, json, digest: settingsDigest(json), canonical, canonicalDigest };
  byJson.set(json, shared);
  byObject.set(settings, shared);
  return shared;
}

// Every new session's context starts with the machine's defaults: known by identity, a new session's first
// drain compares them with its configured settings without serialising them again. (A module constant that
// nothing mutates; the interned copy stays in the WeakMap even when the JSON table restarts.)
byObject.set(defaultSessionSettings, shareSettingsJson(JSON.stringify(defaultSessionSettings)));

/** The canonical JSON of `value` when it is an interned settings object, else undefined. */
export function sharedCanonicalJson(value: object): string | undefined {
  return byObject.get(value)?.canonical;
}

/**
 * True when the two settings are equal: by identity for the same interned object, else by JSON (computed
 * once per object) — two interned objects may be equal when the table restarted between their interning.
 */
export function isSameSettings(left: SessionSettings, right: SessionSettings): boolean {
  return left === right || shareSettings(left).json === shareSettings(right).json;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
