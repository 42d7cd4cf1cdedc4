/**
 * The featurizer contract shared by the trainer and the runtime scorer. A model file is only valid with the
 * featurizer version it was trained with; bump `featureVersion` whenever tokenization or hashing changes.
 */
export const featureSpec = {
  featureVersion: 3,
  /** Hash buckets in the embedding table; bucket 0 is the padding row and stays zero. */
  bucketCount: 1 << 18,
  /** Width of one embedding row. */
  embeddingSize: 16,
  /** Width of the hidden layer. */
  hiddenSize: 32,
  /** Only the end of an utterance matters: units kept from the right. */
  maxUnits: 64,
  /** Characters of input looked at from the right, so a 10k-character paste costs the same as a short line. */
  maxChars: 320,
} as const;

export type FeatureSpec = typeof featureSpec;
