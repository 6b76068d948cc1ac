/**
 * One message = one binary frame: a JSON header with the structured value, in which every
 * ArrayBuffer or typed array is replaced by a reference to a raw byte block that follows.
 * Layout: u32 LE header length | header UTF-8 | zero padding to 8 | blocks, each padded to 8.
 * Used by the web host; Electron IPC clones binary natively.
 */

const BIN_KEY = '__bin__';
const ALIGN = 8;

const VIEW_TYPES = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type ViewTypeName = keyof typeof VIEW_TYPES | 'ArrayBuffer';

interface BlockRef {
  readonly [BIN_KEY]: number;
  readonly type: ViewTypeName;
}

export class EnvelopeError extends Error {}

export function encodeEnvelope(value: unknown): Uint8Array {
  const blocks: Uint8Array[] = [];
  const json = JSON.stringify(value, function replacer(this: unknown, _key, v: unknown) {
    if (v instanceof ArrayBuffer) {
      blocks.push(new Uint8Array(v));
      return { [BIN_KEY]: blocks.length - 1, type: 'ArrayBuffer' } satisfies BlockRef;
    }
    if (ArrayBuffer.isView(v)) {
      const type = viewTypeName(v);
      blocks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return { [BIN_KEY]: blocks.length - 1, type } satisfies BlockRef;
    }
    return v;
  });
  const header = new TextEncoder().encode(JSON.stringify({ json, sizes: blocks.map((b) => b.byteLength) }));
  let total = align(4 + header.byteLength);
  for (const block of blocks) total += align(block.byteLength);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, header.byteLength, true);
  out.set(header, 4);
  let offset = align(4 + header.byteLength);
  for (const block of blocks) {
    out.set(block, offset);
    offset += align(block.byteLength);
  }
  return out;
}

/** Throws EnvelopeError for anything that is not a well-formed envelope. */
export function decodeEnvelope(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) throw new EnvelopeError('frame too short');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + headerLength > frame.byteLength) throw new EnvelopeError('header overruns frame');
  let header: { json?: unknown; sizes?: unknown };
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + headerLength))) as typeof header;
  } catch {
    throw new EnvelopeError('header is not JSON');
  }
  const { json, sizes } = header;
  if (typeof json !== 'string' || !Array.isArray(sizes) || !sizes.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new EnvelopeError('header has no json or sizes');
  }
  const buffers: ArrayBuffer[] = [];
  let offset = align(4 + headerLength);
  for (const size of sizes as number[]) {
    if (offset + size > frame.byteLength) throw new EnvelopeError('block overruns frame');
    // Copy so each block is its own aligned ArrayBuffer (typed arrays need alignment).
    buffers.push(frame.slice(offset, offset + size).buffer);
    offset += align(size);
  }
  try {
    return JSON.parse(json, (_key, v: unknown) => (isBlockRef(v) ? revive(v, buffers) : v));
  } catch (error) {
    throw error instanceof EnvelopeError ? error : new EnvelopeError('body is not JSON');
  }
}

function revive(ref: BlockRef, buffers: ArrayBuffer[]): ArrayBuffer | ArrayBufferView {
  const buffer = buffers[ref[BIN_KEY]];
  if (buffer === undefined) throw new EnvelopeError(`missing block ${ref[BIN_KEY]}`);
  if (ref.type === 'ArrayBuffer') return buffer;
  const View = VIEW_TYPES[ref.type];
  if (View === undefined || buffer.byteLength % View.BYTES_PER_ELEMENT !== 0) throw new EnvelopeError('bad block type');
  return new View(buffer);
}

function isBlockRef(v: unknown): v is BlockRef {
  return typeof v === 'object' && v !== null && BIN_KEY in v && Number.isInteger((v as BlockRef)[BIN_KEY]);
}

function viewTypeName(view: ArrayBufferView): ViewTypeName {
  for (const [name, View] of Object.entries(VIEW_TYPES)) {
    if (view instanceof View) return name as ViewTypeName;
  }
  throw new EnvelopeError(`unsupported binary view ${view.constructor.name}`);
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
