import { z } from 'zod';
import type { ServerEvent } from './contract.js';

/**
 * Text messages on the headless shell's WebSocket. Frames go as binary
 * messages and are never JSON. Both directions are parsed, not cast.
 */
const MAX_CALL_ID = 2 ** 31;

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('call'),
    id: z.number().int().nonnegative().max(MAX_CALL_ID),
    method: z.string().max(64),
    params: z.unknown().optional(),
  }),
  z.strictObject({ t: z.literal('ack'), seq: z.number().int().nonnegative() }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { readonly t: 'result'; readonly id: number; readonly result: unknown }
  | { readonly t: 'error'; readonly id: number; readonly message: string }
  | { readonly t: 'event'; readonly event: ServerEvent };

/** The WebSocket close code for a protocol violation (RFC 6455: 1008 policy violation). */
export const CLOSE_POLICY_VIOLATION = 1008;
