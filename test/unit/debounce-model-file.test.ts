import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { featureSpec } from '../../src/debounce/feature-spec.js';
import { featurize } from '../../src/debounce/features.js';
import { defaultModelPath, modelMetadataPath, type ModelMetadata } from '../../src/debounce/model-files.js';
import { predictEnsemble } from '../../src/debounce/training/model-weights.js';
import { modelProtoType } from '../../src/debounce/training/onnx-schema.js';
import { trainCompletenessModel } from '../../src/debounce/training/train.js';

const committed = readFileSync(defaultModelPath);
const metadata = JSON.parse(readFileSync(modelMetadataPath(defaultModelPath), 'utf8')) as ModelMetadata;

describe('the committed model file', () => {
  it('is stamped with an IR version and opset that onnxruntime-node 1.30 accepts', () => {
    const model = modelProtoType.toObject(modelProtoType.decode(committed), { longs: Number }) as {
      ir_version: number;
      opset_import: Array<{ domain?: string; version: number }>;
    };
    expect(model.ir_version).toBeLessThanOrEqual(13);
    expect(model.opset_import.every((entry) => entry.version <= 26)).toBe(true);
  });

  it('matches its metadata: featurizer version, shape and hash', () => {
    expect(metadata.featureVersion).toBe(featureSpec.featureVersion);
    expect(metadata.spec).toEqual(featureSpec);
    expect(metadata.sha256).toBe(createHash('sha256').update(committed).digest('hex'));
    expect(committed.byteLength).toBeLessThanOrEqual(10 * 1024 * 1024);
  });
});

describe('train:debounce', () => {
  // Training is seeded and uses only deterministic arithmetic, so the same code on the same Node major
  // reproduces the committed bytes exactly; any change to the generator, featurizer or trainer needs a
  // retrain and a new commit of models/debounce/.
  it('reproduces the committed model byte for byte, and ONNX Runtime computes what the trainer computed', async () => {
    const result = trainCompletenessModel();
    expect(result.metadata.sha256).toBe(metadata.sha256);
    expect(Buffer.from(result.onnx).equals(committed)).toBe(true);

    const session = await InferenceSession.create(committed, { executionProviders: ['cpu'] });
    const texts = ['好的', '如果明天不下雨', 'see you tomorrow', 'and then', '我觉得，', '😂😂', '因为太困了所以先睡了'];
    for (const text of texts) {
      const bag = featurize(text);
      const output = await session.run({
        ids: new Tensor('int64', BigInt64Array.from(Array.from(bag.ids), (id) => BigInt(id)), [1, bag.ids.length]),
        weights: new Tensor('float32', Float32Array.from(bag.weights), [1, bag.weights.length, 1]),
      });
      const probability = (output.probability?.data as Float32Array)[0]!;
      expect(Math.abs(probability - predictEnsemble(result.members, bag))).toBeLessThan(1e-5);
    }
    await session.release();
  }, 180_000);
});

describe('held-out separation', () => {
  it('keeps the training pipeline away from the hand-written evaluation files', () => {
    const directory = join(import.meta.dirname, '../../src/debounce/training');
    for (const file of readdirSync(directory)) {
      const source = readFileSync(join(directory, file), 'utf8');
      expect(source, file).not.toMatch(/debounce-eval|debounce-dev|test\/fixtures/u);
    }
  });
});
