/**
 * Slot vocabulary taken from the jieba dictionary (`dict.txt` of `@node-rs/jieba` 2.0.3, MIT): frequent
 * nouns, verbs and adjectives, so that the generator's content words are many and varied and the model
 * learns to look at the function words instead. The slices are vendored in `jieba-slots.json` (with their
 * source, licence and selection rule) so that training needs no native package and never changes under us.
 */
import { readFileSync } from 'node:fs';

/** Word lists by part of speech, in a fixed (frequency) order. */
export interface JiebaLexicon {
  readonly nouns: readonly string[];
  readonly verbs: readonly string[];
  readonly adjectives: readonly string[];
}

interface SlotsFile {
  readonly nouns: string;
  readonly verbs: string;
  readonly adjectives: string;
}

/** Reads the vendored slices. */
export function loadJiebaLexicon(): JiebaLexicon {
  const slots = JSON.parse(readFileSync(new URL('./jieba-slots.json', import.meta.url), 'utf8')) as SlotsFile;
  const split = (words: string) => words.split(' ');
  return { nouns: split(slots.nouns), verbs: split(slots.verbs), adjectives: split(slots.adjectives) };
}
