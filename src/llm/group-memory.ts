/**
 * Group memory as a model reads it (seed 001's memory takeover): one timestamped line per message —
 * `[HH:MM:SS] Alice: text [@you] [Image: caption]` — for the members' messages and the bot's own ("You").
 * An image shown natively in this request is `[Image #n]` (n: its place among the attachments); any other
 * image is `[Image: caption]` when a caption exists, else `[Image]` (the seed left unseen images out of the
 * text altogether, so the model never learnt an image was posted). Pure.
 */
import { formatLocalDateTime } from '../../machines/local-time.js';
import type { ImageRef } from '../../machines/session-types.js';
import type { HistoryEntry } from './llm-types.js';

export interface MemoryLineOptions {
  timeZone: string;
  captions: Readonly<Record<string, string>>;
  /** Identities of the images attached to this request, in attachment order. */
  attached: readonly string[];
  /** Bound on one line's text, in characters. */
  maxLineChars?: number;
}

/** The lines of group memory, oldest first; pure. */
export function renderGroupMemory(entries: readonly HistoryEntry[], options: MemoryLineOptions): string {
  if (entries.length === 0) return '(nothing yet)';
  return entries.map((entry) => memoryLine(entry, options)).join('\n');
}

/** One message of group memory as a line; pure. */
export function memoryLine(entry: HistoryEntry, options: MemoryLineOptions): string {
  const clock = formatLocalDateTime(entry.at, options.timeZone).slice(11);
  const seconds = String(Math.floor((entry.at % 60_000) / 1000)).padStart(2, '0');
  const who = entry.role === 'bot' ? 'You' : speakerName(entry.sender);
  const max = options.maxLineChars ?? 500;
  const text = entry.text.length > max ? `${entry.text.slice(0, max)}…` : entry.text;
  const parts = [text, entry.mentionsBot === true ? '[@you]' : '', ...(entry.images ?? []).map((image) => imageMark(image, options))];
  return `[${clock}:${seconds}] ${who}: ${parts.filter(Boolean).join(' ')}`;
}

/** How a sender is named in memory lines: its name, else its id; pure. */
export function speakerName(sender: { id: string; name?: string } | undefined): string {
  if (sender === undefined) return 'someone';
  return sender.name !== undefined && sender.name.trim().length > 0 ? sender.name : sender.id;
}

function imageMark(image: ImageRef, options: MemoryLineOptions): string {
  const label = image.sticker === true ? 'Sticker' : 'Image';
  const attached = image.hash === undefined ? -1 : options.attached.indexOf(image.hash);
  if (attached >= 0) return `[${label} #${attached + 1}]`;
  const caption = image.hash === undefined ? undefined : options.captions[image.hash];
  return caption === undefined ? `[${label}]` : `[${label}: ${caption}]`;
}

/** The bot's last message in the memory, if any; pure. */
export function lastBotText(entries: readonly HistoryEntry[]): string | null {
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index]!;
    if (entry.role === 'bot') return entry.text;
  }
  return null;
}
