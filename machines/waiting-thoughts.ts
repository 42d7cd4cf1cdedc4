/**
 * Inner thoughts while waiting (seed 002's continuous thinking, made exact): one thought at each progress
 * threshold of the wait (0.3, 0.6, 0.85 of W by default), in order, at least `minIntervalSeconds` apart, never
 * after the wait has ended. Each is a durable timer rather than a 30-second poll. Pure.
 */
import type { SessionContext } from './session-types.js';

/** The progress threshold the next thought belongs to; pure. */
export function thoughtProgress(context: SessionContext): number {
  const thresholds = context.settings.thinking.progressThresholds;
  return thresholds[context.wait?.thoughts ?? 0] ?? 1;
}

/** When the next inner thought is due, or null when there is none left in this wait; pure. */
export function nextThinkingDue(context: SessionContext): number | null {
  const { enabled, progressThresholds, minIntervalSeconds } = context.settings.thinking;
  const wait = context.wait;
  if (!enabled || wait === null || wait.seconds <= 0) return null;
  const threshold = progressThresholds[wait.thoughts];
  if (threshold === undefined) return null;
  const end = wait.startedAt + wait.seconds * 1000;
  const atThreshold = wait.startedAt + threshold * wait.seconds * 1000;
  const dueAt = Math.max(atThreshold, (wait.lastThoughtAt ?? -Infinity) + minIntervalSeconds * 1000);
  return dueAt < end ? Math.round(dueAt) : null;
}
