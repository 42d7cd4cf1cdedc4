/**
 * 256-bit random-hyperplane sign sketches (SimHash) of embeddings. For two vectors at angle θ, each bit
 * differs with probability θ/π, independently across the (seeded, Gaussian) hyperplanes; so pairs at cosine
 * ≥ 0.95 (θ ≤ 18.2°) differ in about 10 % of the bits and unrelated pairs in about half. Scanning sketches
 * by Hamming distance finds every candidate cheaply; `candidateRadius` sizes the radius so a true match is
 * missed with a probability below a stated bound (docs/memory-reboot.md derives it).
 */
import { nextRandom, seedFrom } from '../../machines/random.js';

export const sketchBits = 256;
/** Changing the seed changes every sketch: stored sketches carry this version and are recomputed on mismatch. */
export const sketchVersion = 1;
const seed = seedFrom(`kizuna-memory-reboot-sketch-v${sketchVersion}`);

const planesByDimension = new Map<number, Float32Array>();

/** The 256 hyperplanes for `dimension`-dimensional vectors, row-major, generated once per process; pure. */
export function hyperplanes(dimension: number): Float32Array {
  let planes = planesByDimension.get(dimension);
  if (planes === undefined) {
    planes = new Float32Array(sketchBits * dimension);
    let state = seedFrom(`${seed}:${dimension}`);
    for (let index = 0; index < planes.length; index += 2) {
      // Box–Muller: two standard normals from two uniforms.
      const first = nextRandom(state);
      const second = nextRandom(first.state);
      state = second.state;
      const radius = Math.sqrt(-2 * Math.log(1 - first.value));
      planes[index] = radius * Math.cos(2 * Math.PI * second.value);
      if (index + 1 < planes.length) planes[index + 1] = radius * Math.sin(2 * Math.PI * second.value);
    }
    planesByDimension.set(dimension, planes);
  }
  return planes;
}

/** The 32-byte sign sketch of `vector` (bit i set when the vector lies on the positive side of plane i); pure. */
export function signSketch(vector: Float32Array): Uint8Array {
  const dimension = vector.length;
  const planes = hyperplanes(dimension);
  const sketch = new Uint8Array(sketchBits / 8);
  // Four planes per pass over the vector: each element is loaded once for four dot products (twice as fast).
  for (let plane = 0; plane < sketchBits; plane += 4) {
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    const offset0 = plane * dimension;
    const offset1 = offset0 + dimension;
    const offset2 = offset1 + dimension;
    const offset3 = offset2 + dimension;
    for (let index = 0; index < dimension; index += 1) {
      const value = vector[index]!;
      dot0 += planes[offset0 + index]! * value;
      dot1 += planes[offset1 + index]! * value;
      dot2 += planes[offset2 + index]! * value;
      dot3 += planes[offset3 + index]! * value;
    }
    // Four consecutive planes share one byte (plane is a multiple of 4).
    const shift = 7 - (plane & 7);
    sketch[plane >> 3]! |= ((dot0 > 0 ? 1 : 0) << shift) | ((dot1 > 0 ? 1 : 0) << (shift - 1)) | ((dot2 > 0 ? 1 : 0) << (shift - 2)) | ((dot3 > 0 ? 1 : 0) << (shift - 3));
  }
  return sketch;
}

/**
 * The Hamming radius within which a pair at cosine ≥ `threshold` falls except with probability at most
 * `missBound`: the smallest r with the Chernoff bound exp(−n·KL(r/n ‖ p)) ≤ missBound, p = arccos(threshold)/π.
 * Pure.
 */
export function candidateRadius(threshold: number, missBound = 1e-12): number {
  const p = Math.acos(Math.min(1, Math.max(-1, threshold))) / Math.PI;
  for (let radius = Math.ceil(p * sketchBits); radius < sketchBits; radius += 1) {
    if (chernoffTail(radius + 1, p) <= missBound) return radius;
  }
  return sketchBits;
}

/** Upper bound on P(Binomial(256, p) ≥ k) for k/256 > p: exp(−n·KL(k/n ‖ p)); pure. */
export function chernoffTail(k: number, p: number): number {
  const n = sketchBits;
  const q = k / n;
  if (q <= p) return 1;
  if (q >= 1) return p ** n;
  const divergence = q * Math.log(q / p) + (1 - q) * Math.log((1 - q) / (1 - p));
  return Math.exp(-n * divergence);
}
