import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessScorer } from '../../src/completeness/completeness-scorer.js';
import { failOpenScorer, loadCompletenessScorer } from '../../src/debounce/load-completeness-scorer.js';
import { defaultModelPath, modelMetadataPath } from '../../src/debounce/model-files.js';
import { chunkSize, OnnxCompletenessScorer } from '../../src/debounce/onnx-scorer.js';

describe('the shipped completeness model', () => {
  let scorer: CompletenessScorer;

  beforeAll(async () => {
    const warnings: string[] = [];
    scorer = await loadCompletenessScorer({ logger: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
  });

  afterAll(async () => {
    if (scorer instanceof OnnxCompletenessScorer) await scorer.close();
  });

  it('loads as the ONNX scorer', () => {
    expect(scorer).toBeInstanceOf(OnnxCompletenessScorer);
    expect(scorer.name).toBe('onnx');
  });

  it.each(['好的呀', '我已经到家了。', '你吃晚饭了吗？', 'thanks a lot!', 'see you on monday', '明天见 👋'])(
    'scores the finished utterance %j as complete',
    async (text) => {
      expect(await scorer.score(text)).toBeGreaterThanOrEqual(0.5);
    },
  );

  it.each(['如果下周不加班的话', '因为我', '我觉得，', 'i was hoping that', 'and then we', '虽然他人不错但是'])(
    'scores the unfinished utterance %j as incomplete',
    async (text) => {
      expect(await scorer.score(text)).toBeLessThan(0.5);
    },
  );

  it('scores a fragment low and the merged buffer high once the thought is finished', async () => {
    const fragment = await scorer.score('如果明天不下雨');
    const merged = await scorer.score('如果明天不下雨我们去爬山吧');
    expect(fragment).toBeLessThan(0.5);
    expect(merged).toBeGreaterThan(0.5);
  });

  it('scores empty text 0 and a 10k-character text by its end', async () => {
    expect(await scorer.score('')).toBe(0);
    const long = await scorer.score(`${'今天天气不错。'.repeat(1500)}然后`);
    expect(long).toBeLessThan(0.5);
  });

  it('scores a batch in input order, equal to single calls, across several inference chunks', async () => {
    const onnx = scorer as OnnxCompletenessScorer;
    const base = ['好的', '', '因为', 'ok see you', '我觉得这个方案不行', 'and', '😂'];
    const texts = Array.from({ length: chunkSize * 2 + 5 }, (_, index) => base[index % base.length]!);
    const batch = await onnx.scoreBatch(texts);
    const single = await Promise.all(texts.map((text) => onnx.score(text)));
    batch.forEach((value, index) => expect(value).toBeCloseTo(single[index]!, 5));
  });
});

describe('loadCompletenessScorer when the model cannot load', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kizuna-debounce-'));

  it('fails open with exactly one warning for a missing file', async () => {
    const warnings: string[] = [];
    const options = { modelPath: join(directory, 'missing.onnx'), logger: (message: string) => warnings.push(message) };
    const scorer = await loadCompletenessScorer(options);
    const again = await loadCompletenessScorer(options);
    expect(scorer).toBe(failOpenScorer);
    expect(again).toBe(failOpenScorer);
    expect(await scorer.score('如果明天不下雨')).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/missing\.onnx could not be loaded.*undebounced/u);
  });

  it('fails open for a corrupt model file', async () => {
    const modelPath = join(directory, 'corrupt.onnx');
    writeFileSync(modelPath, 'not an onnx model');
    copyFileSync(modelMetadataPath(defaultModelPath), modelMetadataPath(modelPath));
    const warnings: string[] = [];
    const scorer = await loadCompletenessScorer({ modelPath, logger: (message) => warnings.push(message) });
    expect(scorer.name).toBe('fail-open');
    expect(await scorer.score('因为')).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  it('fails open for a model trained with another featurizer version', async () => {
    const modelPath = join(directory, 'old.onnx');
    copyFileSync(defaultModelPath, modelPath);
    const metadata = JSON.parse(readFileSync(modelMetadataPath(defaultModelPath), 'utf8')) as { featureVersion: number };
    writeFileSync(modelMetadataPath(modelPath), JSON.stringify({ ...metadata, featureVersion: metadata.featureVersion - 1 }));
    const warnings: string[] = [];
    const scorer = await loadCompletenessScorer({ modelPath, logger: (message) => warnings.push(message) });
    expect(scorer).toBe(failOpenScorer);
    expect(warnings[0]).toMatch(/featurizer v/u);
  });
});
