/**
 * Replay: re-applies a session's event log to a fresh actor (started from the log's checkpoint) and checks
 * that it reproduces the stored snapshot. The first divergence is reported with the entry it happened at —
 * a state that differs, a snapshot digest that differs at the end of a batch, or the final snapshot.
 */
import { createActor, type Snapshot } from 'xstate';
import { sessionMachine } from '../../machines/session-machine.js';
import { canonicalJson, type LogEntry, matchesDigest } from './log-entry.js';

export interface ReplayInput {
  sessionId: string;
  checkpoint: { snapshot: unknown; version: number } | null;
  entries: readonly LogEntry[];
  /** The stored snapshot the log should lead to. */
  expected: unknown;
}

export interface Divergence {
  /** Index of the log entry after which the replay differs (-1: only the final snapshot differs). */
  index: number;
  seq: number | null;
  reason: string;
  path?: string;
  expected?: unknown;
  actual?: unknown;
}

export type ReplayResult = { ok: true; applied: number } | { ok: false; applied: number; divergence: Divergence };

/** Replays the log and compares; pure apart from running the machine. */
export function replaySession(input: ReplayInput): ReplayResult {
  const actor = createActor(sessionMachine, {
    input: { sessionId: input.sessionId },
    ...(input.checkpoint === null ? {} : { snapshot: input.checkpoint.snapshot as Snapshot<unknown> }),
  });
  actor.start();
  let applied = 0;
  for (const [index, entry] of input.entries.entries()) {
    if (entry.rejected !== undefined || entry.event === undefined) continue;
    actor.send(entry.event);
    applied += 1;
    const state = actor.getSnapshot().value;
    if (canonicalJson(state) !== canonicalJson(entry.state)) {
      return diverged(applied, { index, seq: entry.seq, reason: 'state differs', expected: entry.state, actual: state });
    }
    if (entry.hash !== undefined && !matchesDigest(actor.getPersistedSnapshot(), entry.hash)) {
      return diverged(applied, { index, seq: entry.seq, reason: 'snapshot differs at the end of a committed batch' });
    }
  }
  const difference = firstDifference(input.expected, actor.getPersistedSnapshot(), '');
  if (difference !== null) {
    return diverged(applied, { index: -1, seq: null, reason: 'final snapshot differs', ...difference });
  }
  return { ok: true, applied };
}

function diverged(applied: number, divergence: Divergence): ReplayResult {
  return { ok: false, applied, divergence };
}

/** The first path at which two JSON values differ, or null when they are equal; pure. */
export function firstDifference(
  expected: unknown,
  actual: unknown,
  path: string,
): { path: string; expected: unknown; actual: unknown } | null {
  if (canonicalJson(expected) === canonicalJson(actual)) return null;
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const difference = firstDifference(expected[key], actual[key], path === '' ? key : `${path}.${key}`);
      if (difference !== null) return difference;
    }
  }
  return { path: path === '' ? '(root)' : path, expected, actual };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
