/**
 * A minimal protobuf wire-format reader: enough to read MediaPipe's geometry metadata without a
 * protobuf dependency. Fields come back as (fieldNumber, wireType, value) in file order.
 */
export type ProtoField =
  | { readonly field: number; readonly wire: 0; readonly value: number }
  | { readonly field: number; readonly wire: 1; readonly bytes: Uint8Array }
  | { readonly field: number; readonly wire: 2; readonly bytes: Uint8Array }
  | { readonly field: number; readonly wire: 5; readonly bytes: Uint8Array };

export function readProtoFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (offset >= bytes.length) throw new Error('protobuf: truncated varint');
      const byte = bytes[offset++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new Error('protobuf: varint too long');
    }
  };
  const take = (length: number): Uint8Array => {
    if (offset + length > bytes.length) throw new Error('protobuf: field overruns message');
    const out = bytes.subarray(offset, offset + length);
    offset += length;
    return out;
  };
  while (offset < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) fields.push({ field, wire, value: varint() });
    else if (wire === 1) fields.push({ field, wire, bytes: take(8) });
    else if (wire === 2) fields.push({ field, wire, bytes: take(varint()) });
    else if (wire === 5) fields.push({ field, wire, bytes: take(4) });
    else throw new Error(`protobuf: unsupported wire type ${wire}`);
  }
  return fields;
}

/** A float32 from a wire-type-5 field, or every float of a packed repeated float field. */
export function protoFloats(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(copy.length / 4));
}

/** Every varint of a packed repeated integer field. */
export function protoPackedVarints(bytes: Uint8Array): number[] {
  return readProtoFields(wrapPacked(bytes)).map((f) => (f.wire === 0 ? f.value : NaN));
}

/** Re-frames packed varints as field-1 varints so the field reader can walk them. */
function wrapPacked(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    out.push(0x08);
    do out.push(bytes[i]);
    while (bytes[i++] & 0x80 && i < bytes.length);
  }
  return Uint8Array.from(out);
}
