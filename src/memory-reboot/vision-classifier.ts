/**
 * Sticker or content? The vision model (`llm.models.vision`) looks at a picture once and says whether it is
 * a sticker and, if not, what it shows. Answers are cached by the picture's sha256 for the retention period,
 * so the same picture posted again (under any URL) costs no second call — the seed asked for every image.
 */
import type { Redis } from 'ioredis';
import type { ChatModel } from '../llm/chat-model.js';
import { extractJsonObject, looseBoolean } from '../llm/json-answer.js';
import type { FetchedImage } from '../images/safe-fetch.js';

export interface PictureVerdict {
  sticker: boolean;
  /** What the picture shows (empty for stickers). */
  content: string;
}

const maxContentChars = 1000;

/** Reads `{is_sticker, content}` (or `type: "sticker" | "emoji"`) from the model's answer, or null; pure. */
export function parseVisionAnswer(text: string): PictureVerdict | null {
  const object = extractJsonObject(text);
  if (object === null) return null;
  const type = typeof object['type'] === 'string' ? object['type'].toLowerCase() : '';
  const sticker = looseBoolean(object['is_sticker'] ?? object['isSticker']) ?? (type === 'sticker' || type === 'emoji' ? true : type === 'content' ? false : null);
  if (sticker === null) return null;
  const content = typeof object['content'] === 'string' ? object['content'].trim().slice(0, maxContentChars) : '';
  return { sticker, content: sticker ? '' : content };
}

export interface VisionClassifierOptions {
  chat: ChatModel;
  model: string;
  template: string;
  redis: Redis;
  /** Cache key of a picture's verdict. */
  cacheKey: (sha256: string) => string;
  cacheSeconds: number;
  timeoutMs: number;
  warn: (message: string, details?: Record<string, unknown>) => void;
}

/** Classifies pictures with the vision model, through a Redis cache keyed by content hash. */
export class VisionClassifier {
  readonly #options: VisionClassifierOptions;

  constructor(options: VisionClassifierOptions) {
    this.#options = options;
  }

  get model(): string {
    return this.#options.model;
  }

  /** The verdict on `image`, or null when the model could not give one (treated as content). Performs I/O. */
  async classify(image: FetchedImage): Promise<PictureVerdict | null> {
    const { redis, cacheKey } = this.#options;
    const cached = await redis.get(cacheKey(image.sha256));
    if (cached !== null) return parseVisionAnswer(cached);
    const verdict = await this.#ask(image);
    if (verdict !== null) await redis.set(cacheKey(image.sha256), JSON.stringify({ is_sticker: verdict.sticker, content: verdict.content }), 'EX', Math.ceil(this.#options.cacheSeconds));
    return verdict;
  }

  async #ask(image: FetchedImage): Promise<PictureVerdict | null> {
    const dataUrl = `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
    try {
      const answer = await this.#options.chat.complete(
        {
          model: this.#options.model,
          messages: [{ role: 'user', content: [{ type: 'text', text: this.#options.template }, { type: 'image_url', image_url: { url: dataUrl } }] }],
          maxTokens: 600,
          temperature: 0,
        },
        { timeoutMs: this.#options.timeoutMs },
      );
      const verdict = parseVisionAnswer(answer.text ?? '');
      if (verdict === null) this.#options.warn('the vision model answered without a readable verdict; the picture counts as content', { sha256: image.sha256 });
      return verdict;
    } catch (error) {
      this.#options.warn('the vision model failed; the picture counts as content', { err: error, sha256: image.sha256 });
      return null;
    }
  }
}
