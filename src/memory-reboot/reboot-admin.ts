/**
 * Memory Reboot's admin commands, run by the check job when an admin writes one in a group: the status and
 * the command list are answered with `admin.answered` (a notice quoting the command); a wipe is silent, as
 * in the seed, and only logged. Non-admins are ignored.
 */
import { isAdmin } from '../config/admins.js';
import { isBlockedGroup } from './message-filters.js';
import { type RebootCommand, describeCommands, describeStatus, rebootUsage } from './reboot-commands.js';
import type { CheckEntry } from './reboot-record.js';
import type { RebootServices } from './reboot-services.js';

export interface RebootAdminOptions extends RebootServices {
  admins: readonly string[];
  visionModel: string | null;
}

export class RebootAdmin {
  readonly #options: RebootAdminOptions;

  constructor(options: RebootAdminOptions) {
    this.#options = options;
  }

  /** Runs `command` for the sender of `entry`, if they are an admin. Performs I/O. */
  async run(sessionId: string, entry: CheckEntry, command: RebootCommand): Promise<void> {
    const { logger, store } = this.#options;
    if (!isAdmin(this.#options.admins, sessionId, entry.sender.id)) {
      logger.info({ sessionId, senderId: entry.sender.id, command: command.command }, 'memory reboot: admin command from a non-admin ignored');
      return;
    }
    switch (command.command) {
      case 'wipe':
        await store.wipe(sessionId);
        this.#options.cache.forget(sessionId);
        logger.info({ sessionId, by: entry.sender.id }, 'memory reboot: group memory wiped');
        return;
      case 'status':
        return this.#answer(sessionId, entry, await this.#status(sessionId));
      case 'commands':
        return this.#answer(sessionId, entry, describeCommands(this.#options.settings, await store.commandsSeen(sessionId)));
      case 'usage':
        return this.#answer(sessionId, entry, rebootUsage);
    }
  }

  async #status(sessionId: string): Promise<string> {
    const { store, settings } = this.#options;
    const meta = await store.meta(sessionId);
    const counts = (await this.#options.cache.get(sessionId, meta)).counts();
    const seen = await store.commandsSeen(sessionId);
    return describeStatus(
      {
        chatId: sessionId.split(':').slice(2).join(':'),
        blocked: isBlockedGroup(this.#options.filters, sessionId),
        ...counts,
        reminders: meta.reminded,
        embedder: this.#options.embedder.space,
        vision: this.#options.visionModel,
        judge: this.#options.judge?.description ?? null,
        detectedCommands: seen.length,
      },
      settings,
    );
  }

  async #answer(sessionId: string, entry: CheckEntry, text: string): Promise<void> {
    const replyTo = entry.messageId;
    const event = { type: 'admin.answered' as const, at: (this.#options.now ?? Date.now)(), text, ...(replyTo === undefined ? {} : { replyTo }) };
    await this.#options.ingestor.ingest(sessionId, event, `reboot-admin:${entry.id}`);
  }
}
