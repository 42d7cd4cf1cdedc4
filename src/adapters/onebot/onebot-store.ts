/**
 * What the OneBot adapter keeps in Redis, under each session's hash tag: the ids of the messages the bot
 * sent (bounded and expiring, so a quote of one of them counts as mentioning the bot), the account the
 * session last wrote through (who answers it), and one marker per send attempt (so a delivery job that
 * runs again never writes the same message twice).
 */
import type { Redis } from 'ioredis';
import { guardRedis } from '../../runtime/session-store.js';

export interface BotMessageLimits {
  memory: number;
  ttlSeconds: number;
}

/** How long the account a session wrote through is remembered. */
const routeTtlSeconds = 30 * 86_400;
/** How long a send marker is kept: longer than any retry of its delivery job. */
const markerTtlSeconds = 86_400;
/** The marker of a send whose outcome is not known yet. */
const pendingMarker = 'pending';

/** The keys of one session's OneBot data; pure. */
export function onebotKeys(prefix: string, sessionId: string): { botMessages: string; route: string; send: (part: string) => string } {
  const base = `${prefix}:{${sessionId}}:onebot`;
  return { botMessages: `${base}:bot-messages`, route: `${base}:account`, send: (part) => `${base}:send:${part}` };
}

export class OnebotStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #limits: BotMessageLimits;

  constructor(redis: Redis, prefix: string, limits: BotMessageLimits) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#limits = limits;
  }

  /** Remembers a message id the bot sent in a session. Performs I/O. */
  async rememberBotMessage(sessionId: string, messageId: string, now: number): Promise<void> {
    const key = onebotKeys(this.#prefix, sessionId).botMessages;
    await guardRedis(() =>
      this.#redis
        .multi()
        .zadd(key, now, messageId)
        .zremrangebyscore(key, '-inf', now - this.#limits.ttlSeconds * 1000)
        .zremrangebyrank(key, 0, -(this.#limits.memory + 1))
        .expire(key, Math.ceil(this.#limits.ttlSeconds))
        .exec(),
    );
  }

  /** True when `messageId` is one the bot sent in the session, recently enough. Performs I/O. */
  async isBotMessage(sessionId: string, messageId: string, now: number): Promise<boolean> {
    const score = await guardRedis(() => this.#redis.zscore(onebotKeys(this.#prefix, sessionId).botMessages, messageId));
    return score !== null && Number(score) > now - this.#limits.ttlSeconds * 1000;
  }

  /** Records the account a session's message came in through. Performs I/O. */
  async rememberRoute(sessionId: string, selfId: string): Promise<void> {
    await guardRedis(() => this.#redis.set(onebotKeys(this.#prefix, sessionId).route, selfId, 'EX', routeTtlSeconds));
  }

  /** The account a session last wrote through, or null. Performs I/O. */
  async routeOf(sessionId: string): Promise<string | null> {
    return guardRedis(() => this.#redis.get(onebotKeys(this.#prefix, sessionId).route));
  }

  /** Claims a send; resolves null when it is new, else the marker an earlier attempt left. Performs I/O. */
  async claimSend(sessionId: string, part: string): Promise<string | null> {
    const key = onebotKeys(this.#prefix, sessionId).send(part);
    const [claimed, previous] = await guardRedis(() =>
      Promise.all([this.#redis.set(key, pendingMarker, 'EX', markerTtlSeconds, 'NX'), this.#redis.get(key)]),
    );
    return claimed === 'OK' ? null : (previous ?? pendingMarker);
  }

  /** Records how a claimed send ended (`sent:<message id>`). Performs I/O. */
  async settleSend(sessionId: string, part: string, outcome: string): Promise<void> {
    await guardRedis(() => this.#redis.set(onebotKeys(this.#prefix, sessionId).send(part), outcome, 'EX', markerTtlSeconds));
  }

  /** Gives a claim back (the frame was never written, or was refused), so a retry may send. Performs I/O. */
  async releaseSend(sessionId: string, part: string): Promise<void> {
    await guardRedis(() => this.#redis.del(onebotKeys(this.#prefix, sessionId).send(part)));
  }
}
