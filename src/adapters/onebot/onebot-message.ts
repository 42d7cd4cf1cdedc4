/**
 * What a OneBot message says, in kizuna's terms: its text (with readable placeholders for what has no
 * text), its images (stickers marked), whether it mentions the bot, and which message it quotes. Both
 * message formats (a CQ-code string, an array of segments or a single segment) map through the same code.
 */
import type { ImageRef } from '../../../machines/session-types.js';
import { parseCqMessage, type Segment } from './cq-code.js';

export interface MessageContent {
  text: string;
  images: ImageRef[];
  /** An `at` of the bot is in the message (`@all` is not: it addresses everyone, not the bot). */
  atsBot: boolean;
  /** The id of the message a `reply` segment quotes. */
  replyTo?: string;
}

/** Segment types left out of the text on purpose, with the reason (docs/onebot.md lists them). */
export const ignoredSegments: Readonly<Record<string, string>> = {
  node: 'forward-message building block; only sent, never received alone',
  keyboard: 'bot-button markup, nothing a person wrote',
};

/** Reads a message field in either format into segments, or null when it is neither; pure. */
export function segmentsOf(message: unknown): Segment[] | null {
  if (typeof message === 'string') return parseCqMessage(message);
  const list = Array.isArray(message) ? message : message !== null && typeof message === 'object' ? [message] : null;
  if (list === null) return null;
  const segments: Segment[] = [];
  for (const item of list) {
    const segment = segmentOf(item);
    if (segment === null) return null;
    segments.push(segment);
  }
  return segments;
}

/** Maps segments to kizuna's message content; `selfId` is the bot's account (its `at`s mention the bot); pure. */
export function contentOf(segments: readonly Segment[], selfId: string): MessageContent {
  const images: ImageRef[] = [];
  let text = '';
  let atsBot = false;
  let replyTo: string | undefined;
  for (const { type, data } of segments) {
    if (type === 'reply' && data.id !== undefined && data.id !== '') replyTo ??= data.id;
    else if (type === 'at' && data.qq === selfId) atsBot = true;
    else if (type === 'image' || type === 'mface') {
      const image = imageOf(type, data);
      if (image === null) text += '[image]';
      else images.push(image);
    } else text += renderSegment(type, data);
  }
  const content: MessageContent = { text: text.trim(), images, atsBot };
  return replyTo === undefined ? content : { ...content, replyTo };
}

/** How a segment with no image reads in the text kizuna keeps; pure. */
export function renderSegment(type: string, data: Record<string, string>): string {
  switch (type) {
    case 'text':
      return data.text ?? '';
    case 'at':
      return data.qq === 'all' ? '@all' : `@${data.name || data.qq || ''}`;
    case 'face':
      return `[face:${data.id ?? ''}]`;
    case 'record':
      return '[voice message]';
    case 'video':
      return '[video]';
    case 'file':
      return data.name ? `[file: ${data.name}]` : '[file]';
    case 'share':
      return `[link: ${data.title || data.url || ''}]`;
    case 'json':
      return `[card: ${cardPrompt(data.data) ?? 'json'}]`;
    case 'xml':
      return '[card]';
    case 'location':
      return data.title ? `[location: ${data.title}]` : '[location]';
    case 'forward':
      return '[forwarded messages]';
    case 'poke':
      return '[poke]';
    case 'dice':
    case 'rps':
      return data.result ? `[${type}: ${data.result}]` : `[${type}]`;
    case 'markdown':
      return data.content ?? '';
    default:
      return type in ignoredSegments ? '' : `[${type}]`;
  }
}

/** An image segment as an image reference: market stickers (`mface`, NapCat's sticker sub type) are stickers; pure. */
function imageOf(type: string, data: Record<string, string>): ImageRef | null {
  const url = data.url || (/^(https?|base64):\/\//.test(data.file ?? '') ? data.file : undefined);
  if (url === undefined || url === '') return null;
  const sticker = type === 'mface' || data.sub_type === '1' || data.type === 'sticker';
  return sticker ? { url, sticker: true } : { url };
}

/** The `prompt` a JSON card shows in chat lists ("[QQ小程序]…"), when it has one; pure. */
function cardPrompt(json: string | undefined): string | undefined {
  try {
    const prompt = (JSON.parse(json ?? '') as { prompt?: unknown }).prompt;
    return typeof prompt === 'string' && prompt !== '' ? prompt : undefined;
  } catch {
    return undefined;
  }
}

function segmentOf(item: unknown): Segment | null {
  if (item === null || typeof item !== 'object') return null;
  const { type, data } = item as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || type === '') return null;
  const values: Record<string, string> = {};
  if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      // v11 values are strings; implementations send numbers and booleans too (NapCat's sub_type, file_size).
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
    }
  }
  return { type, data: values };
}
