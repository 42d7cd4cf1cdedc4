/**
 * The ONNX completeness scorer: featurizes text in-process and runs the shipped network on
 * onnxruntime-node's CPU provider. onnxruntime-node runs a session on the main thread (deferred with
 * setImmediate), so the work per turn of the event loop is kept small: featurizing is bounded by
 * `featureSpec.maxChars`, one text takes tens of microseconds, and batches run in chunks of `chunkSize`.
 */
import * as ort from 'onnxruntime-node';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { featurizeUnits, type FeatureBag } from './features.js';
import { graphNames } from './model-files.js';
import { tokenize } from './tokenizer.js';

/** Texts per ORT call in `scoreBatch`: about a millisecond of work, so the event loop is never held long. */
export const chunkSize = 64;

/** A scorer backed by an open ONNX Runtime session. */
export class OnnxCompletenessScorer implements CompletenessScorer {
  readonly name = 'onnx';
  readonly #session: ort.InferenceSession;

  constructor(session: ort.InferenceSession) {
    this.#session = session;
  }

  /** Probability that `text` is a complete utterance; text with no units at all scores 0. */
  async score(text: string): Promise<number> {
    const [probability] = await this.scoreBatch([text]);
    return probability ?? 0;
  }

  /** Scores many texts, in input order, `chunkSize` texts per inference call. */
  async scoreBatch(texts: readonly string[]): Promise<number[]> {
    const scores: number[] = [];
    for (let start = 0; start < texts.length; start += chunkSize) scores.push(...(await this.#scoreChunk(texts.slice(start, start + chunkSize))));
    return scores;
  }

  async #scoreChunk(texts: readonly string[]): Promise<number[]> {
    const bags = texts.map((text) => {
      const units = tokenize(text);
      return units.length === 0 ? undefined : featurizeUnits(units);
    });
    const present = bags.filter((bag): bag is FeatureBag => bag !== undefined);
    const probabilities = present.length === 0 ? [] : await this.#run(present);
    let cursor = 0;
    return bags.map((bag) => (bag === undefined ? 0 : (probabilities[cursor++] ?? 0)));
  }

  async #run(bags: readonly FeatureBag[]): Promise<number[]> {
    const width = bags.reduce((widest, bag) => Math.max(widest, bag.ids.length), 1);
    const ids = new BigInt64Array(bags.length * width);
    const weights = new Float32Array(bags.length * width);
    bags.forEach((bag, row) => {
      for (let column = 0; column < bag.ids.length; column += 1) {
        ids[row * width + column] = BigInt(bag.ids[column] ?? 0);
        weights[row * width + column] = bag.weights[column] ?? 0;
      }
    });
    const output = await this.#session.run({
      [graphNames.ids]: new ort.Tensor('int64', ids, [bags.length, width]),
      [graphNames.weights]: new ort.Tensor('float32', weights, [bags.length, width, 1]),
    });
    const probability = output[graphNames.probability];
    if (probability === undefined) throw new Error(`model output "${graphNames.probability}" is missing`);
    return Array.from(probability.data as Float32Array);
  }

  /** Releases the native session. */
  async close(): Promise<void> {
    await this.#session.release();
  }
}
