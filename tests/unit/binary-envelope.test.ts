// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, EnvelopeError } from '../../src-shared/ipc/binary-envelope.js';

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
});
