/**
 * Old-news lookup at scale: one group with 100,000 stored messages (1,024-dimension embeddings, a fifth of
 * them with a picture's dHash), looked up by the in-worker index (sign sketches scanned in WebAssembly,
 * candidates verified exactly) and by the brute-force cosine scan, in the same run on the same data. The
 * synthetic data is built so recall is actually tested: clusters of near-duplicates at cosine 0.95–0.99 to
 * their story, others just below the 0.95 threshold, and queries that land on both sides of it.
 *
 * Run alone: `node --import tsx bench/groups-lookup.ts [--messages 100000] [--queries 200]`; the last line
 * is one JSON object. `benchGroupsLookup()` returns the same figures for `npm run bench:groups`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { GroupIndex, type Match } from '../src/memory-reboot/group-index.js';
import { candidateRadius } from '../src/memory-reboot/sign-sketch.js';
import { encodeVector } from '../src/memory-reboot/vector-codec.js';
import { atCosine, between, flipBits, generator, randomHash, randomUnit } from './lib/synthetic-vectors.js';
import { percentile, round } from './lib/stats.js';

export interface GroupsLookupOptions {
  messages?: number;
  dimension?: number;
  queries?: number;
  textThreshold?: number;
  imageThreshold?: number;
  seed?: number;
}

export interface GroupsLookupResult {
  lookupP99Ms: number;
  bruteForceP99Ms: number;
  /** Matches the index found / matches the brute-force scan found (1 means equal), text and pictures. */
  recallVsBruteForce: number;
  lookupP50Ms: number;
  /**
   * The lookup's CPU time p99 (process.cpuUsage): on a shared machine the wall-clock p99 mostly measures
   * how often the scheduler preempts a sub-millisecond lookup, this one what the lookup costs.
   */
  lookupCpuP99Ms: number;
  bruteForceP50Ms: number;
  /** Brute-force matches over all queries, and how many of them lie within 0.01 above the threshold. */
  matchesAboveThreshold: number;
  matchesNearThreshold: number;
  /** Pairs between 0.93 and the threshold for the first 40 queries: near misses both methods must leave out. */
  nearMisses: number;
  candidatesPerLookup: number;
  hammingRadius: number;
  indexMegabytes: number;
  buildSeconds: number;
}

interface Story {
  vector: Float32Array;
  hash: Uint8Array;
}

interface Query {
  vector: Float32Array;
  hashes: Uint8Array[];
}

/** Builds the index and the queries: stories posted several times (near-duplicates), near misses, and noise. */
function buildData(options: Required<GroupsLookupOptions>): { index: GroupIndex; queries: Query[]; nearMisses: number } {
  const random = generator(options.seed);
  const { dimension, messages } = options;
  const stories: Story[] = Array.from({ length: Math.max(1, Math.floor(messages / 50)) }, () => ({ vector: randomUnit(random, dimension), hash: randomHash(random) }));
  const index = new GroupIndex();
  const start = Date.UTC(2026, 4, 1);
  let nearMisses = 0;
  for (let message = 0; message < messages; message += 1) {
    const roll = random.uniform();
    const story = stories[Math.floor(random.uniform() * stories.length)]!;
    let vector: Float32Array;
    let imageHashes: Uint8Array[] = [];
    if (roll < 0.15) {
      vector = atCosine(random, story.vector, between(random, 0.95, 0.99));
      if (random.uniform() < 0.5) imageHashes = [flipBits(random, story.hash, Math.floor(between(random, 0, 30)))];
    } else if (roll < 0.2) {
      vector = atCosine(random, story.vector, between(random, 0.93, 0.9499));
      nearMisses += 1;
    } else {
      vector = randomUnit(random, dimension);
      if (random.uniform() < 0.2) imageHashes = [randomHash(random)];
    }
    index.add({ id: `m${message}`, at: start + message * 1000, senderId: `u${message % 97}`, vector: encodeVector(vector), imageHashes });
  }
  const queries: Query[] = Array.from({ length: options.queries }, (_, query) => {
    const story = stories[Math.floor(random.uniform() * stories.length)]!;
    if (query % 4 === 3) return { vector: randomUnit(random, dimension), hashes: [] };
    const vector = atCosine(random, story.vector, between(random, 0.95, 0.995));
    return { vector, hashes: query % 2 === 0 ? [flipBits(random, story.hash, Math.floor(between(random, 0, 20)))] : [] };
  });
  return { index, queries, nearMisses };
}

/** Times each query is looked up by the index (more samples for a steadier p99). */
const lookupRounds = 5;

/** Queries whose near misses are counted (one more brute-force scan each). */
const nearMissSample = 40;

const key = (match: Match) => `${match.kind}:${match.id}`;

/** Runs the lookup benchmark and returns its figures. */
export async function benchGroupsLookup(options: GroupsLookupOptions = {}): Promise<GroupsLookupResult> {
  const settings: Required<GroupsLookupOptions> = {
    messages: options.messages ?? 100_000,
    dimension: options.dimension ?? 1024,
    queries: options.queries ?? 200,
    textThreshold: options.textThreshold ?? 0.95,
    imageThreshold: options.imageThreshold ?? 0.9,
    seed: options.seed ?? 20_260_501,
  };
  const built = Date.now();
  const { index, queries } = buildData(settings);
  const buildSeconds = (Date.now() - built) / 1000;
  const lookup = (query: Query) => [
    ...index.textMatches(query.vector, settings.textThreshold, 0),
    ...(query.hashes.length > 0 ? index.imageMatches(query.hashes, settings.imageThreshold, 0) : []),
  ];
  const bruteForce = (query: Query) => [
    ...index.textMatchesBruteForce(query.vector, settings.textThreshold, 0),
    ...(query.hashes.length > 0 ? index.imageMatchesBruteForce(query.hashes, settings.imageThreshold, 0) : []),
  ];
  for (const query of queries.slice(0, 20)) lookup(query); // warm up the JIT
  bruteForce(queries[0]!);

  // The index's lookups first, each query several times, with nothing else allocating in between; then the
  // brute-force scans (whose garbage would otherwise land in the lookups' timings).
  (globalThis as { gc?: () => void }).gc?.();
  const lookupMs: number[] = [];
  const lookupCpuMs: number[] = [];
  const answers: Match[][] = [];
  let candidates = 0;
  for (let round = 0; round < lookupRounds; round += 1) {
    for (const query of queries) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const fast = lookup(query);
      lookupMs.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      lookupCpuMs.push((used.user + used.system) / 1000);
      if (round === 0) {
        answers.push(fast);
        candidates += index.lastCandidates;
      }
    }
  }
  const bruteMs: number[] = [];
  let found = 0;
  let expected = 0;
  let near = 0;
  let nearBelow = 0;
  queries.forEach((query, at) => {
    const started = performance.now();
    const reference = bruteForce(query);
    bruteMs.push(performance.now() - started);
    const fast = answers[at]!;
    const fastKeys = new Set(fast.map(key));
    expected += reference.length;
    found += reference.filter((match) => fastKeys.has(key(match))).length;
    near += reference.filter((match) => match.kind === 'text' && match.similarity < settings.textThreshold + 0.01).length;
    if (at < nearMissSample) {
      nearBelow += index.textMatchesBruteForce(query.vector, 0.93, 0).filter((match) => match.similarity < settings.textThreshold).length;
    }
    if (fast.length !== reference.length) throw new Error(`query ${at}: the index returned ${fast.length} matches, brute force ${reference.length}`);
  });
  return {
    lookupP99Ms: round(percentile(lookupMs, 99), 3),
    bruteForceP99Ms: round(percentile(bruteMs, 99), 1),
    recallVsBruteForce: expected === 0 ? 1 : found / expected,
    lookupP50Ms: round(percentile(lookupMs, 50), 3),
    lookupCpuP99Ms: round(percentile(lookupCpuMs, 99), 3),
    bruteForceP50Ms: round(percentile(bruteMs, 50), 1),
    matchesAboveThreshold: expected,
    matchesNearThreshold: near,
    nearMisses: nearBelow,
    candidatesPerLookup: round(candidates / queries.length, 1),
    hammingRadius: candidateRadius(settings.textThreshold),
    indexMegabytes: round(index.memoryBytes / 1_048_576, 1),
    buildSeconds: round(buildSeconds, 1),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { messages: { type: 'string' }, queries: { type: 'string' } } });
  const result = await benchGroupsLookup({
    ...(values.messages === undefined ? {} : { messages: Number(values.messages) }),
    ...(values.queries === undefined ? {} : { queries: Number(values.queries) }),
  });
  console.log(`old-news lookup, ${values.messages ?? 100_000} messages × 1024 dims: index p50 ${result.lookupP50Ms} ms, p99 ${result.lookupP99Ms} ms (CPU time p99 ${result.lookupCpuP99Ms} ms); brute force p50 ${result.bruteForceP50Ms} ms, p99 ${result.bruteForceP99Ms} ms`);
  console.log(`recall vs brute force ${result.recallVsBruteForce} over ${result.matchesAboveThreshold} matches (${result.matchesNearThreshold} within 0.01 of the threshold; ${result.nearMisses} pairs in [0.93, threshold) left out by both for the first 40 queries); ${result.candidatesPerLookup} candidates per lookup at radius ${result.hammingRadius}`);
  console.log(JSON.stringify(result));
}
