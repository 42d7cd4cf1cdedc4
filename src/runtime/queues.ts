/**
 * The BullMQ queues the runtime uses — drain triggers, timers and LLM calls — and the job ids it gives them.
 * Custom job ids may not contain ':', so session ids are encoded.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { queuePrefix } from '../redis/keys.js';

export const queueNames = { drain: 'drain', timers: 'timers', llm: 'llm' } as const;

export interface RuntimeQueues {
  drain: Queue;
  timers: Queue;
  llm: Queue;
}

/** Opens the three queues on a shared connection (errors are reported to `onError`, never thrown). */
export function openQueues(connection: Redis, prefix: string, onError: (error: Error) => void): RuntimeQueues {
  const open = (name: string): Queue => {
    const queue = new Queue(name, { connection, prefix: queuePrefix(prefix) });
    queue.on('error', onError);
    return queue;
  };
  return { drain: open(queueNames.drain), timers: open(queueNames.timers), llm: open(queueNames.llm) };
}

/** Closes the queues, ignoring errors from a connection that is already gone. */
export async function closeQueues(queues: RuntimeQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue: Queue) => queue.close().catch(() => undefined)));
}

/** Encodes a session id for use inside a BullMQ job id; pure. */
export function encodeSessionId(sessionId: string): string {
  return Buffer.from(sessionId).toString('base64url');
}

/** The job id of one arming of a session timer; pure. */
export function timerJobId(sessionId: string, name: string, gen: number): string {
  return `t_${encodeSessionId(sessionId)}_${name}_${gen}`;
}

/** The job id of one LLM request of a session; pure. */
export function llmJobId(sessionId: string, requestId: string): string {
  return `l_${encodeSessionId(sessionId)}_${requestId}`;
}
