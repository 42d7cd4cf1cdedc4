/**
 * The effects a committed batch asks for, derived from the session context before and after the batch and
 * from the messages it queued. Deriving timers and requests from the net change (rather than from every
 * intermediate action) coalesces a burst: a timer re-armed ten times in one batch costs one cancel and one
 * arm, a request started and cancelled within a batch costs nothing, and a timer that fired is not cancelled.
 */
import { activityLevel, energyAt, replyRate, requiredScore } from '../../machines/group-activity.js';
import type { GroupImage } from '../../machines/group-types.js';
import { mergedText } from '../../machines/session-logic.js';
import { activeMemos } from '../../machines/turn-outcome.js';
import type { Fragment, OutboundMessage, Sender, SessionContext, SideRequest, TimerEntry, TimerName } from '../../machines/session-types.js';
import { speakerName } from '../llm/group-memory.js';
import type { CaptionRequest, JudgeRequest, LlmRequest, TextRequest, TurnRequest, WaitSummary } from '../llm/llm-types.js';

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
    ...planCaptionEffects(sessionId, before, after),
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

/**
 * Captions for the group images that became known in this batch (shown to the model, or given up on), when
 * `groups.captionImages` is on. Their URLs come from where they were before: the request that carried them
 * or the pending queue.
 */
function planCaptionEffects(sessionId: string, before: SessionContext | null, after: SessionContext): Effect[] {
  const previous = before?.group;
  if (previous === undefined || after.group === undefined || !after.settings.groups.captionImages) return [];
  const known = new Set(previous.knownImages);
  const fresh = after.group.knownImages.filter((hash) => !known.has(hash));
  if (fresh.length === 0) return [];
  const sources = new Map<string, GroupImage>();
  for (const image of [...previous.recentImages, ...previous.pendingImages, ...(before?.turn?.images ?? [])]) sources.set(image.hash, image);
  return fresh.flatMap((hash): Effect[] => {
    const image = sources.get(hash);
    if (image === undefined) return [];
    const request: CaptionRequest = { sessionId, requestId: `c${hash}`, purpose: 'caption', requestedAt: 0, image: { hash, url: image.url } };
    return [{ type: 'llm.start', request }];
  });
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
  if (context.historySince !== undefined) request.historySince = context.historySince;
  if (context.group !== undefined) {
    // Members who addressed the bot in one turn each keep their own words; one member is the request's `from`.
    const runs = senderRuns(carried);
    if (runs.length > 1) request.text = runs.map((run) => `${speakerName(run.from)}: ${mergedText(run.fragments)}`).join('\n');
    request.images = turn.images ?? [];
    request.group = { from: runs.length === 1 ? runs[0]!.from : null, joined: turn.joined === true, memorySince: context.group.memorySince };
    if (turn.periodSeconds !== undefined) request.group.periodSeconds = turn.periodSeconds;
  }
  return request;
}

/** The fragments as consecutive runs of one sender each, in order; pure. */
function senderRuns(fragments: readonly Fragment[]): Array<{ from: Sender; fragments: Fragment[] }> {
  const runs: Array<{ from: Sender; fragments: Fragment[] }> = [];
  for (const fragment of fragments) {
    const last = runs.at(-1);
    if (last !== undefined && last.from.id === fragment.senderId) last.fragments.push(fragment);
    else runs.push({ from: fragment.senderName === undefined ? { id: fragment.senderId } : { id: fragment.senderId, name: fragment.senderName }, fragments: [fragment] });
  }
  return runs;
}

/** Freezes a side request (an inner thought, a reminder's wording, a judgement); pure. */
export function sideRequestOf(sessionId: string, context: SessionContext, side: SideRequest): TextRequest | JudgeRequest {
  if (side.purpose === 'judge') return judgeRequestOf(sessionId, context, side);
  const base = {
    sessionId,
    requestId: side.requestId,
    wait: waitSummaryOf(context),
    requestedAt: 0,
    ...(context.historySince === undefined ? {} : { historySince: context.historySince }),
  };
  if (side.purpose === 'thinking') return { ...base, purpose: 'thinking', progress: side.progress, requestedAt: side.waitStartedAt };
  return { ...base, purpose: 'reminder', reminderText: side.text };
}

/** Freezes a judgement with what the judge is shown of the group (energy and the score needed at its start); pure. */
export function judgeRequestOf(sessionId: string, context: SessionContext, side: Extract<SideRequest, { purpose: 'judge' }>): JudgeRequest {
  const { heartflow, proactive } = context.settings;
  const activity = context.group?.activity;
  const energy = activity === undefined ? 1 : energyAt(activity, side.startedAt, heartflow.energy, proactive.timezone);
  return {
    sessionId,
    requestId: side.requestId,
    purpose: 'judge',
    requestedAt: side.startedAt,
    message: side.message,
    group: {
      energy,
      required: requiredScore(heartflow.threshold, energy, heartflow.energy),
      threshold: heartflow.threshold,
      messages: activity?.messages ?? 0,
      judged: activity?.judged ?? 0,
      joined: activity?.joined ?? 0,
      replyRate: activity === undefined ? 0 : replyRate(activity),
      activityLevel: activity === undefined ? 'low' : activityLevel(activity),
      sinceBot: activity?.sinceBot ?? 0,
      lastJoinAt: activity?.lastJoinAt ?? null,
      lastBotAt: context.lastBotAt,
    },
    memorySince: context.group?.memorySince ?? null,
  };
}

/** Every request a context is waiting for (the conversation's and the side ones); pure. */
export function pendingRequestsOf(sessionId: string, context: SessionContext): LlmRequest[] {
  const requests: LlmRequest[] = context.side.map((side) => sideRequestOf(sessionId, context, side));
  if (context.turn !== null) requests.unshift(llmRequestOf(sessionId, context));
  return requests;
}
