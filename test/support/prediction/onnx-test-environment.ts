import { TestEnvironment } from 'jest-environment-node';

// onnxruntime-node makes its output tensors' typed arrays in Node's own realm, and onnxruntime-common
// checks them with `instanceof` against the test's realm, where Jest gives each test file fresh
// constructors: every output would be refused. Jest shares Uint8Array and ArrayBuffer for the same
// reason (Buffer); this shares the other typed arrays too.
const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

/** The Node test environment with Node's own typed arrays, for specs that run onnxruntime-node. */
export default class OnnxTestEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name] as never;
  }
}
