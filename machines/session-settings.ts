import type { SessionSettings } from './session-types.js';

/**
 * The settings a fresh session starts with (the seeds' defaults). The driver replaces them with the
 * configured values through a `settings.changed` event, which the event log records for replay.
 */
export const defaultSessionSettings: SessionSettings = {
  debounce: {
    enabled: true,
    threshold: 0.8,
    timeoutSeconds: 10,
    maxFragments: 20,
    maxBufferChars: 32_000,
    cancelOnNewMessage: true,
    settleSeconds: 0,
    maxHoldSeconds: 5,
    scope: 'both',
  },
  wait: { minSeconds: 10, maxSeconds: 600, maxConsecutiveTimeouts: 3 },
  thinking: { enabled: true, progressThresholds: [0.3, 0.6, 0.85], minIntervalSeconds: 30 },
  proactive: {
    enabled: true,
    policy: 'random-delay',
    minDelaySeconds: 1800,
    maxDelaySeconds: 36_000,
    silenceSeconds: 7200,
    probability: 0.3,
    checkIntervalSeconds: 60,
    minIntervalSeconds: 1800,
    quietHours: '01:00-07:00',
    timezone: 'UTC',
    maxUnanswered: 4,
    decayProbabilities: [],
    expectReplySeconds: 300,
    catchUpGraceSeconds: 600,
    skipWhenBotSpokeLast: false,
    skipAfterGoodbye: false,
    autoTriggerSeconds: 0,
  },
  reply: {
    typingCharsPerSecond: 15,
    typingDelayMinSeconds: 0.8,
    typingDelayMaxSeconds: 4,
    delayMode: 'typing',
    randomDelaySeconds: [1.5, 3.5],
    logBase: 1.8,
    split: { enabled: false, maxLength: 80, pattern: '.*?[。？！?!~…\\n]+|.+$' },
  },
  reminders: { enabled: true, maxPerSession: 10 },
  memos: { enabled: true, maxPerSession: 10, minTtlSeconds: 3600, maxTtlSeconds: 1_209_600 },
  wakeup: { enabled: true, minSeconds: 60, maxSeconds: 86_400, busyRetrySeconds: 300 },
};
