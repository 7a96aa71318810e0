import { z } from 'zod';

// Process displays: the plant drawn as the operator knows it, with live values on it.
// Defined in the project file (main validates the references), drawn by the renderer.

/** A display's coordinates are its own (an SVG viewBox): it scales to any window and monitor. */
export const DISPLAY_MAX_SIZE = 10_000;
/** More than an operator can read on one screen; a bigger picture belongs on two displays. */
export const DISPLAY_MAX_ELEMENTS = 2000;

const MAX_NAME_LENGTH = 100;

export const displayNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine((name) => name.trim() !== '', 'must not be empty')
  .refine((name) => name === name.trim(), 'must not start or end with a space');

const coordinate = z.number().min(0).max(DISPLAY_MAX_SIZE);
const length = z.number().positive().max(DISPLAY_MAX_SIZE);
const tagId = z.string().min(1).max(512).describe('A tag id, "<server>/<tag name>", as alarms and commands name it.');
const label = z.string().min(1).max(200);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

const position = { x: coordinate, y: coordinate };

/**
 * What a display is made of. Static parts (text, rect, line) draw the plant; live
 * parts read a tag. Colour follows ISA-101: the picture is grey, colour means
 * something is abnormal, and every state also reads by shape or text.
 */
export const displayElementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), ...position, text: z.string().min(1).max(500), size: z.number().min(6).max(200).default(16) }),
  /** A vessel, a unit, a panel: an outline with an optional name inside its top edge. */
  z.strictObject({ kind: z.literal('rect'), ...position, width: length, height: length, label: label.optional() }),
  /** A pipe or a signal line through its points. */
  z.strictObject({ kind: z.literal('line'), points: z.array(z.tuple([coordinate, coordinate])).min(2).max(200) }),
  /** The value with its unit and quality; a click opens the setpoint entry when the tag can be written. */
  z.strictObject({ kind: z.literal('value'), ...position, tag: tagId, label: label.optional(), width: length.default(150) }),
  /** A level or a position as a filled bar, bottom to top; the scale is the tag's EURange unless given. */
  z
    .strictObject({ kind: z.literal('bar'), ...position, width: length, height: length, tag: tagId, min: finite.optional(), max: finite.optional() })
    .refine((bar) => bar.min === undefined || bar.max === undefined || bar.max > bar.min, { message: 'max must be above min', path: ['max'] }),
  /** A two-state signal (running, open, tripped); `abnormal` is the state that is drawn in colour. */
  z.strictObject({
    kind: z.literal('indicator'),
    ...position,
    tag: tagId,
    label,
    onText: z.string().min(1).max(40).default('ON'),
    offText: z.string().min(1).max(40).default('OFF'),
    abnormal: z.enum(['on', 'off', 'none']).default('none'),
  }),
  /** Goes to another display: the way an operator walks from the overview into a unit. */
  z.strictObject({ kind: z.literal('link'), ...position, display: displayNameSchema, label: label.optional(), width: length.default(160) }),
]);

export const displaySchema = z.strictObject({
  name: displayNameSchema,
  /** Shown above the picture; absent: the name. */
  title: z.string().min(1).max(200).optional(),
  width: length.default(1200),
  height: length.default(700),
  elements: z.array(displayElementSchema).max(DISPLAY_MAX_ELEMENTS).default([]),
});

export type DisplayElement = z.infer<typeof displayElementSchema>;
export type Display = z.infer<typeof displaySchema>;

export interface DisplayApi {
  /** The running project's displays, in the project's order (the order Ctrl+PageDown walks). */
  listDisplays(): Promise<readonly Display[]>;
}

export const displayApiSchemas = {
  listDisplays: z.undefined(),
} satisfies Record<keyof DisplayApi, z.ZodType>;
