/**
 * The configuration sections a single session may override (`sessions.<sessionId>`): debounce, waiting,
 * inner thoughts, proactive messages, reply pacing, reminders, wake-ups, speech and the persona. Every
 * duration is in seconds; defaults are the seeds' (see docs/configuration.md).
 */
import { z } from 'zod';
import { isKnownTimeZone } from '../../machines/local-time.js';
import { sessionIdPattern } from '../runtime/session-id.js';

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
    minTtlSeconds: z.number().positive().default(3600),
    maxTtlSeconds: z.number().positive().default(1_209_600),
  })
  .strict();

export const wakeupSchema = z
  .object({
    enabled: z.boolean().default(true),
    minSeconds: seconds.default(60),
    maxSeconds: z.number().min(1).default(86_400),
    busyRetrySeconds: z.number().min(1).default(300),
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

const weight = z.number().min(0);

export const groupsSchema = z
  .object({
    wakeWords: z.array(z.string().min(1)).default([]),
    memoryMaxMessages: z.number().int().min(1).default(300),
    promptMessages: z.number().int().min(1).default(100),
    imageWindow: z.number().int().min(1).default(5),
    maxImagesPerRequest: z.number().int().min(0).default(2),
    pendingMaxRounds: z.number().int().min(0).default(2),
    captionImages: z.boolean().default(false),
    captionPrompt: z.string().optional(),
    proactive: z
      .object({
        enabled: z.boolean().default(false),
        silenceSeconds: seconds.default(1800),
        minDelaySeconds: seconds.default(5400),
        maxDelaySeconds: seconds.default(21_600),
        quietHours: z.string().default('02:00-06:00'),
        maxUnanswered: z.number().int().min(0).default(2),
        // A sub-second period can only be a slip (a message per tick would flood the group and the model).
        periodicSeconds: seconds.refine((value) => value === 0 || value >= 1, '0 (off) or at least 1 second').default(0),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const heartflowSchema = z
  .object({
    enabled: z.boolean().default(false),
    whitelistEnabled: z.boolean().default(false),
    whitelist: z.array(z.string().regex(sessionIdPattern, 'not a session id (<platform>:group:<chatId>)')).default([]),
    threshold: probability.default(0.6),
    weights: z
      .object({
        relevance: weight.default(0.25),
        willingness: weight.default(0.2),
        social: weight.default(0.2),
        timing: weight.default(0.15),
        continuity: weight.default(0.2),
      })
      .strict()
      .prefault({})
      .refine((weights) => Object.values(weights).some((value) => value > 0), 'at least one weight must be above 0'),
    minReplyIntervalSeconds: seconds.default(0),
    settleSeconds: seconds.default(6),
    maxSettleSeconds: seconds.default(20),
    maxRetries: z.number().int().min(0).default(3),
    contextMessages: z.number().int().min(0).default(10),
    includeReasoning: z.boolean().default(true),
    energy: z
      .object({
        replyCost: probability.default(0.1),
        floor: probability.default(0.1),
        declineRecovery: probability.default(0.02),
        dailyRecovery: probability.default(0.2),
        recoveryHalfLifeSeconds: seconds.default(3600),
        thresholdRaise: probability.default(0.2),
      })
      .strict()
      .prefault({}),
  })
  .strict();

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * The same section with every key optional and no defaults, nested objects included. (zod's `.partial()` keeps
 * inner defaults, which would make a one-key session override reset the rest of the section.)
 */
export function overrideOf(section: AnyObject): AnyObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(section.shape)) {
    let inner = field as z.ZodType;
    while (['default', 'prefault', 'optional'].includes((inner as unknown as { _zod: { def: { type: string } } })._zod.def.type)) {
      inner = (inner as unknown as { _zod: { def: { innerType: z.ZodType } } })._zod.def.innerType;
    }
    const isObject = (inner as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'object';
    shape[key] = (isObject ? overrideOf(inner as AnyObject) : inner).optional();
  }
  return z.object(shape).strict();
}

/** What `sessions.<sessionId>` may set; each section is merged over the global one, key by key. */
export const sessionOverrideSchema = z
  .object({
    persona: z.string().optional(),
    debounce: overrideOf(debounceSchema).optional(),
    wait: overrideOf(waitSchema).optional(),
    thinking: overrideOf(thinkingSchema).optional(),
    proactive: overrideOf(proactiveSchema).optional(),
    reply: overrideOf(replySchema).optional(),
    reminders: overrideOf(remindersSchema).optional(),
    memos: overrideOf(memosSchema).optional(),
    wakeup: overrideOf(wakeupSchema).optional(),
    tts: overrideOf(ttsSchema).optional(),
    groups: overrideOf(groupsSchema).optional(),
    heartflow: overrideOf(heartflowSchema).optional(),
  })
  .strict();

type Section<T extends AnyObject> = Partial<Omit<z.infer<T>, 'split'>>;

/** A parsed per-session override (each section partial, no defaults filled in). */
export interface SessionOverride {
  persona?: string;
  debounce?: Section<typeof debounceSchema>;
  wait?: Section<typeof waitSchema>;
  thinking?: Section<typeof thinkingSchema>;
  proactive?: Section<typeof proactiveSchema>;
  reply?: Section<typeof replySchema> & { split?: Partial<z.infer<typeof replySchema>['split']> };
  reminders?: Section<typeof remindersSchema>;
  memos?: Section<typeof memosSchema>;
  wakeup?: Section<typeof wakeupSchema>;
  tts?: Section<typeof ttsSchema>;
  groups?: Partial<Omit<z.infer<typeof groupsSchema>, 'proactive'>> & { proactive?: Partial<z.infer<typeof groupsSchema>['proactive']> };
  heartflow?: Partial<Omit<z.infer<typeof heartflowSchema>, 'weights' | 'energy'>> & {
    weights?: Partial<z.infer<typeof heartflowSchema>['weights']>;
    energy?: Partial<z.infer<typeof heartflowSchema>['energy']>;
  };
}
