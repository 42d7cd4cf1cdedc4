/**
 * Aborting an LLM request wherever it runs: the session driver publishes the job id on
 * `<prefix>:llm-abort`; every process with the llm role listens and cancels that job if it is running it,
 * which aborts the HTTP request through the job's AbortSignal.
 */
import type { Redis } from 'ioredis';

/** The channel abort requests travel on; pure. */
export function abortChannel(prefix: string): string {
  return `${prefix}:llm-abort`;
}

/** Asks every LLM worker to abort job `jobId`. Performs I/O. */
export async function publishAbort(redis: Redis, prefix: string, jobId: string): Promise<void> {
  await redis.publish(abortChannel(prefix), jobId);
}

/** Calls `onAbort(jobId)` for each abort request; resolves once subscribed. Performs I/O. */
export async function listenForAborts(subscriber: Redis, prefix: string, onAbort: (jobId: string) => void): Promise<void> {
  const channel = abortChannel(prefix);
  subscriber.on('message', (from: string, jobId: string) => {
    if (from === channel) onAbort(jobId);
  });
  await subscriber.subscribe(channel);
}
