/**
 * The configuration sections a single session may override (`sessions.<sessionId>`): debounce, waiting,
 * inner thoughts, proactive messages, reply pacing, reminders, wake-ups, speech and the persona. Every
 * duration is in seconds; defaults are the seeds' (see docs/configuration.md).
 */
import { z } from 'zod';
import { isKnownTimeZone } from '../../machines/local-time.js';

const seconds = z.number().min(0);
const probability = z.number().min(0).max(1);

export const debounceSchema = z
  .object({
    enabled: z.boolean().default(true),
    threshold: probability.default(0.8),
    timeoutSeconds: seconds.default(10),
    maxFragments: z.number().int().min(1).default(20),
    maxBufferChars: z.number().int().min(100).default(32_000),
    cancelOnNewMessage: z.boolean().default(true),
    settleSeconds: seconds.default(0),
    maxHoldSeconds: seconds.default(5),
    scope: z.enum(['both', 'private', 'group']).default('both'),
  })
  .strict();

export const waitSchema = z
  .object({
    minSeconds: seconds.default(10),
    maxSeconds: seconds.default(600),
    maxConsecutiveTimeouts: z.number().int().min(1).default(3),
  })
  .strict();

export const thinkingSchema = z
  .object({
    enabled: z.boolean().default(true),
    progressThresholds: z.array(z.number().gt(0).lt(1)).default([0.3, 0.6, 0.85]),
    minIntervalSeconds: seconds.default(30),
  })
  .strict();

export const timeZoneSchema = z.string().refine(isKnownTimeZone, 'unknown IANA time zone');

export const proactiveSchema = z
  .object({
    enabled: z.boolean().default(true),
    policy: z.enum(['random-delay', 'silence-probability']).default('random-delay'),
    minDelaySeconds: seconds.default(1800),
    maxDelaySeconds: seconds.default(36_000),
    silenceSeconds: seconds.default(7200),
    probability: probability.default(0.3),
    checkIntervalSeconds: z.number().min(1).default(60),
    minIntervalSeconds: seconds.default(1800),
    quietHours: z.string().default('01:00-07:00'),
    timezone: timeZoneSchema.optional(),
    maxUnanswered: z.number().int().min(0).default(4),
    decayProbabilities: z.array(probability).default([]),
    expectReplySeconds: seconds.default(300),
    catchUpGraceSeconds: seconds.default(600),
    skipWhenBotSpokeLast: z.boolean().default(false),
    skipAfterGoodbye: z.boolean().default(false),
    autoTriggerSeconds: seconds.default(0),
    prompt: z.string().optional(),
    contextSource: z.enum(['conversation', 'platform', 'both']).default('conversation'),
    platformHistoryMessages: z.number().int().min(1).default(20),
  })
  .strict();

export const replySchema = z
  .object({
    typingCharsPerSecond: z.number().positive().default(15),
    typingDelayMinSeconds: seconds.default(0.8),
    typingDelayMaxSeconds: seconds.default(4),
    delayMode: z.enum(['typing', 'random', 'log']).default('typing'),
    randomDelaySeconds: z.tuple([seconds, seconds]).default([1.5, 3.5]),
    logBase: z.number().gt(1).default(1.8),
    split: z
      .object({
        enabled: z.boolean().default(false),
        maxLength: z.number().int().min(1).default(80),
        pattern: z
          .string()
          .refine((pattern) => {
            try {
              new RegExp(pattern, 'gsu');
              return true;
            } catch {
              return false;
            }
          }, 'not a valid regular expression')
          .default('.*?[。？！?!~…\\n]+|.+$'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const remindersSchema = z
  .object({ enabled: z.boolean().default(true), maxPerSession: z.number().int().min(1).default(10) })
  .strict();

export const memosSchema = z
  .object({
    enabled: z.boolean().default(true),
    maxPerSession: z.number().int().min(1).default(10),
    minTtlHours: z.number().positive().default(1),
    maxTtlHours: z.number().positive().default(336),
  })
  .strict();

export const wakeupSchema = z
  .object({
    enabled: z.boolean().default(true),
    minMinutes: z.number().min(0).default(1),
    maxMinutes: z.number().min(1).default(1440),
  })
  .strict();

export const ttsSchema = z
  .object({
    enabled: z.boolean().default(false),
    voice: z.string().default('alloy'),
    format: z.enum(['mp3', 'opus', 'wav']).default('mp3'),
    alwaysSendText: z.boolean().default(true),
  })
  .strict();

/** What `sessions.<sessionId>` may set; each section is merged over the global one. */
export const sessionOverrideSchema = z
  .object({
    persona: z.string().optional(),
    debounce: debounceSchema.partial().optional(),
    wait: waitSchema.partial().optional(),
    thinking: thinkingSchema.partial().optional(),
    proactive: proactiveSchema.partial().optional(),
    reply: replySchema.partial().optional(),
    reminders: remindersSchema.partial().optional(),
    memos: memosSchema.partial().optional(),
    wakeup: wakeupSchema.partial().optional(),
    tts: ttsSchema.partial().optional(),
  })
  .strict();

export type SessionOverride = z.infer<typeof sessionOverrideSchema>;
