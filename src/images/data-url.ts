/**
 * `data:` image URLs, as some platforms send inline pictures. The payload is size-checked before it is
 * decoded, so a huge inline image costs nothing. Pure.
 */
import { ImageFetchError } from './image-errors.js';

/** The bytes of a `data:` URL whose media type is an image (or absent), at most `maxBytes`; pure. */
export function decodeDataUrl(url: string, maxBytes: number): Buffer {
  const comma = url.indexOf(',');
  if (!url.toLowerCase().startsWith('data:') || comma < 0) throw new ImageFetchError('invalid_url', 'a data: URL needs a comma before its payload');
  const header = url.slice(5, comma).toLowerCase();
  const payload = url.slice(comma + 1);
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim());
  if (mediaType !== '' && !mediaType.startsWith('image/')) throw new ImageFetchError('not_image', `data: URL of type ${mediaType}`);
  const base64 = parameters.includes('base64');
  const estimate = base64 ? Math.floor((payload.replace(/[\s=]/g, '').length * 3) / 4) : payload.length;
  if (estimate > maxBytes) throw new ImageFetchError('too_large', `data: URL of about ${estimate} bytes, over the ${maxBytes}-byte limit`);
  const bytes = base64 ? Buffer.from(payload, 'base64') : percentDecode(payload);
  if (bytes.length > maxBytes) throw new ImageFetchError('too_large', `data: URL of ${bytes.length} bytes, over the ${maxBytes}-byte limit`);
  return bytes;
}

/** Decodes a percent-encoded payload to bytes; characters outside Latin-1 are refused. */
function percentDecode(payload: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < payload.length; index += 1) {
    const code = payload.charCodeAt(index);
    if (code === 0x25 && /^[0-9a-f]{2}$/i.test(payload.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(payload.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (code <= 0xff) bytes.push(code);
    else throw new ImageFetchError('invalid_url', 'the data: URL payload is neither base64 nor percent-encoded bytes');
  }
  return Buffer.from(bytes);
}
