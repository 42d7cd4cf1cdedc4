/**
 * Development-time evaluation of the completeness model (never run by tests): trains in memory with several
 * training seeds and scores the hand-written development sets, so a generator or model change is judged on
 * the mean over seeds (one seed moves the score by about ±1.5 points). It reads only the development files;
 * the held-out set is measured by `npm run bench:debounce` and nothing else. `debounce-dev3.jsonl` and
 * `debounce-dev4.jsonl` are blind development sets: `--errors` never prints their lines, so they estimate how far
 * a change generalizes beyond the lines whose errors were looked at.
 *
 *   node --import tsx scripts/debounce-dev.ts [--seeds 4] [--errors] [--samples 600000] [--data-seed n]
 */
import { readFileSync } from 'node:fs';
import { featurize } from '../src/debounce/features.js';
import { featureSpec } from '../src/debounce/feature-spec.js';
import { generateDataset } from '../src/debounce/training/dataset.js';
import { predictBag, type ModelWeights } from '../src/debounce/training/model-weights.js';
import { trainingRecipe } from '../src/debounce/training/train.js';
import { quantizeRows } from '../src/debounce/training/int8-rows.js';
import { bagAt, type PackedDataset, packDataset, trainModel } from '../src/debounce/training/trainer.js';

interface DevLine {
  readonly text: string;
  readonly complete: boolean;
  readonly lang: string;
  readonly set: string;
}

function readSet(file: string, name: string): DevLine[] {
  return readFileSync(new URL(`../test/fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { text: string; complete: boolean; lang: string; part?: string })
    .map((line) => ({ text: line.text, complete: line.complete, lang: line.lang, set: line.part === undefined ? name : `${name}${line.part}` }));
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const lines = [
  ...readSet('debounce-dev.jsonl', 'dev'),
  ...readSet('debounce-dev2.jsonl', 'dev2'),
  ...readOptional('debounce-dev3.jsonl', 'dev3'),
  ...readOptional('debounce-dev4.jsonl', 'dev4'),
];
/** Blind development sets: only their aggregate figures are ever printed, never their lines or errors. */
const blindSets = new Set(['dev3', 'dev4']);
function readOptional(file: string, name: string): DevLine[] {
  try {
    return readSet(file, name);
  } catch {
    return [];
  }
}

const seeds = option('seeds', 4);
const samples = option('samples', trainingRecipe.samples);
const dataSeed = option('data-seed', trainingRecipe.dataSeed);
const started = performance.now();
// Each run draws its own data (data seed + i) and its own shuffle (train seed + i): both move the score.
const packedFor = (run: number) => {
  const data = generateDataset({ size: samples, seed: dataSeed + run });
  return packDataset(data, (sample) => featurize(sample.text), (sample) => sample.complete);
};

const probeIndex = process.argv.indexOf('--probe');
const probes = probeIndex === -1 ? [] : readFileSync(process.argv[probeIndex + 1]!, 'utf8').split('\n').filter((line) => line.trim() !== '');
const probeBags = probes.map((text) => featurize(text));
const probeScores: number[][] = probes.map(() => []);
const bags = lines.map((line) => featurize(line.text));
const scores: number[][] = lines.map(() => []);
const members = option('members', 1);
// --teachers K: distillation. Per run, K networks are trained on their own data (as --member-data does); the
// `members` students then train on fresh data against soft targets: alpha · the teachers' mean + (1 − alpha) · label.
const teachers = option('teachers', 0);
const alpha = option('alpha', 0.7);
const trainWith = (data: PackedDataset, shuffleOffset: number): ModelWeights => {
  const weights = trainModel(data, featureSpec, {
    epochs: option('epochs', trainingRecipe.epochs),
    learningRate: option('lr', trainingRecipe.learningRate),
    featureDropout: option('dropout', trainingRecipe.featureDropout),
    seed: trainingRecipe.trainSeed + shuffleOffset,
  });
  if (process.argv.includes('--int8')) quantizeRows(weights.embedding, weights.embeddingSize);
  return weights;
};
const softened = (data: PackedDataset, nets: readonly ModelWeights[]): PackedDataset => {
  const targets = new Float32Array(data.labels.length);
  for (let index = 0; index < targets.length; index += 1) {
    const bag = bagAt(data, index);
    const teacher = nets.reduce((sum, net) => sum + predictBag(net, bag), 0) / nets.length;
    targets[index] = alpha * teacher + (1 - alpha) * data.labels[index]!;
  }
  return { ...data, targets };
};
for (let seed = 0; seed < seeds; seed += 1) {
  const ownData = process.argv.includes('--member-data') || teachers > 0;
  const packed = ownData ? undefined : packedFor(seed);
  const memberScores: number[][] = lines.map(() => []);
  const memberProbes: number[][] = probes.map(() => []);
  const teacherNets: ModelWeights[] = [];
  for (let teacher = 0; teacher < teachers; teacher += 1) teacherNets.push(trainWith(packedFor(seed + 100 * teacher), seed + 1000 * teacher));
  if (teachers > 0) {
    const right = (set: string) => {
      const chosen = lines.flatMap((line, index) => (set === 'all' || line.set === set ? [index] : []));
      const hits = chosen.filter((index) => teacherNets.reduce((sum, net) => sum + predictBag(net, bags[index]!), 0) / teachers >= 0.5 === lines[index]!.complete);
      return `${set} ${((100 * hits.length) / chosen.length).toFixed(1)}`;
    };
    console.log(`run ${seed} teachers (${teachers}): ${['all', ...new Set(lines.map((line) => line.set))].map(right).join('  ')}`);
  }
  for (let member = 0; member < members; member += 1) {
    // --member-data: member k draws its own data (data seed + 100·k + run), as the shipped ensemble does;
    // students of a distillation draw data no teacher saw (data seed + 100·(k + 50) + run).
    const data = packed ?? packedFor(seed + 100 * (member + (teachers > 0 ? 50 : 0)));
    const weights = trainWith(teachers > 0 ? softened(data, teacherNets) : data, seed + 1000 * member + (teachers > 0 ? 50_000 : 0));
    bags.forEach((bag, index) => memberScores[index]!.push(predictBag(weights, bag)));
    probeBags.forEach((bag, index) => memberProbes[index]!.push(predictBag(weights, bag)));
  }
  const mean = (list: number[]) => list.reduce((sum, score) => sum + score, 0) / list.length;
  memberScores.forEach((list, index) => scores[index]!.push(mean(list)));
  memberProbes.forEach((list, index) => probeScores[index]!.push(mean(list)));
  console.log(`run ${seed} (${members} member(s), ${Math.round(performance.now() - started)} ms): ${summary(seed)}`);
}

function summary(seed: number): string {
  const parts: string[] = [];
  for (const set of ['all', ...new Set(lines.map((line) => line.set))]) {
    const chosen = lines.flatMap((line, index) => (set === 'all' || line.set === set ? [index] : []));
    const correct = chosen.filter((index) => scores[index]![seed]! >= 0.5 === lines[index]!.complete).length;
    parts.push(`${set} ${((100 * correct) / chosen.length).toFixed(1)}`);
  }
  return parts.join('  ');
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
console.log(`\nmean over ${seeds} seeds (accuracy, recall complete / incomplete):`);
for (const set of ['all', ...new Set(lines.map((line) => line.set))]) {
  for (const lang of ['all', 'zh', 'mix', 'en']) {
    const chosen = lines.flatMap((line, index) => ((set === 'all' || line.set === set) && (lang === 'all' || line.lang === lang) ? [index] : []));
    if (chosen.length === 0) continue;
    let correct = 0;
    let completeHit = 0;
    let completeAll = 0;
    let incompleteHit = 0;
    let incompleteAll = 0;
    for (const index of chosen) {
      for (const score of scores[index]!) {
        const right = score >= 0.5 === lines[index]!.complete;
        correct += right ? 1 : 0;
        if (lines[index]!.complete) [completeHit, completeAll] = [completeHit + (right ? 1 : 0), completeAll + 1];
        else [incompleteHit, incompleteAll] = [incompleteHit + (right ? 1 : 0), incompleteAll + 1];
      }
    }
    console.log(`  ${set.padEnd(6)} ${lang.padEnd(4)} n=${String(chosen.length).padStart(4)}  ${percent(correct, chosen.length * seeds)}  C ${percent(completeHit, completeAll)}  I ${percent(incompleteHit, incompleteAll)}`);
  }
}
{
  const mean = (index: number) => scores[index]!.reduce((sum, score) => sum + score, 0) / seeds;
  const parts: string[] = [];
  for (const set of ['all', ...new Set(lines.map((line) => line.set))]) {
    const chosen = lines.flatMap((line, index) => (set === 'all' || line.set === set ? [index] : []));
    parts.push(`${set} ${percent(chosen.filter((index) => mean(index) >= 0.5 === lines[index]!.complete).length, chosen.length)}`);
  }
  console.log(`ensemble of the ${seeds} seeds (mean score): ${parts.join('  ')}`);
}
{
  // Accuracy of the per-run scores at other thresholds (development sets only; the blind sets reported apart).
  const parts: string[] = [];
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const rate = (blind: boolean) => {
      let right = 0;
      let total = 0;
      lines.forEach((line, index) => {
        if (blindSets.has(line.set) !== blind) return;
        for (const score of scores[index]!) [right, total] = [right + (score >= threshold === line.complete ? 1 : 0), total + 1];
      });
      return percent(right, total);
    };
    parts.push(`${threshold}: ${rate(false)} / ${rate(true)}`);
  }
  console.log(`threshold sweep (dev+dev2 / blind dev3+dev4): ${parts.join('  ')}`);
}
if (process.argv.includes('--errors')) {
  console.log('\nlines wrong in at least half of the seeds (mean score, label, set):');
  lines.forEach((line, index) => {
    // dev3 and dev4 are blind: only their aggregate figures are looked at, never their lines.
    if (blindSets.has(line.set)) return;
    const list = scores[index]!;
    const wrong = list.filter((score) => score >= 0.5 !== line.complete).length;
    if (wrong * 2 >= list.length) {
      const mean = list.reduce((sum, score) => sum + score, 0) / list.length;
      console.log(`  ${mean.toFixed(2)} ${line.complete ? 'C' : 'I'} ${line.set.padEnd(5)} ${line.text}`);
    }
  });
}
probes.forEach((text, index) => console.log(`probe ${(probeScores[index]!.reduce((sum, score) => sum + score, 0) / seeds).toFixed(2)} ${text}`));
