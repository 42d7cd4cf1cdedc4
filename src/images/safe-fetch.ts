/**
 * Downloads an image from a URL someone posted in a chat, safely: one deadline for the whole download
 * (redirects and body included), a size limit enforced while streaming, image types only (the declared
 * content type and the magic bytes must agree), redirects followed by hand with the same checks at every
 * hop, and no private or special-purpose address unless the operator allows them. Returns the bytes and
 * their sha256, the image's identity whatever URL it came from.
 */
import { createHash } from 'node:crypto';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { decodeDataUrl } from './data-url.js';
import { pinnedLookup, type Resolver, resolveAllowed, systemResolver } from './guarded-lookup.js';
import { ImageFetchError } from './image-errors.js';
import { type RasterImageType, sniffRasterType } from './image-type.js';

export interface SafeFetchOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Deadline of the whole download, in milliseconds. */
  timeoutMs: number;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** Allow loopback, private and other special-purpose addresses (tests, trusted networks). */
  allowPrivateHosts: boolean;
  /** Host names or address literals allowed whatever their address (an internal image proxy). */
  allowedHosts?: readonly string[];
  signal?: AbortSignal;
  /** Host name resolution (the system resolver unless set). */
  resolver?: Resolver;
}

export interface FetchedImage {
  bytes: Buffer;
  /** The type the magic bytes announce. */
  contentType: RasterImageType;
  /** Hex sha256 of the bytes: the image's identity. */
  sha256: string;
  /** The URL the bytes came from, after redirects. */
  url: string;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
// Servers that do not know what they hold say one of these; the magic bytes decide then.
const undeclaredTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** Fetches and checks the image at `url` (`http:`, `https:` or `data:`); throws ImageFetchError. Performs I/O. */
export async function fetchImage(url: string, options: SafeFetchOptions): Promise<FetchedImage> {
  if (url.toLowerCase().startsWith('data:')) return checked(decodeDataUrl(url, options.maxBytes), url);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal]);
  try {
    let current = parseHttpUrl(url);
    for (let hop = 0; ; hop += 1) {
      const response = await get(current, options, signal);
      const location = response.headers.location;
      if (redirectStatuses.has(response.statusCode ?? 0) && location !== undefined) {
        response.destroy();
        if (hop >= options.maxRedirects) throw new ImageFetchError('too_many_redirects', `more than ${options.maxRedirects} redirects from ${url}`);
        current = parseHttpUrl(location, current);
        continue;
      }
      return checked(await readBody(response, options.maxBytes, current), current.href);
    }
  } catch (error) {
    if (deadline.signal.aborted) throw new ImageFetchError('timeout', `no complete image within ${options.timeoutMs} ms from ${url}`, { cause: error });
    if (error instanceof ImageFetchError) throw error;
    throw new ImageFetchError('connection', `${url}: ${(error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new ImageFetchError('invalid_url', `not a URL: ${text.slice(0, 200)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImageFetchError('invalid_url', `${url.protocol} URLs are not fetched${base === undefined ? '' : ' (redirect)'}`);
  }
  return url;
}

/** One GET to an address checked just before connecting; resolves with the response head. */
async function get(url: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  // getaddrinfo cannot be cancelled; the deadline stops waiting for it all the same.
  const addresses = await untilAborted(resolveAllowed(url.hostname, options.resolver ?? systemResolver, options), signal);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'GET',
      headers: { accept: 'image/*', 'user-agent': 'kizuna-image-fetch' },
      lookup: pinnedLookup(addresses),
      agent: false,
      signal,
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

/** Settles like `promise`, or rejects once `signal` aborts, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Reads the body of a final response, refusing errors, non-images and anything over `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.destroy();
    throw new ImageFetchError('http_status', `HTTP ${status} from ${url.href}`, { status });
  }
  const declared = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!declared.startsWith('image/') && !undeclaredTypes.has(declared)) {
    response.destroy();
    throw new ImageFetchError('not_image', `${url.href} is ${declared}`);
  }
  const length = Number(response.headers['content-length'] ?? Number.NaN);
  if (length > maxBytes) {
    response.destroy();
    throw new ImageFetchError('too_large', `${url.href} announces ${length} bytes, over the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.destroy();
      throw new ImageFetchError('too_large', `${url.href} sent more than the ${maxBytes}-byte limit`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}

function checked(bytes: Buffer, url: string): FetchedImage {
  const contentType = sniffRasterType(bytes);
  const where = url.startsWith('data:') ? 'the data: URL' : url;
  if (contentType === null) throw new ImageFetchError('not_image', `${where} does not hold a PNG, JPEG, GIF, WebP, AVIF, HEIC or TIFF image`);
  return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex'), url };
}
