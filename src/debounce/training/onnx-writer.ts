/**
 * Writes the completeness network as an ONNX model (IR 8, opset 17) with protobufjs: the mean of one or more
 * member networks of `model-weights.ts` (an ensemble), each embedding table stored as int8 rows with a
 * float16 scale per row (`int8-rows.ts`), every other tensor as float32. For each member k:
 *
 *   ids [batch, n] int64 ─Gather(mk_embedding i8)─Cast─▶ [batch, n, E] ─┐
 *   ids ─Gather(mk_scale f16 [rows, 1])─Cast─Mul(weights [batch, n, 1])──┴Mul─ReduceSum(axis 1)─▶ pooled
 *   pooled ─Gemm(W1, b1)─Relu─▶ hidden;  Concat(hidden, pooled) ─Gemm(w2, b2)─Sigmoid─▶ mk_probability
 *
 * and probability [batch, 1] = Mean(m0_probability, m1_probability, …).
 */
import { quantizeRows } from './int8-rows.js';
import type { ModelWeights } from './model-weights.js';
import { graphNames as onnxNames } from '../model-files.js';
import { modelProtoType, onnxAttributeType, onnxDataType } from './onnx-schema.js';

const irVersion = 8;
const opsetVersion = 17;

type Attribute = { name: string; type: number; i?: number; ints?: number[] };

function node(opType: string, inputs: string[], output: string, attribute: Attribute[] = []) {
  return { op_type: opType, name: output, input: inputs, output: [output], attribute };
}

// ONNX raw_data is little-endian, as typed arrays are on every host kizuna targets (x64, arm64).
function rawTensor(name: string, dims: number[], dataType: number, values: ArrayBufferView) {
  const raw = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  return { name, dims, data_type: dataType, raw_data: raw };
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  const dim = dims.map((value) => (typeof value === 'number' ? { dim_value: value } : { dim_param: value }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

const toFloat = [{ name: 'to', type: onnxAttributeType.int, i: onnxDataType.float }];

function memberNodes(prefix: string) {
  const name = (part: string) => `${prefix}${part}`;
  return [
    node('Gather', [name('embedding'), onnxNames.ids], name('gathered_i8'), [{ name: 'axis', type: onnxAttributeType.int, i: 0 }]),
    node('Cast', [name('gathered_i8')], name('gathered'), toFloat),
    node('Gather', [name('scale'), onnxNames.ids], name('row_scale_f16'), [{ name: 'axis', type: onnxAttributeType.int, i: 0 }]),
    node('Cast', [name('row_scale_f16')], name('row_scale'), toFloat),
    node('Mul', [name('row_scale'), onnxNames.weights], name('scaled_weights')),
    node('Mul', [name('gathered'), name('scaled_weights')], name('weighted')),
    node('ReduceSum', [name('weighted'), 'pool_axes'], name('pooled'), [{ name: 'keepdims', type: onnxAttributeType.int, i: 0 }]),
    node('Gemm', [name('pooled'), name('hidden_weights'), name('hidden_bias')], name('hidden_linear')),
    node('Relu', [name('hidden_linear')], name('hidden')),
    node('Concat', [name('hidden'), name('pooled')], name('joint'), [{ name: 'axis', type: onnxAttributeType.int, i: 1 }]),
    node('Gemm', [name('joint'), name('output_weights'), name('output_bias')], name('logit')),
    node('Sigmoid', [name('logit')], name('probability')),
  ];
}

function memberInitializers(prefix: string, weights: ModelWeights) {
  const { bucketCount, embeddingSize, hiddenSize } = weights;
  const quantized = quantizeRows(weights.embedding, embeddingSize);
  return [
    rawTensor(`${prefix}embedding`, [bucketCount, embeddingSize], onnxDataType.int8, quantized.values),
    rawTensor(`${prefix}scale`, [bucketCount, 1], onnxDataType.float16, quantized.scaleBits),
    rawTensor(`${prefix}hidden_weights`, [embeddingSize, hiddenSize], onnxDataType.float, weights.hiddenWeights),
    rawTensor(`${prefix}hidden_bias`, [hiddenSize], onnxDataType.float, weights.hiddenBias),
    rawTensor(`${prefix}output_weights`, [hiddenSize + embeddingSize, 1], onnxDataType.float, weights.outputWeights),
    rawTensor(`${prefix}output_bias`, [1], onnxDataType.float, weights.outputBias),
  ];
}

/** Serializes the ensemble `members` to ONNX bytes; rounds each embedding table in place to its stored int8 values. */
export function writeOnnxModel(members: readonly ModelWeights[], metadata: Record<string, string>): Uint8Array {
  if (members.length === 0) throw new Error('writeOnnxModel: an ensemble needs at least one member');
  const prefixes = members.map((_, index) => `m${index}_`);
  const model = {
    ir_version: irVersion,
    producer_name: 'kizuna',
    producer_version: metadata.featureVersion ?? '',
    opset_import: [{ domain: '', version: opsetVersion }],
    metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: 'completeness',
      node: [...prefixes.flatMap(memberNodes), node('Mean', prefixes.map((prefix) => `${prefix}probability`), onnxNames.probability)],
      initializer: [
        rawTensor('pool_axes', [1], onnxDataType.int64, new BigInt64Array([1n])),
        ...members.flatMap((weights, index) => memberInitializers(prefixes[index]!, weights)),
      ],
      input: [
        valueInfo(onnxNames.ids, onnxDataType.int64, ['batch', 'features']),
        valueInfo(onnxNames.weights, onnxDataType.float, ['batch', 'features', 1]),
      ],
      output: [valueInfo(onnxNames.probability, onnxDataType.float, ['batch', 1])],
    },
  };
  return modelProtoType.encode(modelProtoType.fromObject(model)).finish();
}
