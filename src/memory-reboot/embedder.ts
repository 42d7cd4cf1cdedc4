/**
 * The seam for text embeddings: `llm.models.embedding` through the openai SDK, or, with no embedding model
 * configured, a local hashed character n-gram embedding (offline-embedder.ts). Vectors come back unit-length;
 * `space` names the model so vectors of different models are never compared.
 */

export interface Embedder {
  /** Identifies the vector space (model and dimension); stored with every vector. */
  readonly space: string;
  /** The unit embedding of `text`; throws (an LlmError for remote models) on failure. Performs I/O. */
  embed(text: string): Promise<Float32Array>;
}
