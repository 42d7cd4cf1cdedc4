/**
 * String hashing for the feature buckets: FNV-1a over UTF-16 code units, finished with murmur3's mixer so
 * that the low bits are usable as a bucket index.
 */

/** 32-bit unsigned hash of `text`; identical in training and at run time. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Maps `feature` to a bucket in [1, bucketCount); bucket 0 is reserved for padding. */
export function bucketOf(feature: string, bucketCount: number): number {
  return (hashString(feature) % (bucketCount - 1)) + 1;
}
