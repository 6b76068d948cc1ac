/**
 * A minimal ONNX ModelProto writer, so tests can build small real models without Python or the `onnx`
 * package. It encodes only the fields listed below (field numbers from onnx/onnx.proto3); everything
 * else keeps its protobuf default.
 *
 * ModelProto: ir_version=1, producer_name=2, graph=7, opset_import=8 (domain=1, version=2).
 * GraphProto: node=1, name=2, initializer=5, input=11, output=12.
 * NodeProto: input=1, output=2, name=3, op_type=4, attribute=5.
 * AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, type=20.
 * TensorProto: dims=1, data_type=2, name=8, raw_data=9 (little-endian).
 * ValueInfoProto: name=1, type=2 -> TypeProto.tensor_type=1 -> elem_type=1, shape=2 -> dim=1 -> dim_value=1 | dim_param=2.
 */

/** Element types a graph input/output may have. `float16` I/O is cast to float32 at the graph edge. */
export type OnnxElemType = 'float32' | 'float16' | 'int64';

/** A dimension: a fixed size, or a symbolic name (dim_param) for a size that varies per call. */
export type OnnxDim = number | string;

const ELEM_TYPE_CODE: Record<OnnxElemType, number> = { float32: 1, int64: 7, float16: 10 };

/** TensorProto.DataType codes, for the `to` attribute of Cast. */
export const ONNX_DATA_TYPE = { FLOAT: 1, INT64: 7, FLOAT16: 10 } as const;

/** An attribute value, tagged so 1 (INT) and 1.0 (FLOAT) cannot be confused. */
export type OnnxAttr =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'floats'; value: readonly number[] }
  | { kind: 'ints'; value: readonly number[] };

/** Constructors for {@link OnnxAttr}: `attr.ints([1, 1])`, `attr.float(0.5)`. */
export const attr = {
  float: (value: number): OnnxAttr => ({ kind: 'float', value }),
  int: (value: number): OnnxAttr => ({ kind: 'int', value }),
  string: (value: string): OnnxAttr => ({ kind: 'string', value }),
  floats: (value: readonly number[]): OnnxAttr => ({ kind: 'floats', value }),
  ints: (value: readonly number[]): OnnxAttr => ({ kind: 'ints', value }),
};

// AttributeProto.AttributeType codes.
const ATTR_TYPE = { float: 1, int: 2, string: 3, floats: 6, ints: 7 } as const;

/** Protobuf wire-format writer: varints, length-delimited fields and fixed32 floats. */
class ProtoWriter {
  private readonly chunks: number[] = [];

  /** Any int64 (negative values take 10 bytes, two's complement), as protobuf requires. */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  private tag(field: number, wireType: 0 | 2 | 5): this {
    return this.varint((field << 3) | wireType);
  }

  int(field: number, value: number | bigint): this {
    return this.tag(field, 0).varint(value);
  }

  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.chunks.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  float(field: number, value: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.tag(field, 5);
    for (const x of b) this.chunks.push(x);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

interface NodeSpec { opType: string; inputs: string[]; outputs: string[]; attrs: Record<string, OnnxAttr> }
interface ValueSpec { name: string; elemType: OnnxElemType; shape: readonly OnnxDim[] }
interface InitSpec { name: string; data: Float32Array | BigInt64Array; dims: readonly number[] }

/**
 * Builds one graph. Values are referred to by name; `op` returns generated output names, so a graph reads
 * like straight-line code: `const y = g.op('MatMul', [x, w])`.
 */
export class GraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly inputs: ValueSpec[] = [];
  private readonly outputs: ValueSpec[] = [];
  private readonly inits: InitSpec[] = [];
  private counter = 0;

  constructor(readonly name = 'graph') {}

  private fresh(hint: string): string {
    this.counter += 1;
    return `${hint}_${this.counter}`;
  }

  /**
   * Declares a graph input; returns the name of its float32 (or int64) value inside the graph.
   * A float16 input gets a Cast to float32 so the graph body is the same for either I/O type.
   */
  input(name: string, elemType: OnnxElemType, shape: readonly OnnxDim[]): string {
    this.inputs.push({ name, elemType, shape });
    if (elemType !== 'float16') return name;
    return this.op('Cast', [name], { to: attr.int(ONNX_DATA_TYPE.FLOAT) });
  }

  /** Declares graph output `name` carrying `value` (a float32 or int64 value of the graph body). */
  output(name: string, elemType: OnnxElemType, shape: readonly OnnxDim[], value: string): void {
    if (elemType === 'float16') this.nodes.push({ opType: 'Cast', inputs: [value], outputs: [name], attrs: { to: attr.int(ONNX_DATA_TYPE.FLOAT16) } });
    else if (value !== name) this.nodes.push({ opType: 'Identity', inputs: [value], outputs: [name], attrs: {} });
    this.outputs.push({ name, elemType, shape });
  }

  /** A named constant tensor (weights use float32; shapes and indices use int64). */
  initializer(name: string, data: Float32Array | BigInt64Array, dims: readonly number[]): string {
    const count = dims.reduce((a, b) => a * b, 1);
    if (count !== data.length) throw new Error(`initializer ${name}: ${data.length} values for dims [${dims.join(',')}]`);
    if (this.inits.some((i) => i.name === name)) throw new Error(`initializer ${name} declared twice`);
    this.inits.push({ name, data, dims });
    return name;
  }

  /** An int64 constant (shapes, axes, slice bounds); 1-D unless `dims` says otherwise. */
  int64(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.initializer(this.fresh('i64'), BigInt64Array.from(values, (v) => BigInt(v)), dims);
  }

  /** A float32 scalar-like constant of shape [1] (broadcasts against anything). */
  scalar(value: number): string {
    return this.initializer(this.fresh('f32'), Float32Array.of(value), [1]);
  }

  /** Adds a node with one output and returns that output's name. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, OnnxAttr> = {}): string {
    const out = this.fresh(opType.toLowerCase());
    this.nodes.push({ opType, inputs: [...inputs], outputs: [out], attrs });
    return out;
  }

  /** Encodes the GraphProto (used by serializeModel). */
  encode(w: ProtoWriter): void {
    this.nodes.forEach((n, index) => w.message(1, (m) => encodeNode(m, n, `${n.opType}_${index}`)));
    w.string(2, this.name);
    for (const t of this.inits) w.message(5, (m) => encodeTensor(m, t));
    for (const v of this.inputs) w.message(11, (m) => encodeValueInfo(m, v));
    for (const v of this.outputs) w.message(12, (m) => encodeValueInfo(m, v));
  }
}

function encodeNode(w: ProtoWriter, n: NodeSpec, name: string): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, name);
  w.string(4, n.opType);
  for (const [key, a] of Object.entries(n.attrs)) w.message(5, (m) => encodeAttr(m, key, a));
}

function encodeAttr(w: ProtoWriter, name: string, a: OnnxAttr): void {
  w.string(1, name);
  switch (a.kind) {
    case 'float': w.float(2, a.value); break;
    case 'int': w.int(3, a.value); break;
    case 'string': w.string(4, a.value); break;
    case 'floats': for (const v of a.value) w.float(7, v); break;
    case 'ints': for (const v of a.value) w.int(8, v); break;
    default: assertNever(a);
  }
  w.int(20, ATTR_TYPE[a.kind]);
}

function encodeTensor(w: ProtoWriter, t: InitSpec): void {
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.data instanceof Float32Array ? ONNX_DATA_TYPE.FLOAT : ONNX_DATA_TYPE.INT64);
  w.string(8, t.name);
  // raw_data is little-endian; typed arrays are host-endian, which is little-endian on every platform we run.
  w.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

function encodeValueInfo(w: ProtoWriter, v: ValueSpec): void {
  w.string(1, v.name);
  w.message(2, (type) => type.message(1, (tensor) => {
    tensor.int(1, ELEM_TYPE_CODE[v.elemType]);
    tensor.message(2, (shape) => {
      for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
    });
  }));
}

function assertNever(x: never): never {
  throw new Error(`unexpected attribute ${JSON.stringify(x)}`);
}

/** Serialises `graph` as a ModelProto: IR version 8, default-domain opset 17. */
export function serializeModel(graph: GraphBuilder, producerName = 'aniportrait-studio-tests'): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, 8);
  w.string(2, producerName);
  w.message(7, (m) => graph.encode(m));
  w.message(8, (m) => m.string(1, '').int(2, 17));
  return w.finish();
}
