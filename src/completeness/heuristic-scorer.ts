/**
 * A punctuation-and-wording heuristic for utterance completeness, used until (or instead of) the ONNX model:
 * final punctuation and short acknowledgements read as complete, dangling connectives and trailing commas as
 * unfinished, anything else by length.
 */
import type { CompletenessScorer } from './completeness-scorer.js';

const finalPunctuation = /[。！？!?.…~～)）」』”"'\]】]$/u;
const trailingEmoji = /\p{Extended_Pictographic}\uFE0F?$/u;
const trailingPause = /[,，、:：;；\-—(（「『“]$/u;
const danglingChinese = /(但是|可是|不过|因为|所以|然后|而且|并且|如果|要是|虽然|还有|就是|或者|还是|以及|和|跟|与|的|了吧|把|被|在|给|对|从|向)$/u;
const danglingEnglish = /\b(and|but|because|so|or|if|when|while|although|though|then|the|a|an|to|of|with|for|about|like|that|which|my|your|is|are|was|i)$/iu;
const openerChinese = /^(如果|要是|假如|因为|虽然|尽管|即使|不管|无论|除非|只要|只有|既然|一旦|等到)/u;
const openerEnglish = /^(if|because|although|though|when|since|unless|while|once)\b/iu;
const secondClause = /[,，;；]/u;
const acknowledgements =
  /^(好的?|好吧|嗯+|嗯嗯|哦+|噢|行|可以|对|是的?|没事|谢谢|晚安|早安?|拜拜|再见|哈+|ok(ay)?|k|yes|yep|yeah|no|nope|thanks?|thank you|lol|sure|bye|good ?night|gn|hi|hello|hey)$/iu;

/** Scores completeness from surface cues; pure and synchronous underneath. */
export function heuristicCompleteness(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0) return 0;
  if (acknowledgements.test(trimmed.replace(/[!！.。~～]+$/u, ''))) return 0.95;
  if (trailingPause.test(trimmed)) return 0.05;
  if (danglingChinese.test(trimmed) || danglingEnglish.test(trimmed)) return 0.15;
  if (finalPunctuation.test(trimmed) || trailingEmoji.test(trimmed)) return 0.95;
  if ((openerChinese.test(trimmed) || openerEnglish.test(trimmed)) && !secondClause.test(trimmed)) return 0.2;
  return trimmed.length >= 12 ? 0.7 : 0.5;
}

/** The heuristic as a CompletenessScorer. */
export const heuristicScorer: CompletenessScorer = {
  name: 'heuristic',
  score: (text) => Promise.resolve(heuristicCompleteness(text)),
};
