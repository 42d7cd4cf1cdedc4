/**
 * Renders the runtime statistics in the Prometheus text exposition format.
 */
import { histogramBuckets, type RuntimeStatsContext } from '../runtime/runtime-stats.js';

function braces(labels: string): string {
  return labels === '' ? '' : `{${labels}}`;
}

function withLabel(labels: string, extra: string): string {
  return `{${labels === '' ? extra : `${labels},${extra}`}}`;
}

/** Formats counters, the live-actor gauge and histograms (one series per label set) as Prometheus text; pure. */
export function renderPrometheus(stats: RuntimeStatsContext, extraGauges: Record<string, number> = {}): string {
  const lines: string[] = [];
  for (const [name, series] of Object.entries(stats.counters)) {
    lines.push(`# TYPE kizuna_${name} counter`);
    const entries = Object.entries(series);
    if (entries.length === 0) lines.push(`kizuna_${name} 0`);
    for (const [labels, value] of entries) lines.push(`kizuna_${name}${braces(labels)} ${value}`);
  }
  const gauges = { live_actors: stats.liveActors, ...extraGauges };
  for (const [name, value] of Object.entries(gauges)) {
    lines.push(`# TYPE kizuna_${name} gauge`, `kizuna_${name} ${value}`);
  }
  for (const [name, series] of Object.entries(stats.histograms)) {
    lines.push(`# TYPE kizuna_${name} histogram`);
    for (const [labels, histogram] of Object.entries(series)) {
      let cumulative = 0;
      histogramBuckets.forEach((bound, index) => {
        cumulative += histogram.counts[index] ?? 0;
        lines.push(`kizuna_${name}_bucket${withLabel(labels, `le="${bound}"`)} ${cumulative}`);
      });
      lines.push(`kizuna_${name}_bucket${withLabel(labels, 'le="+Inf"')} ${histogram.count}`);
      lines.push(`kizuna_${name}_sum${braces(labels)} ${histogram.sum}`, `kizuna_${name}_count${braces(labels)} ${histogram.count}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
