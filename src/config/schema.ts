/**
 * The configuration schema: one YAML file, validated here, every duration in seconds. Defaults are the
 * seeds' defaults where a seed has one; docs/configuration.md documents each key.
 */
import { z } from 'zod';
import { sessionIdPattern } from '../runtime/session-id.js';
import { onebotSchema } from './onebot-schema.js';
import { memoryRebootSchema } from './memory-reboot-schema.js';
import {
  debounceSchema,
  groupsSchema,
  heartflowSchema,
  memosSchema,
  proactiveSchema,
  remindersSchema,
  replySchema,
  sessionOverrideSchema,
  thinkingSchema,
  timeZoneSchema,
  ttsSchema,
  waitSchema,
  wakeupSchema,
} from './session-schema.js';

const seconds = z.number().min(0);

/** The host's time zone, the default for `timezone`. */
export const hostTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const defaultPersona =
  'You are Kizuna, a warm and playful companion who chats like a close friend on a messaging app: short messages, ' +
  'casual wording, genuine curiosity about the other person, and the same language they write in.';

const redisSchema = z
  .object({
    url: z.string().optional(),
    prefix: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." and "-" only').default('kz'),
    /** Port of the private redis-server `kizuna start` launches when no url is set. */
    privatePort: z.number().int().min(1).max(65535).default(6390),
    /** Data directory of the private redis-server, relative to the project root. */
    dataDir: z.string().default('.data/redis'),
  })
  .strict();

const httpSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8720),
    token: z.string().optional(),
    maxBodyBytes: z.number().int().min(1024).default(64 * 1024),
  })
  .strict();

const runtimeSchema = z
  .object({
    liveActorCapacity: z.number().int().min(1).default(2_000),
    eventLogMaxEntries: z.number().int().min(1).default(500),
    outboxMaxEntries: z.number().int().min(1).default(500),
    drainBatchSize: z.number().int().min(1).default(256),
    maxBatchesPerDrain: z.number().int().min(1).default(16),
    drainConcurrency: z.number().int().min(1).default(32),
    drainShards: z.number().int().min(0).max(1024).default(16),
    timerConcurrency: z.number().int().min(1).default(64),
    llmConcurrency: z.number().int().min(1).default(16),
    outboxConcurrency: z.number().int().min(1).default(32),
    lockDurationSeconds: seconds.default(5),
    stalledIntervalSeconds: seconds.default(5),
    sweepIntervalSeconds: seconds.default(60),
    messageIdMemory: z.number().int().min(1).default(1000),
  })
  .strict();

const modelsSchema = z
  .object({
    chat: z.string().default('gpt-4o-mini'),
    thinking: z.string().optional(),
    judge: z.string().optional(),
    vision: z.string().optional(),
    embedding: z.string().optional(),
    tts: z.string().optional(),
  })
  .strict();

const callLogSchema = z
  .object({
    maxEntries: z.number().int().min(0).default(20),
    maxChars: z.number().int().min(200).default(8000),
    ttlSeconds: z.number().int().min(1).default(24 * 3600),
  })
  .strict();

const llmSchema = z
  .object({
    baseUrl: z.string().optional(),
    apiKey: z.string().optional(),
    models: modelsSchema.prefault({}),
    maxAttempts: z.number().int().min(1).default(3),
    timeoutSeconds: z.number().positive().default(60),
    maxCompatRetries: z.number().int().min(0).default(1),
    historyMessages: z.number().int().min(0).default(30),
    maxImagesPerRequest: z.number().int().min(0).default(4),
    maxInputChars: z.number().int().min(100).default(4000),
    maxReplyChars: z.number().int().min(10).default(2000),
    temperature: z.number().min(0).max(2).optional(),
    /** The record of each session's LLM calls the console shows (`GET /v1/sessions/:id/llm`). */
    callLog: callLogSchema.prefault({}),
  })
  .strict();

const storesSchema = z.object({ maxEntries: z.number().int().min(1).default(200) }).strict();
const mentalLogSchema = z.object({ maxEntries: z.number().int().min(1).default(50) }).strict();

const uploadsSchema = z
  .object({
    maxBytes: z.number().int().min(1024).default(5 * 1024 * 1024),
    ttlSeconds: z.number().int().min(1).default(7 * 24 * 3600),
  })
  .strict();

const consoleSchema = z.object({ enabled: z.boolean().default(true) }).strict();
const securitySchema = z
  .object({
    /** Let image downloads reach loopback, private and other special-purpose addresses (tests, trusted LANs). */
    allowPrivateImageHosts: z.boolean().default(false),
    /** Host names or addresses image downloads may reach even when they are private (an internal image proxy). */
    allowedImageHosts: z.array(z.string().min(1)).default([]),
  })
  .strict();

const imagesSchema = z
  .object({
    maxBytes: z.number().int().min(1024).default(10 * 1024 * 1024),
    timeoutSeconds: z.number().positive().default(10),
    maxRedirects: z.number().int().min(0).max(10).default(3),
  })
  .strict();

const inspectSchema = z
  .object({ url: z.string().default('ws://localhost:8080'), startServer: z.boolean().default(true) })
  .strict();

export const configSchema = z
  .object({
    persona: z.string().default(defaultPersona),
    /** Who may run admin commands from a chat: `<platform>:<userId>` or a bare user id (any platform). */
    admins: z.array(z.string().min(1)).default([]),
    timezone: timeZoneSchema.default(hostTimeZone),
    redis: redisSchema.prefault({}),
    http: httpSchema.prefault({}),
    runtime: runtimeSchema.prefault({}),
    llm: llmSchema.prefault({}),
    prompts: z.object({ dir: z.string().optional() }).strict().prefault({}),
    history: storesSchema.prefault({}),
    mentalLog: mentalLogSchema.prefault({}),
    debounce: debounceSchema.prefault({}),
    wait: waitSchema.prefault({}),
    thinking: thinkingSchema.prefault({}),
    proactive: proactiveSchema.prefault({}),
    reply: replySchema.prefault({}),
    reminders: remindersSchema.prefault({}),
    memos: memosSchema.prefault({}),
    wakeup: wakeupSchema.prefault({}),
    tts: ttsSchema.prefault({}),
    groups: groupsSchema.prefault({}),
    heartflow: heartflowSchema.prefault({}),
    offline: z.object({ replyWaitSeconds: seconds.default(60) }).strict().prefault({}),
    inspect: inspectSchema.prefault({}),
    uploads: uploadsSchema.prefault({}),
    console: consoleSchema.prefault({}),
    security: securitySchema.prefault({}),
    images: imagesSchema.prefault({}),
    onebot: onebotSchema.prefault({}),
    memoryReboot: memoryRebootSchema.prefault({}),
    sessions: z
      .record(z.string().regex(sessionIdPattern, 'not a session id (<platform>:<private|group>:<chatId>)'), sessionOverrideSchema)
      .default({}),
  })
  .strict();

export type KizunaConfig = Omit<z.infer<typeof configSchema>, 'sessions'> & { sessions: Record<string, SessionOverride> };
import type { SessionOverride } from './session-schema.js';

export type { SessionOverride };
