/**
 * Gives the images of group messages their identity before the message enters the mailbox: a digest of the
 * bytes, downloaded with the safe image fetcher (`src/images/safe-fetch.ts`), so the same picture posted again
 * under another URL is recognised (seed 001 hashed the URL). Images of one message are fetched together; an
 * image that cannot be fetched keeps no digest and the machine falls back to a digest of its URL. Private
 * chats, stickers (whose URL names them) and images that already carry a digest (an adapter that knows it)
 * are left alone. The digest is recorded on the event, so replay never downloads anything.
 */
import type { ImageRef } from '../../machines/session-types.js';
import { isGroupSession } from '../config/session-settings.js';
import type { Logger } from '../log.js';
import type { IngestEvent } from '../runtime/ingestor.js';
import type { FetchedImage } from '../images/safe-fetch.js';

/** Hex digits of the sha256 kept as an image's identity (64 bits: no collision within a group's memory). */
export const identityHexDigits = 16;

export type ImageDownloader = (url: string) => Promise<Pick<FetchedImage, 'sha256'>>;

/** Returns the event with a `hash` on each image of a group message that lacks one. Performs I/O. */
export function createImageIdentifier(download: ImageDownloader, logger?: Pick<Logger, 'debug'>) {
  return async (sessionId: string, event: IngestEvent): Promise<IngestEvent> => {
    if (event.type !== 'message.received' || !isGroupSession(sessionId)) return event;
    if (event.images.every((image) => image.hash !== undefined || image.sticker === true)) return event;
    const images = await Promise.all(event.images.map((image) => identified(image, download, sessionId, logger)));
    return { ...event, images };
  };
}

async function identified(image: ImageRef, download: ImageDownloader, sessionId: string, logger?: Pick<Logger, 'debug'>): Promise<ImageRef> {
  // A sticker's URL names the sticker (platform faces, stored memes): no download for its identity.
  if (image.hash !== undefined || image.sticker === true) return image;
  try {
    const fetched = await download(image.url);
    return { ...image, hash: fetched.sha256.slice(0, identityHexDigits) };
  } catch (error) {
    logger?.debug({ sessionId, url: image.url.slice(0, 200), err: error }, 'group image not fetched; identified by its URL');
    return image;
  }
}
