import { describe, expect, it } from 'vitest';
import { connectiveFeatures, findConnectives } from '../../src/debounce/connectives.js';
import { bucketOf, hashString } from '../../src/debounce/feature-hash.js';
import { featureSpec } from '../../src/debounce/feature-spec.js';
import { featureNames, featurize } from '../../src/debounce/features.js';
import { tokenize } from '../../src/debounce/tokenizer.js';

describe('feature hashing', () => {
  it('is pinned: the shipped model depends on these exact values', () => {
    expect([hashString(''), hashString('bias'), hashString('e1:<COMMA>'), hashString('h2:如 果')]).toEqual([
      2872998923, 661848604, 139699784, 1625407170,
    ]);
    expect(bucketOf('bias', 1 << 17)).toBe(71126);
  });

  it('maps every feature into [1, bucketCount) and keeps bucket 0 for padding', () => {
    for (const name of ['bias', 'u:我', 'e4:我 觉 得 <COMMA>', 'x'.repeat(1000)]) {
      const bucket = bucketOf(name, featureSpec.bucketCount);
      expect(bucket).toBeGreaterThanOrEqual(1);
      expect(bucket).toBeLessThan(featureSpec.bucketCount);
    }
  });
});

describe('featurize', () => {
  it('gives anchored end features that ignore trailing punctuation', () => {
    const { anchored } = featureNames(tokenize('我觉得，'));
    expect(anchored).toContain('e1:<COMMA>');
    expect(anchored).toContain('c2:觉 得');
    expect(featureNames(tokenize('我觉得')).anchored).toContain('e2:觉 得');
  });

  it('weighs body n-grams by 1/sqrt(count) and anchored features by 1', () => {
    const bag = featurize('好的');
    const { body, anchored } = featureNames(tokenize('好的'));
    expect(bag.ids.length).toBe(body.length + anchored.length);
    expect(bag.weights[0]).toBeCloseTo(1 / Math.sqrt(body.length));
    expect(bag.weights[bag.weights.length - 1]).toBe(1);
  });

  it('is deterministic', () => {
    expect(featurize('如果明天不下雨我们就去爬山')).toEqual(featurize('如果明天不下雨我们就去爬山'));
  });
});

describe('connectives', () => {
  it('finds the longest connective first and reports the last one with its distance from the end', () => {
    const units = tokenize('因为太困了所以先睡了');
    expect(findConnectives(units).map((hit) => hit.text)).toEqual(['因为', '所以']);
    expect(connectiveFeatures(units)).toContain('lc:所以 3-4');
    expect(connectiveFeatures(tokenize('因为太困了'))).toContain('lc:因为 3-4');
    expect(connectiveFeatures(tokenize('i was tired but'))).toContain('lc:but 0');
    expect(connectiveFeatures(tokenize('好的'))).toEqual(['lc:none']);
  });
});
