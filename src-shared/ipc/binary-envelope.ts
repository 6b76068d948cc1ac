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

/**
 * The envelope as its parts, in order: the length and header (padded), then each block as it is
 * (the caller's bytes, not a copy) followed by its padding. Sent as the fragments of one
 * WebSocket message, a large block (a preview frame) goes out without being copied into a new
 * buffer first; `encodeEnvelope` joins the same parts.
 */
export function encodeEnvelopeParts(value: unknown): Uint8Array[] {
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
  const head = new Uint8Array(align(4 + header.byteLength));
  new DataView(head.buffer).setUint32(0, header.byteLength, true);
  head.set(header, 4);
  const parts: Uint8Array[] = [head];
  for (const block of blocks) {
    if (block.byteLength > 0) parts.push(block);
    const padding = align(block.byteLength) - block.byteLength;
    if (padding > 0) parts.push(new Uint8Array(padding));
  }
  return parts;
}

export function encodeEnvelope(value: unknown): Uint8Array {
  const parts = encodeEnvelopeParts(value);
  const out = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

export interface DecodeOptions {
  /**
   * Typed-array blocks become views into `frame` instead of copies: only for a frame the caller
   * owns whole (a WebSocket message's own ArrayBuffer, at offset 0), never for a pooled or reused
   * buffer. ArrayBuffer blocks are always copied.
   */
  readonly viewsIntoFrame?: boolean;
}

/** Throws EnvelopeError for anything that is not a well-formed envelope. */
export function decodeEnvelope(frame: Uint8Array, options: DecodeOptions = {}): unknown {
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
  // Views keep their alignment only where the frame itself starts on an 8-byte boundary.
  const views = options.viewsIntoFrame === true && frame.byteOffset % ALIGN === 0;
  const blocks: Uint8Array[] = [];
  let offset = align(4 + headerLength);
  for (const size of sizes as number[]) {
    if (offset + size > frame.byteLength) throw new EnvelopeError('block overruns frame');
    // A copy is its own aligned ArrayBuffer; a view is aligned by the padding before each block.
    blocks.push(views ? frame.subarray(offset, offset + size) : frame.slice(offset, offset + size));
    offset += align(size);
  }
  try {
    return JSON.parse(json, (_key, v: unknown) => (isBlockRef(v) ? revive(v, blocks) : v));
  } catch (error) {
    throw error instanceof EnvelopeError ? error : new EnvelopeError('body is not JSON');
  }
}

function revive(ref: BlockRef, blocks: Uint8Array[]): ArrayBuffer | ArrayBufferView {
  const block = blocks[ref[BIN_KEY]];
  if (block === undefined) throw new EnvelopeError(`missing block ${ref[BIN_KEY]}`);
  if (ref.type === 'ArrayBuffer') {
    const { buffer } = block;
    return buffer instanceof ArrayBuffer && block.byteOffset === 0 && block.byteLength === buffer.byteLength ? buffer : block.slice().buffer;
  }
  const View = VIEW_TYPES[ref.type];
  if (View === undefined || block.byteLength % View.BYTES_PER_ELEMENT !== 0) throw new EnvelopeError('bad block type');
  // Frames are never shared memory: socket messages and copies are plain ArrayBuffers.
  return new View(block.buffer as ArrayBuffer, block.byteOffset, block.byteLength / View.BYTES_PER_ELEMENT);
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
