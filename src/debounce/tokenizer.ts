/**
 * The chat tokenizer behind the completeness model: one unit per CJK character, one per Latin word, and
 * punctuation, emoji, stickers, numbers, links and mentions folded into classes. Final punctuation is kept
 * (unlike speech-transcript models) because in typed chat `。？~` and a trailing `，` or `…` are strong cues.
 */
import { featureSpec } from './feature-spec.js';

/** The class of a unit, used for the "how does the text end" features. */
export type UnitKind = 'han' | 'word' | 'number' | 'emoji' | 'sticker' | 'link' | 'mention' | 'punct';

/** One token of the model's input. */
export interface Unit {
  readonly kind: UnitKind;
  /** The unit as the model sees it: a character, a lower-case word, or a `<CLASS>` token. */
  readonly text: string;
}

const wordCharacter = String.raw`[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{M}]`;
const unitPattern = new RegExp(
  [
    String.raw`(?<link>(?:https?://|www\.)[^\s]+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_]+)`,
    String.raw`(?<sticker>\[[\p{L}\p{N}_]{1,8}\])`,
    String.raw`(?<emoji>[\p{Extended_Pictographic}\p{Regional_Indicator}][\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u{FE0F}\u{200D}\u{20E3}\u{E0020}-\u{E007F}]*)`,
    String.raw`(?<han>[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC])`,
    String.raw`(?<word>${wordCharacter}+(?:'${wordCharacter}+)*)`,
    String.raw`(?<letter>\p{L})`,
    String.raw`(?<space>\s+)`,
    String.raw`(?<punct>[^\s])`,
  ].join('|'),
  'gu',
);

const punctuationClasses: ReadonlyArray<readonly [RegExp, string]> = [
  [/[.。｡]/u, '<STOP>'],
  [/[?¿]/u, '<QUESTION>'],
  [/[!¡]/u, '<EXCLAIM>'],
  [/[~〜]/u, '<TILDE>'],
  [/[,、，]/u, '<COMMA>'],
  [/[;:]/u, '<COLON>'],
  [/[\-—–_]/u, '<DASH>'],
  [/[(\[{（【《〈「『]/u, '<OPEN>'],
  [/[)\]}）】》〉」』]/u, '<CLOSE>'],
  [/["'“”‘’`]/u, '<QUOTE>'],
];

/** Splits `text` into model units, keeping only the last `featureSpec.maxUnits`; pure and bounded in time. */
export function tokenize(text: string): Unit[] {
  const truncated = text.length > featureSpec.maxChars;
  const tail = (truncated ? text.slice(-featureSpec.maxChars) : text).normalize('NFKC').toLowerCase().replace(/[‘’]/gu, "'");
  const units: Unit[] = [];
  for (const match of tail.matchAll(unitPattern)) {
    const unit = toUnit(match.groups ?? {}, match[0]);
    if (unit !== undefined) pushCollapsed(units, unit);
  }
  // The first unit of a cut text may be half a word; it is far from the end, so dropping it costs nothing.
  if (truncated) units.shift();
  return units.length > featureSpec.maxUnits ? units.slice(-featureSpec.maxUnits) : units;
}

function toUnit(groups: Record<string, string | undefined>, raw: string): Unit | undefined {
  if (groups.link !== undefined) return { kind: 'link', text: '<LINK>' };
  if (groups.mention !== undefined) return { kind: 'mention', text: '<MENTION>' };
  if (groups.sticker !== undefined) return { kind: 'sticker', text: '<STICKER>' };
  if (groups.emoji !== undefined) return { kind: 'emoji', text: '<EMOJI>' };
  if (groups.han !== undefined || groups.letter !== undefined) return { kind: 'han', text: raw };
  if (groups.word !== undefined) return wordUnit(raw);
  if (groups.space !== undefined) return undefined;
  return { kind: 'punct', text: punctuationClass(raw) };
}

function wordUnit(raw: string): Unit {
  if (/^\p{N}+$/u.test(raw)) return { kind: 'number', text: '<NUM>' };
  // "soooo" and "hhhhh" mean the same as "soo" and "hh"; runs beyond two letters carry no extra meaning.
  return { kind: 'word', text: raw.replace(/(.)\1{2,}/gu, '$1$1') };
}

function punctuationClass(character: string): string {
  for (const [pattern, name] of punctuationClasses) if (pattern.test(character)) return name;
  return '<SYMBOL>';
}

/** Appends `unit`, folding repeats: `!!!` is one `!`, `...`/`。。` is an ellipsis, `哈哈哈哈` keeps three. */
function pushCollapsed(units: Unit[], unit: Unit): void {
  const last = units[units.length - 1];
  if (last !== undefined && unit.kind === 'punct' && last.kind === 'punct') {
    if (unit.text === '<STOP>' && (last.text === '<STOP>' || last.text === '<ELLIPSIS>')) {
      units[units.length - 1] = { kind: 'punct', text: '<ELLIPSIS>' };
      return;
    }
    if (unit.text === last.text) return;
  }
  if (last !== undefined && unit.kind === 'emoji' && last.kind === 'emoji') return;
  if (unit.kind === 'han' && isThirdRepeat(units, unit.text)) return;
  units.push(unit);
}

function isThirdRepeat(units: Unit[], text: string): boolean {
  const count = units.length;
  return count >= 3 && units[count - 1]?.text === text && units[count - 2]?.text === text && units[count - 3]?.text === text;
}
