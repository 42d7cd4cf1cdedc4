/**
 * The effects a committed batch asks for, derived from the session context before and after the batch.
 * Deriving them from the net change (rather than from every intermediate action) coalesces a burst: a timer
 * re-armed ten times in one batch costs one cancel and one arm, a request started and cancelled within a batch
 * costs nothing.
 */
import { mergedText } from '../../machines/session-logic.js';
import type { SessionContext, TimerEntry, TimerName } from '../../machines/session-types.js';
import type { LlmRequest } from '../llm/llm-types.js';

export type Effect =
  | { type: 'timer.arm'; sessionId: string; name: TimerName; gen: number; dueAt: number }
  | { type: 'timer.cancel'; sessionId: string; name: TimerName; gen: number }
  | { type: 'llm.start'; request: LlmRequest }
  | { type: 'llm.abort'; sessionId: string; requestId: string };

/** Lists the effects that take the outside world from `before` to `after`; pure. */
export function planEffects(sessionId: string, before: SessionContext | null, after: SessionContext): Effect[] {
  return [...planTimerEffects(sessionId, before?.timers ?? {}, after.timers), ...planLlmEffects(sessionId, before, after)];
}

function planTimerEffects(
  sessionId: string,
  before: Partial<Record<TimerName, TimerEntry>>,
  after: Partial<Record<TimerName, TimerEntry>>,
): Effect[] {
  const effects: Effect[] = [];
  for (const [name, entry] of Object.entries(before) as Array<[TimerName, TimerEntry]>) {
    if (after[name]?.gen !== entry.gen) effects.push({ type: 'timer.cancel', sessionId, name, gen: entry.gen });
  }
  for (const [name, entry] of Object.entries(after) as Array<[TimerName, TimerEntry]>) {
    if (before[name]?.gen !== entry.gen) {
      effects.push({ type: 'timer.arm', sessionId, name, gen: entry.gen, dueAt: entry.dueAt });
    }
  }
  return effects;
}

function planLlmEffects(sessionId: string, before: SessionContext | null, after: SessionContext): Effect[] {
  const previous = before?.turn?.requestId;
  const current = after.turn?.requestId;
  if (previous === current) return [];
  const effects: Effect[] = [];
  if (previous !== undefined) effects.push({ type: 'llm.abort', sessionId, requestId: previous });
  if (current !== undefined) effects.push({ type: 'llm.start', request: llmRequestOf(sessionId, after) });
  return effects;
}

/** Freezes the request a session context asks for; pure. */
export function llmRequestOf(sessionId: string, context: SessionContext): LlmRequest {
  const turn = context.turn;
  if (turn === null) throw new Error('llmRequestOf needs a context with a turn in flight');
  return {
    sessionId,
    requestId: turn.requestId,
    purpose: turn.purpose,
    text: turn.purpose === 'reply' ? mergedText(context.fragments) : '',
    images: context.fragments.flatMap((fragment) => fragment.images),
    consecutiveTimeouts: context.consecutiveTimeouts,
    unanswered: context.unanswered,
    requestedAt: turn.startedAt,
  };
}
