import { describe, expect, it } from 'vitest';
import { heuristicCompleteness } from '../../src/completeness/heuristic-scorer.js';

describe('heuristic completeness', () => {
  it.each(['好的', '嗯嗯', 'ok', 'Thanks!', '今天好累啊。', 'what do you think?', 'see you 👋', '哈哈哈'])('reads "%s" as complete', (text) => {
    expect(heuristicCompleteness(text)).toBeGreaterThanOrEqual(0.8);
  });
  it.each(['如果明天下雨', '因为我觉得', 'I was thinking that', 'and then,', '我们先去吃饭，', 'because'])('reads "%s" as unfinished', (text) => {
    expect(heuristicCompleteness(text)).toBeLessThan(0.5);
  });
  it('gives empty text no completeness and bounds long input', () => {
    expect(heuristicCompleteness('   ')).toBe(0);
    expect(heuristicCompleteness('x'.repeat(10_000))).toBeGreaterThan(0);
  });
});
