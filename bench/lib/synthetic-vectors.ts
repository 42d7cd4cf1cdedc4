/**
 * Seeded synthetic vectors and codes for the lookup benchmark and the index tests: uniform and normal draws
 * (mulberry32 + Box–Muller), random unit vectors, unit vectors at an exact cosine to another, and codes with
 * chosen bits flipped.
 */
import { createRandom } from '../../src/debounce/training/random.js';
import { normalize } from '../../src/memory-reboot/vector-codec.js';

export interface Random {
  uniform(): number;
  normal(): number;
}

/** A seeded generator of uniforms in [0, 1) (the trainer's mulberry32) and standard normals. */
export function generator(seed: number): Random {
  const uniform = createRandom(seed).next;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { uniform, normal };
}

/** A random unit vector (uniform on the sphere). */
export function randomUnit(random: Random, dimension: number): Float32Array {
  const vector = new Float32Array(dimension);
  for (let index = 0; index < dimension; index += 1) vector[index] = random.normal();
  return normalize(vector);
}

/** A unit vector at exactly `cosine` to the unit vector `base`, in a random direction. */
export function atCosine(random: Random, base: Float32Array, cosine: number): Float32Array {
  const noise = randomUnit(random, base.length);
  let along = 0;
  for (let index = 0; index < base.length; index += 1) along += noise[index]! * base[index]!;
  const orthogonal = new Float32Array(base.length);
  for (let index = 0; index < base.length; index += 1) orthogonal[index] = noise[index]! - along * base[index]!;
  const unit = normalize(orthogonal);
  const sine = Math.sqrt(1 - cosine * cosine);
  const vector = new Float32Array(base.length);
  for (let index = 0; index < base.length; index += 1) vector[index] = cosine * base[index]! + sine * unit[index]!;
  return normalize(vector);
}

/** 32 random bytes. */
export function randomHash(random: Random): Uint8Array {
  return Uint8Array.from({ length: 32 }, () => Math.floor(random.uniform() * 256));
}

/** A copy of `hash` with exactly `bits` distinct bits flipped. */
export function flipBits(random: Random, hash: Uint8Array, bits: number): Uint8Array {
  const copy = hash.slice();
  const flipped = new Set<number>();
  while (flipped.size < bits) flipped.add(Math.floor(random.uniform() * hash.length * 8));
  for (const bit of flipped) copy[bit >> 3]! ^= 0x80 >> (bit & 7);
  return copy;
}

/** A uniform draw in [low, high). */
export const between = (random: Random, low: number, high: number): number => low + random.uniform() * (high - low);
