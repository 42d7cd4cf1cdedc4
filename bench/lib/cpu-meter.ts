/**
 * CPU time per event, by process: the worker(s), Redis and this benchmark process (which ingests). On a
 * shared machine wall-clock rates swing with the neighbours' load; the CPU each part spends per event moves
 * much less, so A/B comparisons use it. Linux only (/proc); elsewhere the meter reports nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

export interface CpuPerEvent {
  /** Microseconds of CPU per event. */
  worker: number;
  redis: number;
  client: number;
}

function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1000;
}

/** Starts measuring; `stop(events)` returns CPU microseconds per event, or null off Linux. */
export async function startCpuMeter(workerPids: readonly number[], redis: Redis): Promise<{ stop(events: number): Promise<CpuPerEvent | null> }> {
  if (!existsSync('/proc/self/stat')) return { stop: async () => null };
  const workersAt = () => workerPids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const [worker0, redis0, client0] = [workersAt(), await redisCpuMs(redis), process.cpuUsage()];
  return {
    async stop(events) {
      const client = process.cpuUsage(client0);
      const perEvent = (ms: number) => Math.round((ms * 1000) / events);
      return {
        worker: perEvent(workersAt() - worker0),
        redis: perEvent((await redisCpuMs(redis)) - redis0),
        client: Math.round((client.user + client.system) / events),
      };
    },
  };
}
