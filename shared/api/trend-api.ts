import { z } from 'zod';
import { displayNameSchema } from './display-api.js';

// Trends: layouts an operator saves and reopens, and trends opened in their own window.
// Owned by the trend; main stores layouts in the project file and opens windows.

/** Enough for a process engineer's overview; each pen costs ring memory and draw time. */
export const TREND_MAX_PENS = 64;
/** Shortest and longest window a trend shows: below 100 ms a column is microseconds, beyond 31 days only history answers. */
export const TREND_MIN_SPAN_MS = 100;
export const TREND_MAX_SPAN_MS = 31 * 24 * 3_600_000;

export type AxisScaling = { readonly mode: 'auto' } | { readonly mode: 'fixed'; readonly min: number; readonly max: number };

export interface TrendLayoutPen {
  /** TagInfo.id: survives a restart, unlike the index. */
  readonly tagId: string;
  /** "#rrggbb". */
  readonly color: string;
  readonly visible: boolean;
  /** The Y axis the pen is drawn on; "" means the axis of its engineering unit. */
  readonly axis: string;
}

export interface TrendLayoutAxis {
  /** An axis name as pens use it: a unit, or a name given in the layout. */
  readonly axis: string;
  readonly scaling: AxisScaling;
}

/** Live follows now over the last spanMs; range is a fixed stretch of time (ms since epoch). */
export type TrendWindow = { readonly mode: 'live'; readonly spanMs: number } | { readonly mode: 'range'; readonly from: number; readonly to: number };

export interface TrendLayout {
  readonly name: string;
  readonly pens: readonly TrendLayoutPen[];
  /** Axes not listed scale automatically. */
  readonly axes: readonly TrendLayoutAxis[];
  readonly window: TrendWindow;
}

export interface DeleteTrendLayoutRequest {
  readonly name: string;
}

/**
 * A view in a window of its own, for another monitor: a trend (a saved layout's name;
 * without it an empty trend) or a process display (its name, in `layout` as every
 * window's "which one").
 */
export type OpenWindowRequest = { readonly view: 'trend'; readonly layout?: string } | { readonly view: 'display'; readonly layout: string };

export interface TrendApi {
  listTrendLayouts(): Promise<readonly TrendLayout[]>;
  /** Replaces a layout of the same name. */
  saveTrendLayout(layout: TrendLayout): Promise<void>;
  deleteTrendLayout(request: DeleteTrendLayoutRequest): Promise<void>;
  /** Desktop: a new window. The browser opens ?view=trend&layout=NAME (or view=display) itself and never calls this. */
  openWindow(request: OpenWindowRequest): Promise<void>;
}

const MAX_NAME_LENGTH = 100;
const MAX_AXIS_LENGTH = 64;

const layoutName = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine((name) => name.trim() !== '', 'must not be empty')
  .refine((name) => name === name.trim(), 'must not start or end with a space');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const axisScalingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('auto') }),
  z.strictObject({ mode: z.literal('fixed'), min: finite, max: finite }).refine((s) => s.max > s.min, { message: 'max must be above min', path: ['max'] }),
]);

export const trendWindowSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('live'), spanMs: z.number().int().min(TREND_MIN_SPAN_MS).max(TREND_MAX_SPAN_MS) }),
  z.strictObject({ mode: z.literal('range'), from: finite, to: finite }).refine((w) => w.to - w.from >= TREND_MIN_SPAN_MS, {
    message: `to must be at least ${TREND_MIN_SPAN_MS} ms after from`,
    path: ['to'],
  }),
]);

export const trendLayoutSchema = z.strictObject({
  name: layoutName,
  pens: z
    .array(
      z.strictObject({
        tagId: z.string().min(1).max(512),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #56b4e9'),
        visible: z.boolean(),
        axis: z.string().max(MAX_AXIS_LENGTH),
      }),
    )
    .max(TREND_MAX_PENS)
    .refine((pens) => new Set(pens.map((pen) => pen.tagId)).size === pens.length, 'a tag may be a pen only once'),
  axes: z.array(z.strictObject({ axis: z.string().max(MAX_AXIS_LENGTH), scaling: axisScalingSchema })).max(TREND_MAX_PENS),
  window: trendWindowSchema,
});

export const trendApiSchemas = {
  listTrendLayouts: z.undefined(),
  saveTrendLayout: trendLayoutSchema,
  deleteTrendLayout: z.strictObject({ name: layoutName }),
  openWindow: z.discriminatedUnion('view', [
    z.strictObject({ view: z.literal('trend'), layout: layoutName.optional() }),
    z.strictObject({ view: z.literal('display'), layout: displayNameSchema }),
  ]),
} satisfies Record<keyof TrendApi, z.ZodType>;
