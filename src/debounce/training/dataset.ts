/**
 * The synthetic training set: balanced complete/incomplete chat lines in Chinese (with English loanwords)
 * and English, drawn from the templates with a fixed seed. It never reads the held-out evaluation file.
 */
import { enChatTemplates } from './en-chat.js';
import { enChat2Templates } from './en-chat2.js';
import { enChat3Templates } from './en-chat3.js';
import { enConstructions } from './en-constructions.js';
import { enTemplates } from './en-sentences.js';
import { loadJiebaLexicon } from './jieba-lexicon.js';
import { cutPieces, joinPieces, type Piece } from './pieces.js';
import { createRandom, type Random } from './random.js';
import { casualEnglish, decorateEnding, mergeFragments } from './surface.js';
import type { ZhContext } from './zh-clauses.js';
import { zhChatTemplates } from './zh-chat.js';
import { zhChat2Templates } from './zh-chat2.js';
import { zhChat3Templates } from './zh-chat3.js';
import { zhFrameTemplates } from './zh-frames.js';
import { zh } from './zh-lexicon.js';
import { zhConstructions } from './zh-constructions.js';
import { zhTemplates } from './zh-sentences.js';

const chineseTemplates = [...zhTemplates, ...zhConstructions, ...zhChatTemplates, ...zhFrameTemplates, ...zhChat2Templates, ...zhChat3Templates];
const englishTemplates = [...enTemplates, ...enConstructions, ...enChatTemplates, ...enChat2Templates, ...enChat3Templates];

/** One labelled training line. */
export interface Sample {
  readonly text: string;
  readonly complete: boolean;
  readonly language: 'zh' | 'en';
}

/** How many samples to draw, from which seed, in which language mix. */
export interface DatasetOptions {
  readonly size: number;
  readonly seed: number;
  /** Share of Chinese samples; the rest are English. */
  readonly chineseShare?: number;
}

function pickTemplate<T>(random: Random, templates: ReadonlyArray<readonly [number, T]>): T {
  const total = templates.reduce((sum, [weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [weight, template] of templates) {
    roll -= weight;
    if (roll < 0) return template;
  }
  return templates[0]![1];
}

function drawText(build: () => Piece[], complete: boolean, separator: string, random: Random): string {
  for (;;) {
    const pieces = cutPieces(build(), complete, random);
    if (pieces !== undefined) return joinPieces(pieces, separator);
  }
}

function chineseSample(context: ZhContext, complete: boolean): string {
  const { random } = context;
  const template = () => pickTemplate(random, chineseTemplates)(context);
  let text = decorateEnding(drawText(template, complete, '', random), complete, false, random);
  if (random.chance(0.15)) text = mergeFragments(decorateEnding(drawText(template, true, '', random), true, false, random), text, false, random);
  if (random.chance(0.06)) text = `${random.pick(zh.englishBits)}${random.pick([' ', ' ', '', '，'])}${text}`;
  else if (random.chance(0.06)) text = `${random.pick(zh.interjections)}${random.pick(['', ' ', '，', '~'])}${text}`;
  return text;
}

function englishSample(random: Random, complete: boolean): string {
  const template = () => pickTemplate(random, englishTemplates)(random);
  let text = decorateEnding(casualEnglish(drawText(template, complete, ' ', random), random), complete, true, random);
  if (random.chance(0.12)) text = mergeFragments(drawText(template, true, ' ', random), text, true, random);
  return text;
}

/** Generates `size` labelled samples, alternating classes, deterministically from `seed`. */
export function generateDataset(options: DatasetOptions): Sample[] {
  const random = createRandom(options.seed);
  const context: ZhContext = { random, jieba: loadJiebaLexicon() };
  const chineseShare = options.chineseShare ?? 0.6;
  const samples: Sample[] = [];
  for (let index = 0; index < options.size; index += 1) {
    const complete = index % 2 === 0;
    const chinese = random.chance(chineseShare);
    let text = chinese ? chineseSample(context, complete) : englishSample(random, complete);
    samples.push({ text: text.replace(/\s+/gu, ' ').trim(), complete, language: chinese ? 'zh' : 'en' });
  }
  return samples;
}
