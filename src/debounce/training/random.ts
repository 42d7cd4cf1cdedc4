/**
 * A seeded pseudo-random generator (mulberry32) for the data generator and the trainer: the same seed
 * gives the same data and the same weights on every machine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  int(bound: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Shuffles `items` in place (Fisher–Yates). */
  shuffle<T extends { length: number; [index: number]: unknown }>(items: T): T;
}

/** Creates a generator from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (bound: number): number => Math.floor(next() * bound);
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('random.pick: empty list');
      return items[int(items.length)] as T;
    },
    shuffle: (items) => {
      for (let index = items.length - 1; index > 0; index -= 1) {
        const other = int(index + 1);
        const held = items[index];
        items[index] = items[other];
        items[other] = held;
      }
      return items;
    },
  };
}

/** `make()` with probability `probability`, else undefined (an optional part of a generated line). */
export function maybe<T>(random: Random, probability: number, make: () => T): T | undefined {
  return random.chance(probability) ? make() : undefined;
}

/** An English word as chat spaces it inside Chinese: glued on, or with a space either side. */
export function spacedEnglish(random: Random, word: string): string {
  const roll = random.next();
  if (roll < 0.55) return word;
  if (roll < 0.85) return ` ${word} `;
  return random.chance(0.5) ? ` ${word}` : `${word} `;
}
