/**
 * Embeddings as stored: unit vectors in IEEE float16, little-endian (2 bytes a dimension, half of float32 and
 * far less than JSON). Similarity is the cosine of the stored vector with the query; the brute-force
 * reference and the index compute it the same way, on the same bytes.
 */
import { fromFloat16Bits, toFloat16Bits } from '../debounce/training/float16.js';

/** Every float16 bit pattern's value, for decoding in hot loops. */
export const halfToFloat = new Float32Array(65_536);
for (let bits = 0; bits < 65_536; bits += 1) halfToFloat[bits] = fromFloat16Bits(bits);

/** Scales `vector` to unit length (a zero vector stays zero); pure. */
export function normalize(vector: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let index = 0; index < vector.length; index += 1) sum += vector[index]! * vector[index]!;
  const norm = Math.sqrt(sum);
  const unit = new Float32Array(vector.length);
  if (norm === 0 || !Number.isFinite(norm)) return unit;
  for (let index = 0; index < vector.length; index += 1) unit[index] = vector[index]! / norm;
  return unit;
}

/** Encodes a vector as little-endian float16 bytes; pure. */
export function encodeVector(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 2);
  for (let index = 0; index < vector.length; index += 1) bytes.writeUInt16LE(toFloat16Bits(vector[index]!), index * 2);
  return bytes;
}

/** Decodes little-endian float16 bytes; pure. */
export function decodeVector(bytes: Uint8Array): Float32Array {
  const vector = new Float32Array(bytes.length >> 1);
  for (let index = 0; index < vector.length; index += 1) vector[index] = halfToFloat[bytes[index * 2]! | (bytes[index * 2 + 1]! << 8)]!;
  return vector;
}

/** Cosine similarity of two vectors of the same dimension (0 when either is zero); pure. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index += 1) {
    dot += a[index]! * b[index]!;
    normA += a[index]! * a[index]!;
    normB += b[index]! * b[index]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
