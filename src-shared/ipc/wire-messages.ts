import { z } from 'zod';
import { errorInfoSchema } from './contract.js';

/** Messages of the web host's WebSocket, each one binary envelope (binary-envelope.ts). */
export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('call'), callId: z.number().int().nonnegative(), channel: z.string(), request: z.unknown() }),
  z.strictObject({ kind: z.literal('cancel'), callId: z.number().int().nonnegative() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const serverMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('result'),
    callId: z.number().int().nonnegative(),
    result: z.union([
      z.strictObject({ ok: z.literal(true), value: z.unknown() }),
      z.strictObject({ ok: z.literal(false), error: errorInfoSchema }),
    ]),
  }),
  z.strictObject({ kind: z.literal('push'), channel: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
