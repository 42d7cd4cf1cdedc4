/**
 * The completeness-scorer interface: the probability that a user finished their utterance. The driver asks
 * it once per fragment, about the merged buffer, and records the score on the event so replay needs no model.
 */
export interface CompletenessScorer {
  readonly name: string;
  /** Probability in [0, 1] that `text` is a complete utterance. */
  score(text: string): Promise<number>;
  /** The same for many texts in one call (in input order), where batching is cheaper. */
  scoreBatch?(texts: readonly string[]): Promise<number[]>;
}
