/**
 * `npm run bench:runtime [-- --quick]`: the runtime's throughput, latency, timer precision and footprint,
 * measured in one run on this machine, each against real worker processes and the project's redis.conf.
 * The last line is one JSON object with every figure.
 */
import { availableParallelism } from 'node:os';
import { startBenchRedis } from './lib/bench-redis.js';
import { coresNeeded, rateBudget, totalMicros } from './lib/cpu-budget.js';
import type { CpuPerEvent } from './lib/cpu-meter.js';
import {
  measureHeapPerActor,
  measureIdleFootprint,
  measureLatency,
  measureNoopJobs,
  measureThroughput,
  measureTimers,
  type TimerLateness,
} from './lib/runtime-phases.js';
import { round } from './lib/stats.js';

const quick = process.argv.includes('--quick');
const sizes = quick
  ? {
      noopJobs: 10_000,
      sessions: 1_000,
      perSession: 10,
      idle: 300,
      heap: 2_000,
      latency: { sessions: 1_000, rate: 1_000, seconds: 2, warmSeconds: 1 },
      timers: { count: 1_000, spreadSeconds: 2, dueAfterSeconds: 2, warmSeconds: 1 },
      // The quick run leaves out the 2-worker latency run and the timers below saturation, to stay under 60 s.
      timersBelowSaturation: null,
    }
  : {
      noopJobs: 50_000,
      sessions: 10_000,
      perSession: 10,
      idle: 1_000,
      heap: 10_000,
      latency: { sessions: 10_000, rate: 1_000, seconds: 10, warmSeconds: 2 },
      timers: { count: 10_000, spreadSeconds: 10, dueAfterSeconds: 3, warmSeconds: 2 },
      timersBelowSaturation: { count: 5_000, spreadSeconds: 20, dueAfterSeconds: 3, warmSeconds: 2 },
    };

const say = (line: string) => process.stdout.write(`${line}\n`);
const cpuText = (cpu: CpuPerEvent | null) =>
  cpu === null ? 'not measured (no /proc)' : `worker ${cpu.worker} µs, Redis ${cpu.redis} µs, ingesting benchmark process ${cpu.client} µs`;

const appliedText = ({ applied }: TimerLateness) => `p50 ${applied.p50} ms, p99 ${applied.p99} ms, max ${applied.max} ms`;

const cores = availableParallelism();
/** The ratio to the no-op job rate the issue sets as the target. */
const targetRatio = 1.5;

/** What the ratio target asks of this machine's CPU per event, beside what the throughput phase spent. */
function ratioBudgetText(noopJobsPerSec: number, cpu: CpuPerEvent | null): string {
  const budget = rateBudget(noopJobsPerSec * targetRatio, cores);
  const asks = `×${targetRatio} the no-op rate is ${round(budget.eventsPerSec, 0)} events/s: at most ${round(budget.machineMicros, 0)} µs of CPU per event on this machine's ${cores} cores (the worker, Redis and the ingesting process together), and about ${round(budget.workerMicros, 0)} µs in the worker process, whose JavaScript runs on one thread`;
  if (cpu === null) return asks;
  return `${asks}; this run spent ${totalMicros(cpu)} µs per event, ${cpu.redis + cpu.client} µs of it in Redis and the ingesting process`;
}

/** The cores the timer phase's rate needs at the CPU per timer it measured. */
function timerCoresText(timersPerSec: number, cpu: CpuPerEvent | null): string {
  if (cpu === null) return '';
  const needed = coresNeeded(cpu, timersPerSec);
  return `; at ${timersPerSec} timers/s that is ${round(needed.worker, 2)} cores for the worker process (its JavaScript runs on one thread) and ${round(needed.machine, 2)} of this machine's ${cores} cores in all`;
}

const busyText = (share: number | null) => (share === null ? '' : `the worker process used ${round(share * 100, 0)} % of a core over the phase`);

const redis = await startBenchRedis();
try {
  say(`kizuna runtime benchmark (${quick ? 'quick' : 'full'}) — Redis from redis.conf at ${redis.url}; each phase starts on an emptied Redis with a freshly rewritten AOF`);
  await redis.reset();
  const noopJobs = await measureNoopJobs(redis.url, sizes.noopJobs);
  const noop = noopJobs.jobsPerSec;
  const noopCpu = noopJobs.cpu === null ? '' : ` (CPU per job: worker ${noopJobs.cpu.worker} µs, Redis ${noopJobs.cpu.redis} µs)`;
  say(`BullMQ no-op jobs/s (1 worker process, concurrency 32, ${sizes.noopJobs} jobs): ${round(noop, 0)}${noopCpu}`);
  await redis.reset();
  const throughput = await measureThroughput(redis.url, 1, sizes.sessions, sizes.perSession);
  const one = throughput.eventsPerSec;
  say(`events/s ingest→committed, 1 worker, ${sizes.sessions} sessions × ${sizes.perSession}: ${round(one, 0)} (×${round(one / noop, 2)} the no-op job rate; ${round(throughput.eventsPerCommit, 1)} events per commit)`);
  say(`  CPU per event: ${cpuText(throughput.cpu)}`);
  say(`  the ratio target: ${ratioBudgetText(noop, throughput.cpu)}`);
  await redis.reset();
  const baseline = await measureThroughput(redis.url, 1, sizes.sessions, sizes.perSession, 0);
  say(`  baseline, one drain job per session (drainShards 0): ${round(baseline.eventsPerSec, 0)} (×${round(baseline.eventsPerSec / noop, 2)}; ${round(baseline.eventsPerCommit, 1)} events per commit)`);
  say(`  CPU per event: ${cpuText(baseline.cpu)}`);
  await redis.reset();
  const two = (await measureThroughput(redis.url, 2, sizes.sessions, sizes.perSession)).eventsPerSec;
  say(`events/s ingest→committed, 2 workers: ${round(two, 0)}`);
  await redis.reset();
  const latency = await measureLatency(redis.url, sizes.latency);
  say(`ingest→commit latency at ${sizes.latency.rate} events/s over ${sizes.latency.sessions} sessions: p50 ${latency.p50} ms, p99 ${latency.p99} ms (${latency.samples} events)`);
  say(`  CPU per event: ${cpuText(latency.cpu)}`);
  await redis.reset();
  const latencyBaseline = await measureLatency(redis.url, { ...sizes.latency, drainShards: 0 });
  say(`  baseline, one drain job per session: p50 ${latencyBaseline.p50} ms, p99 ${latencyBaseline.p99} ms; CPU per event: ${cpuText(latencyBaseline.cpu)}`);
  if (!quick) {
    await redis.reset();
    const spread = await measureLatency(redis.url, { ...sizes.latency, workerCount: 2 });
    say(`  with 2 worker processes, the drains spread over both cores: p50 ${spread.p50} ms, p99 ${spread.p99} ms; CPU per event: ${cpuText(spread.cpu)}`);
  }
  await redis.reset();
  const timers = await measureTimers(redis.url, sizes.timers);
  say(`timer lateness over ${sizes.timers.count} debounce timers due over ${sizes.timers.spreadSeconds} s, each ${sizes.timers.dueAfterSeconds} s after its fragment: p50 ${timers.p50} ms, p99 ${timers.p99} ms, max ${timers.max} ms`);
  say(`  committed (the firing applied to the session) − due: ${appliedText(timers)}`);
  const timerRate = sizes.timers.count / sizes.timers.spreadSeconds;
  say(`  CPU per timer (its fragment, its firing and what each causes): ${cpuText(timers.cpu)}${timerCoresText(timerRate, timers.cpu)}; ${busyText(timers.workerBusy)}`);
  await redis.reset();
  const timersBaseline = await measureTimers(redis.url, { ...sizes.timers, drainShards: 0 });
  say(`  baseline, one drain job per session: p50 ${timersBaseline.p50} ms, p99 ${timersBaseline.p99} ms, max ${timersBaseline.max} ms (committed − due: ${appliedText(timersBaseline)}); CPU per timer: ${cpuText(timersBaseline.cpu)}; ${busyText(timersBaseline.workerBusy)}`);
  if (sizes.timersBelowSaturation !== null) {
    const light = sizes.timersBelowSaturation;
    await redis.reset();
    const below = await measureTimers(redis.url, light);
    const rate = light.count / light.spreadSeconds;
    say(`  below saturation, ${light.count} timers at ${rate}/s: p50 ${below.p50} ms, p99 ${below.p99} ms, max ${below.max} ms (committed − due: ${appliedText(below)}); ${busyText(below.workerBusy)}`);
  }
  await redis.reset();
  const idle = await measureIdleFootprint(redis.url, sizes.idle);
  say(`Redis bytes per idle session: ${round(idle.controlBytes, 0)} (actor record, counter, proactive timer job, index entry); event log ${round(idle.logBytes, 0)}, outbox ${round(idle.outboxBytes, 0)} more`);
  const heap = measureHeapPerActor(idle.snapshot, sizes.heap);
  say(`worker heap per live actor (${sizes.heap} rehydrated idle sessions): ${round(heap, 0)} bytes`);
  say(
    JSON.stringify({
      eventsPerSec1Worker: round(one, 0),
      eventsPerSec2Workers: round(two, 0),
      bullmqNoopJobsPerSec: round(noop, 0),
      ratioToBullmq: round(one / noop, 2),
      commitP50Ms: latency.p50,
      commitP99Ms: latency.p99,
      timerP50Ms: timers.p50,
      timerP99Ms: timers.p99,
      timerMaxMs: timers.max,
      redisBytesPerIdleSession: round(idle.controlBytes, 0),
      heapBytesPerLiveActor: round(heap, 0),
    }),
  );
} finally {
  await redis.dispose();
}
