import { describe, expect, it } from 'vitest';
import { coresNeeded, rateBudget, totalMicros } from '../../bench/lib/cpu-budget.js';

describe('the CPU a rate asks for', () => {
  it('splits a second of each core over the events of that second', () => {
    const budget = rateBudget(20_000, 2);
    expect(budget.eventsPerSec).toBe(20_000);
    expect(budget.machineMicros).toBe(100);
    expect(budget.workerMicros).toBe(50);
  });

  it('holds more per event on more cores, but not on one thread', () => {
    expect(rateBudget(20_000, 8).machineMicros).toBe(400);
    expect(rateBudget(20_000, 8).workerMicros).toBe(50);
  });
});

describe('the cores a measured rate needs', () => {
  const cpu = { worker: 1_200, redis: 450, client: 150 };

  it('adds up every process', () => {
    expect(totalMicros(cpu)).toBe(1_800);
  });

  it('gives the worker process its share and the machine the sum', () => {
    const needed = coresNeeded(cpu, 1_000);
    expect(needed.worker).toBeCloseTo(1.2);
    expect(needed.machine).toBeCloseTo(1.8);
    expect(coresNeeded(cpu, 250).worker).toBeCloseTo(0.3);
  });
});
