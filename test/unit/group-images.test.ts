// The group image policy as a table: which images a request shows, what stays pending, what is dropped.
import { describe, expect, it } from 'vitest';
import { chooseImages, imageIdentity, withImagesShown, withRecord } from '../../machines/group-images.js';
import type { GroupState } from '../../machines/group-types.js';
import { initialGroupState } from '../../machines/group-logic.js';
import type { GroupSettings } from '../../machines/session-types.js';

const settings: GroupSettings = { wakeWords: [], memoryMaxMessages: 300, imageWindow: 5, maxImagesPerRequest: 2, pendingMaxRounds: 2, captionImages: false };
const img = (hash: string) => ({ url: `https://img.example/${hash}`, hash });

/** A group whose records carried these images (one record per inner list, oldest first). */
function groupWith(records: string[][], extra: Partial<GroupState> = {}): GroupState {
  let group = { ...initialGroupState(), ...extra };
  for (const hashes of records) group = withRecord(group, hashes.map(img), settings.imageWindow);
  return group;
}

describe('chooseImages', () => {
  it.each([
    { name: 'newest first, up to k', records: [['a'], ['b'], ['c']], pending: [], k: 2, shown: ['c', 'b'], pendingAfter: [['c', 0], ['b', 0], ['a', 1]] },
    { name: 'one message with several images', records: [['a', 'b', 'c']], pending: [], k: 2, shown: ['c', 'b'], pendingAfter: [['c', 0], ['b', 0], ['a', 1]] },
    { name: 'pending get ceil(k/2), fresh floor(k/2)', records: [['x'], ['y']], pending: [['p', 1], ['q', 1]], k: 3, shown: ['p', 'q', 'y'], pendingAfter: [['p', 1], ['q', 1], ['y', 0], ['x', 1]] },
    { name: 'unused quota goes to the other kind', records: [['x'], ['y'], ['z']], pending: [['p', 1]], k: 4, shown: ['p', 'z', 'y', 'x'], pendingAfter: [['p', 1], ['z', 0], ['y', 0], ['x', 0]] },
    { name: 'a pending image past its rounds is dropped', records: [['x']], pending: [['p', 1], ['q', 2]], k: 1, shown: ['p'], pendingAfter: [['p', 1], ['x', 1]], dropped: ['q'] },
    { name: 'only the last 5 records are looked at', records: [['old'], [], [], [], [], ['new']], pending: [], k: 2, shown: ['new'], pendingAfter: [['new', 0]] },
    { name: 'a repeated image counts once', records: [['a'], ['a'], ['b']], pending: [], k: 2, shown: ['b', 'a'], pendingAfter: [['b', 0], ['a', 0]] },
    { name: 'k = 0 shows nothing', records: [['a']], pending: [], k: 0, shown: [], pendingAfter: [['a', 1]] },
  ])('$name', ({ records, pending, k, shown, pendingAfter, dropped }) => {
    const group = groupWith(records, { pendingImages: pending.map(([hash, rounds]) => ({ ...img(String(hash)), rounds: Number(rounds) })) });
    const chosen = chooseImages(group, { ...settings, maxImagesPerRequest: k, pendingMaxRounds: 2 });
    expect(chosen.images.map((image) => image.hash)).toEqual(shown);
    expect(chosen.group.pendingImages.map((image) => [image.hash, image.rounds])).toEqual(pendingAfter);
    expect(chosen.group.knownImages).toEqual(dropped ?? []);
  });

  it('never shows a known image again, and forgets nothing still pending', () => {
    const group = groupWith([['a'], ['b']], { knownImages: ['a'] });
    const chosen = chooseImages(group, settings);
    expect(chosen.images.map((image) => image.hash)).toEqual(['b']);
    const shown = withImagesShown(chosen.group, chosen.images);
    expect(shown.knownImages).toEqual(['a', 'b']);
    expect(shown.pendingImages).toEqual([]);
    expect(chooseImages(shown, settings).images).toEqual([]);
  });

  it('keeps inline images with very long URLs out of the policy (the context stays small)', () => {
    const inline = { url: `base64://${'A'.repeat(10_000)}`, hash: 'inline' };
    const group = withRecord(initialGroupState(), [inline, img('small')], settings.imageWindow);
    expect(group.recentImages.map((image) => image.hash)).toEqual(['small']);
  });

  it('identifies images by content digest, or by a digest of the URL when the bytes were not read', () => {
    expect(imageIdentity({ url: 'https://a.example/1', hash: 'abc' })).toBe('abc');
    const byUrl = imageIdentity({ url: 'https://a.example/1' });
    expect(byUrl).toMatch(/^url-[0-9a-f]+$/);
    expect(imageIdentity({ url: 'https://a.example/1' })).toBe(byUrl);
    expect(imageIdentity({ url: 'https://a.example/2' })).not.toBe(byUrl);
  });
});
