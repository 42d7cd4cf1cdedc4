/**
 * Coalescing: a worker runs many drains at once, each asking the completeness model about its own session's
 * fragments. An inference call has a fixed cost well above the cost of one more text in the batch, so the
 * requests made in one turn of the event loop are scored together, in one batched call, and each caller gets
 * its own scores back. Sessions stay independent: only the model call is shared, and a failed call fails
 * every request in it (each caller fails open on its own, as with a direct call).
 */
import type { CompletenessScorer } from './completeness-scorer.js';

interface Pending {
  texts: readonly string[];
  resolve: (scores: number[]) => void;
  reject: (error: unknown) => void;
}

type BatchScorer = CompletenessScorer & Required<Pick<CompletenessScorer, 'scoreBatch'>>;

export class CoalescingScorer implements CompletenessScorer {
  readonly name: string;
  readonly #inner: BatchScorer;
  #pending: Pending[] = [];

  constructor(inner: BatchScorer) {
    this.#inner = inner;
    this.name = inner.name;
  }

  /** Probability that `text` is complete, scored with whatever else is asked in this turn. */
  async score(text: string): Promise<number> {
    const [score] = await this.scoreBatch([text]);
    return score ?? 0;
  }

  /** Scores `texts` (in order) in the next shared inference call. */
  scoreBatch(texts: readonly string[]): Promise<number[]> {
    return new Promise<number[]>((resolve, reject) => {
      if (this.#pending.length === 0) setImmediate(() => void this.#flush());
      this.#pending.push({ texts, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    try {
      const scores = await this.#inner.scoreBatch(batch.flatMap((request) => request.texts));
      let offset = 0;
      for (const request of batch) {
        request.resolve(scores.slice(offset, offset + request.texts.length));
        offset += request.texts.length;
      }
    } catch (error) {
      for (const request of batch) request.reject(error);
    }
  }
}

/** Wraps a scorer that can batch in a coalescing one; others are returned as they are. */
export function coalesceScorer(scorer: CompletenessScorer): CompletenessScorer {
  return scorer.scoreBatch === undefined ? scorer : new CoalescingScorer(scorer as BatchScorer);
}
