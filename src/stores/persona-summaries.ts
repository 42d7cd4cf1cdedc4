/**
 * The persona as the judge reads it: a short summary made once by the judge model and kept in Redis under a
 * digest of the persona text, so a changed persona gets a new summary and an unchanged one is never
 * summarised twice, whatever process asks (seed 001 cached it in memory by persona id). Short personas are
 * used as they are; a failed summary falls back to the start of the text.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { globalKeys } from '../redis/keys.js';

/** Personas up to this length are shown to the judge whole. */
export const shortPersonaChars = 200;
const maxSummaries = 100;

export class PersonaSummaries {
  readonly #redis: Redis;
  readonly #key: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#key = globalKeys(prefix).personaSummaries;
  }

  /** The summary of `persona`, asking `summarise` only when none is stored for this text. Performs I/O. */
  async summaryOf(persona: string, summarise: (persona: string) => Promise<string>): Promise<string> {
    if (persona.length <= shortPersonaChars) return persona;
    const field = createHash('sha1').update(persona).digest('hex').slice(0, 16);
    const stored = await this.#redis.hget(this.#key, field);
    if (stored !== null) return stored;
    let summary: string;
    try {
      summary = (await summarise(persona)).trim();
    } catch {
      return `${persona.slice(0, shortPersonaChars)}…`;
    }
    if (summary.length === 0) return `${persona.slice(0, shortPersonaChars)}…`;
    // Personas are few; a table that grew past its bound (personas edited over and over) starts again.
    if ((await this.#redis.hlen(this.#key)) >= maxSummaries) await this.#redis.del(this.#key);
    await this.#redis.hset(this.#key, field, summary);
    return summary;
  }
}
