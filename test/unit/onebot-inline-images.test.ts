/**
 * Decoding a OneBot `base64://` image: strict base64 (whitespace and missing padding tolerated), the size
 * checked before decoding, and the bytes checked to be an accepted image.
 */
import { describe, expect, it } from 'vitest';
import { decodeInlineImage, isInlineImage } from '../../src/adapters/onebot/inline-images.js';

const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

describe('decodeInlineImage', () => {
  it('decodes an image, padded or not, with line breaks in the payload', () => {
    const payload = gif.toString('base64');
    expect(decodeInlineImage(`base64://${payload}`, 1024)).toEqual(gif);
    expect(decodeInlineImage(`base64://${payload.replace(/=+$/u, '')}`, 1024)).toEqual(gif);
    expect(decodeInlineImage(`base64://${payload.slice(0, 20)}\r\n${payload.slice(20)}`, 1024)).toEqual(gif);
  });

  it('refuses what is not base64, rather than decoding the valid characters in it', () => {
    expect(() => decodeInlineImage('base64://', 1024)).toThrow(/invalid url/u);
    expect(() => decodeInlineImage(`base64://${gif.toString('base64')}!`, 1024)).toThrow(/not base64/u);
    expect(() => decodeInlineImage('base64://R0lGO', 1024)).toThrow(/not base64/u);
  });

  it('refuses a payload over the limit before decoding it, and bytes that are no accepted image', () => {
    expect(() => decodeInlineImage(`base64://${'A'.repeat(4000)}`, 1024)).toThrow(/too large.*about 3000 bytes/u);
    expect(() => decodeInlineImage(`base64://${Buffer.from('<svg/>').toString('base64')}`, 1024)).toThrow(/not image/u);
  });

  it('tells inline images from URLs', () => {
    expect(isInlineImage('base64://QUJD')).toBe(true);
    expect(isInlineImage('https://q/a.jpg')).toBe(false);
  });
});
