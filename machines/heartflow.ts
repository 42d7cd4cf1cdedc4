/**
 * Heartflow (seed 001): which group messages the bot answers because they address it, which ones the judge
 * model scores, and what a score means. Pure; the scores themselves arrive on `judge.scored` events.
 */
import { energyAt, requiredScore } from './group-activity.js';
import { judgeDimensions, type JudgeScores } from './group-types.js';
import type { HeartflowSettings, MessageReceivedEvent, SessionContext } from './session-types.js';

/** The weights scaled to sum to 1 (seed 001 renormalises weights that don't); equal weights if all are 0; pure. */
export function normalisedWeights(weights: JudgeScores): JudgeScores {
  const sum = judgeDimensions.reduce((total, key) => total + Math.max(0, weights[key]), 0);
  const scaled = {} as JudgeScores;
  for (const key of judgeDimensions) scaled[key] = sum > 0 ? Math.max(0, weights[key]) / sum : 1 / judgeDimensions.length;
  return scaled;
}

/** overall = Σ w·s / 10 with each score clamped to [0, 10] (non-numbers count 0) and normalised weights; pure. */
export function overallScore(scores: JudgeScores, weights: JudgeScores): number {
  const normalised = normalisedWeights(weights);
  const total = judgeDimensions.reduce((sum, key) => sum + normalised[key] * clampScore(scores[key]), 0);
  return Math.round((total / 10) * 10_000) / 10_000;
}

function clampScore(value: number): number {
  return Number.isFinite(value) ? Math.min(10, Math.max(0, value)) : 0;
}

/** What the judge's scores decide at `at`: the overall score, the score needed at the group's energy, and whether to join; pure. */
export function judgeVerdict(context: SessionContext, scores: JudgeScores, at: number): { overall: number; required: number; join: boolean } {
  const heartflow = context.settings.heartflow;
  const activity = context.group?.activity;
  const energy = activity === undefined ? 1 : energyAt(activity, at, heartflow.energy, context.settings.proactive.timezone);
  const overall = overallScore(scores, heartflow.weights);
  const required = requiredScore(heartflow.threshold, energy, heartflow.energy);
  return { overall, required, join: overall >= required };
}

/** True when `text` contains one of the wake words, case-insensitively; pure. */
export function hasWakeWord(text: string, wakeWords: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return wakeWords.some((word) => word.trim().length > 0 && lower.includes(word.trim().toLowerCase()));
}

/**
 * True when a group message is addressed to the bot: it mentions or quotes the bot (`mentionsBot`, set by the
 * adapter), contains a wake word, or continues the buffered message of the same sender; pure.
 */
export function isAddressed(context: SessionContext, event: MessageReceivedEvent): boolean {
  if (event.mentionsBot || hasWakeWord(event.text, context.settings.groups.wakeWords)) return true;
  const last = context.fragments.at(-1);
  return last !== undefined && last.senderId === event.sender.id;
}

/** Why a group message is not judged, or null when it is (seed 001's gates, cooldown in milliseconds); pure. */
export function judgeIneligibility(context: SessionContext, event: MessageReceivedEvent): string | null {
  const heartflow = context.settings.heartflow;
  if (context.group === undefined) return 'not a group';
  if (!heartflow.enabled) return 'heartflow is off';
  if (!heartflow.listed) return 'not on the whitelist';
  if (event.fromSelf === true) return 'sent by the bot';
  if (event.text.trim().length === 0) return 'no text';
  if (isAddressed(context, event)) return 'addressed to the bot';
  return isCoolingDown(context, event.at) ? 'cooling down after a voluntary reply' : null;
}

/** True while `heartflow.minReplyIntervalSeconds` has not passed since the last voluntary reply; pure. */
export function isCoolingDown(context: SessionContext, at: number): boolean {
  const last = context.group?.activity.lastJoinAt ?? null;
  const interval = context.settings.heartflow.minReplyIntervalSeconds * 1000;
  return last !== null && interval > 0 && at - last < interval;
}

/** The end of the settle window of a candidate, given its burst start and the latest message; pure. */
export function settleDeadline(heartflow: HeartflowSettings, since: number, at: number): number {
  return Math.min(at + heartflow.settleSeconds * 1000, since + Math.max(heartflow.settleSeconds, heartflow.maxSettleSeconds) * 1000);
}
