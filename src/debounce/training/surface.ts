/**
 * Surface variation applied after a sentence is drawn: final punctuation, emoji and stickers on both classes,
 * casual English spelling, and earlier fragments of the same buffer in front, so that neither the presence
 * nor the absence of any one mark decides the label on its own.
 */
import type { Random } from './random.js';

type Weighted = ReadonlyArray<readonly [number, string]>;

const completeEndings: Weighted = [
  [46, ''], [8, '。'], [6, '！'], [3, '!'], [3, '！！'], [2, '~'], [2, '～'], [3, '？'], [2, '?'], [2, '。。'], [2, '…'],
  [1, '...'], [2, '哈哈'], [2, '哈哈哈'], [1, 'hhh'], [3, '😂'], [1, '🤣'], [2, '😭'], [1, '👍'], [1, '😊'], [1, '🙏'],
  [1, '[捂脸]'], [1, '[微笑]'], [1, '[旺柴]'], [1, ' 😅'], [1, '!!'], [1, '?!'], [1, ' (笑'],
];

const incompleteEndings: Weighted = [
  [62, ''], [12, '，'], [6, ','], [5, '…'], [3, '...'], [2, '。。。'], [1, '、'], [2, '😂'], [1, '🤔'], [1, '😅'], [1, '——'],
  [1, ' '], [1, '[捂脸]'], [1, '..'],
];

const englishEndings: Weighted = [
  [55, ''], [8, '.'], [6, '!'], [3, '!!'], [4, '?'], [3, ' lol'], [2, ' haha'], [3, ' 😂'], [1, ' 😭'], [1, ' :)'], [1, ' xd'],
  [2, '...'], [1, ' 👍'], [1, '~'],
];

const englishIncompleteEndings: Weighted = [[64, ''], [14, ','], [8, '...'], [4, '…'], [2, ' -'], [2, ' 😂'], [1, ' lol,']];

function pickWeighted(random: Random, table: Weighted): string {
  const total = table.reduce((sum, [weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [weight, value] of table) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return table[table.length - 1]?.[1] ?? '';
}

/** Adds a final mark or emoji drawn from the class's own distribution (both include "nothing"). */
export function decorateEnding(text: string, complete: boolean, english: boolean, random: Random): string {
  const table = english ? (complete ? englishEndings : englishIncompleteEndings) : complete ? completeEndings : incompleteEndings;
  const ending = pickWeighted(random, table);
  if (/[?？!！。.,，…~～]$/u.test(text) && /^[?？!！。.,，…~～]/u.test(ending)) return text;
  return text + ending;
}

/** Casual English: capitalized or not, dropped apostrophes, u/ur/r, doubled letters. */
export function casualEnglish(text: string, random: Random): string {
  let result = text;
  if (random.chance(0.25)) result = result.replace(/'/gu, '');
  if (random.chance(0.15)) result = result.replace(/\byou\b/gu, 'u').replace(/\byour\b/gu, 'ur').replace(/\bare\b/gu, 'r');
  if (random.chance(0.3)) result = result.charAt(0).toUpperCase() + result.slice(1);
  if (random.chance(0.3)) result = result.replace(/\bi\b/gu, 'I');
  if (random.chance(0.03)) result = result.toUpperCase();
  return result;
}

/** Joins an earlier complete fragment in front, as the driver merges a burst of messages. */
export function mergeFragments(earlier: string, later: string, english: boolean, random: Random): string {
  const separator = english ? random.pick([' ', ' ', ', ', '. ', '! ']) : random.pick(['', '', '，', '。', ' ', '！', '~']);
  return `${earlier}${separator}${later}`;
}
