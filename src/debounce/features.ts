/**
 * Turns units into a weighted bag of hashed features: n-grams over the whole text (averaged, so long texts
 * weigh the same as short ones) plus features anchored at the start and, above all, at the end of the text,
 * where the completeness cues live.
 */
import { connectiveFeatures } from './connectives.js';
import { bucketOf } from './feature-hash.js';
import { featureSpec } from './feature-spec.js';
import { tokenize, type Unit } from './tokenizer.js';

/** One text's features: bucket ids and the weight of each in the pooled embedding. */
export interface FeatureBag {
  readonly ids: ArrayLike<number>;
  readonly weights: ArrayLike<number>;
}

/** Named features before hashing; exported so tests and the trainer can look at what the model sees. */
export function featureNames(units: readonly Unit[]): { body: string[]; anchored: string[] } {
  const texts = units.map((unit) => unit.text);
  const body: string[] = [];
  for (let index = 0; index < texts.length; index += 1) {
    body.push(`u:${texts[index]}`);
    if (index >= 1) body.push(`b:${texts.slice(index - 1, index + 1).join(' ')}`);
    if (index >= 2) body.push(`t:${texts.slice(index - 2, index + 1).join(' ')}`);
  }
  return { body, anchored: ['bias', ...headFeatures(texts), ...tailFeatures(units, texts), ...connectiveFeatures(units)] };
}

function headFeatures(texts: readonly string[]): string[] {
  const features: string[] = [];
  for (let size = 1; size <= Math.min(3, texts.length); size += 1) features.push(`h${size}:${texts.slice(0, size).join(' ')}`);
  return features;
}

function tailFeatures(units: readonly Unit[], texts: readonly string[]): string[] {
  const features: string[] = [`len:${lengthBucket(units.length)}`];
  for (let size = 1; size <= Math.min(4, texts.length); size += 1) features.push(`e${size}:${texts.slice(-size).join(' ')}`);
  const kinds = units.map(kindOf);
  features.push(`ek:${kinds.slice(-2).join(' ')}`, `lk:${lengthBucket(units.length)} ${kinds.slice(-1).join('')}`);
  // The same end features with trailing punctuation and emoji peeled off, so "我觉得" and "我觉得，" share them.
  let end = units.length;
  while (end > 0 && isDecoration(units[end - 1])) end -= 1;
  if (end < units.length && end > 0) {
    const core = texts.slice(0, end);
    for (let size = 1; size <= Math.min(3, core.length); size += 1) features.push(`c${size}:${core.slice(-size).join(' ')}`);
    features.push(`cd:${core.slice(-1).join('')} ${texts[texts.length - 1] ?? ''}`);
  }
  return features;
}

function isDecoration(unit: Unit | undefined): boolean {
  return unit !== undefined && (unit.kind === 'punct' || unit.kind === 'emoji' || unit.kind === 'sticker');
}

function kindOf(unit: Unit): string {
  return unit.kind === 'punct' ? unit.text : unit.kind;
}

function lengthBucket(count: number): string {
  if (count <= 3) return String(count);
  if (count <= 5) return '4-5';
  if (count <= 8) return '6-8';
  if (count <= 12) return '9-12';
  if (count <= 20) return '13-20';
  return '21+';
}

/** Featurizes `text` for the model: body n-grams weigh 1/√count each, anchored features 1 each. */
export function featurize(text: string): FeatureBag {
  return featurizeUnits(tokenize(text));
}

/** Featurizes already tokenized units (see `featurize`). */
export function featurizeUnits(units: readonly Unit[]): FeatureBag {
  const { body, anchored } = featureNames(units);
  const ids: number[] = [];
  const weights: number[] = [];
  const bodyWeight = body.length === 0 ? 0 : 1 / Math.sqrt(body.length);
  for (const name of body) {
    ids.push(bucketOf(name, featureSpec.bucketCount));
    weights.push(bodyWeight);
  }
  for (const name of anchored) {
    ids.push(bucketOf(name, featureSpec.bucketCount));
    weights.push(1);
  }
  return { ids, weights };
}
