/**
 * A group's periodic proactive message (seed 000 issue #44): with `groups.proactive.periodicSeconds` on, the
 * `periodic` timer fires once per period whatever the group does — member messages and the bot's own never
 * move it, unlike the silence countdown. A firing inside quiet hours is deferred to the end of the window; a
 * firing while the bot is busy, or long after its time (downtime), skips that period. The next period is
 * counted from the scheduled time, not from when the message went out, so the schedule does not drift. The
 * unanswered cap does not apply: a daily greeting goes out even into a group that stopped answering. Pure.
 */
import { withSilenceRestarted } from './group-logic.js';
import { quietHoursDeferral } from './proactive-policy.js';
import { withTimerArmed, withTimerDisarmed, withTurnStarted } from './session-logic.js';
import type { SessionContext, SessionEmitted } from './session-types.js';

export type PeriodicDecision =
  | { action: 'send' }
  | { action: 'defer'; dueAt: number; rng: number; reason: string }
  | { action: 'skip'; reason: string };

/** The period configured for this session in milliseconds; 0 when off or not a group; pure. */
export function periodOf(context: SessionContext): number {
  if (context.group === undefined) return 0;
  return Math.max(0, (context.settings.proactive.periodicSeconds ?? 0) * 1000);
}

/**
 * Arms the periodic timer one period after `at` when the setting is on and nothing (or another period) is
 * armed; keeps an armed schedule of the same period untouched; disarms it when the setting is off. Called on
 * settings changes, `session.opened` and group messages; `at` 0 (no time known yet) plans nothing; pure.
 */
export function withPeriodicPlanned(context: SessionContext, at: number): Partial<SessionContext> {
  const group = context.group;
  if (group === undefined || at === 0) return {};
  const period = periodOf(context);
  if (period === 0) {
    if (group.periodic === undefined && context.timers.periodic === undefined) return {};
    const { periodic: _dropped, ...rest } = group;
    return { group: rest, ...withTimerDisarmed(context, 'periodic') };
  }
  if (group.periodic?.seconds === period / 1000 && context.timers.periodic !== undefined) return {};
  return withSlotArmed(context, at + period, at + period);
}

/** What a current `periodic` timer firing at `at` (due at `dueAt`) does when the bot is free; pure. */
export function decidePeriodic(context: SessionContext, at: number, dueAt: number): PeriodicDecision {
  if (context.group?.periodic === undefined || periodOf(context) === 0) return { action: 'skip', reason: 'periodic messages are off' };
  if (at - dueAt > context.settings.proactive.catchUpGraceSeconds * 1000) return { action: 'skip', reason: 'fired too late after downtime' };
  const quiet = quietHoursDeferral(context, at);
  if (quiet !== null) return { action: 'defer', ...quiet, reason: 'quiet hours' };
  return { action: 'send' };
}

/**
 * The periodic message goes out: a proactive turn marked periodic, a mental-log line, the next period armed
 * from the scheduled time, and the silence countdown restarted (the bot is speaking; were the turn to fail,
 * the countdown still stands); pure.
 */
export function startPeriodicTurn(context: SessionContext, at: number): { context: SessionContext; emitted: SessionEmitted[] } {
  const seconds = periodOf(context) / 1000;
  const started = withTurnStarted(context, 'proactive', at);
  const turned: SessionContext = { ...context, ...started, turn: { ...started.turn!, periodSeconds: seconds } };
  const silence = withSilenceRestarted(turned, at);
  const next = { ...turned, ...silence, ...withNextPeriod({ ...turned, ...silence }, at) };
  return { context: next, emitted: [{ type: 'mental.recorded', kind: 'proactive', text: `periodic message (every ${seconds} s)`, at }] };
}

/**
 * A current `periodic` timer that does not start a turn: deferred out of quiet hours (same scheduled time), or
 * this period skipped — the bot is busy, it fired too late, or it was turned off — and the next one armed; pure.
 */
export function passPeriodic(context: SessionContext, at: number, dueAt: number): Partial<SessionContext> {
  if (context.group?.periodic === undefined || periodOf(context) === 0) return withPeriodicPlanned(context, at);
  const decision = decidePeriodic(context, at, dueAt);
  if (decision.action === 'defer') {
    return { rng: decision.rng, ...withSlotArmed(context, context.group.periodic.slotAt, decision.dueAt) };
  }
  return withNextPeriod(context, at);
}

/** Arms the first scheduled time after `at` (no drift: a whole number of periods after the last one); pure. */
function withNextPeriod(context: SessionContext, at: number): Partial<SessionContext> {
  const slotAt = context.group?.periodic?.slotAt ?? at;
  const period = periodOf(context);
  if (period === 0) return withPeriodicPlanned(context, at);
  const next = slotAt + period * Math.max(1, Math.floor((at - slotAt) / period) + 1);
  return withSlotArmed(context, next, next);
}

/** The schedule at `slotAt` with its timer (a fresh job) firing at `dueAt`; pure. */
function withSlotArmed(context: SessionContext, slotAt: number, dueAt: number): Pick<SessionContext, 'group' | 'timers' | 'timerGen'> {
  const group = { ...context.group!, periodic: { seconds: periodOf(context) / 1000, slotAt } };
  const disarmed = { ...context, ...withTimerDisarmed(context, 'periodic') };
  return { group, ...withTimerArmed(disarmed, 'periodic', 0, dueAt) };
}
