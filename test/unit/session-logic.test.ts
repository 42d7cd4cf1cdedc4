import { describe, expect, it } from 'vitest';
import { nextInteger, nextRandom, seedFrom } from '../../machines/random.js';
import { appendFragment, cutMarker, joinFragmentTexts, mergedText, requestedWaitSeconds } from '../../machines/session-logic.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import type { Fragment } from '../../machines/session-types.js';

const fragment = (text: string, images: string[] = []): Fragment => ({
  text,
  images: images.map((url) => ({ url })),
  at: 0,
  senderId: 'u',
});

describe('buffer helpers', () => {
  it('joins CJK without spaces and Latin text with one space', () => {
    expect(joinFragmentTexts('如果明天下雨', '我们就不去了')).toBe('如果明天下雨我们就不去了');
    expect(joinFragmentTexts('so I was', 'thinking')).toBe('so I was thinking');
    expect(joinFragmentTexts('好的', 'ok')).toBe('好的ok');
    expect(joinFragmentTexts('', 'alone')).toBe('alone');
    expect(mergedText([fragment('hi'), fragment(''), fragment('there')])).toBe('hi there');
  });

  it('folds the oldest fragments past maxFragments, keeping every image and all text', () => {
    let buffer: Fragment[] = [];
    for (let index = 0; index < 7; index++) {
      buffer = appendFragment(buffer, fragment(`w${index}`, [`u${index}`]), { maxFragments: 3, maxBufferChars: 1000 });
    }
    expect(buffer).toHaveLength(3);
    expect(mergedText(buffer)).toBe('w0 w1 w2 w3 w4 w5 w6');
    expect(buffer.flatMap((item) => item.images.map((image) => image.url))).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });

  it('cuts the oldest text past maxBufferChars, marking the cut', () => {
    const buffer = appendFragment([fragment('a'.repeat(150))], fragment('b'.repeat(80)), { maxFragments: 10, maxBufferChars: 200 });
    const total = buffer.reduce((sum, item) => sum + item.text.length, 0);
    expect(total).toBeLessThanOrEqual(200);
    expect(buffer[0]!.text.startsWith(cutMarker)).toBe(true);
    expect(buffer[1]!.text).toBe('b'.repeat(80));
  });
});

describe('requestedWaitSeconds', () => {
  const settings = defaultSessionSettings;
  it('takes the wait of the last call that states one and clamps it', () => {
    expect(requestedWaitSeconds([{ tool: 'reply', content: 'a', maxWaitSeconds: 5 }], settings)).toBe(10);
    expect(requestedWaitSeconds([{ tool: 'reply', content: 'a', maxWaitSeconds: 9000 }], settings)).toBe(600);
    expect(
      requestedWaitSeconds(
        [
          { tool: 'reply', content: 'a', maxWaitSeconds: 120 },
          { tool: 'reply', content: 'b' },
        ],
        settings,
      ),
    ).toBe(120);
  });
  it('treats zero, negative and non-finite waits as the end of the turn', () => {
    for (const value of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(requestedWaitSeconds([{ tool: 'do_nothing', maxWaitSeconds: value }], settings)).toBe(0);
    }
    expect(requestedWaitSeconds([{ tool: 'reply', content: 'a' }], settings)).toBe(0);
  });
});

describe('seeded random', () => {
  it('is a pure function of its state and stays in range', () => {
    expect(nextRandom(42)).toEqual(nextRandom(42));
    let state = seedFrom('http:private:alice');
    for (let index = 0; index < 1000; index++) {
      const draw = nextInteger(state, 30, 60);
      expect(draw.value).toBeGreaterThanOrEqual(30);
      expect(draw.value).toBeLessThanOrEqual(60);
      state = draw.state;
    }
    expect(seedFrom('a')).not.toBe(seedFrom('b'));
  });
});
