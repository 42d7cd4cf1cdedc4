import { describe, expect, it } from 'vitest';
import { renderPrometheus } from '../../src/http/prometheus.js';
import { createRuntimeStats } from '../../src/runtime/runtime-stats.js';

describe('runtime stats and Prometheus text', () => {
  it('counts, observes into cumulative buckets and renders gauges', () => {
    const stats = createRuntimeStats();
    stats.trigger.counted({ name: 'commits_total', by: 3 });
    stats.trigger.observed({ name: 'ingest_to_commit_ms', values: [0.5, 3, 40, 99_999] });
    stats.trigger.liveActorsChanged({ count: 12 });
    const text = renderPrometheus(stats.getSnapshot().context, { sse_clients: 2 });
    expect(text).toContain('kizuna_commits_total 3');
    expect(text).toContain('kizuna_live_actors 12');
    expect(text).toContain('kizuna_sse_clients 2');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="1"} 1');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="5"} 2');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="50"} 3');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="+Inf"} 4');
    expect(text).toContain('kizuna_ingest_to_commit_ms_count 4');
  });

  it('records a committed batch in one update', () => {
    const stats = createRuntimeStats();
    stats.trigger.batchCommitted({ applied: 4, rejected: 1, latencies: [2, 30] });
    stats.trigger.batchCommitted({ applied: 1, rejected: 0, latencies: [7] });
    const { counters, histograms } = stats.getSnapshot().context;
    expect([counters.commits_total, counters.events_applied_total, counters.events_rejected_total]).toEqual([2, 5, 1]);
    expect(histograms.ingest_to_commit_ms).toMatchObject({ count: 3, sum: 39 });
  });
});
