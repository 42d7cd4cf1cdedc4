/**
 * Reads a request body, refusing more than `limit` bytes before buffering them: as bytes (image uploads)
 * or as JSON (everything else).
 */
import type { IncomingMessage } from 'node:http';
import { InvalidInputError, RuntimeError } from '../errors.js';

/** Reads the raw body; throws payload_too_large past `limit` bytes. Performs I/O. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses the JSON body; throws payload_too_large or InvalidInputError. Performs I/O. */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readBody(request, limit)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidInputError('body', 'is not valid JSON');
  }
}

function tooLarge(limit: number): RuntimeError {
  return new RuntimeError('payload_too_large', `body exceeds ${limit} bytes`);
}
