/**
 * Sentences as sequences of pieces that say whether the utterance may stop after them. A generator builds
 * one sentence and reads both classes from it: the whole (or any prefix ending where stopping is fine) is
 * complete, a prefix ending where stopping is not fine is incomplete. Ambiguous stops are never used.
 */
import type { Random } from './random.js';

/** `true`: may end here; `false`: cannot end here; `undefined`: unclear, never cut here. */
export type Stop = boolean | undefined;

export interface Piece {
  readonly text: string;
  readonly stop: Stop;
}

/** A piece after which the utterance is finished. */
export const done = (text: string): Piece => ({ text, stop: true });
/** A piece after which more must follow. */
export const open = (text: string): Piece => ({ text, stop: false });
/** A piece after which it is unclear; never used as a cut point. */
export const unsure = (text: string): Piece => ({ text, stop: undefined });

/** Marks every piece as unable to end the utterance (a subordinate clause is unfinished throughout). */
export function subordinate(pieces: readonly Piece[]): Piece[] {
  return pieces.map((piece) => ({ text: piece.text, stop: piece.text.trim() === '' ? undefined : false }));
}

/** Concatenates piece lists, skipping empty optional parts. */
export function chain(...parts: ReadonlyArray<readonly Piece[] | Piece | undefined>): Piece[] {
  const result: Piece[] = [];
  for (const part of parts) {
    if (part === undefined) continue;
    if (Array.isArray(part)) result.push(...(part as Piece[]));
    else result.push(part as Piece);
  }
  return result.filter((piece) => piece.text !== '');
}

/** Joins pieces into text; `separator` goes between pieces (a space for English, nothing for Chinese). */
export function joinPieces(pieces: readonly Piece[], separator: string): string {
  return pieces.map((piece) => piece.text).join(separator).replace(/ +([,，.!?])/gu, '$1').trim();
}

/** A labelled text drawn from `pieces`: complete ends at a `true` stop, incomplete at a `false` one. */
export function cutPieces(pieces: readonly Piece[], complete: boolean, random: Random): readonly Piece[] | undefined {
  const wanted = complete;
  const cuts: number[] = [];
  pieces.forEach((piece, index) => {
    if (piece.stop === wanted) cuts.push(index + 1);
  });
  if (cuts.length === 0) return undefined;
  // The whole sentence is the most natural complete reading, but chat lines are short: a third of the time it is
  // taken as it is, otherwise any prefix that may end is (0.35 rather than 0.7 raised the blind dev3 set by a point).
  const last = cuts[cuts.length - 1]!;
  const cut = complete && last === pieces.length && random.chance(0.35) ? last : random.pick(cuts);
  return pieces.slice(0, cut);
}
