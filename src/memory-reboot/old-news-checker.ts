/**
 * The old-news check of a group's messages, one at a time in ingest order (the check job of a group runs
 * on one worker at a time): filters, pictures, embedding, lookup in the group index, the reminder decision,
 * the optional judge — then, when it reminds, `reboot.matched` is ingested into the group session's mailbox,
 * and finally the message is stored and popped in one atomic step. A crash before that step re-runs the
 * check; the reminder's ingest is deduplicated by message id, so nobody is reminded twice.
 */
import type { GroupIndex, Match } from './group-index.js';
import { decideReminder } from './match-decision.js';
import { type CompiledFilters, type FilterReason, commandWordOf, isBlockedGroup, textFilterReason } from './message-filters.js';
import { type ContentPicture, type PictureReaderOptions, contentText, readPictures } from './picture-reader.js';
import type { RebootAdmin } from './reboot-admin.js';
import { kizunaCommandWords, parseRebootCommand } from './reboot-commands.js';
import { type CheckEntry, type StoredRecord, indexedMessageOf, parseCheckEntry, recordOf } from './reboot-record.js';
import type { RebootServices } from './reboot-services.js';
import { signSketch } from './sign-sketch.js';
import { decodeVector, encodeVector } from './vector-codec.js';

const dayMs = 86_400_000;

export interface OldNewsCheckerOptions extends RebootServices {
  admin: RebootAdmin;
  pictures: Omit<PictureReaderOptions, 'warn'>;
  timezone: string;
}

/** What became of one message (for logs and tests). */
export type CheckOutcome =
  | { outcome: 'invalid' | 'command' | 'disabled' | 'already_checked' }
  | { outcome: 'filtered'; reason: FilterReason }
  | { outcome: 'stored'; verdict: string; reminded: boolean };

export class OldNewsChecker {
  readonly #options: OldNewsCheckerOptions;
  readonly #now: () => number;

  constructor(options: OldNewsCheckerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Checks up to `limit` waiting messages of the group; 'more' when some still wait. Performs I/O. */
  async drain(sessionId: string, limit = 64): Promise<'done' | 'more'> {
    for (let checked = 0; checked < limit; checked += 1) {
      const [entry] = await this.#options.store.pending(sessionId, 1);
      if (entry === undefined) return 'done';
      const { remaining } = await this.check(sessionId, entry);
      if (remaining === 0) return 'done';
    }
    return 'more';
  }

  /** Checks the pending entry `json` (the head of the group's queue) and settles it. Performs I/O. */
  async check(sessionId: string, json: string): Promise<CheckOutcome & { remaining: number }> {
    const { store, settings, filters } = this.#options;
    const entry = parseCheckEntry(json);
    // Retention counts back from the message's own time, as matching does: the same cutoff for both.
    const cutoff = (entry?.at ?? this.#now()) - settings.retentionDays * dayMs;
    const settle = async (outcome: CheckOutcome, record: StoredRecord | null = null, vector: Buffer | null = null, commandWord: string | null = null) => {
      const committed = await store.commit(sessionId, {
        entry: json,
        record,
        vector,
        expiryMs: (settings.retentionDays + 1) * dayMs,
        cutoff,
        reminded: outcome.outcome === 'stored' && outcome.reminded,
        commandWord,
      });
      this.#options.stats?.trigger.counted({ name: 'memory_reboot_checks_total', labels: outcomeLabels(outcome) });
      return { committed, result: { ...outcome, remaining: committed.remaining } };
    };
    if (entry === null) {
      this.#options.logger.warn({ sessionId, text: json.slice(0, 200) }, 'memory reboot: dropped a malformed pending entry');
      return (await settle({ outcome: 'invalid' })).result;
    }
    const command = parseRebootCommand(entry.text);
    if (command !== null) {
      await this.#options.admin.run(sessionId, entry, command);
      return (await settle({ outcome: 'command' })).result;
    }
    if (!settings.enabled || isBlockedGroup(filters, sessionId)) return (await settle({ outcome: 'disabled' })).result;
    const early = textFilterReason(filters, entry.text, true);
    if (early !== null) return (await settle({ outcome: 'filtered', reason: early }, null, null, early === 'other_command' ? otherBotsCommand(filters, entry.text) : null)).result;

    // A message stored already was checked already (a re-delivery, or a re-run after the commit).
    const index = await this.#options.cache.get(sessionId, await store.meta(sessionId));
    if (index.has(entry.id)) return (await settle({ outcome: 'already_checked' })).result;

    const pictures = await readPictures(entry.images, { ...this.#options.pictures, warn: this.#warn(sessionId) });
    const lengthReason = textFilterReason(filters, entry.text, pictures.length > 0);
    if (lengthReason !== null) return (await settle({ outcome: 'filtered', reason: lengthReason })).result;

    const text = contentText(entry.text, pictures);
    const vector = text === '' ? null : await this.#embed(sessionId, text);
    const stored = vector === null ? null : encodeVector(vector);
    const sketch = stored === null ? null : signSketch(decodeVector(stored));
    const record = recordOf(entry, text, pictures.map((picture) => ({ sha256: picture.sha256, dhash: Buffer.from(picture.dhash).toString('hex') })), sketch === null ? null : { space: this.#options.embedder.space, sketch });

    const matches = this.#matches(index, entry.id, cutoff, vector, pictures);
    const decision = decideReminder({ senderId: entry.sender.id, at: entry.at, ...(entry.replyTo === undefined ? {} : { replyTo: entry.replyTo }) }, matches, settings);
    let reminded = false;
    if (decision.verdict === 'remind') reminded = await this.#confirm(sessionId, entry, text, decision.match, decision.uniqueSenders);
    if (reminded) await this.#remind(sessionId, entry);

    const verdict = decision.verdict === 'remind' && !reminded ? 'judge_declined' : decision.verdict;
    const { committed, result } = await settle({ outcome: 'stored', verdict, reminded }, record, stored);
    if (committed.stored) {
      index.add(indexedMessageOf(record, stored));
      this.#options.cache.stored(sessionId, committed.seq);
    }
    this.#options.logger.debug({ sessionId, id: entry.id, verdict: decision.verdict, reminded, matches: matches.length }, 'memory reboot: checked');
    return result;
  }

  #matches(index: GroupIndex, id: string, since: number, vector: Float32Array | null, pictures: readonly ContentPicture[]): Match[] {
    const { settings } = this.#options;
    index.prune(since);
    const found = [
      ...(vector === null ? [] : index.textMatches(vector, settings.textThreshold, since, this.#options.embedder.space)),
      ...(pictures.length === 0 ? [] : index.imageMatches(pictures.map((picture) => picture.dhash), settings.imageThreshold, since)),
    ];
    // A re-run after a crash may find the message itself stored already.
    return found.filter((match) => match.id !== id);
  }

  async #embed(sessionId: string, text: string): Promise<Float32Array | null> {
    try {
      const vector = await this.#options.embedder.embed(text);
      // A zero vector (text without letters, for the offline embedding) is similar to nothing: store none.
      return vector.some((value) => value !== 0) ? vector : null;
    } catch (error) {
      this.#warn(sessionId)('memory reboot: the embedding failed; the message is stored without a text vector', { err: error });
      return null;
    }
  }

  async #confirm(sessionId: string, entry: CheckEntry, text: string, match: Match, uniqueSenders: number): Promise<boolean> {
    const judge = this.#options.judge;
    if (judge === null) return true;
    const around = this.#options.settings.judgeContextMessages;
    const context = await this.#options.store.context(sessionId, match.id, around, around);
    const line = (record: StoredRecord) => ({ at: record.at, sender: record.sender.name ?? record.sender.id, text: record.text });
    const matched = context.matched.find((record) => record.id === match.id);
    const verdict = await judge.confirm({
      matched: matched === undefined ? { at: match.at, sender: match.senderId, text: '' } : line(matched),
      similarity: match.similarity,
      matchedContext: context.matched.map(line),
      recentContext: context.recent.map(line),
      current: { at: entry.at, sender: entry.sender.name ?? entry.sender.id, text },
      uniqueSenders,
      minSenders: this.#options.settings.minUniqueSenders,
      timezone: this.#options.timezone,
    });
    this.#options.logger.debug({ sessionId, id: entry.id, verdict }, 'memory reboot: judge');
    return verdict.remind;
  }

  /**
   * Ingests the reminder, once: a re-run after a crash before the commit finds its ingest deduplicated. It
   * quotes the message only by the platform's id: a message without one (posted over HTTP without
   * `messageId`) gets a plain reminder, never a quote of kizuna's internal id that no platform knows.
   */
  async #remind(sessionId: string, entry: CheckEntry): Promise<void> {
    const messageId = entry.messageId;
    const event = {
      type: 'reboot.matched' as const,
      at: this.#now(),
      ...(messageId === undefined ? {} : { messageId }),
      text: this.#options.settings.reminderText,
    };
    const receipt = await this.#options.ingestor.ingest(sessionId, event, `reboot:${entry.id}`);
    if (!receipt.duplicate) this.#options.logger.info({ sessionId, messageId }, 'memory reboot: old news, reminder sent');
  }

  #warn(sessionId: string) {
    return (message: string, details: Record<string, unknown> = {}) => this.#options.logger.warn({ sessionId, ...details }, message);
  }
}

/** The command word to count as another bot's: kizuna's own commands are filtered but never counted; pure. */
function otherBotsCommand(filters: CompiledFilters, text: string): string | null {
  const word = commandWordOf(filters, text);
  return word === null || kizunaCommandWords.has(word) ? null : word;
}

/** The metric labels of an outcome: what happened and why (bounded sets of values); pure. */
function outcomeLabels(outcome: CheckOutcome): Record<string, string> {
  if (outcome.outcome === 'filtered') return { outcome: 'filtered', reason: outcome.reason };
  if (outcome.outcome === 'stored') return { outcome: outcome.reminded ? 'reminded' : 'stored', reason: outcome.verdict };
  return { outcome: outcome.outcome };
}
