/**
 * Uploaded images: accepted only when the bytes are a PNG, JPEG, GIF or WebP image matching the declared
 * type, within the size limit; referenced as /v1/images/<sha256>; inlined as data: URLs for the model.
 */
import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import { declaredImageType, sniffImageType } from '../../src/images/image-type.js';
import { inlineUploads } from '../../src/images/inline-uploads.js';
import { checkImage, uploadIdOf, uploadUrl } from '../../src/images/upload-store.js';
import type { PromptMaterial, TextRequest, TurnRequest } from '../../src/llm/llm-types.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const webp = Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1');

function errorOf(run: () => unknown): RuntimeError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuntimeError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('image types', () => {
  it('tells the accepted formats by their magic bytes', () => {
    expect([png, jpeg, gif, webp].map(sniffImageType)).toEqual(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVE', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });

  it('reads the declared type, with parameters and the common image/jpg', () => {
    expect(declaredImageType('image/PNG; charset=binary')).toBe('image/png');
    expect(declaredImageType('image/jpg')).toBe('image/jpeg');
    expect(declaredImageType('image/svg+xml')).toBeNull();
    expect(declaredImageType(undefined)).toBeNull();
  });
});

describe('checkImage', () => {
  it('accepts an image whose bytes match its declared type', () => {
    expect(checkImage(png, 'image/png', 1024)).toBe('image/png');
    expect(checkImage(jpeg, 'image/jpg', 1024)).toBe('image/jpeg');
  });

  it('refuses an empty body, an oversize one, a wrong content type, and bytes that are not what they claim', () => {
    expect(errorOf(() => checkImage(Buffer.alloc(0), 'image/png', 1024))).toMatchObject({ code: 'invalid_input', field: 'body' });
    expect(errorOf(() => checkImage(Buffer.concat([png, Buffer.alloc(2000)]), 'image/png', 1024))).toMatchObject({ code: 'payload_too_large' });
    expect(errorOf(() => checkImage(png, 'text/plain', 1024)).message).toContain('content-type must be one of image/png, image/jpeg, image/gif, image/webp, got "text/plain"');
    expect(errorOf(() => checkImage(Buffer.from('hello'), 'image/png', 1024)).message).toBe('the bytes are not a PNG, JPEG, GIF or WebP image');
    expect(errorOf(() => checkImage(jpeg, 'image/png', 1024)).message).toBe('content-type says image/png but the bytes are image/jpeg');
    expect(errorOf(() => checkImage(jpeg, 'image/png', 1024)).code).toBe('unsupported_media_type');
  });
});

describe('upload references', () => {
  const id = 'a'.repeat(64);

  it('round-trip through the URL form and nothing else parses as one', () => {
    expect(uploadIdOf(uploadUrl(id))).toBe(id);
    for (const url of ['/v1/images/abc', `/v1/images/${id}/x`, `http://127.0.0.1:8720/v1/images/${id}`, `/v1/images/${'A'.repeat(64)}`]) expect(uploadIdOf(url)).toBeNull();
  });
});

describe('inlineUploads', () => {
  const kept = `/v1/images/${'1'.repeat(64)}`;
  const expired = `/v1/images/${'2'.repeat(64)}`;
  const stored: Record<string, string> = { [kept]: 'data:image/png;base64,AAAA' };
  const reads: string[] = [];
  const toDataUrl = async (url: string) => {
    reads.push(url);
    return stored[url] ?? null;
  };
  const material: PromptMaterial = {
    persona: 'p',
    timezone: 'UTC',
    now: 0,
    mentalLog: [],
    history: [
      { role: 'user', text: 'earlier', at: 1, images: [{ url: kept }, { url: 'https://example.com/cat.png' }] },
      { role: 'bot', text: 'ok', at: 2 },
    ],
  };
  const turn: TurnRequest = {
    sessionId: 'http:private:a',
    requestId: 'r1',
    requestedAt: 0,
    purpose: 'reply',
    text: 'look',
    images: [{ url: kept }, { url: expired, sticker: true }],
    consecutiveTimeouts: 0,
    unanswered: 0,
    wait: null,
    memos: [],
  };

  it('replaces uploads in the request and the history by data: URLs, reading each once, and drops expired ones', async () => {
    reads.length = 0;
    const inlined = await inlineUploads(turn, material, toDataUrl);
    expect(inlined.request.images).toEqual([{ url: 'data:image/png;base64,AAAA' }]);
    expect(inlined.material.history[0]?.images).toEqual([{ url: 'data:image/png;base64,AAAA' }, { url: 'https://example.com/cat.png' }]);
    expect(inlined.missing).toEqual([expired]);
    expect(reads.sort()).toEqual([kept, expired].sort());
    // The inputs are not changed: the stored request keeps its short references.
    expect(turn.images[0]?.url).toBe(kept);
  });

  it('reads nothing when no upload is referenced, and leaves side requests without images alone', async () => {
    reads.length = 0;
    const side: TextRequest = { sessionId: 'http:private:a', requestId: 'r2', requestedAt: 0, purpose: 'thinking', wait: null };
    const plain = { ...material, history: [] };
    const inlined = await inlineUploads(side, plain, toDataUrl);
    expect(inlined.request).toBe(side);
    expect(inlined.material).toBe(plain);
    expect(reads).toEqual([]);
  });
});
