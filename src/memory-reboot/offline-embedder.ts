/**
 * The offline embedding: character bigrams and trigrams of the normalised text (NFKC, lower case,
 * punctuation and symbols dropped, spaces collapsed), feature-hashed with a sign into 512 dimensions,
 * square-root term weights, unit length. It knows no meaning, only surface: a forward, a copy with a word
 * or an emoji added stays above 0.95, different sentences fall far below — which is what "the same news
 * posted again" looks like. Text with no letters or digits embeds to the zero vector and matches nothing.
 * Pure.
 */
import { hashString } from '../debounce/feature-hash.js';
import type { Embedder } from './embedder.js';
import { normalize } from './vector-codec.js';

export const offlineDimensions = 512;

/** The offline embedding of `text`; pure. */
export function offlineEmbedding(text: string): Float32Array {
  const letters = text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (letters === '') return new Float32Array(offlineDimensions);
  const normalised = ` ${letters} `;
  const characters = [...normalised];
  const counts = new Map<string, number>();
  const sizes = characters.length < 5 ? [1, 2, 3] : [2, 3];
  for (const size of sizes) {
    for (let start = 0; start + size <= characters.length; start += 1) {
      const gram = characters.slice(start, start + size).join('');
      if (gram.trim() === '') continue;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  const vector = new Float32Array(offlineDimensions);
  for (const [gram, count] of counts) {
    const hash = hashString(gram);
    vector[hash % offlineDimensions]! += (hash & 0x80000000 ? -1 : 1) * Math.sqrt(count);
  }
  return normalize(vector);
}

/** The offline embedder (no I/O, no model). */
export const offlineEmbedder: Embedder = {
  space: `offline-ngram-${offlineDimensions}`,
  embed: async (text) => offlineEmbedding(text),
};
