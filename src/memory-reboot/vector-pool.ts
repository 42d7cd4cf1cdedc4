/**
 * The stored vectors of one group index, packed: float16 halves in one growable array (2 bytes a dimension),
 * each vector's offset, dimension and vector space. Cosines are computed straight from the halves.
 */
import { halfToFloat } from './vector-codec.js';

export class VectorPool {
  #halves = new Uint16Array(1024);
  #used = 0;
  #offsets: number[] = [];
  #dimensions: number[] = [];
  /** Per vector, its space as a small number (see #spaceIds). */
  #spaces: number[] = [];
  readonly #spaceIds = new Map<string, number>();

  /** Bytes of the packed array (its capacity). */
  get byteLength(): number {
    return this.#halves.byteLength;
  }

  /** Appends a vector given as stored (little-endian float16 bytes) in `space`. */
  append(bytes: Uint8Array, space: string): void {
    const length = bytes.length >> 1;
    if (this.#used + length > this.#halves.length) {
      const grown = new Uint16Array(Math.max(this.#halves.length * 2, this.#used + length));
      grown.set(this.#halves.subarray(0, this.#used));
      this.#halves = grown;
    }
    for (let index = 0; index < length; index += 1) this.#halves[this.#used + index] = bytes[index * 2]! | (bytes[index * 2 + 1]! << 8);
    this.#offsets.push(this.#used);
    this.#dimensions.push(length);
    this.#spaces.push(this.#spaceIdOf(space, true));
    this.#used += length;
  }

  /** The number standing for `space`, or -1 when no vector of it is stored. */
  spaceId(space: string): number {
    return this.#spaceIdOf(space, false);
  }

  /** Cosine of vector `index` with `query`, or null when it is of another space or dimension. */
  cosine(index: number, query: Float32Array, spaceId: number): number | null {
    if (this.#spaces[index] !== spaceId || this.#dimensions[index] !== query.length) return null;
    const offset = this.#offsets[index]!;
    const halves = this.#halves;
    let dot = 0;
    let norm = 0;
    let queryNorm = 0;
    for (let position = 0; position < query.length; position += 1) {
      const value = halfToFloat[halves[offset + position]!]!;
      dot += value * query[position]!;
      norm += value * value;
      queryNorm += query[position]! * query[position]!;
    }
    return norm === 0 || queryNorm === 0 ? 0 : dot / Math.sqrt(norm * queryNorm);
  }

  /** Keeps the vectors whose `mask` entry is true, in order, repacked. */
  keep(mask: readonly boolean[]): void {
    const kept = this.#dimensions.reduce((sum, dimension, index) => sum + (mask[index] ? dimension : 0), 0);
    const halves = new Uint16Array(Math.max(1024, kept * 2));
    const offsets: number[] = [];
    const dimensions: number[] = [];
    const spaces: number[] = [];
    let used = 0;
    mask.forEach((keep, index) => {
      if (!keep) return;
      const offset = this.#offsets[index]!;
      const dimension = this.#dimensions[index]!;
      halves.set(this.#halves.subarray(offset, offset + dimension), used);
      offsets.push(used);
      dimensions.push(dimension);
      spaces.push(this.#spaces[index]!);
      used += dimension;
    });
    this.#halves = halves;
    this.#used = used;
    this.#offsets = offsets;
    this.#dimensions = dimensions;
    this.#spaces = spaces;
  }

  #spaceIdOf(space: string, create: boolean): number {
    let id = this.#spaceIds.get(space);
    if (id === undefined && create) {
      id = this.#spaceIds.size;
      this.#spaceIds.set(space, id);
    }
    return id ?? -1;
  }
}
