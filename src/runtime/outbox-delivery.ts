/**
 * Delivering outbound messages: each is a BullMQ job due at its `deliverAt` (typing pauses between segments
 * are its delay), delivered through the adapter of the session's platform, in seq order per session, with
 * an optional voice clip first. The outcome is recorded (`settleDelivery-1.lua`) before the session hears of
 * it as `outbound.delivered` / `outbound.failed`, whose ingest is deduplicated by seq — so a job that runs
 * twice never delivers twice nor counts twice.
 */
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { adapterFor, type DeliveryAdapter } from '../adapters/delivery-adapter.js';
import { RuntimeError, toErrorInfo } from '../errors.js';
import type { SpeechModel } from '../llm/chat-model.js';
import type { Logger } from '../log.js';
import { sessionKeys } from '../redis/keys.js';
import type { ScriptCommands } from '../redis/scripts.js';
import type { OutboxMessage } from './effects.js';
import type { Ingestor } from './ingestor.js';
import type { RuntimeStats } from './runtime-stats.js';
import { escapeJobIdPart } from './queues.js';

export interface DeliveryJobData {
  sessionId: string;
  message: OutboxMessage;
}

export interface SpeechSettings {
  enabled: boolean;
  model: string | undefined;
  voice: string;
  format: 'mp3' | 'opus' | 'wav';
  alwaysSendText: boolean;
}

export interface OutboxDeliveryOptions {
  redis: Redis & ScriptCommands;
  prefix: string;
  ingestor: Ingestor;
  adapters: ReadonlyMap<string, DeliveryAdapter>;
  fallback: DeliveryAdapter;
  speech: SpeechModel | null;
  speechSettingsFor: (sessionId: string) => SpeechSettings;
  logger: Logger;
  /** Counts deliveries by kind and outcome, when given. */
  stats?: RuntimeStats;
  keepOutcomes: number;
  /** How long a message waits for the one before it before going out anyway. */
  orderPatienceMs?: number;
  now?: () => number;
}

/** The job id of delivering one outbound message; pure. */
export function deliveryJobId(sessionId: string, seq: number): string {
  return `o_${escapeJobIdPart(sessionId)}_${seq}`;
}

/** Queues the delivery of a committed outbound message, due at its `deliverAt`. Performs I/O. */
export async function queueDelivery(queue: Queue, sessionId: string, message: OutboxMessage, now = Date.now()): Promise<void> {
  const data: DeliveryJobData = { sessionId, message };
  await queue.add('deliver', data, {
    jobId: deliveryJobId(sessionId, message.seq),
    delay: Math.max(0, message.deliverAt - now),
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: true,
  });
}

export class OutboxDelivery {
  readonly #options: OutboxDeliveryOptions;
  readonly #now: () => number;

  constructor(options: OutboxDeliveryOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Processes one delivery job. Performs I/O. */
  async process(job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const { sessionId, message } = job.data;
    const key = sessionKeys(this.#options.prefix, sessionId).delivery;
    const [settled, outcome] = await this.#options.redis.hmget(key, 'settled', String(message.seq));
    if (outcome !== null && outcome !== undefined) return this.#report(sessionId, message, JSON.parse(outcome) as Outcome);
    const waitingFor = Number(settled ?? 0) < message.seq - 1;
    if (waitingFor && this.#now() - message.deliverAt < (this.#options.orderPatienceMs ?? 60_000)) {
      await job.moveToDelayed(this.#now() + 200, token);
      throw new DelayedError();
    }
    const result = await this.#deliver(sessionId, message, job);
    await this.#options.redis.settleDelivery(key, String(message.seq), JSON.stringify(result), String(this.#options.keepOutcomes));
    this.#options.stats?.trigger.counted({ name: 'deliveries_total', labels: { kind: message.kind, outcome: result.status } });
    await this.#report(sessionId, message, result);
  }

  async #deliver(sessionId: string, message: OutboxMessage, job: Job): Promise<Outcome> {
    const adapter = adapterFor(this.#options.adapters, sessionId, this.#options.fallback);
    const voiced = await this.#deliverVoice(adapter, sessionId, message);
    if (voiced && !this.#options.speechSettingsFor(sessionId).alwaysSendText) return { status: 'delivered', at: this.#now(), voice: true };
    try {
      await adapter.deliver(sessionId, message);
      return { status: 'delivered', at: this.#now(), voice: voiced };
    } catch (error) {
      const retryable = error instanceof RuntimeError && error.retryable;
      if (retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      this.#options.logger.warn({ sessionId, seq: message.seq, err: toErrorInfo(error) }, 'delivery failed');
      return { status: 'failed', at: this.#now(), error: toErrorInfo(error) };
    }
  }

  /** Sends the voice clip first when speech is on; a speech failure never stops the text. */
  async #deliverVoice(adapter: DeliveryAdapter, sessionId: string, message: OutboxMessage): Promise<boolean> {
    const settings = this.#options.speechSettingsFor(sessionId);
    const speech = this.#options.speech;
    if (!settings.enabled || settings.model === undefined || speech === null || message.kind === 'notice') return false;
    try {
      const voice = await speech.speak({ model: settings.model, voice: settings.voice, text: message.text, format: settings.format });
      await adapter.deliverVoice(sessionId, message, voice);
      return true;
    } catch (error) {
      this.#options.logger.warn({ sessionId, seq: message.seq, err: toErrorInfo(error) }, 'speech failed; sending the text');
      return false;
    }
  }

  async #report(sessionId: string, message: OutboxMessage, outcome: Outcome): Promise<void> {
    const at = outcome.at;
    const event =
      outcome.status === 'delivered'
        ? { type: 'outbound.delivered' as const, at, seq: message.seq, kind: message.kind, text: message.text }
        : { type: 'outbound.failed' as const, at, seq: message.seq, kind: message.kind, error: outcome.error ?? { code: 'internal', message: 'failed' } };
    await this.#options.ingestor.ingest(sessionId, event, `outbound:${message.seq}`);
  }
}

interface Outcome {
  status: 'delivered' | 'failed';
  at: number;
  voice?: boolean;
  error?: { code: string; message: string };
}
