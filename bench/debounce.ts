/**
 * `npm run bench:debounce`: the completeness model against the hand-written held-out set, plus model size,
 * load time, single-call latency (tokenizer included) and batch throughput. The last line is one JSON object.
 */
import { readFileSync, statSync } from 'node:fs';
import { loadCompletenessScorer } from '../src/debounce/load-completeness-scorer.js';
import { defaultModelPath } from '../src/debounce/model-files.js';
import { OnnxCompletenessScorer } from '../src/debounce/onnx-scorer.js';
import { generateDataset } from '../src/debounce/training/dataset.js';
import { trainingRecipe } from '../src/debounce/training/train.js';

interface EvalLine {
  text: string;
  complete: boolean;
  lang: string;
}

const threshold = 0.5;
const lines: EvalLine[] = readFileSync(new URL('../test/fixtures/debounce-eval.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as EvalLine);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function classReport(scored: ReadonlyArray<{ line: EvalLine; score: number }>) {
  const predicted = (entry: { score: number }) => entry.score >= threshold;
  const count = (complete: boolean, predictedComplete: boolean) =>
    scored.filter((entry) => entry.line.complete === complete && predicted(entry) === predictedComplete).length;
  const truePositive = count(true, true);
  const trueNegative = count(false, false);
  const falsePositive = count(false, true);
  const falseNegative = count(true, false);
  return {
    accuracy: (truePositive + trueNegative) / scored.length,
    precisionComplete: truePositive / (truePositive + falsePositive),
    recallComplete: truePositive / (truePositive + falseNegative),
    precisionIncomplete: trueNegative / (trueNegative + falseNegative),
    recallIncomplete: trueNegative / (trueNegative + falsePositive),
  };
}

const format = (value: number) => (value * 100).toFixed(1).padStart(5) + '%';

const loadStart = performance.now();
const scorer = await loadCompletenessScorer({ logger: (message) => console.error(message) });
const loadMs = performance.now() - loadStart;
if (!(scorer instanceof OnnxCompletenessScorer)) throw new Error('the model did not load; nothing to measure');

const scored = [];
for (const line of lines) scored.push({ line, score: await scorer.score(line.text) });
const overall = classReport(scored);
console.log(`held-out set: ${lines.length} hand-written lines, threshold ${threshold}`);
for (const lang of ['all', 'zh', 'mix', 'en']) {
  const slice = lang === 'all' ? scored : scored.filter((entry) => entry.line.lang === lang);
  const report = classReport(slice);
  console.log(
    `  ${lang.padEnd(4)} n=${String(slice.length).padStart(3)}  accuracy ${format(report.accuracy)}  complete P ${format(report.precisionComplete)} R ${format(report.recallComplete)}  incomplete P ${format(report.precisionIncomplete)} R ${format(report.recallIncomplete)}`,
  );
}
if (process.argv.includes('--errors')) {
  for (const entry of scored) if (entry.score >= threshold !== entry.line.complete) console.log(`  miss ${entry.score.toFixed(3)} ${entry.line.complete ? 'C' : 'I'} ${entry.line.text}`);
}

const texts = lines.map((line) => line.text);
for (let warm = 0; warm < 500; warm += 1) await scorer.score(texts[warm % texts.length]!);
const latencies: number[] = [];
for (let call = 0; call < 5000; call += 1) {
  const start = performance.now();
  await scorer.score(texts[call % texts.length]!);
  latencies.push(performance.now() - start);
}
const longText = `${'今天天气不错，我们出去走走吧。'.repeat(700)}然后`;
const longStart = performance.now();
for (let call = 0; call < 200; call += 1) await scorer.score(longText);
const longMs = (performance.now() - longStart) / 200;
latencies.sort((left, right) => left - right);
// No call can hold the event loop longer than the whole call takes, so the slowest call bounds it.
console.log(`slowest of ${latencies.length} single calls: ${latencies[latencies.length - 1]!.toFixed(3)} ms; a ${longText.length}-character text: ${longMs.toFixed(3)} ms per call`);
const batch = Array.from({ length: 256 }, (_, index) => texts[index % texts.length]!);
const batchStart = performance.now();
let batched = 0;
while (performance.now() - batchStart < 2000) {
  await scorer.scoreBatch(batch);
  batched += batch.length;
}
const batchPerSec = batched / ((performance.now() - batchStart) / 1000);
// Lines that also occur verbatim in the training data (short replies such as 好的 / ok are bound to):
// the accuracy on the rest is the stricter figure.
const normalize = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
// Generated after the timing runs, so its garbage does not land in them.
const trainingTexts = new Set<string>();
for (let member = 0; member < trainingRecipe.members; member += 1) {
  // Each member of the ensemble was trained on its own data (see train.ts).
  for (const sample of generateDataset({ size: trainingRecipe.samples, seed: trainingRecipe.dataSeed + 100 * member })) trainingTexts.add(normalize(sample.text));
}
const unseen = scored.filter((entry) => !trainingTexts.has(normalize(entry.line.text)));
console.log(`  ${scored.length - unseen.length} lines also occur verbatim in the training data; on the other ${unseen.length}: accuracy ${format(classReport(unseen).accuracy)}`);
const modelBytes = statSync(defaultModelPath).size;
const p50Ms = percentile(latencies, 0.5);
const p99Ms = percentile(latencies, 0.99);
console.log(`model ${modelBytes} bytes, load ${loadMs.toFixed(1)} ms, single p50 ${p50Ms.toFixed(3)} ms p99 ${p99Ms.toFixed(3)} ms, batch of 256: ${Math.round(batchPerSec)} texts/s`);
const round = (value: number, digits: number) => Number(value.toFixed(digits));
console.log(
  JSON.stringify({
    accuracy: round(overall.accuracy, 4),
    recallComplete: round(overall.recallComplete, 4),
    recallIncomplete: round(overall.recallIncomplete, 4),
    modelBytes,
    loadMs: round(loadMs, 1),
    p50Ms: round(p50Ms, 4),
    p99Ms: round(p99Ms, 4),
    batchPerSec: Math.round(batchPerSec),
  }),
);
