/**
 * `npm run bench:redis-cost [-- --quick]`: where Redis's time goes per applied event, by command and by Lua
 * script (BullMQ's scripts named from their source, kizuna's from `src/redis/lua/`), for three workloads
 * against a real worker process: single-event drains, bursts (ten fragments per session) and debounce timers
 * firing. Redis's SLOWLOG, set to log every command, gives each call's execution time inside Redis; the
 * logging itself is outside those times. The last line is one JSON object with the figures.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { startBenchRedis } from './lib/bench-redis.js';
import { benchConfig, clientRuntime, message } from './lib/runtime-phases.js';
import { pool, round } from './lib/stats.js';
import { startWorkerProcess, writeConfigFile } from '../test/helpers/kizuna-process.js';

const quick = process.argv.includes('--quick');
const sessions = quick ? 500 : 2_000;

/** sha1 → script name, for BullMQ's scripts (each generated module exports `{name, content}`) and kizuna's own. */
async function scriptNames(): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const sha = (text: string) => createHash('sha1').update(text).digest('hex');
  const bullmqScripts = join(dirname(createRequire(import.meta.url).resolve('bullmq')), '..', 'esm', 'scripts');
  for (const file of readdirSync(bullmqScripts).filter((name) => /^[a-zA-Z]+-\d+\.js$/u.test(name))) {
    const module = (await import(pathToFileURL(join(bullmqScripts, file)).href)) as Record<string, { name?: string; content?: string }>;
    for (const script of Object.values(module)) if (script.content !== undefined) names.set(sha(script.content), `bullmq:${script.name}`);
  }
  const ours = fileURLToPath(new URL('../src/redis/lua/', import.meta.url));
  for (const file of readdirSync(ours).filter((name) => name.endsWith('.lua'))) {
    names.set(sha(readFileSync(join(ours, file), 'utf8')), `kizuna:${file.replace(/-\d+\.lua$/u, '')}`);
  }
  return names;
}

interface Cost {
  calls: number;
  micros: number;
}

interface WorkloadCost {
  events: number;
  byName: Map<string, Cost>;
}

type SlowlogEntry = [number, number, number, string[]];

async function measure(redisUrl: string, workload: 'single' | 'burst' | 'timers', names: Map<string, string>): Promise<WorkloadCost> {
  const config = benchConfig(`cost-${workload}`, workload === 'timers' ? { debounce: { timeoutSeconds: 1 } } : {});
  const worker = await startWorkerProcess(redisUrl, writeConfigFile(config), 'session');
  const client = await clientRuntime(redisUrl, config);
  const admin = new Redis(redisUrl);
  try {
    const text = workload === 'timers' ? 'so I was thinking' : 'ok!';
    const send = (id: string, body: string) => client.ingestor.ingest(id, message(id, body));
    // Warm-up on other sessions, so the worker's code is compiled and its connections are open.
    await pool(Array.from({ length: 200 }, (_, index) => `bench:private:warm${index}`), 20, (id) => send(id, text));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await admin.config('SET', 'slowlog-log-slower-than', '0');
    await admin.config('SET', 'slowlog-max-len', '1000000');
    await admin.slowlog('RESET');
    const ids = Array.from({ length: sessions }, (_, index) => `bench:private:${workload}${index}`);
    let events = 0;
    if (workload === 'burst') {
      // Ten fragments per session, sent as fast as the ingest allows: drains pick up several at once.
      const fragments = ['so I was thinking', 'about the trip', 'and maybe', '我们周末', '去爬山吧', 'what do you think?', '好的', 'and', 'also', 'ok!'];
      for (const fragment of fragments) await pool(ids, 200, (id) => send(id, fragment));
      events = ids.length * fragments.length;
    } else {
      // One fragment per new session at about 1 000/s: each is a drain of its own.
      for (let start = 0; start < ids.length; start += 10) {
        await Promise.all(ids.slice(start, start + 10).map((id) => send(id, text)));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      events = ids.length * (workload === 'timers' ? 2 : 1);
    }
    await new Promise((resolve) => setTimeout(resolve, workload === 'timers' ? 4_000 : 2_500));
    const log = (await admin.call('SLOWLOG', 'GET', '-1')) as SlowlogEntry[];
    await admin.config('SET', 'slowlog-log-slower-than', '10000');
    const byName = new Map<string, Cost>();
    for (const [, , micros, args] of log) {
      const command = String(args[0]).toLowerCase();
      // The RESET that emptied the log is logged after it, with the time it took to free the previous entries.
      if (command === 'slowlog') continue;
      const name = command === 'evalsha' || command === 'eval' ? (names.get(String(args[1])) ?? `script:${String(args[1]).slice(0, 8)}`) : command;
      const cost = byName.get(name) ?? { calls: 0, micros: 0 };
      cost.calls += 1;
      cost.micros += micros;
      byName.set(name, cost);
    }
    return { events, byName };
  } finally {
    admin.disconnect();
    await client.close();
    worker.kill('SIGTERM');
    await worker.exited;
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const redis = await startBenchRedis();
const figures: Record<string, { redisMicrosPerEvent: number; bullmqShare: number; callsPerEvent: number }> = {};
try {
  const names = await scriptNames();
  say(`Redis time per applied event, by command and script (${sessions} sessions per workload; SLOWLOG durations)`);
  for (const workload of ['single', 'burst', 'timers'] as const) {
    const { events, byName } = await measure(redis.url, workload, names);
    const total = [...byName.values()].reduce((sum, cost) => sum + cost.micros, 0);
    const bullmq = [...byName].filter(([name]) => name.startsWith('bullmq:')).reduce((sum, [, cost]) => sum + cost.micros, 0);
    const calls = [...byName.values()].reduce((sum, cost) => sum + cost.calls, 0);
    say(`\n${workload}: ${events} events; ${round(total / events, 1)} µs of Redis per event in ${round(calls / events, 1)} calls; BullMQ's scripts ${round((100 * bullmq) / total, 0)} %`);
    for (const [name, cost] of [...byName].sort((a, b) => b[1].micros - a[1].micros).slice(0, 14)) {
      say(`  ${name.padEnd(32)} ${round(cost.calls / events, 2).toString().padStart(6)} calls  ${round(cost.micros / events, 1).toString().padStart(7)} µs  (${round(cost.micros / cost.calls, 1)} µs per call)`);
    }
    figures[workload] = { redisMicrosPerEvent: round(total / events, 1), bullmqShare: round(bullmq / total, 2), callsPerEvent: round(calls / events, 1) };
  }
  say(JSON.stringify(figures));
} finally {
  await redis.dispose();
}
