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
  'drain_failures_total',
  'drain_shard_runs_total',
  'effects_run_total',
  'timers_fired_total',
  'live_actor_evictions_total',
  'live_actor_rehydrations_total',
  'llm_requests_total',
  'llm_failures_total',
  'deliveries_total',
  'debounce_merges_total',
  'judge_decisions_total',
  'memory_reboot_checks_total',
] as const;

export type CounterName = (typeof counterNames)[number];

export const histogramNames = ['ingest_to_commit_ms', 'timer_lateness_ms', 'llm_latency_ms'] as const;
export type HistogramName = (typeof histogramNames)[number];

/** Upper bounds (ms) shared by every histogram. */
export const histogramBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000] as const;

/** Labels of one series, e.g. `{ task: 'reply' }`; few and of bounded cardinality. */
export type Labels = Readonly<Record<string, string>>;

export interface Histogram {
  /** Cumulative-free counts per bucket; the last slot counts observations above every bound. */
  counts: number[];
  sum: number;
  count: number;
}

/** Series of one metric by their rendered label set (`''` for none, `task="reply"` otherwise). */
export type SeriesByLabels<T> = Record<string, T>;

export interface RuntimeStatsContext {
  counters: Record<CounterName, SeriesByLabels<number>>;
  histograms: Record<HistogramName, SeriesByLabels<Histogram>>;
  liveActors: number;
}

/** Renders a label set in Prometheus syntax without braces, keys sorted; pure. */
export function labelKey(labels: Labels | undefined): string {
  if (labels === undefined) return '';
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}="${labels[key]!.replace(/["\\\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`))}"`)
    .join(',');
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

/** What one committed batch adds to the counters (see `BatchTally` in apply-batch). */
export interface CommittedBatch {
  applied: number;
  rejected: number;
  latencies: readonly number[];
  tally: { merged: number; joined: number; passed: number };
}

/**
 * What one drain adds to the counters, sent as one update when it ends: a drain's hot path would otherwise
 * update the store once per counter (each update copies the counters and costs @xstate/store a few µs).
 */
export interface DrainRecord {
  batches: readonly CommittedBatch[];
  conflicts: number;
  rehydrations: number;
  /** Effects carried out by the drain (stored ones left by an earlier drain included). */
  effectsRun: number;
}

/** `series` with `by` added to the series `key` (unchanged when `by` is 0); pure. */
function addTo(series: SeriesByLabels<number>, key: string, by: number): SeriesByLabels<number> {
  return by === 0 ? series : { ...series, [key]: (series[key] ?? 0) + by };
}

/** Creates an empty statistics store for one process. */
export function createRuntimeStats() {
  return createStore({
    context: {
      counters: Object.fromEntries(counterNames.map((name) => [name, {}])) as RuntimeStatsContext['counters'],
      histograms: Object.fromEntries(histogramNames.map((name) => [name, {}])) as RuntimeStatsContext['histograms'],
      liveActors: 0,
    } satisfies RuntimeStatsContext as RuntimeStatsContext,
    on: {
      counted: (context, event: { name: CounterName; by?: number; labels?: Labels }) => {
        const series = context.counters[event.name];
        const key = labelKey(event.labels);
        return { ...context, counters: { ...context.counters, [event.name]: { ...series, [key]: (series[key] ?? 0) + (event.by ?? 1) } } };
      },
      observed: (context, event: { name: HistogramName; values: readonly number[]; labels?: Labels }) => {
        const series = context.histograms[event.name];
        const key = labelKey(event.labels);
        const updated = observeInto(series[key] ?? emptyHistogram(), event.values);
        return { ...context, histograms: { ...context.histograms, [event.name]: { ...series, [key]: updated } } };
      },
      // Evictions and the gauge change together; one update for both.
      liveActorsChanged: (context, event: { count: number; evicted: number }) =>
        event.evicted === 0
          ? { ...context, liveActors: event.count }
          : {
              ...context,
              liveActors: event.count,
              counters: { ...context.counters, live_actor_evictions_total: addTo(context.counters.live_actor_evictions_total, '', event.evicted) },
            },
      drained: (context, event: DrainRecord) => {
        const { counters, histograms } = context;
        let applied = 0;
        let rejected = 0;
        let merged = 0;
        let joined = 0;
        let passed = 0;
        const latencies: number[] = [];
        for (const batch of event.batches) {
          applied += batch.applied;
          rejected += batch.rejected;
          merged += batch.tally.merged;
          joined += batch.tally.joined;
          passed += batch.tally.passed;
          latencies.push(...batch.latencies);
        }
        return {
          ...context,
          counters: {
            ...counters,
            drains_total: addTo(counters.drains_total, '', 1),
            commits_total: addTo(counters.commits_total, '', event.batches.length),
            commit_conflicts_total: addTo(counters.commit_conflicts_total, '', event.conflicts),
            live_actor_rehydrations_total: addTo(counters.live_actor_rehydrations_total, '', event.rehydrations),
            effects_run_total: addTo(counters.effects_run_total, '', event.effectsRun),
            events_applied_total: addTo(counters.events_applied_total, '', applied),
            events_rejected_total: addTo(counters.events_rejected_total, '', rejected),
            debounce_merges_total: addTo(counters.debounce_merges_total, '', merged),
            judge_decisions_total: addTo(addTo(counters.judge_decisions_total, 'decision="join"', joined), 'decision="pass"', passed),
          },
          histograms:
            latencies.length === 0
              ? histograms
              : { ...histograms, ingest_to_commit_ms: { ...histograms.ingest_to_commit_ms, '': observeInto(histograms.ingest_to_commit_ms[''] ?? emptyHistogram(), latencies) } },
        };
      },
    },
  });
}

export type RuntimeStats = ReturnType<typeof createRuntimeStats>;
