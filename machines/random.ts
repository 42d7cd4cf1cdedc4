/**
 * A seeded pseudo-random generator kept in machine context, so random draws replay exactly.
 * mulberry32: 32-bit state, good enough for jitter and delays, and a pure function of its state.
 */

/** Draws a float in [0, 1) from `state`; pure, returns the draw and the next state. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return { value, state: next };
}

/** Draws an integer uniformly in [min, max] (inclusive); pure. */
export function nextInteger(state: number, min: number, max: number): { value: number; state: number } {
  const low = Math.ceil(Math.min(min, max));
  const high = Math.floor(Math.max(min, max));
  const draw = nextRandom(state);
  return { value: low + Math.floor(draw.value * (high - low + 1)), state: draw.state };
}

/** Derives a 32-bit seed from a string (FNV-1a); pure. */
export function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
