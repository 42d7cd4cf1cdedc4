/**
 * Where the shipped model lives and what its metadata file records.
 */
import { fileURLToPath } from 'node:url';
import type { FeatureSpec } from './feature-spec.js';

/** Names of the graph's inputs and output, shared by the ONNX writer and the runtime scorer. */
export const graphNames = { ids: 'ids', weights: 'weights', probability: 'probability' } as const;

/** The committed model, resolved from this file so it works from any working directory. */
export const defaultModelPath = fileURLToPath(new URL('../../models/debounce/completeness.onnx', import.meta.url));

/** The metadata file that sits next to a model file. */
export function modelMetadataPath(modelPath: string): string {
  return modelPath.replace(/\.onnx$/u, '.json');
}

/** What `train:debounce` records beside the model: the featurizer contract, the recipe and the file hash. */
export interface ModelMetadata {
  readonly featureVersion: number;
  readonly spec: FeatureSpec;
  readonly recipe: Readonly<Record<string, number>>;
  readonly sha256: string;
  readonly bytes: number;
  /** Accuracy on fresh samples from the training generator: a sanity check, not a quality figure. */
  readonly generatorAccuracy: number;
}
