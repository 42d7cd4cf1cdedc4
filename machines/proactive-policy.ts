/**
 * When the bot speaks first. Two policies: `random-delay` (seed 000: a uniform random delay after the last
 * exchange) and `silence-probability` (seed 002: after `silenceSeconds` of silence, a chance per check).
 * Gates on every firing: the feature switch, the unanswered cap, the bot-spoke-last rule, the catch-up grace
 * after downtime, quiet hours (deferred to the end of the window, never dropped), and the decay
 * probabilities. Pure; random draws use the seeded generator.
 */
import { nextInteger, nextRandom } from './random.js';
import { isQuietAt, quietWindowEnd } from './quiet-hours.js';
import type { SessionContext } from './session-types.js';

export type ProactiveDecision =
  | { action: 'send'; rng: number }
  | { action: 'defer'; dueAt: number; rng: number; reason: string }
  | { action: 'pause'; reason: string };

/** True when proactive messages are capped or otherwise paused until the user speaks; pure. */
export function isProactivePaused(context: SessionContext): string | null {
  const proactive = context.settings.proactive;
  if (!proactive.enabled) return 'disabled';
  if (proactive.maxUnanswered > 0 && context.unanswered >= proactive.maxUnanswered) return 'unanswered cap reached';
  if (proactive.skipWhenBotSpokeLast && context.lastSpeaker === 'bot' && context.unanswered === 0) return 'the bot spoke last';
  if (proactive.skipAfterGoodbye && context.closedByBot) return 'the conversation ended with a goodbye';
  return null;
}

/** When the next proactive check is due, counted from `at` (entering idle); pure. */
export function nextProactiveDue(context: SessionContext, at: number): { dueAt: number; rng: number } {
  const proactive = context.settings.proactive;
  if (proactive.policy === 'silence-probability') {
    const silentFrom = Math.max(context.lastUserAt ?? at, context.lastBotAt ?? at);
    const earliest = Math.max(
      at + proactive.checkIntervalSeconds * 1000,
      silentFrom + proactive.silenceSeconds * 1000,
      (context.lastProactiveAt ?? -Infinity) + proactive.minIntervalSeconds * 1000,
    );
    return { dueAt: earliest, rng: context.rng };
  }
  const draw = nextInteger(context.rng, proactive.minDelaySeconds, proactive.maxDelaySeconds);
  return { dueAt: at + draw.value * 1000, rng: draw.state };
}

/** Decides what a proactive timer firing at `at` (due at `dueAt`) does; pure. */
export function decideProactive(context: SessionContext, at: number, dueAt: number): ProactiveDecision {
  const proactive = context.settings.proactive;
  const paused = isProactivePaused(context);
  if (paused !== null) return { action: 'pause', reason: paused };
  if (at - dueAt > proactive.catchUpGraceSeconds * 1000) {
    return { action: 'defer', ...nextProactiveDue(context, at), reason: 'fired too late after downtime; re-rolled' };
  }
  const quiet = quietHoursDeferral(context, at);
  if (quiet !== null) return { action: 'defer', ...quiet, reason: 'quiet hours' };
  let rng = context.rng;
  if (proactive.policy === 'silence-probability') {
    const draw = nextRandom(rng);
    rng = draw.state;
    if (draw.value >= proactive.probability) {
      return { action: 'defer', dueAt: at + proactive.checkIntervalSeconds * 1000, rng, reason: 'not this time (probability)' };
    }
  }
  const chance = proactive.decayProbabilities[context.unanswered] ?? 1;
  if (chance < 1) {
    const draw = nextRandom(rng);
    rng = draw.state;
    if (draw.value >= chance) {
      return { action: 'defer', ...nextProactiveDue({ ...context, rng }, at), reason: 'skipped by the decay probability' };
    }
  }
  return { action: 'send', rng };
}

/**
 * When `at` is inside the session's quiet hours: a new due time at the end of the window plus up to 10 min of
 * jitter (so groups and chats do not all speak at the same second), and the advanced generator; else null; pure.
 */
export function quietHoursDeferral(context: SessionContext, at: number): { dueAt: number; rng: number } | null {
  const { quietHours, timezone } = context.settings.proactive;
  if (!isQuietAt(at, quietHours, timezone)) return null;
  const jitter = nextInteger(context.rng, 0, 600);
  return { dueAt: quietWindowEnd(at, quietHours, timezone) + jitter.value * 1000, rng: jitter.state };
}
