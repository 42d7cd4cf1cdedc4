/**
 * A hand-written trainer for the completeness network: per-sample AdaGrad on the logistic loss, sparse in
 * the embedding table, with a seeded shuffle so the same data always gives the same weights.
 */
import type { FeatureBag } from '../features.js';
import { createWeights, hiddenLayer, outputLogit, poolBag, sigmoid, type ModelShape, type ModelWeights } from './model-weights.js';
import { createRandom, type Random } from './random.js';

/** Featurized samples in flat arrays: sample i owns features offsets[i] .. offsets[i + 1]. */
export interface PackedDataset {
  readonly ids: Int32Array;
  readonly weights: Float32Array;
  readonly offsets: Int32Array;
  readonly labels: Uint8Array;
  /**
   * Soft targets in [0, 1] (a teacher's probability blended with the label, for distillation); when present
   * the loss is the cross-entropy against them instead of against `labels`.
   */
  readonly targets?: Float32Array;
}

/** How to train: epochs, AdaGrad step size, shuffle seed and feature dropout. */
export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Probability of dropping each feature of a sample during a step; regularizes the hashed bag. */
  readonly featureDropout?: number;
  readonly onEpoch?: (epoch: number, meanLoss: number) => void;
}

/** Featurizes and packs samples one at a time into flat typed arrays, so no per-sample arrays pile up. */
export function packDataset<T>(samples: readonly T[], toBag: (sample: T) => FeatureBag, toLabel: (sample: T) => boolean): PackedDataset {
  let ids = new Int32Array(samples.length * 64);
  let weights = new Float32Array(samples.length * 64);
  const offsets = new Int32Array(samples.length + 1);
  let cursor = 0;
  samples.forEach((sample, index) => {
    const bag = toBag(sample);
    if (cursor + bag.ids.length > ids.length) {
      ids = grow(ids, new Int32Array(ids.length * 2));
      weights = grow(weights, new Float32Array(weights.length * 2));
    }
    ids.set(bag.ids, cursor);
    weights.set(bag.weights, cursor);
    cursor += bag.ids.length;
    offsets[index + 1] = cursor;
  });
  const labels = Uint8Array.from(samples, (sample) => (toLabel(sample) ? 1 : 0));
  return { ids: ids.slice(0, cursor), weights: weights.slice(0, cursor), offsets, labels };
}

function grow<T extends Int32Array | Float32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Returns the bag of sample `index` as views into the packed arrays. */
export function bagAt(data: PackedDataset, index: number): FeatureBag {
  const start = data.offsets[index]!;
  const end = data.offsets[index + 1]!;
  return { ids: data.ids.subarray(start, end), weights: data.weights.subarray(start, end) };
}

function initialize(shape: ModelShape, random: Random): ModelWeights {
  const weights = createWeights(shape);
  const spread = (values: Float32Array, scale: number, from = 0) => {
    for (let index = from; index < values.length; index += 1) values[index] = (random.next() * 2 - 1) * scale;
  };
  spread(weights.embedding, 0.05, shape.embeddingSize);
  spread(weights.hiddenWeights, Math.sqrt(6 / (shape.embeddingSize + shape.hiddenSize)));
  spread(weights.outputWeights, Math.sqrt(6 / (shape.hiddenSize + shape.embeddingSize + 1)));
  return weights;
}

/** Trains a fresh network of `shape` on `data` and returns its weights. */
export function trainModel(data: PackedDataset, shape: ModelShape, options: TrainOptions): ModelWeights {
  const random = createRandom(options.seed);
  const weights = initialize(shape, random);
  const step = createStepper(weights, options.learningRate, options.featureDropout ?? 0, random);
  const order = Int32Array.from({ length: data.labels.length }, (_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    random.shuffle(order);
    let loss = 0;
    for (const index of order) loss += step(data, index);
    options.onEpoch?.(epoch, loss / order.length);
  }
  return weights;
}

/** One AdaGrad step per sample; the closure owns the scratch buffers and squared-gradient sums. */
function createStepper(weights: ModelWeights, learningRate: number, dropout: number, random: Random) {
  const { embeddingSize: size, hiddenSize } = weights;
  const history = {
    embedding: new Float32Array(weights.embedding.length).fill(0.1),
    hiddenWeights: new Float32Array(weights.hiddenWeights.length).fill(0.1),
    hiddenBias: new Float32Array(hiddenSize).fill(0.1),
    outputWeights: new Float32Array(weights.outputWeights.length).fill(0.1),
    outputBias: new Float32Array(1).fill(0.1),
  };
  const update = (values: Float32Array, sums: Float32Array, index: number, gradient: number) => {
    sums[index]! += gradient * gradient;
    values[index]! -= (learningRate * gradient) / Math.sqrt(sums[index]!);
  };
  const pooled = new Float64Array(size);
  const hidden = new Float64Array(hiddenSize);
  const hiddenGradient = new Float64Array(hiddenSize);
  const pooledGradient = new Float64Array(size);
  const keptIds: number[] = [];
  const keptWeights: number[] = [];
  const dropped = (source: FeatureBag): FeatureBag => {
    if (dropout === 0) return source;
    keptIds.length = 0;
    keptWeights.length = 0;
    for (let feature = 0; feature < source.ids.length; feature += 1) {
      if (random.next() < dropout) continue;
      keptIds.push(source.ids[feature]!);
      keptWeights.push(source.weights[feature]! / (1 - dropout));
    }
    return { ids: keptIds, weights: keptWeights };
  };
  return (data: PackedDataset, index: number): number => {
    const bag = dropped(bagAt(data, index));
    poolBag(weights, bag, pooled);
    hiddenLayer(weights, pooled, hidden);
    const probability = sigmoid(outputLogit(weights, pooled, hidden));
    const label = data.targets === undefined ? data.labels[index]! : data.targets[index]!;
    const error = probability - label;
    for (let unit = 0; unit < hiddenSize; unit += 1) {
      const active = hidden[unit]! > 0;
      hiddenGradient[unit] = active ? error * weights.outputWeights[unit]! : 0;
      update(weights.outputWeights, history.outputWeights, unit, active ? error * hidden[unit]! : 0);
    }
    for (let input = 0; input < size; input += 1) {
      let gradient = error * weights.outputWeights[hiddenSize + input]!;
      const offset = input * hiddenSize;
      for (let unit = 0; unit < hiddenSize; unit += 1) {
        const upstream = hiddenGradient[unit]!;
        if (upstream === 0) continue;
        gradient += upstream * weights.hiddenWeights[offset + unit]!;
        update(weights.hiddenWeights, history.hiddenWeights, offset + unit, upstream * pooled[input]!);
      }
      pooledGradient[input] = gradient;
      update(weights.outputWeights, history.outputWeights, hiddenSize + input, error * pooled[input]!);
    }
    for (let unit = 0; unit < hiddenSize; unit += 1) update(weights.hiddenBias, history.hiddenBias, unit, hiddenGradient[unit]!);
    update(weights.outputBias, history.outputBias, 0, error);
    for (let feature = 0; feature < bag.ids.length; feature += 1) {
      const row = bag.ids[feature]! * size;
      if (row === 0) continue;
      const weight = bag.weights[feature]!;
      for (let column = 0; column < size; column += 1) update(weights.embedding, history.embedding, row + column, weight * pooledGradient[column]!);
    }
    return -label * Math.log(Math.max(probability, 1e-12)) - (1 - label) * Math.log(Math.max(1 - probability, 1e-12));
  };
}
