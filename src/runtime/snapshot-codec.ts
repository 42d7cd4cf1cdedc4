/**
 * How a session snapshot is stored. The machine keeps its settings in context (so it stays pure and replay
 * reproduces every decision), but thousands of sessions share a handful of distinct settings, so the stored
 * form replaces them by a reference into one shared table (`<prefix>:settings`, digest → JSON), leaves out
 * context fields that still hold their initial value (an idle session's many empty lists and nulls), a
 * timer's `firesAt` when it is its `dueAt` (the usual case), and the parts of an XState snapshot that are
 * always the same for this machine (status, history, children).
 */
import type { Redis } from 'ioredis';
import { initialSessionContext } from '../../machines/session-machine.js';
import type { SessionContext, SessionSettings } from '../../machines/session-types.js';
import { settingsDigest, shareSettings, shareSettingsJson } from './shared-settings.js';

export { settingsDigest };

/** A context field's initial value: its JSON (compared when encoding) and, for a scalar, the value itself. */
interface InitialValue {
  json: string;
  scalar: boolean;
  value: unknown;
}

const initialContext = initialSessionContext('x:private:x');

/** The context's keys in the order a new session's context has them. */
const contextKeys = Object.keys(initialContext);

/** Initial values of the context fields that are left out of storage while unchanged. */
const elidable = new Map<string, InitialValue>(
  Object.entries(initialContext)
    // chatType's initial value depends on the session, but 'private' is restored only where it was left out.
    .filter(([key]) => key !== 'settings' && key !== 'rng')
    .map(([key, value]) => [key, { json: JSON.stringify(value), scalar: value === null || typeof value !== 'object', value }]),
);

function elideDefaults(context: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in context) {
    const value = context[key];
    if (!isInitial(elidable.get(key), value)) kept[key] = value;
  }
  return kept;
}

/** Whether `value` serialises as `initial` does (cheap checks first: most fields are scalars or empty). */
function isInitial(initial: InitialValue | undefined, value: unknown): boolean {
  if (initial === undefined) return false;
  // Two scalars serialise alike exactly when they are equal; an object never serialises like a scalar.
  if (initial.scalar) return value === initial.value;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0) return initial.json === JSON.stringify(value);
  return initial.json === (Array.isArray(value) ? '[]' : '{}');
}

/**
 * The full context of a stored one: left-out fields back at their initial values, and every field in a new
 * session's key order, whatever was left out. Rehydrated sessions then ran measurably faster (docs/benchmarks.md),
 * most likely because every rehydrated context now has one V8 hidden class instead of one per combination
 * of left-out fields.
 */
function restoreDefaults(context: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = {};
  for (const key of contextKeys) {
    if (key in context) full[key] = context[key];
    else {
      const initial = elidable.get(key);
      if (initial !== undefined) full[key] = initial.scalar ? initial.value : JSON.parse(initial.json);
    }
  }
  // Fields a new private session does not start with (a group's state) follow.
  for (const key in context) if (!(key in full)) full[key] = context[key];
  if (context.timers !== undefined) full.timers = mapTimers(context.timers, ({ gen, dueAt, firesAt }) => ({ gen, dueAt, firesAt: firesAt ?? dueAt }));
  return full;
}

type StoredTimer = { gen: number; dueAt: number; firesAt?: number };

function mapTimers(timers: unknown, map: (entry: StoredTimer) => StoredTimer): Record<string, StoredTimer> {
  const mapped: Record<string, StoredTimer> = {};
  for (const [name, entry] of Object.entries(timers as Record<string, StoredTimer>)) mapped[name] = map(entry);
  return mapped;
}

function compactTimer(entry: StoredTimer): StoredTimer {
  return entry.firesAt === entry.dueAt ? { gen: entry.gen, dueAt: entry.dueAt } : entry;
}

/** Written before settings references were bare digests; still read. */
const legacySettingsPrefix = 'settings:';

interface PersistedSession {
  status?: string;
  value: unknown;
  context: SessionContext;
  historyValue?: Record<string, unknown>;
  children?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface EncodedSnapshot {
  json: string;
  settings: { digest: string; json: string };
}

/** Encodes a persisted snapshot for storage; pure. */
export function encodeSnapshot(persisted: unknown): EncodedSnapshot {
  const { status, historyValue, children, context, ...rest } = persisted as PersistedSession;
  const { json: settingsJson, digest } = shareSettings(context.settings);
  const kept = elideDefaults(context as unknown as Record<string, unknown>);
  if (kept.timers !== undefined) kept.timers = mapTimers(kept.timers, compactTimer);
  const stored: Record<string, unknown> = { ...rest, context: { ...kept, settings: digest } };
  if (status !== 'active') stored.status = status;
  if (historyValue !== undefined && Object.keys(historyValue).length > 0) stored.historyValue = historyValue;
  if (children !== undefined && Object.keys(children).length > 0) stored.children = children;
  return { json: JSON.stringify(stored), settings: { digest, json: settingsJson } };
}

function referencedDigest(parsed: PersistedSession): string | null {
  const reference = parsed.context.settings as unknown;
  if (typeof reference !== 'string') return null;
  return reference.startsWith(legacySettingsPrefix) ? reference.slice(legacySettingsPrefix.length) : reference;
}

/**
 * Decodes a stored snapshot into XState's persisted form; `settings` resolves the reference (when it cannot,
 * the context keeps the reference string — enough for readers that only look at timers or turns); pure.
 */
export function decodeSnapshot(stored: string, settings: (digest: string) => SessionSettings | undefined): unknown {
  return decodeParsed(JSON.parse(stored) as PersistedSession, settings);
}

function decodeParsed(parsed: PersistedSession, settings: (digest: string) => SessionSettings | undefined): unknown {
  const digest = referencedDigest(parsed);
  const resolved = digest === null ? undefined : settings(digest);
  const context = restoreDefaults(parsed.context as unknown as Record<string, unknown>);
  return {
    status: 'active',
    historyValue: {},
    children: {},
    ...parsed,
    context: resolved === undefined ? context : { ...context, settings: resolved },
  };
}

/**
 * The shared settings table, cached in process memory (settings rarely change, so it is read once); decoded
 * snapshots carry the interned settings object, so equal settings compare by identity.
 */
export class SettingsTable {
  readonly #redis: Redis;
  readonly #key: string;
  readonly #known = new Map<string, SessionSettings>();

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#key = `${prefix}:settings`;
  }

  /** Stores the settings of an encoded snapshot (once per digest per process). Performs I/O. */
  async remember(encoded: EncodedSnapshot): Promise<void> {
    await this.#store(encoded.settings.digest, encoded.settings.json);
  }

  /** Stores settings a log entry refers to (once per digest per process). Performs I/O. */
  async rememberSettings(settings: SessionSettings): Promise<void> {
    const shared = shareSettings(settings);
    await this.#store(shared.digest, shared.json);
  }

  async #store(digest: string, json: string): Promise<void> {
    if (this.#known.has(digest)) return;
    await this.#redis.hsetnx(this.#key, digest, json);
    this.#known.set(digest, shareSettingsJson(json).settings);
  }

  /** The settings stored under `digest`, loaded when this process has not seen them. Performs I/O. */
  async resolve(digest: string): Promise<SessionSettings | undefined> {
    if (!this.#known.has(digest)) {
      const json = await this.#redis.hget(this.#key, digest);
      if (json !== null) this.#known.set(digest, shareSettingsJson(json).settings);
    }
    return this.#known.get(digest);
  }

  /** Decodes a stored snapshot, loading its settings when this process has not seen them. Performs I/O. */
  async decode(stored: string): Promise<unknown> {
    const parsed = JSON.parse(stored) as PersistedSession;
    const digest = referencedDigest(parsed);
    if (digest !== null) await this.resolve(digest);
    return decodeParsed(parsed, (key) => this.#known.get(key));
  }
}
