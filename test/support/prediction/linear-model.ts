import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** y = x·W + b for x of `features` columns, as a tiny ONNX model (MatMul, Add) built in memory. */
export function linearModel(weights: readonly (readonly number[])[], bias: readonly number[]): Buffer {
  const features = weights.length;
  const outputs = bias.length;
  const float = onnx.TensorProto.DataType.FLOAT;
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'linear',
      node: [
        { opType: 'MatMul', input: ['x', 'W'], output: ['xw'] },
        { opType: 'Add', input: ['xw', 'b'], output: ['y'] },
      ],
      initializer: [
        { name: 'W', dataType: float, dims: [features, outputs], floatData: weights.flat() },
        { name: 'b', dataType: float, dims: [outputs], floatData: [...bias] },
      ],
      input: [
        {
          name: 'x',
          type: { tensorType: { elemType: float, shape: { dim: [{ dimParam: 'rows' }, { dimValue: features }] } } },
        },
      ],
      output: [
        {
          name: 'y',
          type: { tensorType: { elemType: float, shape: { dim: [{ dimParam: 'rows' }, { dimValue: outputs }] } } },
        },
      ],
    },
  });
  return Buffer.from(onnx.ModelProto.encode(model).finish());
}

/** The model the specs use: W = [[1, 2], [3, 4], [5, 6]], b = [0.5, -1]. */
export const LINEAR_WEIGHTS = [
  [1, 2],
  [3, 4],
  [5, 6],
] as const;
export const LINEAR_BIAS = [0.5, -1] as const;

/**
 * y = (x·W1)·W2 + b, two MatMuls through a hidden width of W1's columns: a model whose weights, not
 * its inputs, make its cost, as in real networks (the micro-batching bench's model).
 */
export function twoLayerModel(
  first: readonly (readonly number[])[],
  second: readonly (readonly number[])[],
  bias: readonly number[],
): Buffer {
  const [features, hidden, outputs] = [first.length, second.length, bias.length];
  const float = onnx.TensorProto.DataType.FLOAT;
  const rows = (size: number) => ({ dim: [{ dimParam: 'rows' }, { dimValue: size }] });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'two-layer',
      node: [
        { opType: 'MatMul', input: ['x', 'W1'], output: ['h'] },
        { opType: 'MatMul', input: ['h', 'W2'], output: ['hw'] },
        { opType: 'Add', input: ['hw', 'b'], output: ['y'] },
      ],
      initializer: [
        { name: 'W1', dataType: float, dims: [features, hidden], floatData: first.flat() },
        { name: 'W2', dataType: float, dims: [hidden, outputs], floatData: second.flat() },
        { name: 'b', dataType: float, dims: [outputs], floatData: [...bias] },
      ],
      input: [{ name: 'x', type: { tensorType: { elemType: float, shape: rows(features) } } }],
      output: [{ name: 'y', type: { tensorType: { elemType: float, shape: rows(outputs) } } }],
    },
  });
  return Buffer.from(onnx.ModelProto.encode(model).finish());
}
