/**
 * The weights of the completeness network and its reference forward pass in plain TypeScript:
 * pooled = Σ weightᵢ·embedding[idᵢ]; hidden = relu(pooled·W1 + b1); p = σ([hidden, pooled]·w2 + b2).
 * The ONNX graph computes the mean of this over the members of an ensemble; the parity test holds the two together.
 */
import type { FeatureBag } from '../features.js';

/** The sizes that define a network. */
export interface ModelShape {
  readonly bucketCount: number;
  readonly embeddingSize: number;
  readonly hiddenSize: number;
}

/** All trainable tensors of a network, as flat float arrays. */
export interface ModelWeights extends ModelShape {
  /** bucketCount × embeddingSize, row 0 is the padding row and stays zero. */
  readonly embedding: Float32Array;
  /** embeddingSize × hiddenSize, row-major. */
  readonly hiddenWeights: Float32Array;
  readonly hiddenBias: Float32Array;
  /** hiddenSize + embeddingSize: the output sees the hidden layer and, as a linear shortcut, the pooled bag. */
  readonly outputWeights: Float32Array;
  readonly outputBias: Float32Array;
}

/** Allocates zeroed weights of the given shape. */
export function createWeights(shape: ModelShape): ModelWeights {
  return {
    ...shape,
    embedding: new Float32Array(shape.bucketCount * shape.embeddingSize),
    hiddenWeights: new Float32Array(shape.embeddingSize * shape.hiddenSize),
    hiddenBias: new Float32Array(shape.hiddenSize),
    outputWeights: new Float32Array(shape.hiddenSize + shape.embeddingSize),
    outputBias: new Float32Array(1),
  };
}

/** Sums the weighted embedding rows of `bag` into `pooled`. */
export function poolBag(weights: ModelWeights, bag: FeatureBag, pooled: Float64Array): void {
  const size = weights.embeddingSize;
  pooled.fill(0);
  for (let feature = 0; feature < bag.ids.length; feature += 1) {
    const row = (bag.ids[feature] ?? 0) * size;
    const weight = bag.weights[feature] ?? 0;
    for (let column = 0; column < size; column += 1) pooled[column]! += weight * weights.embedding[row + column]!;
  }
}

/** Computes the hidden pre-activations for `pooled` into `hidden`. */
export function hiddenLayer(weights: ModelWeights, pooled: Float64Array, hidden: Float64Array): void {
  const { embeddingSize, hiddenSize } = weights;
  for (let unit = 0; unit < hiddenSize; unit += 1) hidden[unit] = weights.hiddenBias[unit]!;
  for (let input = 0; input < embeddingSize; input += 1) {
    const value = pooled[input]!;
    if (value === 0) continue;
    const offset = input * hiddenSize;
    for (let unit = 0; unit < hiddenSize; unit += 1) hidden[unit]! += value * weights.hiddenWeights[offset + unit]!;
  }
}

/** The output logit given pooled inputs and hidden pre-activations (ReLU applied here). */
export function outputLogit(weights: ModelWeights, pooled: Float64Array, hidden: Float64Array): number {
  let logit = weights.outputBias[0]!;
  for (let unit = 0; unit < weights.hiddenSize; unit += 1) logit += Math.max(0, hidden[unit]!) * weights.outputWeights[unit]!;
  for (let input = 0; input < weights.embeddingSize; input += 1) {
    logit += pooled[input]! * weights.outputWeights[weights.hiddenSize + input]!;
  }
  return logit;
}

/** The logistic function, written to stay finite for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Reference probability that the featurized text is complete. */
export function predictBag(weights: ModelWeights, bag: FeatureBag): number {
  const pooled = new Float64Array(weights.embeddingSize);
  const hidden = new Float64Array(weights.hiddenSize);
  poolBag(weights, bag, pooled);
  hiddenLayer(weights, pooled, hidden);
  return sigmoid(outputLogit(weights, pooled, hidden));
}

/** Reference probability of an ensemble: the mean of its members' probabilities, as the ONNX graph's Mean. */
export function predictEnsemble(members: readonly ModelWeights[], bag: FeatureBag): number {
  let sum = 0;
  for (const weights of members) sum += predictBag(weights, bag);
  return sum / members.length;
}
