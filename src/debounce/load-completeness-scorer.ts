/**
 * Loads the shipped completeness model once per process. If it cannot be loaded, the returned scorer
 * fails open: every text scores 1, so fragments pass through undebounced, and one warning says why.
 */
import { readFile } from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { toErrorInfo } from '../errors.js';
import { featureSpec } from './feature-spec.js';
import { defaultModelPath, modelMetadataPath, type ModelMetadata } from './model-files.js';
import { OnnxCompletenessScorer } from './onnx-scorer.js';

/** Where to load the model from and where to report a failure. */
export interface LoadScorerOptions {
  /** Model file; defaults to the committed `models/debounce/completeness.onnx`. */
  readonly modelPath?: string;
  /** Where the single load-failure warning goes; defaults to stderr. */
  readonly logger?: (message: string) => void;
}

/** The scorer used when the model is unavailable: everything counts as complete. */
export const failOpenScorer: CompletenessScorer = {
  name: 'fail-open',
  score: () => Promise.resolve(1),
};

const loaded = new Map<string, Promise<CompletenessScorer>>();

/** Returns the process-wide scorer for `modelPath`, loading it on first use; never rejects, warns at most once. */
export function loadCompletenessScorer(options: LoadScorerOptions = {}): Promise<CompletenessScorer> {
  const modelPath = options.modelPath ?? defaultModelPath;
  const logger = options.logger ?? ((message: string) => process.stderr.write(`${message}\n`));
  let scorer = loaded.get(modelPath);
  if (scorer === undefined) {
    scorer = openScorer(modelPath).catch((error: unknown) => {
      const reason = toErrorInfo(error).message;
      logger(`kizuna: completeness model ${modelPath} could not be loaded (${reason}); every message now counts as complete, so fragments pass through undebounced`);
      return failOpenScorer;
    });
    loaded.set(modelPath, scorer);
  }
  return scorer;
}

async function openScorer(modelPath: string): Promise<OnnxCompletenessScorer> {
  const metadata = JSON.parse(await readFile(modelMetadataPath(modelPath), 'utf8')) as ModelMetadata;
  if (metadata.featureVersion !== featureSpec.featureVersion || metadata.spec?.bucketCount !== featureSpec.bucketCount) {
    throw new Error(`${modelPath} was trained for featurizer v${metadata.featureVersion}, this code is v${featureSpec.featureVersion}`);
  }
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  return new OnnxCompletenessScorer(session);
}
