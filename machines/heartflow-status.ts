/**
 * The text `/heartflow` answers with: whether the judge runs in this group, the bot's energy and the score
 * it needs now, the counters, and the last verdict. Pure.
 */
import { energyAt, replyRate, requiredScore } from './group-activity.js';
import { normalisedWeights } from './heartflow.js';
import { formatLocalDateTime } from './local-time.js';
import type { SessionContext } from './session-types.js';

/** The status of the group's judge at `at`; pure. */
export function describeHeartflow(context: SessionContext, at: number): string {
  const group = context.group;
  if (group === undefined) return 'Heartflow runs in group chats only.';
  const { heartflow, proactive } = context.settings;
  const activity = group.activity;
  const energy = energyAt(activity, at, heartflow.energy, proactive.timezone);
  const needed = requiredScore(heartflow.threshold, energy, heartflow.energy);
  const switchedOn = heartflow.enabled ? (heartflow.listed ? 'on' : 'off (this group is not on the whitelist)') : 'off';
  const weights = normalisedWeights(heartflow.weights);
  const lastJoin = activity.lastJoinAt === null ? 'never' : `${Math.round((at - activity.lastJoinAt) / 60_000)} min ago`;
  const verdict = group.lastJudgement;
  const lines = [
    `Heartflow: ${switchedOn}`,
    `energy ${energy.toFixed(2)} · score needed ${needed.toFixed(2)} (threshold ${heartflow.threshold})`,
    `messages ${activity.messages} · judged ${activity.judged} · joined ${activity.joined} (${Math.round(replyRate(activity) * 100)}%) · last joined ${lastJoin}`,
    verdict === null
      ? 'no judgement yet'
      : `last judgement ${formatLocalDateTime(verdict.at, proactive.timezone)}: ${verdict.overall.toFixed(2)} → ${verdict.joined ? 'joined' : 'stayed quiet'}`,
    `weights relevance ${weights.relevance.toFixed(2)}, willingness ${weights.willingness.toFixed(2)}, social ${weights.social.toFixed(2)}, timing ${weights.timing.toFixed(2)}, continuity ${weights.continuity.toFixed(2)}`,
  ];
  return lines.join('\n');
}
