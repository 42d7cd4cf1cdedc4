/**
 * The configuration schema: one YAML file, validated here, every duration in seconds. Defaults are the
 * seeds' defaults where a seed has one; docs/configuration.md documents each key.
 */
import { z } from 'zod';

const seconds = z.number().min(0);

const redisSchema = z
  .object({
    url: z.string().optional(),
    /** Port of the private redis-server `kizuna start` launches when no url is set. */
    privatePort: z.number().int().min(1).max(65535).default(6390),
    /** Data directory of the private redis-server, relative to the project root. */
    dataDir: z.string().default('.data/redis'),
    prefix: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." and "-" only')
      .default('kz'),
  })
  .prefault({});

const httpSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8720),
    token: z.string().optional(),
    maxBodyBytes: z.number().int().min(1024).default(64 * 1024),
  })
  .prefault({});

const runtimeSchema = z
  .object({
    liveActorCapacity: z.number().int().min(1).default(10_000),
    eventLogMaxEntries: z.number().int().min(1).default(500),
    outboxMaxEntries: z.number().int().min(1).default(500),
    drainBatchSize: z.number().int().min(1).default(256),
    maxBatchesPerDrain: z.number().int().min(1).default(16),
    drainConcurrency: z.number().int().min(1).default(32),
    timerConcurrency: z.number().int().min(1).default(64),
    llmConcurrency: z.number().int().min(1).default(16),
    lockDurationSeconds: seconds.default(5),
    stalledIntervalSeconds: seconds.default(5),
    sweepIntervalSeconds: seconds.default(60),
    messageIdMemory: z.number().int().min(1).default(1000),
  })
  .prefault({});

const debounceSchema = z
  .object({
    enabled: z.boolean().default(true),
    threshold: z.number().min(0).max(1).default(0.8),
    timeoutSeconds: seconds.default(10),
    maxFragments: z.number().int().min(1).default(20),
    maxBufferChars: z.number().int().min(100).default(32_000),
  })
  .prefault({});

const waitSchema = z
  .object({
    minSeconds: seconds.default(10),
    maxSeconds: seconds.default(600),
    maxConsecutiveTimeouts: z.number().int().min(1).default(3),
  })
  .prefault({});

const proactiveSchema = z
  .object({
    enabled: z.boolean().default(true),
    minDelaySeconds: seconds.default(1800),
    maxDelaySeconds: seconds.default(36_000),
    expectReplySeconds: seconds.default(300),
  })
  .prefault({});

const offlineSchema = z
  .object({
    replyWaitSeconds: seconds.default(60),
  })
  .prefault({});

const inspectSchema = z
  .object({
    url: z.string().default('ws://localhost:8080'),
    startServer: z.boolean().default(true),
  })
  .prefault({});

/** Settings a single session may override (`sessions.<sessionId>`). */
export const sessionOverrideSchema = z
  .object({
    debounce: debounceSchema.unwrap().partial().optional(),
    wait: waitSchema.unwrap().partial().optional(),
    proactive: proactiveSchema.unwrap().partial().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    redis: redisSchema,
    http: httpSchema,
    runtime: runtimeSchema,
    debounce: debounceSchema,
    wait: waitSchema,
    proactive: proactiveSchema,
    offline: offlineSchema,
    inspect: inspectSchema,
    sessions: z.record(z.string(), sessionOverrideSchema).default({}),
  })
  .strict();

export type KizunaConfig = z.infer<typeof configSchema>;
export type SessionOverride = z.infer<typeof sessionOverrideSchema>;
