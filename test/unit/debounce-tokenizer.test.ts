import { describe, expect, it } from 'vitest';
import { featureSpec } from '../../src/debounce/feature-spec.js';
import { tokenize } from '../../src/debounce/tokenizer.js';

const texts = (input: string) => tokenize(input).map((unit) => unit.text);

describe('tokenize', () => {
  it('gives one unit per Han character and one per Latin word in mixed text', () => {
    expect(texts('我明天要 Presentation，好紧张')).toEqual(['我', '明', '天', '要', 'presentation', '<COMMA>', '好', '紧', '张']);
    expect(texts('刷B站看up主')).toEqual(['刷', 'b', '站', '看', 'up', '主']);
  });

  it('maps full-width and half-width punctuation to the same classes', () => {
    expect(texts('好的，行吧！真的？')).toEqual(texts('好的,行吧!真的?'));
    expect(texts('然后…')).toEqual(['然', '后', '<ELLIPSIS>']);
    expect(texts('然后。。。')).toEqual(['然', '后', '<ELLIPSIS>']);
    expect(texts('然后...')).toEqual(['然', '后', '<ELLIPSIS>']);
    expect(texts('好。')).toEqual(['好', '<STOP>']);
    expect(texts('啊啊～～')).toEqual(['啊', '啊', '<TILDE>']);
    expect(texts('「你好」')).toEqual(['<OPEN>', '你', '好', '<CLOSE>']);
  });

  it('folds emoji sequences, stickers, links, mentions and numbers into class units', () => {
    expect(texts('笑死😂😂👍🏻')).toEqual(['笑', '死', '<EMOJI>']);
    expect(texts('👨‍👩‍👧')).toEqual(['<EMOJI>']);
    expect(texts('我觉得😂 然后')).toEqual(['我', '觉', '得', '<EMOJI>', '然', '后']);
    expect(texts('好[捂脸]')).toEqual(['好', '<STICKER>']);
    expect(texts('看 https://example.com/a?b=1 @小明 3点')).toEqual(['看', '<LINK>', '<MENTION>', '<NUM>', '点']);
  });

  it('lower-cases Latin words, keeps inner apostrophes and shortens letter runs', () => {
    expect(texts("I’M sooooo TIRED")).toEqual(["i'm", 'soo', 'tired']);
    expect(texts('哈哈哈哈哈哈哈')).toEqual(['哈', '哈', '哈']);
  });

  it('returns no units for empty or blank input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \n\t ')).toEqual([]);
  });

  it('keeps only the end of a 10k-character input', () => {
    const units = texts(`${'今天天气不错'.repeat(1700)}如果明天不下雨，`);
    expect(units.length).toBeLessThanOrEqual(featureSpec.maxUnits);
    expect(units.slice(-8)).toEqual(['如', '果', '明', '天', '不', '下', '雨', '<COMMA>']);
    const english = texts(`${'blah '.repeat(2000)}and then`);
    expect(english.slice(-2)).toEqual(['and', 'then']);
    expect(english.length).toBeLessThanOrEqual(featureSpec.maxUnits);
  });
});
