import type { SessionSettings } from './session-types.js';

/**
 * The settings a fresh session starts with (the seeds' defaults). The driver replaces them with the
 * configured values through a `settings.changed` event, which the event log records for replay.
 */
export const defaultSessionSettings: SessionSettings = {
  debounce: { enabled: true, threshold: 0.8, timeoutSeconds: 10, maxFragments: 20, maxBufferChars: 32000 },
  wait: { minSeconds: 10, maxSeconds: 600, maxConsecutiveTimeouts: 3 },
  proactive: { enabled: true, minDelaySeconds: 1800, maxDelaySeconds: 36000, expectReplySeconds: 300 },
};
