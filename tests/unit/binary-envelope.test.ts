// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, encodeEnvelopeParts, EnvelopeError } from '../../src-shared/ipc/binary-envelope.js';

describe('binary envelope', () => {
  it('round-trips structured values with ArrayBuffers and typed arrays as raw bytes', () => {
    const pcm = Float32Array.from([0.5, -0.25, 1]);
    const frame = new Uint8Array([1, 2, 3, 4, 5]);
    const view = new Float64Array([1, 2, 3, 4]).subarray(1, 3); // an offset view
    const value = { kind: 'call', callId: 7, request: { pcm, nested: [{ frame }], raw: frame.buffer, view, text: 'é' } };
    const encoded = encodeEnvelope(value);
    // Bulk bytes are not inflated into JSON numbers.
    expect(encoded.byteLength).toBeLessThan(400);
    const decoded = decodeEnvelope(encoded) as typeof value;
    expect(decoded.request.pcm).toBeInstanceOf(Float32Array);
    expect([...decoded.request.pcm]).toEqual([0.5, -0.25, 1]);
    expect(decoded.request.nested[0].frame).toBeInstanceOf(Uint8Array);
    expect([...decoded.request.nested[0].frame]).toEqual([1, 2, 3, 4, 5]);
    expect(decoded.request.raw).toBeInstanceOf(ArrayBuffer);
    expect([...decoded.request.view]).toEqual([2, 3]);
    expect(decoded.request.text).toBe('é');
  });

  it('rejects truncated, garbage and lying frames with EnvelopeError', () => {
    const good = encodeEnvelope({ a: new Float32Array(100) });
    expect(() => decodeEnvelope(good.subarray(0, good.byteLength - 200))).toThrow(EnvelopeError);
    expect(() => decodeEnvelope(new Uint8Array([1, 2]))).toThrow(EnvelopeError);
    expect(() => decodeEnvelope(new Uint8Array([255, 255, 255, 0, 1, 2, 3, 4]))).toThrow(EnvelopeError);
    const notJson = new Uint8Array(16);
    new DataView(notJson.buffer).setUint32(0, 4, true);
    notJson.set([123, 123, 123, 123], 4);
    expect(() => decodeEnvelope(notJson)).toThrow(EnvelopeError);
  });

  it('sends large blocks as parts without copying them, and the parts join into the same envelope', () => {
    const rgba = new Uint8Array(448 * 448 * 4).map((_, i) => i % 251);
    const value = { kind: 'result', callId: 3, result: { ok: true, value: { widthPx: 448, rgba, odd: new Uint8Array([9, 8, 7]) } } };
    const parts = encodeEnvelopeParts(value);
    // The pixels are the caller's own bytes, not a copy.
    expect(parts.some((part) => part.buffer === rgba.buffer)).toBe(true);
    const joined = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.byteLength;
    }
    expect(joined).toEqual(encodeEnvelope(value));
  });

  it('decodes typed arrays as views into a frame the caller owns, and as copies otherwise', () => {
    const pcm = Float32Array.from([0.5, -0.25, 1]);
    const encoded = encodeEnvelope({ pcm, bytes: new Uint8Array([1, 2, 3]), raw: new Uint8Array([4, 5]).buffer });
    const viewed = decodeEnvelope(encoded, { viewsIntoFrame: true }) as { pcm: Float32Array; bytes: Uint8Array; raw: ArrayBuffer };
    expect(viewed.pcm.buffer).toBe(encoded.buffer);
    expect([...viewed.pcm]).toEqual([0.5, -0.25, 1]);
    expect([...viewed.bytes]).toEqual([1, 2, 3]);
    // An ArrayBuffer cannot be a view: it is always its own copy.
    expect(viewed.raw).not.toBe(encoded.buffer);
    expect([...new Uint8Array(viewed.raw)]).toEqual([4, 5]);
    const copied = decodeEnvelope(encoded) as { pcm: Float32Array };
    expect(copied.pcm.buffer).not.toBe(encoded.buffer);
    // A frame that does not start on an 8-byte boundary gets copies (typed arrays need alignment).
    const shifted = new Uint8Array(encoded.byteLength + 4);
    shifted.set(encoded, 4);
    const unaligned = decodeEnvelope(shifted.subarray(4), { viewsIntoFrame: true }) as { pcm: Float32Array };
    expect(unaligned.pcm.buffer).not.toBe(shifted.buffer);
    expect([...unaligned.pcm]).toEqual([0.5, -0.25, 1]);
  });
});
