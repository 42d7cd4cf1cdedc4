/**
 * The effects a committed batch asks for, derived from the session context before and after the batch and
 * from the messages it queued. Deriving timers and requests from the net change (rather than from every
 * intermediate action) coalesces a burst: a timer re-armed ten times in one batch costs one cancel and one
 * arm, a request started and cancelled within a batch costs nothing, and a timer that fired is not cancelled.
 */
import { mergedText } from '../../machines/session-logic.js';
import { activeMemos } from '../../machines/turn-outcome.js';
import type { OutboundMessage, SessionContext, SideRequest, TimerEntry, TimerName } from '../../machines/session-types.js';
import type { LlmRequest, TextRequest, TurnRequest, WaitSummary } from '../llm/llm-types.js';

/** An outbound message as stored in the outbox and handed to delivery. */
export type OutboxMessage = Omit<OutboundMessage, 'type'>;

export type Effect =
  | { type: 'timer.arm'; sessionId: string; name: TimerName; gen: number; dueAt: number }
  | { type: 'timer.cancel'; sessionId: string; name: TimerName; gen: number }
  | { type: 'llm.start'; request: LlmRequest }
  | { type: 'llm.abort'; sessionId: string; requestId: string }
  | { type: 'outbound.deliver'; sessionId: string; message: OutboxMessage };

/** A timer whose firing the batch applied: its job has run, so there is nothing left to cancel. */
export interface FiredTimer {
  name: TimerName;
  gen: number;
}

/** Lists the effects that take the outside world from `before` to `after`; pure. */
export function planEffects(
  sessionId: string,
  before: SessionContext | null,
  after: SessionContext,
  outbound: readonly OutboxMessage[] = [],
  fired: readonly FiredTimer[] = [],
): Effect[] {
  return [
    ...planTimerEffects(sessionId, before?.timers ?? {}, after.timers, fired),
    ...planTurnEffects(sessionId, before, after),
    ...planSideEffects(sessionId, before?.side ?? [], after),
    ...outbound.map((message): Effect => ({ type: 'outbound.deliver', sessionId, message })),
  ];
}

function planTimerEffects(
  sessionId: string,
  before: Partial<Record<TimerName, TimerEntry>>,
  after: Partial<Record<TimerName, TimerEntry>>,
  fired: readonly FiredTimer[],
): Effect[] {
  const effects: Effect[] = [];
  for (const [name, entry] of Object.entries(before) as Array<[TimerName, TimerEntry]>) {
    if (after[name]?.gen === entry.gen) continue;
    // A fired timer's job stays as the timer worker keeps it: removing it would cost a BullMQ call per
    // firing and free its id for an arming that already happened.
    if (fired.some((timer) => timer.name === name && timer.gen === entry.gen)) continue;
    effects.push({ type: 'timer.cancel', sessionId, name, gen: entry.gen });
  }
  for (const [name, entry] of Object.entries(after) as Array<[TimerName, TimerEntry]>) {
    if (before[name]?.gen !== entry.gen) effects.push({ type: 'timer.arm', sessionId, name, gen: entry.gen, dueAt: entry.firesAt });
  }
  return effects;
}

function planTurnEffects(sessionId: string, before: SessionContext | null, after: SessionContext): Effect[] {
  const previous = before?.turn?.requestId;
  const current = after.turn?.requestId;
  if (previous === current) return [];
  const effects: Effect[] = [];
  if (previous !== undefined) effects.push({ type: 'llm.abort', sessionId, requestId: previous });
  if (current !== undefined) effects.push({ type: 'llm.start', request: llmRequestOf(sessionId, after) });
  return effects;
}

function planSideEffects(sessionId: string, before: readonly SideRequest[], after: SessionContext): Effect[] {
  const known = new Set(before.map((request) => request.requestId));
  return after.side
    .filter((request) => !known.has(request.requestId))
    .map((request): Effect => ({ type: 'llm.start', request: sideRequestOf(sessionId, after, request) }));
}

function waitSummaryOf(context: SessionContext): WaitSummary | null {
  const wait = context.wait;
  if (wait === null) return null;
  const summary: WaitSummary = { startedAt: wait.startedAt, seconds: wait.seconds };
  if (wait.expectedReaction !== undefined) summary.expectedReaction = wait.expectedReaction;
  if (wait.lastBotText !== undefined) summary.lastBotText = wait.lastBotText;
  return summary;
}

/** Freezes the conversation request a session context asks for; pure. */
export function llmRequestOf(sessionId: string, context: SessionContext): TurnRequest {
  const turn = context.turn;
  if (turn === null) throw new Error('llmRequestOf needs a context with a turn in flight');
  const carried = context.fragments.slice(0, turn.fragmentCount);
  const request: TurnRequest = {
    sessionId,
    requestId: turn.requestId,
    purpose: turn.purpose,
    requestedAt: turn.startedAt,
    text: mergedText(carried),
    images: carried.flatMap((fragment) => fragment.images),
    consecutiveTimeouts: context.consecutiveTimeouts,
    unanswered: context.unanswered,
    wait: turn.purpose === 'followup' ? waitSummaryOf(context) : null,
    memos: activeMemos(context, turn.startedAt).map(({ id, text }) => ({ id, text })),
  };
  if (turn.reason !== undefined) request.wakeupReason = turn.reason;
  return request;
}

/** Freezes a side request (an inner thought or a reminder's wording); pure. */
export function sideRequestOf(sessionId: string, context: SessionContext, side: SideRequest): TextRequest {
  const base = { sessionId, requestId: side.requestId, wait: waitSummaryOf(context), requestedAt: 0 };
  if (side.purpose === 'thinking') return { ...base, purpose: 'thinking', progress: side.progress, requestedAt: side.waitStartedAt };
  return { ...base, purpose: 'reminder', reminderText: side.text };
}

/** Every request a context is waiting for (the conversation's and the side ones); pure. */
export function pendingRequestsOf(sessionId: string, context: SessionContext): LlmRequest[] {
  const requests: LlmRequest[] = context.side.map((side) => sideRequestOf(sessionId, context, side));
  if (context.turn !== null) requests.unshift(llmRequestOf(sessionId, context));
  return requests;
}
