/**
 * What a completed conversation turn does: the reply segments become outbound messages (split and paced),
 * the user text the turn answered enters the history, the model's plan enters the mental log, and the
 * `set_reminder` / `schedule_wakeup` calls book their timers. Pure: a function of the context and the event.
 */
import { planDelivery } from './delivery-plan.js';
import { afterJoin } from './group-activity.js';
import { withImagesShown } from './group-images.js';
import { excerpt, replyTextsOf, requestedWaitSeconds, turnCalls, withTimerArmed, withTimerDisarmed } from './session-logic.js';
import type {
  LlmRepliedEvent,
  OutboundKind,
  SessionContext,
  SessionEmitted,
  ToolCall,
  Turn,
  TurnPurpose,
} from './session-types.js';

const outboundKindOf: Record<TurnPurpose, OutboundKind> = {
  reply: 'reply',
  followup: 'followup',
  proactive: 'proactive',
  wakeup: 'proactive',
};

export interface TurnOutcome {
  context: SessionContext;
  emitted: SessionEmitted[];
}

/** The context and records after the current turn's model answer `event`; pure. */
export function completeTurn(context: SessionContext, event: LlmRepliedEvent): TurnOutcome {
  const turn = context.turn;
  if (turn === null) return { context, emitted: [] };
  const emitted: SessionEmitted[] = [];
  let next: SessionContext = { ...context, turn: null };

  // A group's messages entered its memory when they arrived; a private chat's enter history once answered.
  const consumed = next.group === undefined ? next.fragments.slice(0, turn.fragmentCount) : [];
  for (const fragment of consumed) {
    emitted.push({ type: 'history.recorded', role: 'user', text: fragment.text, at: fragment.at, ...(fragment.images.length > 0 ? { images: fragment.images } : {}) });
  }
  const remaining = next.fragments.slice(turn.fragmentCount);
  next = { ...next, fragments: remaining, completeness: remaining.length === 0 ? 0 : next.completeness };

  const plan = planRecord(event.calls, context);
  if (plan !== null) emitted.push({ type: 'mental.recorded', kind: 'plan', text: plan, at: event.at });

  const texts = replyTextsOf(event.calls);
  const delivery = queueTexts(next, texts, outboundKindOf[turn.purpose], event.at);
  next = { ...delivery.context, closedByBot: texts.length > 0 && requestedWaitSeconds(event.calls, context.settings) === 0 };
  if (outboundKindOf[turn.purpose] === 'proactive' && delivery.emitted.length > 0) {
    const proactiveMessage = { firstSeq: context.outboundSeq + 1, lastSeq: next.outboundSeq, startedAt: turn.startedAt, counted: false };
    next = { ...next, proactiveMessage };
  }
  emitted.push(...delivery.emitted);
  next = withGroupTurnDone(next, turn, texts.length > 0, event.at);

  next = { ...next, memos: activeMemos(next, event.at) };
  for (const call of event.calls) {
    const booked = applyBooking(next, call, event.at);
    next = booked.context;
    emitted.push(...booked.emitted);
  }
  return { context: next, emitted };
}

/**
 * In a group, a response shows the images its request carried (they count as seen from now on), and a
 * voluntary reply that said something spends energy and starts the cooldown; pure.
 */
function withGroupTurnDone(context: SessionContext, turn: Turn, spoke: boolean, at: number): SessionContext {
  const group = context.group;
  if (group === undefined) return context;
  const shown = withImagesShown(group, turn.images ?? []);
  const { heartflow, proactive } = context.settings;
  const activity = turn.joined === true && spoke ? afterJoin(shown.activity, at, heartflow.energy, proactive.timezone) : shown.activity;
  return { ...context, group: { ...shown, activity } };
}

/** Queues texts as outbound messages of `kind`, paced from `at`; the first quotes `replyTo` when given; pure. */
export function queueTexts(context: SessionContext, texts: readonly string[], kind: OutboundKind, at: number, replyTo?: string): TurnOutcome {
  if (texts.length === 0) return { context, emitted: [] };
  const plan = planDelivery(texts, at, context.settings.reply, context.rng);
  const emitted: SessionEmitted[] = plan.messages.map((message, index) => ({
    type: 'outbound.queued',
    seq: context.outboundSeq + index + 1,
    text: message.text,
    kind,
    at,
    deliverAt: message.deliverAt,
    ...(index === 0 && replyTo !== undefined ? { replyTo } : {}),
  }));
  return { context: { ...context, rng: plan.rng, outboundSeq: context.outboundSeq + plan.messages.length }, emitted };
}

function planRecord(calls: readonly ToolCall[], context: SessionContext): string | null {
  const metadata = turnCalls(calls);
  const thought = metadata.filter((call) => call.thought).at(-1)?.thought;
  const expected = metadata.filter((call) => call.expectedReaction).at(-1)?.expectedReaction;
  const mood = metadata.filter((call) => call.mood).at(-1)?.mood;
  const wait = requestedWaitSeconds(calls, context.settings);
  const parts = [
    thought ? `thought: ${excerpt(thought, 120)}` : null,
    mood ? `mood: ${excerpt(mood, 40)}` : null,
    wait > 0 ? `decided to wait ${Math.round(wait)} s${expected ? `, expecting ${excerpt(expected, 80)}` : ''}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join('; ');
}

function applyBooking(context: SessionContext, call: ToolCall, at: number): TurnOutcome {
  if (call.tool === 'set_reminder') return bookReminder(context, call, at);
  if (call.tool === 'schedule_wakeup') return bookWakeup(context, call, at);
  if (call.tool === 'write_memo') return { context: writeMemo(context, call, at), emitted: [] };
  if (call.tool === 'forget_memo') return { context: { ...context, memos: context.memos.filter((memo) => memo.id !== call.id) }, emitted: [] };
  return { context, emitted: [] };
}

/** The memos still valid at `at`; pure. */
export function activeMemos(context: Pick<SessionContext, 'memos'>, at: number): SessionContext['memos'] {
  return context.memos.filter((memo) => memo.expiresAt > at);
}

function writeMemo(context: SessionContext, call: Extract<ToolCall, { tool: 'write_memo' }>, at: number): SessionContext {
  const { enabled, maxPerSession, minTtlSeconds, maxTtlSeconds } = context.settings.memos;
  if (!enabled || call.text.trim().length === 0) return context;
  const seconds = Math.min(maxTtlSeconds, Math.max(minTtlSeconds, call.ttlHours * 3600));
  const id = context.memoSeq + 1;
  const memos = [...activeMemos(context, at), { id, text: excerpt(call.text, 300), expiresAt: at + Math.round(seconds * 1000) }];
  return { ...context, memoSeq: id, memos: memos.slice(-maxPerSession) };
}

function bookReminder(context: SessionContext, call: Extract<ToolCall, { tool: 'set_reminder' }>, at: number): TurnOutcome {
  const { enabled, maxPerSession } = context.settings.reminders;
  const refuse = (text: string): TurnOutcome => queueTexts(context, [text], 'notice', at);
  if (!enabled) return { context, emitted: [] };
  if (call.dueAt === null) return refuse(`I could not work out when "${excerpt(call.when, 60)}" is, so no reminder was set.`);
  if (context.reminders.length >= maxPerSession) return refuse(`There are already ${maxPerSession} reminders; cancel one first (/reminders).`);
  const id = context.reminderSeq + 1;
  const reminders = [...context.reminders, { id, dueAt: call.dueAt, text: excerpt(call.text, 500) }];
  const next = { ...context, reminders, reminderSeq: id, ...withTimerArmed(context, `reminder:${id}`, at, call.dueAt - at) };
  return { context: next, emitted: [{ type: 'mental.recorded', kind: 'reminder_set', text: `reminder #${id}: ${excerpt(call.text, 80)}`, at }] };
}

function bookWakeup(context: SessionContext, call: Extract<ToolCall, { tool: 'schedule_wakeup' }>, at: number): TurnOutcome {
  const { enabled, minSeconds, maxSeconds } = context.settings.wakeup;
  if (!enabled) return { context, emitted: [] };
  if (!(call.delayMinutes > 0)) {
    return { context: { ...context, wakeup: null, ...withTimerDisarmed(context, 'wakeup') }, emitted: [] };
  }
  const seconds = Math.min(maxSeconds, Math.max(minSeconds, call.delayMinutes * 60));
  const minutes = seconds / 60;
  const dueAt = at + Math.round(seconds * 1000);
  const next = { ...context, wakeup: { dueAt, reason: excerpt(call.reason, 200) }, ...withTimerArmed(context, 'wakeup', at, dueAt - at) };
  return { context: next, emitted: [{ type: 'mental.recorded', kind: 'wakeup_booked', text: `wake up in ${Math.round(minutes)} min: ${excerpt(call.reason, 80)}`, at }] };
}
