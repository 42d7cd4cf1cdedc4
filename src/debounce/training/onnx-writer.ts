/**
 * Writes the completeness network as an ONNX model (IR 8, opset 17) with protobufjs: the graph of
 * `model-weights.ts`, with the embedding table stored as float16 and every other tensor as float32.
 *
 *   ids [batch, n] int64 ─Gather(embedding f16)─Cast─▶ [batch, n, E] ─Mul(weights [batch, n, 1])─ReduceSum(axis 1)─▶ pooled
 *   pooled ─Gemm(W1, b1)─Relu─▶ hidden;  Concat(hidden, pooled) ─Gemm(w2, b2)─Sigmoid─▶ probability [batch, 1]
 */
import { encodeFloat16 } from './float16.js';
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
function floatTensor(name: string, dims: number[], values: Float32Array) {
  const raw = new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  return { name, dims, data_type: onnxDataType.float, raw_data: raw };
}

function valueInfo(name: string, elemType: number, dims: Array<number | string>) {
  const dim = dims.map((value) => (typeof value === 'number' ? { dim_value: value } : { dim_param: value }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

function graphNodes() {
  return [
    node('Gather', ['embedding', onnxNames.ids], 'gathered_f16', [{ name: 'axis', type: onnxAttributeType.int, i: 0 }]),
    node('Cast', ['gathered_f16'], 'gathered', [{ name: 'to', type: onnxAttributeType.int, i: onnxDataType.float }]),
    node('Mul', ['gathered', onnxNames.weights], 'weighted'),
    node('ReduceSum', ['weighted', 'pool_axes'], 'pooled', [{ name: 'keepdims', type: onnxAttributeType.int, i: 0 }]),
    node('Gemm', ['pooled', 'hidden_weights', 'hidden_bias'], 'hidden_linear'),
    node('Relu', ['hidden_linear'], 'hidden'),
    node('Concat', ['hidden', 'pooled'], 'joint', [{ name: 'axis', type: onnxAttributeType.int, i: 1 }]),
    node('Gemm', ['joint', 'output_weights', 'output_bias'], 'logit'),
    node('Sigmoid', ['logit'], onnxNames.probability),
  ];
}

/** Serializes `weights` to ONNX bytes; rounds the embedding table in place to its stored float16 values. */
export function writeOnnxModel(weights: ModelWeights, metadata: Record<string, string>): Uint8Array {
  const { bucketCount, embeddingSize, hiddenSize } = weights;
  const initializer = [
    { name: 'embedding', dims: [bucketCount, embeddingSize], data_type: onnxDataType.float16, raw_data: encodeFloat16(weights.embedding) },
    { name: 'pool_axes', dims: [1], data_type: onnxDataType.int64, raw_data: new Uint8Array(new BigInt64Array([1n]).buffer) },
    floatTensor('hidden_weights', [embeddingSize, hiddenSize], weights.hiddenWeights),
    floatTensor('hidden_bias', [hiddenSize], weights.hiddenBias),
    floatTensor('output_weights', [hiddenSize + embeddingSize, 1], weights.outputWeights),
    floatTensor('output_bias', [1], weights.outputBias),
  ];
  const model = {
    ir_version: irVersion,
    producer_name: 'kizuna',
    producer_version: metadata.featureVersion ?? '',
    opset_import: [{ domain: '', version: opsetVersion }],
    metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: 'completeness',
      node: graphNodes(),
      initializer,
      input: [
        valueInfo(onnxNames.ids, onnxDataType.int64, ['batch', 'features']),
        valueInfo(onnxNames.weights, onnxDataType.float, ['batch', 'features', 1]),
      ],
      output: [valueInfo(onnxNames.probability, onnxDataType.float, ['batch', 1])],
    },
  };
  return modelProtoType.encode(modelProtoType.fromObject(model)).finish();
}
