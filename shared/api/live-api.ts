import { z } from 'zod';
import type { Snapshot } from '../contract.js';

// Live values: the tag list, writes, and which tags the renderer trends.

export interface WriteTagRequest {
  readonly tagId: string;
  readonly value: number | boolean;
}

export interface WriteTagResult {
  /** The server's StatusCode for the write. */
  readonly status: number;
  readonly statusText: string;
}

export interface SetTrendedTagsRequest {
  /** Tags whose every sample the renderer needs even when it falls behind. */
  readonly tagIndexes: readonly number[];
}

export interface LiveApi {
  snapshot(): Promise<Snapshot>;
  writeTag(request: WriteTagRequest): Promise<WriteTagResult>;
  setTrendedTags(request: SetTrendedTagsRequest): Promise<void>;
}

// Bounds keep one bad message from costing the main process memory or time.
const MAX_TAG_ID_LENGTH = 512;
const MAX_TRENDED_TAGS = 100_000;

export const liveApiSchemas = {
  snapshot: z.undefined(),
  writeTag: z.strictObject({
    tagId: z.string().min(1).max(MAX_TAG_ID_LENGTH),
    value: z.union([z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean()]),
  }),
  setTrendedTags: z.strictObject({
    tagIndexes: z.array(z.number().int().nonnegative()).max(MAX_TRENDED_TAGS),
  }),
} satisfies Record<keyof LiveApi, z.ZodType>;
