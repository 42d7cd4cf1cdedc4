import { describe, expect, it } from 'vitest';
import { fromFloat16Bits } from '../../src/debounce/training/float16.js';
import { quantizeRows } from '../../src/debounce/training/int8-rows.js';
import { createWeights, predictBag, predictEnsemble } from '../../src/debounce/training/model-weights.js';
import { writeOnnxModel } from '../../src/debounce/training/onnx-writer.js';

describe('int8 embedding rows', () => {
  it('stores each row as int8 values times one float16 scale, and rounds the table to exactly those values', () => {
    const table = Float32Array.from([0.5, -0.25, 0.125, 0.0625, 0, 0, 0, 0, -3, 1, 2, 0.001]);
    const original = Float32Array.from(table);
    const { values, scaleBits } = quantizeRows(table, 4);
    expect(scaleBits).toHaveLength(3);
    for (let row = 0; row < 3; row += 1) {
      const scale = fromFloat16Bits(scaleBits[row]!);
      for (let column = 0; column < 4; column += 1) {
        const index = row * 4 + column;
        expect(Math.abs(values[index]!)).toBeLessThanOrEqual(127);
        expect(table[index]).toBe(Math.fround(values[index]! * scale));
        // Within half a step of the original (plus the float16 rounding of the scale).
        expect(Math.abs(table[index]! - original[index]!)).toBeLessThanOrEqual(scale * 0.51 + 1e-6);
      }
    }
    // The largest value of a row keeps its magnitude: it maps to ±127 steps.
    expect(Math.abs(values[8]!)).toBe(127);
  });

  it('keeps an all-zero row (the padding row) exactly zero', () => {
    const table = new Float32Array(8);
    table[4] = 0.3;
    const { values, scaleBits } = quantizeRows(table, 4);
    expect(Array.from(values.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(scaleBits[0]).toBe(0);
    expect(Array.from(table.subarray(0, 4))).toEqual([0, 0, 0, 0]);
  });
});

describe('the ensemble writer', () => {
  it('refuses an ensemble without members instead of writing a graph with no output', () => {
    expect(() => writeOnnxModel([], { featureVersion: '3' })).toThrow(/at least one member/u);
  });

  it('averages its members as the graph does', () => {
    const shape = { bucketCount: 8, embeddingSize: 2, hiddenSize: 2 };
    const first = createWeights(shape);
    const second = createWeights(shape);
    first.outputBias[0] = 2;
    second.outputBias[0] = -1;
    const bag = { ids: [1, 2], weights: [1, 1] };
    expect(predictEnsemble([first, second], bag)).toBeCloseTo((predictBag(first, bag) + predictBag(second, bag)) / 2, 12);
  });
});
