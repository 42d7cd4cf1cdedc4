/**
 * Configuration for tests: a random key prefix per test and short durations, set through the same schema
 * users configure (never by sleeping for minutes).
 */
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../src/config/load-config.js';
import type { KizunaConfig } from '../../src/config/schema.js';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** A fresh random prefix such as `test-1a2b3c4d`. */
export function testPrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/** Builds a validated config with test-friendly defaults, overridden by `overrides`. */
export function testConfig(overrides: DeepPartial<KizunaConfig> & Record<string, unknown> = {}): KizunaConfig {
  const base: Record<string, Record<string, unknown>> = {
    redis: { prefix: testPrefix() },
    http: { port: 0 },
    runtime: { lockDurationSeconds: 2, stalledIntervalSeconds: 1, sweepIntervalSeconds: 0 },
    debounce: { timeoutSeconds: 0.3 },
    wait: { minSeconds: 0.2, maxSeconds: 30 },
    proactive: { enabled: false },
    thinking: { enabled: false },
    offline: { replyWaitSeconds: 600 },
  };
  for (const [section, values] of Object.entries(overrides)) {
    const isSection = typeof values === 'object' && values !== null && !Array.isArray(values) && section !== 'sessions';
    base[section] = isSection ? { ...(base[section] ?? {}), ...(values as Record<string, unknown>) } : (values as Record<string, unknown>);
  }
  return parseConfig(base);
}
