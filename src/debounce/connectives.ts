/**
 * Connective detection for the featurizer: which clause-linking words occur in a text and how far from its
 * end the last one sits. "因为太困了" and "因为太困了所以先睡了" end alike; the last connective tells them apart.
 */
import type { Unit } from './tokenizer.js';

const chinese = `如果 要是 假如 万一 只要 除非 一旦 因为 由于 所以 因此 虽然 虽说 尽管 但是 可是 不过 然而 不仅 不但 而且 并且
  还有 然后 接着 结果 于是 即使 就算 哪怕 既然 那就 不管 无论 与其 不如 一边 为了 的话 的时候 之后 以后 之前 否则 不然 要不
  还是 或者 就 才 但 和 跟 说 觉得 以为 等`;
const english = `if when because cause although though since unless until while so but and then or that which who whether like
  before after once than`;

const byFirstUnit = new Map<string, string[][]>();
for (const connective of [...chinese.split(/\s+/u), ...english.split(/\s+/u)]) {
  if (connective === '') continue;
  const parts = /^[a-z]+$/u.test(connective) ? [connective] : [...connective];
  const first = parts[0]!;
  byFirstUnit.set(first, [...(byFirstUnit.get(first) ?? []), parts]);
}
for (const list of byFirstUnit.values()) list.sort((left, right) => right.length - left.length);

/** A connective found in a text. */
export interface ConnectiveHit {
  readonly text: string;
  /** Index of the unit after the connective. */
  readonly end: number;
}

/** Finds connectives in `units`, longest match first, left to right, without overlaps. */
export function findConnectives(units: readonly Unit[]): ConnectiveHit[] {
  const hits: ConnectiveHit[] = [];
  let index = 0;
  while (index < units.length) {
    const candidates = byFirstUnit.get(units[index]!.text);
    const match = candidates?.find((parts) => parts.every((part, offset) => units[index + offset]?.text === part));
    if (match === undefined) {
      index += 1;
      continue;
    }
    hits.push({ text: match.join(''), end: index + match.length });
    index += match.length;
  }
  return hits;
}

function distanceBucket(distance: number): string {
  if (distance <= 2) return String(distance);
  if (distance <= 4) return '3-4';
  if (distance <= 7) return '5-7';
  return '8+';
}

/** Named connective features: each connective present, and the last one with its distance from the end. */
export function connectiveFeatures(units: readonly Unit[]): string[] {
  const hits = findConnectives(units);
  const last = hits[hits.length - 1];
  if (last === undefined) return ['lc:none'];
  const present = [...new Set(hits.map((hit) => `has:${hit.text}`))];
  const previous = hits[hits.length - 2];
  return [...present, `lc:${last.text} ${distanceBucket(units.length - last.end)}`, `pc:${previous?.text ?? '-'} ${last.text}`];
}
