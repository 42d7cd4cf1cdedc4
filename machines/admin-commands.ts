/**
 * The admin commands a session answers itself: `/status` describes the session, `/reset` starts its
 * conversation over. Both are for the senders listed in `admins`. Pure.
 */
import { resetGroup } from './group-logic.js';
import { formatLocalDateTime } from './local-time.js';
import { withTimerDisarmed } from './session-logic.js';
import type { SessionContext, TimerName } from './session-types.js';

/** True when `senderId` may run admin commands in this session; pure. */
export function isAdminSender(context: SessionContext, senderId: string): boolean {
  return context.settings.admins.includes(senderId);
}

/** The `/status` notice: state, counters, armed timers in local time, reminders, booked wake-up; pure. */
export function describeStatus(context: SessionContext, state: string): string {
  const zone = context.settings.proactive.timezone;
  const timers = Object.entries(context.timers)
    .flatMap(([name, entry]) => (entry === undefined ? [] : [`${name} ${formatLocalDateTime(entry.dueAt, zone)}`]))
    .sort();
  const lines = [
    `state: ${state}${context.turn === null ? '' : ` (waiting for the model: ${context.turn.purpose})`}`,
    `held fragments: ${context.fragments.length}`,
    `unanswered proactive messages: ${context.unanswered}/${context.settings.proactive.maxUnanswered || '∞'}`,
    `consecutive timeouts: ${context.consecutiveTimeouts}/${context.settings.wait.maxConsecutiveTimeouts}`,
    `timers: ${timers.length === 0 ? 'none' : timers.join(', ')}`,
    `reminders: ${context.reminders.length}`,
    `wake-up: ${context.wakeup === null ? 'none' : `${formatLocalDateTime(context.wakeup.dueAt, zone)} (${context.wakeup.reason})`}`,
    `memos: ${context.memos.length}`,
  ];
  if (context.lastError !== null) lines.push(`last error: ${context.lastError.code}: ${context.lastError.message}`);
  return `Session status\n${lines.join('\n')}`;
}

/**
 * `/reset`: the conversation starts over. Held fragments, the turn in flight (its request is aborted),
 * the wait, the counters, the model's memos and booked wake-up are dropped, and prompts read history and the
 * mental log only from now on (`historySince`); in a group also the judge state and group memory. Reminders
 * stay: the user asked for them. Pure.
 */
export function resetConversation(context: SessionContext, at: number): SessionContext {
  const dropped: TimerName[] = ['debounce', 'settle', 'wait', 'thinking', 'wakeup', 'purge'];
  let next = dropped.reduce<SessionContext>((current, name) => ({ ...current, ...withTimerDisarmed(current, name) }), context);
  next = {
    ...next,
    fragments: [],
    completeness: 0,
    turn: null,
    side: next.side.filter((request) => request.purpose === 'reminder'),
    wait: null,
    consecutiveTimeouts: 0,
    unanswered: 0,
    closedByBot: false,
    wakeup: null,
    memos: [],
    proactiveMessage: null,
    lastError: null,
    historySince: at,
  };
  return resetGroup(next, at);
}
