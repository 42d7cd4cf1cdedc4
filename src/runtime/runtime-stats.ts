/**
 * The worker's runtime statistics as an @xstate/store: counters, gauges and latency histograms, updated by
 * events from the driver, the ingestor and the processors, and read by `/metrics` and the benchmarks.
 * A store rather than a statechart: there are no states here, only bookkeeping.
 */
import { createStore } from '@xstate/store';

export const counterNames = [
  'events_ingested_total',
  'events_duplicate_total',
  'events_applied_total',
  'events_rejected_total',
  'commits_total',
  'commit_conflicts_total',
  'drains_total',
  'effects_run_total',
  'timers_fired_total',
  'live_actor_evictions_total',
  'live_actor_rehydrations_total',
  'llm_requests_total',
  'llm_failures_total',
] as const;

export type CounterName = (typeof counterNames)[number];

export const histogramNames = ['ingest_to_commit_ms', 'timer_lateness_ms', 'llm_latency_ms'] as const;
export type HistogramName = (typeof histogramNames)[number];

/** Upper bounds (ms) shared by every histogram. */
export const histogramBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000] as const;

export interface Histogram {
  /** Cumulative-free counts per bucket; the last slot counts observations above every bound. */
  counts: number[];
  sum: number;
  count: number;
}

export interface RuntimeStatsContext {
  counters: Record<CounterName, number>;
  histograms: Record<HistogramName, Histogram>;
  liveActors: number;
}

function emptyHistogram(): Histogram {
  return { counts: new Array(histogramBuckets.length + 1).fill(0), sum: 0, count: 0 };
}

function observeInto(histogram: Histogram, values: readonly number[]): Histogram {
  const counts = [...histogram.counts];
  let sum = histogram.sum;
  for (const value of values) {
    let index = 0;
    while (index < histogramBuckets.length && value > histogramBuckets[index]!) index++;
    counts[index]! += 1;
    sum += value;
  }
  return { counts, sum, count: histogram.count + values.length };
}

/** Creates an empty statistics store for one process. */
export function createRuntimeStats() {
  return createStore({
    context: {
      counters: Object.fromEntries(counterNames.map((name) => [name, 0])) as Record<CounterName, number>,
      histograms: Object.fromEntries(histogramNames.map((name) => [name, emptyHistogram()])) as Record<
        HistogramName,
        Histogram
      >,
      liveActors: 0,
    } satisfies RuntimeStatsContext as RuntimeStatsContext,
    on: {
      counted: (context, event: { name: CounterName; by?: number }) => ({
        ...context,
        counters: { ...context.counters, [event.name]: context.counters[event.name] + (event.by ?? 1) },
      }),
      observed: (context, event: { name: HistogramName; values: readonly number[] }) => ({
        ...context,
        histograms: { ...context.histograms, [event.name]: observeInto(context.histograms[event.name], event.values) },
      }),
      liveActorsChanged: (context, event: { count: number }) => ({ ...context, liveActors: event.count }),
      // One update per committed batch (a drain's hot path) instead of one per counter.
      batchCommitted: (context, event: { applied: number; rejected: number; latencies: readonly number[] }) => {
        const counters = context.counters;
        return {
          ...context,
          counters: {
            ...counters,
            commits_total: counters.commits_total + 1,
            events_applied_total: counters.events_applied_total + event.applied,
            events_rejected_total: counters.events_rejected_total + event.rejected,
          },
          histograms: { ...context.histograms, ingest_to_commit_ms: observeInto(context.histograms.ingest_to_commit_ms, event.latencies) },
        };
      },
    },
  });
}

export type RuntimeStats = ReturnType<typeof createRuntimeStats>;
