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
});
