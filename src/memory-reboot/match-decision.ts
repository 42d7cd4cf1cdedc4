/**
 * Whether a message that resembles stored ones deserves an old-news reminder. The seed compared the sender
 * and the cooldown against its single best match only; here every similar message counts:
 *  - the reference match is the best text match or the best picture match, the older of the two when both;
 *  - at least `minUniqueSenders` distinct people posted the content (the current sender included);
 *  - the current sender posted none of the similar messages (they know it was posted: they posted it);
 *  - the message does not quote one of them (a reply knows what it replies to);
 *  - the newest similar message is older than the cooldown (otherwise it is an ongoing conversation).
 * Pure.
 */
import type { Match } from './group-index.js';

export interface DecisionSettings {
  minUniqueSenders: number;
  cooldownSeconds: number;
}

export type Decision =
  | { verdict: 'no_match' }
  | { verdict: 'too_few_senders' | 'own_content' | 'quotes_match' | 'cooldown'; match: Match; uniqueSenders: number }
  | { verdict: 'remind'; match: Match; uniqueSenders: number; matches: Match[] };

/** The best match of one kind: the most similar, the older on a tie; pure. */
function best(matches: readonly Match[]): Match | undefined {
  let chosen: Match | undefined;
  for (const match of matches) {
    if (chosen === undefined || match.similarity > chosen.similarity || (match.similarity === chosen.similarity && match.at < chosen.at)) chosen = match;
  }
  return chosen;
}

/** The reference match: the best text match and the best picture match, the older when both exist; pure. */
export function referenceMatch(matches: readonly Match[]): Match | undefined {
  const text = best(matches.filter((match) => match.kind === 'text'));
  const image = best(matches.filter((match) => match.kind === 'image'));
  if (text === undefined || image === undefined) return text ?? image;
  return image.at < text.at ? image : text;
}

/** Decides for a message from `senderId` at `at` (quoting `replyTo`) with these similar stored messages; pure. */
export function decideReminder(current: { senderId: string; at: number; replyTo?: string }, matches: readonly Match[], settings: DecisionSettings): Decision {
  const match = referenceMatch(matches);
  if (match === undefined) return { verdict: 'no_match' };
  const uniqueSenders = new Set([current.senderId, ...matches.map((similar) => similar.senderId)]).size;
  if (uniqueSenders < settings.minUniqueSenders) return { verdict: 'too_few_senders', match, uniqueSenders };
  if (matches.some((similar) => similar.senderId === current.senderId)) return { verdict: 'own_content', match, uniqueSenders };
  if (current.replyTo !== undefined && matches.some((similar) => similar.id === current.replyTo)) return { verdict: 'quotes_match', match, uniqueSenders };
  const newest = Math.max(...matches.map((similar) => similar.at));
  if (current.at - newest < settings.cooldownSeconds * 1000) return { verdict: 'cooldown', match, uniqueSenders };
  return { verdict: 'remind', match, uniqueSenders, matches: [...matches] };
}
