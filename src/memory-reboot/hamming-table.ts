/**
 * A growable table of 256-bit codes (sign sketches of embeddings, dHashes of pictures) in WebAssembly
 * memory, scanned for every code within a Hamming radius of a query. Entries keep their insertion index
 * until `compact` drops some.
 */
import { type HammingInstance, type ScanFunction, instantiateHamming } from './hamming-wasm.js';

export const codeBytes = 32;
const queryOffset = 0;
const entriesOffset = 64;
const pageBytes = 65_536;

export interface HammingHits {
  /** Entry indices within the radius, ascending. */
  indices: Uint32Array;
  /** Their Hamming distances, in the same order. */
  distances: Uint32Array;
}

export class HammingTable {
  readonly #memory: HammingInstance['memory'];
  readonly #scan: ScanFunction;
  #bytes: Uint8Array;
  #capacity = 0;
  #count = 0;

  constructor(initialCapacity = 256) {
    const instance = instantiateHamming();
    this.#memory = instance.memory;
    this.#scan = instance.scan;
    this.#bytes = new Uint8Array(this.#memory.buffer);
    this.#reserve(initialCapacity);
  }

  /** How many codes the table holds. */
  get count(): number {
    return this.#count;
  }

  /** Bytes of WebAssembly memory the table occupies. */
  get memoryBytes(): number {
    return this.#memory.buffer.byteLength;
  }

  /** Appends a 32-byte code and returns its index. */
  push(code: Uint8Array): number {
    if (code.length !== codeBytes) throw new RangeError(`a code has ${codeBytes} bytes, got ${code.length}`);
    if (this.#count === this.#capacity) this.#reserve(this.#capacity * 2);
    this.#bytes.set(code, entriesOffset + this.#count * codeBytes);
    this.#count += 1;
    return this.#count - 1;
  }

  /** A copy of the code at `index`. */
  code(index: number): Uint8Array {
    const start = entriesOffset + index * codeBytes;
    return this.#bytes.slice(start, start + codeBytes);
  }

  /** Every entry within `radius` bits of `query`. */
  scan(query: Uint8Array, radius: number): HammingHits {
    if (query.length !== codeBytes) throw new RangeError(`a query has ${codeBytes} bytes, got ${query.length}`);
    this.#bytes.set(query, queryOffset);
    const out = this.#outOffset();
    const hits = this.#scan(queryOffset, entriesOffset, this.#count, Math.max(0, Math.floor(radius)), out);
    const pairs = new Uint32Array(this.#memory.buffer, out, hits * 2);
    const indices = new Uint32Array(hits);
    const distances = new Uint32Array(hits);
    for (let hit = 0; hit < hits; hit += 1) {
      indices[hit] = pairs[hit * 2]!;
      distances[hit] = pairs[hit * 2 + 1]!;
    }
    return { indices, distances };
  }

  /** Keeps the entries for which `keep(index)` is true, in order; returns how many were dropped. */
  compact(keep: (index: number) => boolean): number {
    let kept = 0;
    for (let index = 0; index < this.#count; index += 1) {
      if (!keep(index)) continue;
      if (kept !== index) {
        const from = entriesOffset + index * codeBytes;
        this.#bytes.copyWithin(entriesOffset + kept * codeBytes, from, from + codeBytes);
      }
      kept += 1;
    }
    const dropped = this.#count - kept;
    this.#count = kept;
    return dropped;
  }

  // The output area (8 bytes per possible hit) follows the entries and moves when they grow.
  #outOffset(): number {
    return entriesOffset + this.#capacity * codeBytes;
  }

  #reserve(capacity: number): void {
    const needed = entriesOffset + capacity * (codeBytes + 8);
    const have = this.#memory.buffer.byteLength;
    if (needed > have) this.#memory.grow(Math.ceil((needed - have) / pageBytes));
    this.#bytes = new Uint8Array(this.#memory.buffer);
    this.#capacity = capacity;
  }
}

/** Plain TypeScript scan over the same layout: the reference the WebAssembly scan is tested against; pure. */
export function scanReference(codes: readonly Uint8Array[], query: Uint8Array, radius: number): HammingHits {
  const indices: number[] = [];
  const distances: number[] = [];
  codes.forEach((code, index) => {
    const distance = hammingDistance(code, query);
    if (distance <= radius) {
      indices.push(index);
      distances.push(distance);
    }
  });
  return { indices: Uint32Array.from(indices), distances: Uint32Array.from(distances) };
}

/** Number of differing bits between two codes of equal length; pure. */
export function hammingDistance(a: Uint8Array, b: Uint8Array): number {
  let distance = 0;
  for (let index = 0; index < a.length; index += 1) {
    let bits = a[index]! ^ b[index]!;
    while (bits !== 0) {
      bits &= bits - 1;
      distance += 1;
    }
  }
  return distance;
}
