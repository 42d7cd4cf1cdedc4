/**
 * One group's in-worker index of stored messages: the unit vectors (float16) with their 256-bit sign
 * sketches, and the dHashes of their pictures, each scanned in WebAssembly by Hamming distance. A text lookup
 * verifies the sketch candidates exactly, so it returns what the brute-force cosine scan returns (kept here
 * as the reference); a picture's threshold is itself a Hamming radius, so that scan is exact by construction.
 */
import { dhashBits } from '../images/dhash.js';
import { type HammingHits, HammingTable, scanReference } from './hamming-table.js';
import { candidateRadius, signSketch } from './sign-sketch.js';
import { decodeVector } from './vector-codec.js';
import { VectorPool } from './vector-pool.js';

/** What the index keeps of one stored message. */
export interface IndexedMessage {
  id: string;
  at: number;
  senderId: string;
  /** The unit embedding as stored (float16 bytes), when the message has text. */
  vector?: Uint8Array;
  /** The vector space (embedding model) of `vector`; vectors of different spaces are never compared. */
  space?: string;
  /** Its sign sketch (computed from the stored vector when absent). */
  sketch?: Uint8Array;
  /** dHashes (32 bytes each) of its pictures. */
  imageHashes: Uint8Array[];
}

/** A stored message similar to the one being checked. */
export interface Match {
  id: string;
  at: number;
  senderId: string;
  kind: 'text' | 'image';
  similarity: number;
}

/** The Hamming radius of a dHash similarity threshold: similarity ≥ t ⇔ distance ≤ ⌊256·(1 − t)⌋; pure. */
export function imageRadius(threshold: number): number {
  return Math.floor(dhashBits * (1 - threshold) + 1e-9);
}

/** Parallel columns of one kind of entry: who, when, and which message. */
class Columns {
  ids: string[] = [];
  at: number[] = [];
  senders: string[] = [];

  push(id: string, at: number, senderId: string): void {
    this.ids.push(id);
    this.at.push(at);
    this.senders.push(senderId);
  }

  keep(mask: boolean[]): void {
    this.ids = this.ids.filter((_, index) => mask[index]);
    this.at = this.at.filter((_, index) => mask[index]);
    this.senders = this.senders.filter((_, index) => mask[index]);
  }
}

export class GroupIndex {
  readonly #sketches = new HammingTable();
  readonly #texts = new Columns();
  readonly #vectors = new VectorPool();
  readonly #images = new HammingTable();
  readonly #pictures = new Columns();
  #ids = new Set<string>();
  /** Sketch candidates the last text lookup verified (for benchmarks). */
  lastCandidates = 0;

  /** Number of messages indexed. */
  get size(): number {
    return this.#ids.size;
  }

  /** Approximate bytes held (vectors, tables, columns). */
  get memoryBytes(): number {
    return this.#vectors.byteLength + this.#sketches.memoryBytes + this.#images.memoryBytes + this.#ids.size * 96;
  }

  /** True when the message is indexed. */
  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Adds a stored message (ignored when already indexed). */
  add(message: IndexedMessage): void {
    if (this.#ids.has(message.id)) return;
    this.#ids.add(message.id);
    if (message.vector !== undefined && message.vector.length > 0) {
      this.#vectors.append(message.vector, message.space ?? '');
      this.#sketches.push(message.sketch ?? signSketch(decodeVector(message.vector)));
      this.#texts.push(message.id, message.at, message.senderId);
    }
    for (const hash of message.imageHashes) {
      this.#images.push(hash);
      this.#pictures.push(message.id, message.at, message.senderId);
    }
  }

  /**
   * Messages whose stored vector (of the same `space`) has cosine ≥ `threshold` with `query` (a unit
   * vector), posted at or after `since`.
   */
  textMatches(query: Float32Array, threshold: number, since: number, space = ''): Match[] {
    if (this.#texts.ids.length === 0) return [];
    const hits = this.#sketches.scan(signSketch(query), candidateRadius(threshold));
    this.lastCandidates = hits.indices.length;
    const matches: Match[] = [];
    const spaceId = this.#vectors.spaceId(space);
    for (const index of hits.indices) this.#verify(index, query, threshold, since, spaceId, matches);
    return matches;
  }

  /** The brute-force reference for `textMatches`: the cosine with every stored vector. */
  textMatchesBruteForce(query: Float32Array, threshold: number, since: number, space = ''): Match[] {
    const matches: Match[] = [];
    const spaceId = this.#vectors.spaceId(space);
    for (let index = 0; index < this.#texts.ids.length; index += 1) this.#verify(index, query, threshold, since, spaceId, matches);
    return matches;
  }

  /** Counts for `/reboot status`. */
  counts(): { messages: number; withVector: number; pictures: number } {
    return { messages: this.#ids.size, withVector: this.#texts.ids.length, pictures: this.#pictures.ids.length };
  }

  /** Messages with a picture whose dHash similarity to one of `hashes` is ≥ `threshold`, posted at or after `since`. */
  imageMatches(hashes: readonly Uint8Array[], threshold: number, since: number): Match[] {
    const radius = imageRadius(threshold);
    return this.#pictureMatches(hashes.map((hash) => this.#images.scan(hash, radius)), since);
  }

  /** The brute-force reference for `imageMatches`: the distance to every stored dHash, in plain TypeScript. */
  imageMatchesBruteForce(hashes: readonly Uint8Array[], threshold: number, since: number): Match[] {
    const codes = Array.from({ length: this.#images.count }, (_, index) => this.#images.code(index));
    return this.#pictureMatches(hashes.map((hash) => scanReference(codes, hash, imageRadius(threshold))), since);
  }

  #pictureMatches(hitsPerHash: readonly HammingHits[], since: number): Match[] {
    const byMessage = new Map<string, Match>();
    for (const hits of hitsPerHash) {
      hits.indices.forEach((index, hit) => {
        const at = this.#pictures.at[index]!;
        const id = this.#pictures.ids[index]!;
        const similarity = 1 - hits.distances[hit]! / dhashBits;
        if (at < since || (byMessage.get(id)?.similarity ?? -1) >= similarity) return;
        byMessage.set(id, { id, at, senderId: this.#pictures.senders[index]!, kind: 'image', similarity });
      });
    }
    return [...byMessage.values()];
  }

  /**
   * Forgets messages posted before `cutoff`. Lookups already skip them; the memory is reclaimed once the
   * expired run at the front (entries are in arrival order) is worth a compaction.
   */
  prune(cutoff: number): void {
    const expiredFront = (at: readonly number[]) => {
      let count = 0;
      while (count < at.length && at[count]! < cutoff) count += 1;
      return count;
    };
    const expired = expiredFront(this.#texts.at) + expiredFront(this.#pictures.at);
    if (expired === 0 || expired < Math.max(256, (this.#texts.ids.length + this.#pictures.ids.length) / 8)) return;
    const textMask = this.#texts.at.map((at) => at >= cutoff);
    const pictureMask = this.#pictures.at.map((at) => at >= cutoff);
    this.#compactTexts(textMask);
    this.#images.compact((index) => pictureMask[index]!);
    this.#pictures.keep(pictureMask);
    this.#ids = new Set([...this.#texts.ids, ...this.#pictures.ids]);
  }

  #verify(index: number, query: Float32Array, threshold: number, since: number, spaceId: number, matches: Match[]): void {
    if (this.#texts.at[index]! < since) return;
    const similarity = this.#vectors.cosine(index, query, spaceId);
    if (similarity !== null && similarity >= threshold) {
      matches.push({ id: this.#texts.ids[index]!, at: this.#texts.at[index]!, senderId: this.#texts.senders[index]!, kind: 'text', similarity });
    }
  }

  #compactTexts(mask: boolean[]): void {
    this.#vectors.keep(mask);
    this.#sketches.compact((index) => mask[index]!);
    this.#texts.keep(mask);
  }
}
