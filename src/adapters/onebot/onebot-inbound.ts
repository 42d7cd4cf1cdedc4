/**
 * Events from OneBot into sessions. A private or group message is ingested (its OneBot message id drops
 * re-deliveries); a `base64://` image is stored as an upload first; quoting one of the bot's own messages
 * counts as mentioning the bot; the account it came through is remembered as the one that answers. Meta
 * events, notices and requests are logged at debug and left alone; a malformed frame gets one warning and
 * nothing else changes.
 */
import { RuntimeError, toErrorInfo } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { UploadStore } from '../../images/upload-store.js';
import type { IngestEvent, IngestReceipt } from '../../runtime/ingestor.js';
import { isInlineImage, storeInlineImages } from './inline-images.js';
import type { Frame, InboundMessage } from './onebot-frame.js';
import type { OnebotStore } from './onebot-store.js';

export type IngestFunction = (sessionId: string, event: IngestEvent, messageId?: string) => Promise<IngestReceipt>;

export interface OnebotInboundOptions {
  store: OnebotStore;
  /** Where `base64://` images are kept, as HTTP uploads are. */
  uploads: Pick<UploadStore, 'put' | 'maxBytes'>;
  logger: Logger;
  now?: () => number;
  /** How long a message keeps being retried while Redis is unreachable. */
  retryForMs?: number;
}

export class OnebotInbound {
  readonly #options: OnebotInboundOptions;
  readonly #now: () => number;
  #ingest: IngestFunction | null = null;

  constructor(options: OnebotInboundOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Starts taking events into sessions through `ingest`. */
  start(ingest: IngestFunction): void {
    this.#ingest = ingest;
  }

  /** Handles one event frame (or a malformed one) read from `source` (an account, for the logs). Performs I/O. */
  async handle(frame: Exclude<Frame, { kind: 'response' }>, source: string): Promise<void> {
    const { logger } = this.#options;
    if (frame.kind === 'malformed') return void logger.warn({ account: source, reason: frame.reason }, 'OneBot frame ignored: malformed');
    if (frame.kind === 'ignored') return void logger.debug({ account: source, event: frame.what }, 'OneBot event ignored');
    try {
      await this.#withRetries(() => this.#take(frame.message));
    } catch (error) {
      logger.error({ account: source, sessionId: frame.message.sessionId, messageId: frame.message.messageId, err: toErrorInfo(error) }, 'OneBot message lost: it could not be ingested');
    }
  }

  async #take(message: InboundMessage): Promise<void> {
    const ingest = this.#ingest;
    if (ingest === null) throw new RuntimeError('platform_unavailable', 'the OneBot adapter has not started', { retryable: true });
    const { store } = this.#options;
    let event = await this.#withInlineImagesStored(message);
    if (!event.mentionsBot && event.replyTo !== undefined && (await store.isBotMessage(message.sessionId, event.replyTo, this.#now()))) {
      event = { ...event, mentionsBot: true };
    }
    await store.rememberRoute(message.sessionId, message.selfId);
    const receipt = await ingest(message.sessionId, event, message.messageId);
    if (receipt.duplicate) this.#options.logger.debug({ sessionId: message.sessionId, messageId: message.messageId }, 'OneBot message delivered again; ingested once');
  }

  /** The event with its `base64://` images stored as uploads; a refused one reads `[image]` and is logged. */
  async #withInlineImagesStored(message: InboundMessage): Promise<InboundMessage['event']> {
    const event = message.event;
    if (!event.images.some((image) => isInlineImage(image.url))) return event;
    const { images, refused } = await storeInlineImages(event.images, this.#options.uploads);
    if (refused.length === 0) return { ...event, images };
    this.#options.logger.warn({ sessionId: message.sessionId, messageId: message.messageId, reasons: refused }, 'OneBot base64:// image left out of the message');
    return { ...event, images, text: [event.text, ...refused.map(() => '[image]')].filter((part) => part !== '').join(' ') };
  }

  /** Retries while Redis is unreachable (the event was already read from the socket: there is no one to ask again). */
  async #withRetries(step: () => Promise<void>): Promise<void> {
    const deadline = this.#now() + (this.#options.retryForMs ?? 30_000);
    for (let attempt = 0; ; attempt++) {
      try {
        return await step();
      } catch (error) {
        const retryable = error instanceof RuntimeError && error.retryable;
        if (!retryable || this.#now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }
}
