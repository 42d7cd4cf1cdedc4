/**
 * `npm run train:debounce`: generates the synthetic data with a fixed seed, trains the completeness network
 * and writes `models/debounce/completeness.onnx` plus its metadata. Same code and seed → same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { featurize } from '../features.js';
import { featureSpec } from '../feature-spec.js';
import { defaultModelPath, modelMetadataPath, type ModelMetadata } from '../model-files.js';
import { generateDataset, type Sample } from './dataset.js';
import { predictEnsemble, type ModelWeights } from './model-weights.js';
import { writeOnnxModel } from './onnx-writer.js';
import { packDataset, trainModel } from './trainer.js';

/** Training settings; part of what the committed model is reproduced from. */
export const trainingRecipe = {
  dataSeed: 20_240_605,
  trainSeed: 11,
  samples: 600_000,
  /** Networks trained on the same data with different shuffles; the model is the mean of their probabilities. */
  members: 2,
  epochs: 1,
  learningRate: 0.05,
  featureDropout: 0.1,
  sanitySamples: 20_000,
} as const;

/** What one training run produces: the members' weights, the ONNX bytes and the metadata to store beside them. */
export interface TrainResult {
  readonly members: readonly ModelWeights[];
  readonly onnx: Uint8Array;
  readonly metadata: ModelMetadata;
}

function accuracyOn(members: readonly ModelWeights[], samples: readonly Sample[]): number {
  let correct = 0;
  for (const sample of samples) if (predictEnsemble(members, featurize(sample.text)) >= 0.5 === sample.complete) correct += 1;
  return correct / samples.length;
}

/** Runs the whole pipeline in memory; `log` receives progress lines. */
export function trainCompletenessModel(log: (line: string) => void = () => {}): TrainResult {
  const started = performance.now();
  // Each member draws its own data (data seed + 100·k) and shuffle (train seed + 1000·k): on the development
  // sets two members with their own data beat two members sharing one data set, which beat one network.
  const members = Array.from({ length: trainingRecipe.members }, (_, member) => {
    const samples = generateDataset({ size: trainingRecipe.samples, seed: trainingRecipe.dataSeed + 100 * member });
    const data = packDataset(samples, (sample) => featurize(sample.text), (sample) => sample.complete);
    log(`member ${member + 1}: generated and featurized ${samples.length} samples (${Math.round(performance.now() - started)} ms)`);
    return trainModel(data, featureSpec, {
      epochs: trainingRecipe.epochs,
      learningRate: trainingRecipe.learningRate,
      featureDropout: trainingRecipe.featureDropout,
      seed: trainingRecipe.trainSeed + 1000 * member,
      onEpoch: (epoch, loss) => log(`member ${member + 1}, epoch ${epoch + 1}: mean loss ${loss.toFixed(4)} (${Math.round(performance.now() - started)} ms)`),
    });
  });
  const onnx = writeOnnxModel(members, { featureVersion: String(featureSpec.featureVersion), recipe: JSON.stringify(trainingRecipe) });
  const sanity = generateDataset({ size: trainingRecipe.sanitySamples, seed: trainingRecipe.dataSeed + 1 });
  const metadata: ModelMetadata = {
    featureVersion: featureSpec.featureVersion,
    recipe: trainingRecipe,
    spec: featureSpec,
    sha256: createHash('sha256').update(onnx).digest('hex'),
    bytes: onnx.byteLength,
    generatorAccuracy: Number(accuracyOn(members, sanity).toFixed(4)),
  };
  log(`same-generator accuracy (sanity only): ${metadata.generatorAccuracy}`);
  return { members, onnx, metadata };
}

function main(): void {
  const result = trainCompletenessModel((line) => process.stdout.write(`${line}\n`));
  mkdirSync(dirname(defaultModelPath), { recursive: true });
  writeFileSync(defaultModelPath, result.onnx);
  writeFileSync(modelMetadataPath(defaultModelPath), `${JSON.stringify(result.metadata, null, 2)}\n`);
  process.stdout.write(`wrote ${defaultModelPath} (${result.onnx.byteLength} bytes, sha256 ${result.metadata.sha256})\n`);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/gu, '/'))) main();
