import { describe, expect, it, vi } from 'vitest';
import { renderPrometheus } from '../../src/http/prometheus.js';
import { createRuntimeStats, labelKey } from '../../src/runtime/runtime-stats.js';

describe('runtime stats and Prometheus text', () => {
  it('counts, observes into cumulative buckets and renders gauges', () => {
    const stats = createRuntimeStats();
    stats.trigger.counted({ name: 'commits_total', by: 3 });
    stats.trigger.observed({ name: 'ingest_to_commit_ms', values: [0.5, 3, 40, 99_999] });
    stats.trigger.liveActorsChanged({ count: 12, evicted: 0 });
    const text = renderPrometheus(stats.getSnapshot().context, { sse_clients: 2 });
    expect(text).toContain('kizuna_commits_total 3');
    expect(text).toContain('kizuna_drains_total 0');
    expect(text).toContain('kizuna_live_actors 12');
    expect(text).toContain('kizuna_sse_clients 2');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="1"} 1');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="5"} 2');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="50"} 3');
    expect(text).toContain('kizuna_ingest_to_commit_ms_bucket{le="+Inf"} 4');
    expect(text).toContain('kizuna_ingest_to_commit_ms_count 4');
  });

  it('keeps one series per label set, for counters and histograms', () => {
    const stats = createRuntimeStats();
    stats.trigger.counted({ name: 'llm_failures_total', labels: { task: 'reply', code: 'rate_limited' } });
    stats.trigger.counted({ name: 'llm_failures_total', labels: { code: 'rate_limited', task: 'reply' } });
    stats.trigger.counted({ name: 'llm_failures_total', labels: { task: 'thinking', code: 'timeout' } });
    stats.trigger.observed({ name: 'llm_latency_ms', values: [120], labels: { task: 'reply' } });
    stats.trigger.observed({ name: 'llm_latency_ms', values: [3], labels: { task: 'thinking' } });
    const text = renderPrometheus(stats.getSnapshot().context);
    expect(text).toContain('kizuna_llm_failures_total{code="rate_limited",task="reply"} 2');
    expect(text).toContain('kizuna_llm_failures_total{code="timeout",task="thinking"} 1');
    expect(text).toContain('kizuna_llm_latency_ms_bucket{task="reply",le="100"} 0');
    expect(text).toContain('kizuna_llm_latency_ms_bucket{task="reply",le="250"} 1');
    expect(text).toContain('kizuna_llm_latency_ms_count{task="thinking"} 1');
  });

  it('escapes label values', () => {
    expect(labelKey({ kind: 'a"b\\c\nd' })).toBe('kind="a\\"b\\\\c\\nd"');
  });

  it('records a whole drain in one update', () => {
    const stats = createRuntimeStats();
    const updates = vi.fn();
    stats.subscribe(updates);
    stats.trigger.drained({
      batches: [
        { applied: 4, rejected: 1, latencies: [2, 30], tally: { merged: 2, joined: 1, passed: 0 } },
        { applied: 1, rejected: 0, latencies: [7], tally: { merged: 0, joined: 0, passed: 3 } },
      ],
      conflicts: 1,
      rehydrations: 1,
      effectsRun: 3,
    });
    stats.trigger.drained({ batches: [], conflicts: 0, rehydrations: 0, effectsRun: 2 });
    expect(updates).toHaveBeenCalledTimes(2);
    const { counters, histograms } = stats.getSnapshot().context;
    const total = (name: keyof typeof counters) => counters[name][''];
    expect(['drains_total', 'commits_total', 'commit_conflicts_total', 'live_actor_rehydrations_total', 'effects_run_total'].map((name) => total(name as keyof typeof counters))).toEqual([2, 2, 1, 1, 5]);
    expect([total('events_applied_total'), total('events_rejected_total'), total('debounce_merges_total')]).toEqual([5, 1, 2]);
    expect(counters.judge_decisions_total).toEqual({ 'decision="join"': 1, 'decision="pass"': 3 });
    expect(histograms.ingest_to_commit_ms['']).toMatchObject({ count: 3, sum: 39 });
  });

  it('counts evictions with the live-actor gauge', () => {
    const stats = createRuntimeStats();
    stats.trigger.liveActorsChanged({ count: 2, evicted: 0 });
    stats.trigger.liveActorsChanged({ count: 2, evicted: 3 });
    const { counters, liveActors } = stats.getSnapshot().context;
    expect([liveActors, counters.live_actor_evictions_total['']]).toEqual([2, 3]);
  });
});
