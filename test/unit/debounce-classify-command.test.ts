import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream, parseClassifyLine } from '../../src/cli/classify-command.js';
import type { CompletenessScorer } from '../../src/completeness/completeness-scorer.js';

/** A scorer that records what it was asked and answers by a fixed rule. */
function fakeScorer() {
  const asked: string[] = [];
  const scorer: CompletenessScorer = {
    name: 'fake',
    score: async (text) => {
      asked.push(text);
      return text.endsWith('吧') ? 0.9 : 0.2;
    },
  };
  return { scorer, asked };
}

async function run(input: string, threshold?: number) {
  const streams = { input: new PassThrough(), output: new PassThrough(), errors: new PassThrough() };
  const chunks = { output: '', errors: '' };
  streams.output.on('data', (chunk: Buffer) => (chunks.output += chunk.toString()));
  streams.errors.on('data', (chunk: Buffer) => (chunks.errors += chunk.toString()));
  const { scorer, asked } = fakeScorer();
  streams.input.end(input);
  const rejected = await classifyStream(scorer, streams, threshold);
  return { ...chunks, rejected, asked };
}

describe('kizuna classify', () => {
  it('writes one JSON line per input line with the score', async () => {
    const result = await run('{"text":"如果明天不下雨"}\n{"text":"我们去爬山吧"}\n');
    expect(result.output.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { text: '如果明天不下雨', score: 0.2 },
      { text: '我们去爬山吧', score: 0.9 },
    ]);
    expect(result.errors).toBe('');
  });

  it('adds "complete" when a threshold is given', async () => {
    const result = await run('{"text":"走吧"}\n{"text":"然后"}\n', 0.5);
    expect(result.output.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { text: '走吧', score: 0.9, complete: true },
      { text: '然后', score: 0.2, complete: false },
    ]);
  });

  it('reports bad lines on stderr with their line number and keeps going', async () => {
    const result = await run('not json\n{"text":"好吧"}\n{"txt":"x"}\n\n["a"]\n{"text":"走吧"}');
    expect(result.asked).toEqual(['好吧', '走吧']);
    expect(result.rejected).toBe(3);
    expect(result.errors).toMatch(/line 1: not valid JSON/u);
    expect(result.errors).toMatch(/line 3: expected an object/u);
    expect(result.errors).toMatch(/line 5: expected an object/u);
    expect(result.output.trim().split('\n')).toHaveLength(2);
  });

  it('parses lines strictly', () => {
    expect(parseClassifyLine('{"text":""}')).toEqual({ text: '' });
    expect(parseClassifyLine('{"text":3}')).toHaveProperty('error');
    expect(parseClassifyLine('null')).toHaveProperty('error');
  });
});
