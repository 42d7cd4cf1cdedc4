/**
 * Renders the runtime statistics in the Prometheus text exposition format.
 */
import { histogramBuckets, type RuntimeStatsContext } from '../runtime/runtime-stats.js';

/** Formats counters, the live-actor gauge and histograms as Prometheus text; pure. */
export function renderPrometheus(stats: RuntimeStatsContext, extraGauges: Record<string, number> = {}): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(stats.counters)) {
    lines.push(`# TYPE kizuna_${name} counter`, `kizuna_${name} ${value}`);
  }
  const gauges = { live_actors: stats.liveActors, ...extraGauges };
  for (const [name, value] of Object.entries(gauges)) {
    lines.push(`# TYPE kizuna_${name} gauge`, `kizuna_${name} ${value}`);
  }
  for (const [name, histogram] of Object.entries(stats.histograms)) {
    lines.push(`# TYPE kizuna_${name} histogram`);
    let cumulative = 0;
    histogramBuckets.forEach((bound, index) => {
      cumulative += histogram.counts[index] ?? 0;
      lines.push(`kizuna_${name}_bucket{le="${bound}"} ${cumulative}`);
    });
    lines.push(`kizuna_${name}_bucket{le="+Inf"} ${histogram.count}`);
    lines.push(`kizuna_${name}_sum ${histogram.sum}`, `kizuna_${name}_count ${histogram.count}`);
  }
  return `${lines.join('\n')}\n`;
}
