/**
 * The HTTP API's delivery: there is no connection to send on, so a message is delivered by becoming visible
 * in `GET /v1/sessions/:id/messages` (its delivery status turns to `delivered`); a voice clip is kept for a
 * day under the session's keys and served by the API.
 */
import type { Redis } from 'ioredis';
import { sessionKeys } from '../redis/keys.js';
import type { DeliveryAdapter } from './delivery-adapter.js';

export const voiceRetentionSeconds = 86_400;

/** The Redis key of a message's voice clip; pure. */
export function voiceKey(prefix: string, sessionId: string, seq: number): string {
  return `${sessionKeys(prefix, sessionId).delivery}:voice:${seq}`;
}

/** Creates the HTTP delivery adapter. */
export function createHttpDelivery(redis: Redis, prefix: string): DeliveryAdapter {
  return {
    platform: 'http',
    deliver: async () => undefined,
    async deliverVoice(sessionId, message, voice) {
      const key = voiceKey(prefix, sessionId, message.seq);
      await redis.set(key, Buffer.concat([Buffer.from(`${voice.mimeType}\n`), voice.audio]), 'EX', voiceRetentionSeconds);
    },
  };
}
