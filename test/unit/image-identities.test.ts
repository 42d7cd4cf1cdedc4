// Image identities at ingest, with a recording downloader standing in for the safe fetcher (its own tests are
// test/integration/safe-fetch.test.ts): which images are downloaded, and what a failure leaves.
import { describe, expect, it } from 'vitest';
import { createImageIdentifier, identityHexDigits } from '../../src/groups/image-identities.js';
import type { IngestEvent } from '../../src/runtime/ingestor.js';

function downloader(failing: string[] = []) {
  const asked: string[] = [];
  const download = async (url: string) => {
    asked.push(url);
    if (failing.includes(url)) throw new Error('404');
    return { sha256: `${'ab'.repeat(16)}${url.length.toString(16).padStart(32, '0')}` };
  };
  return { asked, download };
}

const message = (images: Array<{ url: string; sticker?: boolean; hash?: string }>): IngestEvent => ({
  type: 'message.received',
  at: 1,
  sender: { id: 'a' },
  text: '',
  images,
  mentionsBot: false,
});

describe('createImageIdentifier', () => {
  it('downloads the pictures of a group message and keeps the first 16 hex digits of their sha256', async () => {
    const { asked, download } = downloader();
    const identify = createImageIdentifier(download);
    const event = await identify('qq:group:1', message([{ url: 'https://x/a.png' }, { url: 'https://x/b.png', hash: 'given' }]));
    expect(asked).toEqual(['https://x/a.png']);
    expect(event.type === 'message.received' && event.images).toEqual([
      { url: 'https://x/a.png', hash: 'ab'.repeat(identityHexDigits / 2) },
      { url: 'https://x/b.png', hash: 'given' },
    ]);
  });

  it('leaves private chats, stickers and other events alone, and an unreadable image without a digest', async () => {
    const { asked, download } = downloader(['https://x/gone.png']);
    const identify = createImageIdentifier(download);
    const privateMessage = message([{ url: 'https://x/a.png' }]);
    expect(await identify('qq:private:1', privateMessage)).toBe(privateMessage);
    const sticker = message([{ url: 'https://x/face.gif', sticker: true }]);
    expect(await identify('qq:group:1', sticker)).toBe(sticker);
    const timer: IngestEvent = { type: 'timer.fired', at: 1, name: 'silence', gen: 1, dueAt: 1 };
    expect(await identify('qq:group:1', timer)).toBe(timer);
    const failed = await identify('qq:group:1', message([{ url: 'https://x/gone.png' }]));
    expect(failed.type === 'message.received' && failed.images).toEqual([{ url: 'https://x/gone.png' }]);
    expect(asked).toEqual(['https://x/gone.png']);
  });
});
