/**
 * What a throughput or rate target asks of this machine's CPU, set beside what a run spent. The benchmark,
 * Redis and the worker share the machine's cores, and the worker's JavaScript runs on one thread, so a rate
 * needs both enough CPU on the machine and about one core's worth at most in the worker process (its CPU also
 * counts a few helper threads: the garbage collector's, the model's).
 */
import type { CpuPerEvent } from './cpu-meter.js';

export interface RateBudget {
  /** Events per second the target asks for. */
  eventsPerSec: number;
  /** CPU microseconds per event the machine's cores hold at that rate, all processes together. */
  machineMicros: number;
  /** CPU microseconds per event one thread holds at that rate: the worker's JavaScript runs on one. */
  workerMicros: number;
}

/** The CPU per event a rate of `eventsPerSec` leaves on `cores` cores and on one thread. */
export function rateBudget(eventsPerSec: number, cores: number): RateBudget {
  return { eventsPerSec, machineMicros: (cores * 1_000_000) / eventsPerSec, workerMicros: 1_000_000 / eventsPerSec };
}

/** The CPU per event of every process together. */
export function totalMicros(cpu: CpuPerEvent): number {
  return cpu.worker + cpu.redis + cpu.client;
}

export interface CoresNeeded {
  /** Cores the worker process needs (near or over 1, its one JavaScript thread falls behind). */
  worker: number;
  /** Cores the worker, Redis and the ingesting process need together. */
  machine: number;
}

/** The cores a rate of `eventsPerSec` needs at the CPU per event `cpu` measured. */
export function coresNeeded(cpu: CpuPerEvent, eventsPerSec: number): CoresNeeded {
  return { worker: (cpu.worker * eventsPerSec) / 1_000_000, machine: (totalMicros(cpu) * eventsPerSec) / 1_000_000 };
}
