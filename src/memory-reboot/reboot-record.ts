/**
 * What Memory Reboot keeps: the check entry a group message becomes when ingested, and the record stored
 * for it once it passes the filters (its vector lives beside it as float16 bytes). Plain JSON.
 */
import type { ImageRef, Sender } from '../../machines/session-types.js';
import type { IndexedMessage } from './group-index.js';
import { sketchVersion } from './sign-sketch.js';

/** A group message waiting for its check. */
export interface CheckEntry {
  /** The platform message id, or the ingest event id when the platform gave none. */
  id: string;
  /** The platform message id a reminder quotes. */
  messageId?: string;
  at: number;
  sender: Sender;
  text: string;
  images: ImageRef[];
  /** The platform id of the message this one quotes, when it quotes one. */
  replyTo?: string;
}

/** A stored message. */
export interface StoredRecord {
  id: string;
  at: number;
  sender: Sender;
  /** The text as embedded: the message's text and its pictures' descriptions. */
  text: string;
  /** The content hash and dHash (hex) of each content picture. */
  images: Array<{ sha256: string; dhash: string }>;
  /** The vector space of the stored vector, when the message has one. */
  space?: string;
  /** Base64 sign sketch of the stored vector, and the sketch version it was made with. */
  sketch?: string;
  sketchVersion?: number;
}

const maxStoredChars = 2000;

/** Parses a pending entry, or returns null when it is not one; pure. */
export function parseCheckEntry(json: string): CheckEntry | null {
  try {
    const value = JSON.parse(json) as Partial<CheckEntry>;
    const valid =
      typeof value.id === 'string' &&
      typeof value.at === 'number' &&
      typeof value.sender?.id === 'string' &&
      typeof value.text === 'string' &&
      Array.isArray(value.images) &&
      value.images.every((image) => typeof image?.url === 'string');
    return valid ? (value as CheckEntry) : null;
  } catch {
    return null;
  }
}

/** Builds the record of a checked message; pure. */
export function recordOf(entry: CheckEntry, text: string, images: StoredRecord['images'], vector: { space: string; sketch: Uint8Array } | null): StoredRecord {
  return {
    id: entry.id,
    at: entry.at,
    sender: entry.sender,
    text: text.length > maxStoredChars ? `${text.slice(0, maxStoredChars)}…` : text,
    images,
    ...(vector === null ? {} : { space: vector.space, sketch: Buffer.from(vector.sketch).toString('base64'), sketchVersion }),
  };
}

/** What the index needs of a stored record and its vector; a sketch of another version is recomputed; pure. */
export function indexedMessageOf(record: StoredRecord, vector: Buffer | null): IndexedMessage {
  const sketch = record.sketch !== undefined && record.sketchVersion === sketchVersion ? new Uint8Array(Buffer.from(record.sketch, 'base64')) : undefined;
  return {
    id: record.id,
    at: record.at,
    senderId: record.sender.id,
    ...(vector === null || record.space === undefined ? {} : { vector: new Uint8Array(vector), space: record.space }),
    ...(sketch === undefined ? {} : { sketch }),
    imageHashes: record.images.map((image) => new Uint8Array(Buffer.from(image.dhash, 'hex'))),
  };
}
