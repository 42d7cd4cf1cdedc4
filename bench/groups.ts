/**
 * `npm run bench:groups`: the two group figures of one run — the old-news lookup against 100,000 stored
 * messages (index beside a brute-force scan, recall compared) and the judge calls per 1,000 group messages
 * with and without the settle window. The last line is one JSON object.
 */
import { parseArgs } from 'node:util';
import { measureJudgeCalls } from './groups-judge.js';
import { benchGroupsLookup } from './groups-lookup.js';

const { values } = parseArgs({ options: { messages: { type: 'string' }, queries: { type: 'string' } } });
const messages = values.messages === undefined ? 100_000 : Number(values.messages);

const judge = measureJudgeCalls();
console.log(`judge calls per 1,000 group messages: ${judge.judgeCallsPer1000} with the settle window, ${judge.judgeCallsPer1000NoSettle} without`);

const lookup = await benchGroupsLookup({ messages, ...(values.queries === undefined ? {} : { queries: Number(values.queries) }) });
console.log(`old-news lookup, ${messages} messages × 1024 dims: index p50 ${lookup.lookupP50Ms} ms, p99 ${lookup.lookupP99Ms} ms (CPU time p99 ${lookup.lookupCpuP99Ms} ms); brute force p50 ${lookup.bruteForceP50Ms} ms, p99 ${lookup.bruteForceP99Ms} ms`);
console.log(`recall vs brute force ${lookup.recallVsBruteForce} over ${lookup.matchesAboveThreshold} matches; ${lookup.candidatesPerLookup} candidates per lookup at Hamming radius ${lookup.hammingRadius}`);

console.log(
  JSON.stringify({
    lookupP99Ms: lookup.lookupP99Ms,
    bruteForceP99Ms: lookup.bruteForceP99Ms,
    recallVsBruteForce: lookup.recallVsBruteForce,
    judgeCallsPer1000: judge.judgeCallsPer1000,
    judgeCallsPer1000NoSettle: judge.judgeCallsPer1000NoSettle,
  }),
);
