/**
 * The group index: the WebAssembly Hamming scan agrees with plain TypeScript; sign sketches flip bits at the
 * rate the radius bound assumes; text lookups return exactly what the brute-force cosine scan returns, near
 * the threshold included; picture lookups are exact at the threshold; spaces, time and pruning are honoured.
 */
import { describe, expect, it } from 'vitest';
import { GroupIndex, imageRadius, type Match } from '../../src/memory-reboot/group-index.js';
import { HammingTable, hammingDistance, scanReference } from '../../src/memory-reboot/hamming-table.js';
import { offlineEmbedding } from '../../src/memory-reboot/offline-embedder.js';
import { candidateRadius, chernoffTail, signSketch } from '../../src/memory-reboot/sign-sketch.js';
import { cosine, decodeVector, encodeVector } from '../../src/memory-reboot/vector-codec.js';
import { atCosine, between, flipBits, generator, randomHash, randomUnit } from '../../bench/lib/synthetic-vectors.js';

const ids = (matches: readonly Match[]) => matches.map((match) => `${match.kind}:${match.id}`).sort();

describe('HammingTable (WebAssembly)', () => {
  it('finds exactly what the TypeScript reference finds, through growth and compaction', () => {
    const random = generator(7);
    const table = new HammingTable(4);
    const codes: Uint8Array[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const code = index % 10 === 0 && codes.length > 0 ? flipBits(random, codes[codes.length - 1]!, Math.floor(between(random, 0, 40))) : randomHash(random);
      codes.push(code);
      table.push(code);
    }
    const queries = [codes[0]!, flipBits(random, codes[10]!, 12), randomHash(random), flipBits(random, codes[2990]!, 60)];
    for (const query of queries) {
      for (const radius of [0, 12, 40, 67, 100, 128, 256]) {
        const fast = table.scan(query, radius);
        const reference = scanReference(codes, query, radius);
        expect([...fast.indices]).toEqual([...reference.indices]);
        expect([...fast.distances]).toEqual([...reference.distances]);
      }
    }
    expect(table.compact((index) => index % 3 !== 0)).toBe(1000);
    const kept = codes.filter((_, index) => index % 3 !== 0);
    expect(table.count).toBe(2000);
    expect([...table.scan(queries[1]!, 100).indices]).toEqual([...scanReference(kept, queries[1]!, 100).indices]);
    expect(Buffer.from(table.code(5)).equals(Buffer.from(kept[5]!))).toBe(true);
  });

  it('refuses codes of the wrong size', () => {
    expect(() => new HammingTable().push(new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('sign sketches', () => {
  it('flip each bit with probability θ/π: about 26 of 256 bits at cosine 0.95, about 128 for unrelated vectors', () => {
    const random = generator(11);
    const near: number[] = [];
    const far: number[] = [];
    for (let pair = 0; pair < 200; pair += 1) {
      const base = randomUnit(random, 256);
      near.push(hammingDistance(signSketch(base), signSketch(atCosine(random, base, 0.95))));
      far.push(hammingDistance(signSketch(base), signSketch(randomUnit(random, 256))));
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(near)).toBeGreaterThan(23);
    expect(mean(near)).toBeLessThan(29);
    expect(Math.max(...near)).toBeLessThan(candidateRadius(0.95));
    expect(mean(far)).toBeGreaterThan(120);
    expect(mean(far)).toBeLessThan(136);
  });

  it('sizes the candidate radius so a true match is missed with probability below the bound', () => {
    expect(candidateRadius(0.95)).toBe(67);
    const p = Math.acos(0.95) / Math.PI;
    expect(chernoffTail(68, p)).toBeLessThanOrEqual(1e-12);
    expect(chernoffTail(67, p)).toBeGreaterThan(1e-12);
    expect(candidateRadius(0.9)).toBeGreaterThan(candidateRadius(0.95));
    expect(candidateRadius(0.95, 1e-15)).toBeGreaterThan(candidateRadius(0.95));
  });

  it('are the same for the same vector, every time', () => {
    const vector = randomUnit(generator(3), 1024);
    expect(Buffer.from(signSketch(vector)).equals(Buffer.from(signSketch(Float32Array.from(vector))))).toBe(true);
  });
});

describe('GroupIndex', () => {
  /** Stories posted several times at cosine 0.93–0.99 to their story, and unrelated messages. */
  function clusteredIndex(seed: number): { index: GroupIndex; stories: Float32Array[]; random: ReturnType<typeof generator> } {
    const random = generator(seed);
    const stories = Array.from({ length: 40 }, () => randomUnit(random, 96));
    const index = new GroupIndex();
    for (let message = 0; message < 2000; message += 1) {
      const story = stories[message % stories.length]!;
      const vector = message % 3 === 0 ? randomUnit(random, 96) : atCosine(random, story, between(random, 0.93, 0.99));
      index.add({ id: `m${message}`, at: message * 1000, senderId: `u${message % 7}`, vector: encodeVector(vector), space: 'test', imageHashes: [] });
    }
    return { index, stories, random };
  }

  it('returns exactly the brute-force matches, including pairs just above and just below the threshold', () => {
    const { index, stories, random } = clusteredIndex(5);
    let total = 0;
    let nearThreshold = 0;
    for (let query = 0; query < 60; query += 1) {
      const vector = atCosine(random, stories[query % stories.length]!, between(random, 0.95, 0.995));
      const reference = index.textMatchesBruteForce(vector, 0.95, 0, 'test');
      expect(ids(index.textMatches(vector, 0.95, 0, 'test'))).toEqual(ids(reference));
      total += reference.length;
      nearThreshold += reference.filter((match) => match.similarity < 0.96).length;
    }
    expect(total).toBeGreaterThan(100);
    expect(nearThreshold).toBeGreaterThan(10);
  });

  it('computes similarity on the stored float16 vector, as the reference does', () => {
    const random = generator(9);
    const base = randomUnit(random, 64);
    const index = new GroupIndex();
    index.add({ id: 'x', at: 0, senderId: 'a', vector: encodeVector(base), space: 's', imageHashes: [] });
    const [found] = index.textMatches(base, 0.95, 0, 's');
    expect(found?.similarity).toBeCloseTo(cosine(decodeVector(encodeVector(base)), base), 6);
    expect(found?.similarity).toBeGreaterThan(0.9999);
  });

  it('never compares vectors of different spaces, and skips messages posted before `since`', () => {
    const vector = offlineEmbedding('the very same sentence, twice');
    const index = new GroupIndex();
    index.add({ id: 'old', at: 1000, senderId: 'a', vector: encodeVector(vector), space: 'offline', imageHashes: [] });
    index.add({ id: 'other-model', at: 5000, senderId: 'b', vector: encodeVector(vector), space: 'openai:x', imageHashes: [] });
    expect(index.textMatches(vector, 0.95, 0, 'offline').map((match) => match.id)).toEqual(['old']);
    expect(index.textMatches(vector, 0.95, 2000, 'offline')).toEqual([]);
    expect(index.textMatches(vector, 0.95, 0, 'unknown')).toEqual([]);
  });

  it('matches pictures exactly at the threshold: 25 differing bits match at 0.90, 26 do not', () => {
    const random = generator(13);
    const hash = randomHash(random);
    const index = new GroupIndex();
    index.add({ id: 'p25', at: 1, senderId: 'a', imageHashes: [flipBits(random, hash, 25)] });
    index.add({ id: 'p26', at: 2, senderId: 'b', imageHashes: [flipBits(random, hash, 26)] });
    index.add({ id: 'two', at: 3, senderId: 'c', imageHashes: [randomHash(random), flipBits(random, hash, 3)] });
    expect(imageRadius(0.9)).toBe(25);
    const found = index.imageMatches([hash], 0.9, 0);
    expect(found.map((match) => match.id).sort()).toEqual(['p25', 'two']);
    expect(found.find((match) => match.id === 'p25')?.similarity).toBeCloseTo(1 - 25 / 256, 9);
    expect(ids(index.imageMatchesBruteForce([hash], 0.9, 0))).toEqual(ids(found));
  });

  it('prunes expired messages and still finds the rest', () => {
    const { index, stories, random } = clusteredIndex(21);
    const cutoff = 1_200_000;
    index.prune(cutoff);
    expect(index.size).toBeLessThan(2000);
    for (let query = 0; query < 20; query += 1) {
      const vector = atCosine(random, stories[query]!, 0.97);
      const found = index.textMatches(vector, 0.95, cutoff, 'test');
      expect(ids(found)).toEqual(ids(index.textMatchesBruteForce(vector, 0.95, cutoff, 'test')));
      expect(found.every((match) => match.at >= cutoff)).toBe(true);
    }
  });
});

describe('offline embedding', () => {
  it('keeps reposts and near-verbatim copies above 0.95 and different sentences far below', () => {
    const news = 'Breaking: the city council approved the new tram line to the airport, opening in 2027.';
    const zh = '突发：市议会批准了通往机场的新电车线路，预计2027年开通。';
    expect(cosine(offlineEmbedding(news), offlineEmbedding(news))).toBeCloseTo(1, 6);
    expect(cosine(offlineEmbedding(news), offlineEmbedding(`${news} wow`))).toBeGreaterThan(0.95);
    expect(cosine(offlineEmbedding(news), offlineEmbedding(news.toUpperCase()))).toBeGreaterThan(0.99);
    expect(cosine(offlineEmbedding(zh), offlineEmbedding(`${zh}！！`))).toBeGreaterThan(0.95);
    expect(cosine(offlineEmbedding(news), offlineEmbedding('Does anyone want to get lunch at the new ramen place today?'))).toBeLessThan(0.5);
    expect(cosine(offlineEmbedding(zh), offlineEmbedding('今天中午有人一起去吃拉面吗？'))).toBeLessThan(0.5);
  });
});
