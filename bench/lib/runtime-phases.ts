/**
 * The phases of the runtime benchmark, each against the benchmark's own Redis and real worker processes:
 * the BullMQ no-op baseline, end-to-end throughput, commit latency at a moderate rate, timer lateness,
 * Redis bytes per idle session and heap per live actor.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { armedTimers } from '../../machines/session-logic.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { KizunaConfig } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { createCommandConnection, waitUntilReady } from '../../src/redis/connection.js';
import { globalKeys, queuePrefix, sessionKeys } from '../../src/redis/keys.js';
import type { CommitRecord } from '../../src/runtime/commit-publisher.js';
import type { IngestEvent } from '../../src/runtime/ingestor.js';
import { timerJobId } from '../../src/runtime/queues.js';
import { type Runtime, startRuntime } from '../../src/runtime/runtime.js';
import { createLiveSession, type LiveSession } from '../../src/runtime/session-actor.js';
import { type KizunaProcess, startWorkerProcess, waitForOutput, writeConfigFile } from '../../test/helpers/kizuna-process.js';
import { type CpuPerEvent, startCpuMeter } from './cpu-meter.js';
import { percentile, pool } from './stats.js';

const logger = createLogger('bench', 'error');
/** A fragment the completeness model scores incomplete: held, with a debounce timer armed. */
const incomplete = 'so I was thinking';
const fragments = [incomplete, 'about the trip', 'and maybe', '我们周末', '去爬山吧', 'what do you think?', '好的', 'ok!'];

export function benchConfig(prefix: string, overrides: Record<string, Record<string, unknown>> = {}): KizunaConfig {
  return parseConfig({
    redis: { prefix },
    runtime: { sweepIntervalSeconds: 0, eventLogMaxEntries: 500, ...overrides.runtime },
    debounce: { timeoutSeconds: 60, ...overrides.debounce },
    proactive: { enabled: false, ...overrides.proactive },
    offline: { replyWaitSeconds: 0, ...overrides.offline },
  });
}

/**
 * The drain design a phase runs with: `undefined` the configured default (drain shards), `0` the per-session
 * drain job of the original design (the baseline); the prefix keeps the two apart.
 */
function drainDesign(prefix: string, drainShards: number | undefined, overrides: Record<string, Record<string, unknown>> = {}): KizunaConfig {
  if (drainShards === undefined) return benchConfig(prefix, overrides);
  return benchConfig(`${prefix}-s${drainShards}`, { ...overrides, runtime: { ...overrides.runtime, drainShards } });
}

/** A chat fragment from the session's own user, stamped now. */
export function message(sessionId: string, text: string): IngestEvent {
  return { type: 'message.received', at: Date.now(), sender: { id: sessionId }, text, images: [], mentionsBot: false };
}

/** A client runtime (no roles) for ingesting and reading, under `config`'s prefix. */
export async function clientRuntime(redisUrl: string, config: KizunaConfig): Promise<Runtime> {
  return startRuntime({ config, redisUrl, roles: [], logger });
}

async function workers(redisUrl: string, config: KizunaConfig, count: number, roles: string): Promise<KizunaProcess[]> {
  const path = writeConfigFile(config);
  return Promise.all(Array.from({ length: count }, () => startWorkerProcess(redisUrl, path, roles)));
}

async function stopAll(processes: KizunaProcess[]): Promise<void> {
  for (const process of processes) process.kill('SIGTERM');
  await Promise.all(processes.map((process) => process.exited));
}

/** Counts applied events from the commit stream until `target` is reached; resolves with the time. */
function appliedCounter(redisUrl: string, prefix: string) {
  const subscriber = new Redis(redisUrl);
  let applied = 0;
  let commits = 0;
  let lastAt = 0;
  const waiters: Array<{ target: number; resolve: (at: number) => void }> = [];
  const subscribed = subscriber.subscribe(globalKeys(prefix).stream);
  subscriber.on('message', (_channel: string, text: string) => {
    applied += (JSON.parse(text) as CommitRecord).applied;
    commits += 1;
    lastAt = Date.now();
    for (const waiter of waiters.filter((item) => applied >= item.target)) {
      waiter.resolve(lastAt);
      waiters.splice(waiters.indexOf(waiter), 1);
    }
  });
  return {
    ready: async () => void (await subscribed),
    commits: () => commits,
    reach: (target: number) => new Promise<number>((resolve) => (applied >= target ? resolve(lastAt) : waiters.push({ target, resolve }))),
    close: () => subscriber.disconnect(),
  };
}

export interface NoopJobs {
  jobsPerSec: number;
  /** CPU per job of the no-op worker process and of Redis (`client` is the benchmark process polling the count). */
  cpu: CpuPerEvent | null;
}

/**
 * Baseline: no-op jobs per second of one BullMQ worker process set up as a drain worker (connection,
 * concurrency, lock and stall settings), on jobs queued beforehand with the queue connection the runtime uses.
 */
export async function measureNoopJobs(redisUrl: string, jobs: number): Promise<NoopJobs> {
  const connection = createCommandConnection(redisUrl);
  await waitUntilReady(connection);
  const prefix = queuePrefix('bench-noop');
  const queue = new Queue('noop', { connection, prefix });
  for (let start = 0; start < jobs; start += 1000) {
    const count = Math.min(1000, jobs - start);
    await queue.addBulk(Array.from({ length: count }, (_, index) => ({ name: 'noop', data: { n: start + index }, opts: { removeOnComplete: true } })));
  }
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../noop-worker.ts', import.meta.url))], {
    env: { ...process.env, BENCH_REDIS_URL: redisUrl, BENCH_QUEUE: 'noop', BENCH_PREFIX: prefix },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = await new Promise<number>((resolve) => {
    const check = setInterval(() => output.includes('ready') && (clearInterval(check), resolve(Date.now())), 1);
  });
  const meter = await startCpuMeter(child.pid === undefined ? [] : [child.pid], connection);
  while ((await queue.getJobCountByTypes('wait', 'active', 'prioritized')) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const elapsed = Date.now() - started;
  const cpu = await meter.stop(jobs);
  child.kill('SIGTERM');
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return { jobsPerSec: (jobs / elapsed) * 1000, cpu };
}

export interface Throughput {
  eventsPerSec: number;
  /** Mean events applied per commit (a drain's batch). */
  eventsPerCommit: number;
  cpu: CpuPerEvent | null;
}

/** End-to-end events/s (ingest → committed) with `workerCount` session workers over `sessions` sessions. */
export async function measureThroughput(redisUrl: string, workerCount: number, sessions: number, perSession: number, drainShards?: number): Promise<Throughput> {
  const config = drainDesign(`bench-tp${workerCount}`, drainShards);
  const processes = await workers(redisUrl, config, workerCount, 'session');
  const client = await clientRuntime(redisUrl, config);
  const counter = appliedCounter(redisUrl, config.redis.prefix);
  await counter.ready();
  const ids = Array.from({ length: sessions }, (_, index) => `bench:private:tp${index}`);
  const meter = await startCpuMeter(pids(processes), client.redis);
  const started = Date.now();
  for (let round = 0; round < perSession; round++) {
    await pool(ids, 2000, (id) => client.ingestor.ingest(id, message(id, fragments[(round + id.length) % fragments.length]!)));
  }
  const total = sessions * perSession;
  const finished = await counter.reach(total);
  const cpu = await meter.stop(total);
  const commits = counter.commits();
  counter.close();
  await client.close();
  await stopAll(processes);
  return { eventsPerSec: (total / (finished - started)) * 1000, eventsPerCommit: total / commits, cpu };
}

function pids(processes: readonly KizunaProcess[]): number[] {
  return processes.flatMap((process) => (process.child.pid === undefined ? [] : [process.child.pid]));
}

/**
 * Sends `total` messages to `ids` (in turn) at a steady `rate` per second, each `text` or else one of the
 * sample fragments; resolves when the last one is sent.
 */
async function ingestAtRate(client: Runtime, ids: readonly string[], rate: number, total: number, text?: string): Promise<void> {
  const tickMs = 10;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const started = Date.now();
  for (let sent = 0; sent < total; sent += perTick) {
    const batch = Array.from({ length: Math.min(perTick, total - sent) }, (_, index) => ids[(sent + index) % ids.length]!);
    void Promise.all(batch.map((id) => client.ingestor.ingest(id, message(id, text ?? fragments[sent % fragments.length]!))));
    const due = started + (sent / perTick + 1) * tickMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
  }
}

export interface LatencyPhase {
  sessions: number;
  /** Events per second, offered at a steady pace. */
  rate: number;
  /** How long the measured traffic lasts. */
  seconds: number;
  /** How long the warm-up traffic lasts. */
  warmSeconds: number;
  drainShards?: number;
  /** Worker processes (default 1). */
  workerCount?: number;
}

/**
 * Ingest→commit latency percentiles at a steady `rate` events/s over `sessions` sessions for `seconds`, after
 * `warmSeconds` of the same traffic on other sessions to warm the worker up (JIT, connections, the model),
 * and once the warm-up is committed: a freshly started worker runs behind for its first seconds, and that
 * backlog is not the steady state the figure is about (it is reported in docs/benchmarks.md).
 */
export async function measureLatency(
  redisUrl: string,
  { sessions, rate, seconds, warmSeconds, drainShards, workerCount = 1 }: LatencyPhase,
): Promise<{ p50: number; p99: number; samples: number; cpu: CpuPerEvent | null }> {
  const config = drainDesign('bench-latency', drainShards);
  const processes = await workers(redisUrl, config, workerCount, 'session');
  const client = await clientRuntime(redisUrl, config);
  const counter = appliedCounter(redisUrl, config.redis.prefix);
  await counter.ready();
  const meter = await startCpuMeter(pids(processes), client.redis);
  const warm = Math.round(rate * warmSeconds);
  const warmIds = Array.from({ length: sessions }, (_, index) => `bench:private:warm${index}`);
  await ingestAtRate(client, warmIds, rate, warm);
  await counter.reach(warm);
  const ids = Array.from({ length: sessions }, (_, index) => `bench:private:lat${index}`);
  await ingestAtRate(client, ids, rate, rate * seconds);
  await counter.reach(warm + rate * seconds);
  const cpu = await meter.stop(warm + rate * seconds);
  counter.close();
  const latencies: number[] = [];
  await pool(ids, 200, async (id) => {
    for (const entry of (await client.reader.readLog(id)).entries) {
      if (entry.event?.type === 'message.received' && entry.committedAt) latencies.push(entry.committedAt - entry.event.at);
    }
  });
  await client.close();
  await stopAll(processes);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length, cpu };
}

export interface TimerPhase {
  /** Timers measured, one per session. */
  count: number;
  /** The seconds over which their fragments arrive, so timers come due at count/spread per second. */
  spreadSeconds: number;
  /** The debounce timeout: how long after its fragment each timer is due. */
  dueAfterSeconds: number;
  /** How long the warm-up traffic lasts. */
  warmSeconds: number;
  drainShards?: number;
}

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

function percentiles(values: readonly number[]): Percentiles {
  return { p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) };
}

/** Firing lateness (the `timer.fired` event's time − due), and when the firing was committed (applied − due). */
export interface TimerLateness extends Percentiles {
  applied: Percentiles;
  cpu: CpuPerEvent | null;
  workerBusy: number | null;
}

/**
 * Lateness (fired − due) of `count` real debounce timers, one per session, each due `dueAfterSeconds` after its
 * message; the messages arrive at a steady pace over `spreadSeconds`, so timers come due at count/spread per
 * second while the worker is also busy with the messages and with what each firing causes. Before them,
 * `warmSeconds` of the same traffic on other sessions warm the worker up, as in the latency phase; their timers
 * fire during the measured part's first seconds, as earlier traffic's would in a steady state.
 * Also when each firing was committed (applied − due): the firing waits in the mailbox behind the drains
 * before it changes the session, and that is when the bot acts on it.
 */
export async function measureTimers(
  redisUrl: string,
  { count, spreadSeconds, dueAfterSeconds, warmSeconds, drainShards }: TimerPhase,
): Promise<TimerLateness> {
  const config = drainDesign('bench-timers', drainShards, { debounce: { timeoutSeconds: dueAfterSeconds } });
  const processes = await workers(redisUrl, config, 1, 'session');
  const client = await clientRuntime(redisUrl, config);
  const counter = appliedCounter(redisUrl, config.redis.prefix);
  await counter.ready();
  const meter = await startCpuMeter(pids(processes), client.redis);
  const metered = Date.now();
  const rate = count / spreadSeconds;
  const warm = Math.round(rate * warmSeconds);
  const warmIds = Array.from({ length: warm }, (_, index) => `bench:private:warmtimer${index}`);
  await ingestAtRate(client, warmIds, rate, warm, incomplete);
  await counter.reach(warm);
  const ids = Array.from({ length: count }, (_, index) => `bench:private:timer${index}`);
  await ingestAtRate(client, ids, rate, count, incomplete);
  // Every fragment and every firing applied, the warm-up's included.
  const finished = await counter.reach((warm + count) * 2);
  // Per timer: its fragment and its firing, each drained, plus the timer's BullMQ job.
  const cpu = await meter.stop(warm + count);
  counter.close();
  const lateness: number[] = [];
  const applied: number[] = [];
  await pool(ids, 200, async (id) => {
    for (const entry of (await client.reader.readLog(id)).entries) {
      if (entry.event?.type !== 'timer.fired') continue;
      lateness.push(entry.event.at - entry.event.dueAt);
      if (entry.committedAt !== undefined) applied.push(entry.committedAt - entry.event.dueAt);
    }
  });
  await client.close();
  await stopAll(processes);
  const workerBusy = cpu === null ? null : (cpu.worker * (warm + count)) / 1000 / (finished - metered);
  return { ...percentiles(lateness), applied: percentiles(applied), cpu, workerBusy };
}

export interface IdleFootprint {
  controlBytes: number;
  logBytes: number;
  outboxBytes: number;
  snapshot: unknown;
}

/** Redis memory of sessions left idle after a goodbye (one exchange, a proactive timer armed). */
export async function measureIdleFootprint(redisUrl: string, sessions: number): Promise<IdleFootprint> {
  // The default prefix and QQ-like ids, so key names are as long as in a real deployment.
  const config = benchConfig('kz', { proactive: { enabled: true } });
  const processes = await workers(redisUrl, config, 1, 'session,llm');
  const client = await clientRuntime(redisUrl, config);
  const ids = Array.from({ length: sessions }, (_, index) => `onebot:private:${1_000_000_000 + index}`);
  await pool(ids, 500, (id) => client.ingestor.ingest(id, message(id, 'good night!')));
  const settled = async (id: string) => {
    const view = await client.reader.getSession(id);
    return view?.state === 'idle' && (view.context?.outboundSeq ?? 0) > 0;
  };
  while (!(await Promise.all(ids.map(settled))).every(Boolean)) await new Promise((resolve) => setTimeout(resolve, 100));
  await stopAll(processes);
  const redis = client.redis;
  let control = 0;
  let log = 0;
  let outbox = 0;
  for (const id of ids) {
    const keys = sessionKeys(config.redis.prefix, id);
    const view = await client.reader.getSession(id);
    const timers = view?.context ? armedTimers(view.context).map((timer) => client.queues.timers.toKey(timerJobId(id, timer.name, timer.gen))) : [];
    const usage = async (key: string) => Number((await redis.memory('USAGE', key)) ?? 0);
    control += await usage(keys.actor);
    for (const key of timers) control += await usage(key);
    log += await usage(keys.log);
    outbox += await usage(keys.outbox);
  }
  const delayedShare = Number((await redis.memory('USAGE', client.queues.timers.toKey('delayed'))) ?? 0) / sessions;
  const indexShare = Number((await redis.memory('USAGE', globalKeys(config.redis.prefix).sessions)) ?? 0) / sessions;
  const snapshot = (await client.reader.getSession(ids[0]!))?.snapshot;
  await client.close();
  return { controlBytes: control / sessions + delayedShare + indexShare, logBytes: log / sessions, outboxBytes: outbox / sessions, snapshot };
}

/** Heap bytes per live actor, rehydrated from a typical idle snapshot. */
export function measureHeapPerActor(snapshot: unknown, count: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  const before = process.memoryUsage().heapUsed;
  const live: LiveSession[] = [];
  for (let index = 0; index < count; index++) live.push(createLiveSession(`bench:private:heap${index}`, structuredClone(snapshot), 1));
  gc();
  const after = process.memoryUsage().heapUsed;
  for (const session of live) session.actor.stop();
  return (after - before) / count;
}

export { waitForOutput };
