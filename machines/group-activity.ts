/**
 * A group's activity bookkeeping: the bot's energy for joining conversations on its own, and the counters the
 * judge and `/heartflow` show. Seed 001's rules (start at 1.0, −0.1 per voluntary reply down to 0.1, +0.02 per
 * declined judgement, +0.2 on a new day), with two fixes for its inert energy: recovery over time has a
 * half-life (the seed refilled +0.1 per minute, so energy was back to full within minutes), and energy counts
 * in the decision — a tired bot needs a higher score to join. Plain pure functions over the context's
 * `GroupActivity`, updated by the machine's actions at event times; pure.
 */
import type { GroupActivity } from './group-types.js';
import { formatLocalDateTime } from './local-time.js';
import type { HeartflowSettings } from './session-types.js';

type Energy = HeartflowSettings['energy'];

/** The activity of a group the bot has just met; pure. */
export function initialActivity(): GroupActivity {
  return { energy: 1, energyAt: null, day: null, messages: 0, sinceBot: 0, judged: 0, joined: 0, lastJoinAt: null };
}

/** The energy at `at`: recovered towards 1 with the configured half-life, plus the daily recovery on a new local date; pure. */
export function energyAt(activity: GroupActivity, at: number, energy: Energy, timeZone: string): number {
  let value = activity.energy;
  if (activity.energyAt !== null && at > activity.energyAt && energy.recoveryHalfLifeSeconds > 0) {
    const halfLives = (at - activity.energyAt) / (energy.recoveryHalfLifeSeconds * 1000);
    value = 1 - (1 - value) * 2 ** -halfLives;
  }
  if (activity.day !== null && localDay(at, timeZone) !== activity.day) value += energy.dailyRecovery;
  return clampEnergy(value, energy);
}

/** The activity brought up to date at `at` (energy recovered, day noted); pure. */
export function activityAt(activity: GroupActivity, at: number, energy: Energy, timeZone: string): GroupActivity {
  return { ...activity, energy: energyAt(activity, at, energy, timeZone), energyAt: at, day: localDay(at, timeZone) };
}

/** After a member message: one more message, one more since the bot spoke; pure. */
export function afterMemberMessage(activity: GroupActivity, at: number, energy: Energy, timeZone: string): GroupActivity {
  const current = activityAt(activity, at, energy, timeZone);
  return { ...current, messages: current.messages + 1, sinceBot: current.sinceBot + 1 };
}

/** After a verdict: one more judgement; a declined one lets energy recover a little (seed: +0.02); pure. */
export function afterJudgement(activity: GroupActivity, at: number, declined: boolean, energy: Energy, timeZone: string): GroupActivity {
  const current = activityAt(activity, at, energy, timeZone);
  const recovered = declined ? clampEnergy(current.energy + energy.declineRecovery, energy) : current.energy;
  return { ...current, judged: current.judged + 1, energy: recovered };
}

/** After the bot joined on its own and said something: energy is spent, the cooldown starts; pure. */
export function afterJoin(activity: GroupActivity, at: number, energy: Energy, timeZone: string): GroupActivity {
  const current = activityAt(activity, at, energy, timeZone);
  return { ...current, joined: current.joined + 1, lastJoinAt: at, energy: clampEnergy(current.energy - energy.replyCost, energy) };
}

/** After the bot spoke in the group (any message): nobody has reacted to it yet; pure. */
export function afterBotMessage(activity: GroupActivity): GroupActivity {
  return { ...activity, sinceBot: 0 };
}

/** The score a message needs for the bot to join at energy `energy`; pure. */
export function requiredScore(threshold: number, energyValue: number, energy: Energy): number {
  return Math.min(1, threshold + energy.thresholdRaise * (1 - energyValue));
}

/** The share of judged messages that led to a voluntary reply; pure. */
export function replyRate(activity: GroupActivity): number {
  return activity.judged === 0 ? 0 : activity.joined / activity.judged;
}

/** How busy the group has been, from the messages seen (seed 001: > 100 high, > 20 medium); pure. */
export function activityLevel(activity: GroupActivity): 'high' | 'medium' | 'low' {
  if (activity.messages > 100) return 'high';
  return activity.messages > 20 ? 'medium' : 'low';
}

function clampEnergy(value: number, energy: Energy): number {
  return Math.min(1, Math.max(energy.floor, Math.round(value * 10_000) / 10_000));
}

function localDay(at: number, timeZone: string): string {
  return formatLocalDateTime(at, timeZone).slice(0, 10);
}
