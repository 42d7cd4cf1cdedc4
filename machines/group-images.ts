/**
 * The group image policy (seed 001's memory takeover), decided when a group request starts: first-seen images
 * among the newest `groups.imageWindow` records are shown to the model natively, at most
 * `groups.maxImagesPerRequest` per request, pending ones (passed over before) taking ceil(k/2) of the quota.
 * An image counts as shown only after a response to the request that carried it. Two seed bugs are fixed:
 * identity is a digest of the content (a re-sent image under a new URL is the same image), and a pending
 * image stays a candidate after it scrolls out of the window until its rounds run out. Pure.
 */
import type { GroupImage, GroupState, PendingImage } from './group-types.js';
import { seedFrom } from './random.js';
import type { GroupSettings, ImageRef } from './session-types.js';

/** How many shown images a group remembers (newest kept). */
export const knownImagesMax = 100;

/**
 * Images whose URL is longer than this (inline `base64://` or `data:` images) are never shown natively: the
 * policy keeps URLs in the session context, which must stay small. They are still in group memory.
 */
export const maxImageUrlChars = 4096;

/** The identity of an image: its content digest, or (when its bytes could not be read) a digest of its URL; pure. */
export function imageIdentity(image: ImageRef): string {
  if (image.hash !== undefined && image.hash.length > 0) return image.hash;
  return `url-${seedFrom(image.url).toString(16)}${seedFrom(`#${image.url}`).toString(16)}`;
}

/** The image as the policy keeps it; pure. */
export function groupImageOf(image: ImageRef): GroupImage {
  const kept: GroupImage = { hash: imageIdentity(image), url: image.url };
  if (image.sticker === true) kept.sticker = true;
  return kept;
}

/** The state after a new record with `images`: the record counted, the window moved on; pure. */
export function withRecord(group: GroupState, images: readonly ImageRef[], window: number): GroupState {
  const record = group.records + 1;
  const added = images.filter((image) => image.url.length <= maxImageUrlChars).map((image) => ({ ...groupImageOf(image), record }));
  const recentImages = [...group.recentImages, ...added].filter((image) => image.record > record - window);
  return { ...group, records: record, recentImages };
}

/** Chooses the images a request shows and updates the pending queue (rounds, drops); pure. */
export function chooseImages(group: GroupState, settings: GroupSettings): { images: GroupImage[]; group: GroupState } {
  const k = settings.maxImagesPerRequest;
  const known = new Set(group.knownImages);
  const pending = group.pendingImages.filter((image) => !known.has(image.hash));
  const queued = new Set(pending.map((image) => image.hash));
  const fresh = windowImages(group, settings.imageWindow).filter((image) => !known.has(image.hash) && !queued.has(image.hash));

  const pendingQuota = Math.ceil(k / 2);
  const chosen = [...pending.slice(0, pendingQuota), ...fresh.slice(0, k - pendingQuota)];
  for (const image of [...pending, ...fresh]) {
    if (chosen.length >= k) break;
    if (!chosen.includes(image)) chosen.push(image);
  }
  const chosenHashes = new Set(chosen.map((image) => image.hash));

  const passedOver = (image: GroupImage, rounds: number): PendingImage => ({ ...bare(image), rounds: chosenHashes.has(image.hash) ? rounds : rounds + 1 });
  const next = [...pending.map((image) => passedOver(image, image.rounds)), ...fresh.map((image) => passedOver(image, 0))];
  const dropped = next.filter((image) => image.rounds > settings.pendingMaxRounds);
  return {
    images: chosen.map(bare),
    group: {
      ...group,
      pendingImages: next.filter((image) => image.rounds <= settings.pendingMaxRounds),
      knownImages: remember(group.knownImages, dropped.map((image) => image.hash)),
    },
  };
}

/** The state once a response to a request that carried `images` arrived: they are known now; pure. */
export function withImagesShown(group: GroupState, images: readonly GroupImage[]): GroupState {
  if (images.length === 0) return group;
  const shown = new Set(images.map((image) => image.hash));
  return {
    ...group,
    pendingImages: group.pendingImages.filter((image) => !shown.has(image.hash)),
    knownImages: remember(group.knownImages, [...shown]),
  };
}

/** Unique images of the newest `window` records, newest first; pure. */
function windowImages(group: GroupState, window: number): GroupImage[] {
  const seen = new Set<string>();
  const images: GroupImage[] = [];
  for (const image of [...group.recentImages].reverse()) {
    if (image.record <= group.records - window || seen.has(image.hash)) continue;
    seen.add(image.hash);
    images.push(bare(image));
  }
  return images;
}

function bare(image: GroupImage): GroupImage {
  return image.sticker === true ? { hash: image.hash, url: image.url, sticker: true } : { hash: image.hash, url: image.url };
}

function remember(known: readonly string[], hashes: readonly string[]): string[] {
  if (hashes.length === 0) return [...known];
  const added = new Set(hashes);
  return [...known.filter((hash) => !added.has(hash)), ...added].slice(-knownImagesMax);
}
