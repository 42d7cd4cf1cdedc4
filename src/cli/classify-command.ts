/**
 * `kizuna classify`: reads JSON lines `{"text": "..."}` on stdin and writes `{"text": "...", "score": p}`
 * per line, p being the probability that the utterance is complete; `--threshold t` adds `"complete"`.
 * A bad line gets an error on stderr and the stream goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CompletenessScorer } from '../completeness/completeness-scorer.js';
import { loadCompletenessScorer } from '../debounce/load-completeness-scorer.js';
import { parseCommandArgs, type CommandModule } from './main.js';

/** The three streams `classifyStream` works on; stdin/stdout/stderr in the CLI. */
export interface ClassifyStreams {
  readonly input: Readable;
  readonly output: Writable;
  readonly errors: Writable;
}

/** Parses one input line into its text, or explains why it cannot be used. */
export function parseClassifyLine(line: string): { text: string } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
    return { error: 'expected an object with a string "text"' };
  }
  return { text: (value as { text: string }).text };
}

/** Classifies every line of `streams.input`; resolves to the number of lines that were rejected. */
export async function classifyStream(scorer: CompletenessScorer, streams: ClassifyStreams, threshold?: number): Promise<number> {
  let lineNumber = 0;
  let rejected = 0;
  for await (const line of createInterface({ input: streams.input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const parsed = parseClassifyLine(line);
    if ('error' in parsed) {
      rejected += 1;
      streams.errors.write(`kizuna classify: line ${lineNumber}: ${parsed.error}\n`);
      continue;
    }
    const score = await scorer.score(parsed.text);
    const result = threshold === undefined ? { text: parsed.text, score } : { text: parsed.text, score, complete: score >= threshold };
    streams.output.write(`${JSON.stringify(result)}\n`);
  }
  return rejected;
}

function parseThreshold(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const threshold = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new Error(`--threshold must be a number between 0 and 1, got "${raw}"`);
  }
  return threshold;
}

/** The `kizuna classify` command. */
export const classifyCommand: CommandModule = {
  summary: 'score JSON lines {"text"} from stdin for utterance completeness (--threshold t, --model path)',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { threshold: { type: 'string' }, model: { type: 'string' } });
    const threshold = parseThreshold(values.threshold as string | undefined);
    const modelPath = values.model as string | undefined;
    const scorer = await loadCompletenessScorer(modelPath === undefined ? {} : { modelPath });
    await classifyStream(scorer, { input: process.stdin, output: process.stdout, errors: process.stderr }, threshold);
    return 0;
  },
};
