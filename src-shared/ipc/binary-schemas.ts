import { z } from 'zod';

/** Bulk data travels as binary (structured clone over Electron IPC, binary frames over the web host). */
export const arrayBufferSchema = z.instanceof(ArrayBuffer);
export const float32ArraySchema = z.instanceof(Float32Array);
export const uint8ArraySchema = z.instanceof(Uint8Array);
export const float64ArraySchema = z.instanceof(Float64Array);
export const uint32ArraySchema = z.instanceof(Uint32Array);
