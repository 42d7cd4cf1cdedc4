/**
 * Row-wise int8 quantization of an embedding table: each row is stored as int8 values and one float16 scale
 * (max |value| / 127), a quarter of the float32 size. The trainer rounds its final table through it, so the
 * TypeScript reference and the ONNX graph compute with the same values.
 */
import { fromFloat16Bits, toFloat16Bits } from './float16.js';

/** A quantized table: `values` row-major int8, `scaleBits` one float16 bit pattern per row. */
export interface Int8Rows {
  readonly values: Int8Array;
  readonly scaleBits: Uint16Array;
}

/** Quantizes `table` (rows of `width`) and rounds it in place to the values the quantized form stands for. */
export function quantizeRows(table: Float32Array, width: number): Int8Rows {
  const rows = table.length / width;
  const values = new Int8Array(table.length);
  const scaleBits = new Uint16Array(rows);
  for (let row = 0; row < rows; row += 1) {
    const offset = row * width;
    let largest = 0;
    for (let column = 0; column < width; column += 1) largest = Math.max(largest, Math.abs(table[offset + column]!));
    scaleBits[row] = toFloat16Bits(largest / 127);
    const scale = fromFloat16Bits(scaleBits[row]!);
    for (let column = 0; column < width; column += 1) {
      const quantized = scale === 0 ? 0 : Math.max(-127, Math.min(127, Math.round(table[offset + column]! / scale)));
      values[offset + column] = quantized;
      table[offset + column] = Math.fround(quantized * scale);
    }
  }
  return { values, scaleBits };
}
