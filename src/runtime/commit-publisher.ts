/**
 * Publishes every commit (its transitions and outbound messages) on a Redis channel, so the HTTP API's SSE
 * stream and the console see what any worker process applied.
 */
import type { Redis } from 'ioredis';
import type { OutboundMessage } from '../../machines/session-types.js';
import { globalKeys } from '../redis/keys.js';
import type { TransitionRecord } from './inspection.js';

export interface CommitRecord {
  sessionId: string;
  version: number;
  /** How many mailbox events the batch applied. */
  applied: number;
  state: unknown;
  transitions: TransitionRecord[];
  outbound: OutboundMessage[];
  committedAt: number;
}

export interface CommitPublisher {
  publish(record: CommitRecord): void;
}

/** A publisher on the `<prefix>:stream` channel; failures are counted by the caller's logger, never thrown. */
export function createRedisCommitPublisher(redis: Redis, prefix: string, onError: (error: unknown) => void): CommitPublisher {
  const channel = globalKeys(prefix).stream;
  return {
    publish(record) {
      redis.publish(channel, JSON.stringify(record)).catch(onError);
    },
  };
}
