/**
 * The BullMQ queues the runtime uses — drain triggers, timers and LLM calls — and the job ids it gives them.
 * Custom job ids may not contain ':', so session ids are encoded.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { queuePrefix } from '../redis/keys.js';

export const queueNames = { drain: 'drain', timers: 'timers', llm: 'llm', outbox: 'outbox', reboot: 'memory-reboot' } as const;

export interface RuntimeQueues {
  drain: Queue;
  timers: Queue;
  llm: Queue;
  outbox: Queue;
  /** Memory Reboot's per-group check jobs (src/memory-reboot). */
  reboot: Queue;
}

/** Opens the queues on a shared connection (errors are reported to `onError`, never thrown). */
export function openQueues(connection: Redis, prefix: string, onError: (error: Error) => void): RuntimeQueues {
  const open = (name: string): Queue => {
    const queue = new Queue(name, { connection, prefix: queuePrefix(prefix) });
    queue.on('error', onError);
    return queue;
  };
  return {
    drain: open(queueNames.drain),
    timers: open(queueNames.timers),
    llm: open(queueNames.llm),
    outbox: open(queueNames.outbox),
    reboot: open(queueNames.reboot),
  };
}

/** Closes the queues, ignoring errors from a connection that is already gone. */
export async function closeQueues(queues: RuntimeQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue: Queue) => queue.close().catch(() => undefined)));
}

/**
 * Escapes a part of a job id: BullMQ job ids may not contain ':', and '_' separates the parts. Short and
 * readable (`onebot%3Aprivate%3A123`), because every timer's key and options carry it; pure.
 */
export function escapeJobIdPart(part: string): string {
  return part.replace(/[%:_]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Reverses `escapeJobIdPart`; pure. */
export function unescapeJobIdPart(part: string): string {
  return decodeURIComponent(part);
}

/**
 * One-letter codes of the fixed timer names in job ids (`reminder:<id>` becomes `r<id>`): an idle session's
 * timer id is stored three times (its job key, its options, the delayed set), so every byte counts thrice.
 */
const timerNameCodes: Readonly<Record<string, string>> = {
  debounce: 'd',
  settle: 's',
  wait: 'w',
  thinking: 't',
  proactive: 'p',
  wakeup: 'k',
  purge: 'u',
};
const timerNamesByCode = new Map(Object.entries(timerNameCodes).map(([name, code]) => [code, name]));

function timerNameCode(name: string): string {
  const reminder = /^reminder:(\d+)$/.exec(name);
  return timerNameCodes[name] ?? (reminder === null ? escapeJobIdPart(name) : `r${reminder[1]}`);
}

function timerNameOfCode(code: string): string {
  const reminder = /^r(\d+)$/.exec(code);
  // Anything else is a name written out in full (job ids armed before names had codes).
  return timerNamesByCode.get(code) ?? (reminder === null ? unescapeJobIdPart(code) : `reminder:${reminder[1]}`);
}

/** The job id of one arming of a session timer: `t_<session>_<name code>_<gen>`; pure. */
export function timerJobId(sessionId: string, name: string, gen: number): string {
  return `t_${escapeJobIdPart(sessionId)}_${timerNameCode(name)}_${gen}`;
}

/** Reads a timer job id back into its session, name and generation, or null; pure. */
export function parseTimerJobId(jobId: string): { sessionId: string; name: string; gen: number } | null {
  const parts = jobId.split('_');
  if (parts.length !== 4 || parts[0] !== 't' || !/^\d+$/.test(parts[3]!)) return null;
  return { sessionId: unescapeJobIdPart(parts[1]!), name: timerNameOfCode(parts[2]!), gen: Number(parts[3]) };
}

/** The job id of one LLM request of a session; pure. */
export function llmJobId(sessionId: string, requestId: string): string {
  return `l_${escapeJobIdPart(sessionId)}_${escapeJobIdPart(requestId)}`;
}
