/**
 * The Redis key layout. Every key of one session carries the session id as its hash tag, so each Lua
 * script touches one cluster slot (DESIGN invariant 7). Global keys carry the prefix alone.
 */
export interface SessionKeys {
  /** Hash: snapshot, version, state, and `seq`, the count of ingested events. */
  actor: string;
  /** List of `<seq> <event JSON>` waiting to be applied. */
  mailbox: string;
  /** List of applied events (the replay log since `checkpoint`). */
  log: string;
  /** Hash: the snapshot and version the current log starts from. */
  checkpoint: string;
  /** List of the bot's newest outbound messages. */
  outbox: string;
  /** List of committed effects not yet carried out. */
  effects: string;
  /** Set while a drain is owed to this session. */
  armed: string;
  /** Sorted set of recent platform message ids (deduplicates re-delivered messages). */
  messageIds: string;
  /** List of the conversation's newest messages (user and bot), which prompts are built from. */
  history: string;
  /** List of the newest mental-log records. */
  mental: string;
  /** Hash of delivery outcomes by outbound seq, and `settled`: every seq up to it is delivered or failed. */
  delivery: string;
  /** List of the newest LLM calls made for this session, newest first (what the console shows). */
  llmCalls: string;
  /** Group sessions: hash of image captions by image identity, and a sorted set of when each was written. */
  captions: string;
  captionOrder: string;
}

/** Builds the keys of one session; pure. */
export function sessionKeys(prefix: string, sessionId: string): SessionKeys {
  const base = `${prefix}:{${sessionId}}`;
  return {
    actor: `${base}:actor`,
    mailbox: `${base}:mailbox`,
    log: `${base}:log`,
    checkpoint: `${base}:checkpoint`,
    outbox: `${base}:outbox`,
    effects: `${base}:effects`,
    armed: `${base}:armed`,
    messageIds: `${base}:msgids`,
    history: `${base}:history`,
    mental: `${base}:mental`,
    delivery: `${base}:delivery`,
    llmCalls: `${base}:llm-calls`,
    captions: `${base}:captions`,
    captionOrder: `${base}:captions-at`,
  };
}

export interface GlobalKeys {
  /** Sorted set: every session id ever ingested (the sweeper's and the console's list). */
  sessions: string;
  /** Pub/sub channel of commits. */
  stream: string;
  /** The session sweeper's lock (one worker sweeps at a time). */
  sweepLock: string;
  personaSummaries: string;
  /** Sorted set: group session id → enqueues counted; the groups that may owe Memory Reboot checks. */
  rebootGroups: string;
  /** Memory Reboot's check-sweep lock (one worker sweeps at a time). */
  rebootSweepLock: string;
}

/** Keys shared by all sessions; pure. */
export function globalKeys(prefix: string): GlobalKeys {
  return {
    sessions: `${prefix}:sessions`,
    stream: `${prefix}:stream`,
    sweepLock: `${prefix}:sweep-lock`,
    personaSummaries: `${prefix}:persona-summaries`,
    rebootGroups: `${prefix}:reboot:groups`,
    rebootSweepLock: `${prefix}:reboot:sweep-lock`,
  };
}

/** The keys of one drain shard: a group of sessions drained by one BullMQ job at a time (src/runtime/shard-runner.ts). */
export interface ShardKeys {
  /** List of session ids with work waiting, oldest first (a session may be listed twice; harmless). */
  due: string;
  /** List of session ids taken by the shard's current run and not yet settled. */
  taken: string;
  /** Set while the shard's drain job is owed or running. */
  armed: string;
}

/** Builds the keys of drain shard `shard`, under one hash tag so each shard script touches one slot; pure. */
export function shardKeys(prefix: string, shard: number): ShardKeys {
  const base = `${prefix}:{drain-shard:${shard}}`;
  return { due: `${base}:due`, taken: `${base}:taken`, armed: `${base}:armed` };
}

/** The key of one uploaded image (a hash of its bytes and content type, with a TTL); pure. */
export function uploadKey(prefix: string, imageId: string): string {
  return `${prefix}:upload:${imageId}`;
}

/** The BullMQ prefix for a key prefix: braces keep each queue in one cluster slot. */
export function queuePrefix(prefix: string): string {
  return `{${prefix}:q}`;
}

/** Memory Reboot's keys for one group session: under the session's hash tag, so each script touches one slot. */
export interface RebootKeys {
  /** List of messages waiting for their old-news check (JSON), in ingest order. */
  pending: string;
  /** Set while a check job is owed to this group. */
  armed: string;
  /** Hash: `seq` (stored messages so far), `epoch` (bumped by a wipe), `reminded`. */
  meta: string;
  /** Sorted set: stored message id → store sequence (arrival order). */
  order: string;
  /** Sorted set: stored message id → posting time (ms), for retention. */
  times: string;
  /** Hash: stored message id → record JSON (sender, text, picture hashes, sketch). */
  records: string;
  /** Hash: stored message id → unit embedding as float16 bytes. */
  vectors: string;
  /** Hash: other bots' command words seen → count. */
  commands: string;
}

/** Builds Memory Reboot's keys of one group session; pure. */
export function rebootKeys(prefix: string, sessionId: string): RebootKeys {
  const base = `${prefix}:{${sessionId}}:reboot`;
  return {
    pending: `${base}:pending`,
    armed: `${base}:armed`,
    meta: `${base}:meta`,
    order: `${base}:order`,
    times: `${base}:times`,
    records: `${base}:records`,
    vectors: `${base}:vectors`,
    commands: `${base}:commands`,
  };
}

/** The vision verdict cache of one picture, by content hash (shared by every group); pure. */
export function visionCacheKey(prefix: string, sha256: string): string {
  return `${prefix}:vision:${sha256}`;
}
