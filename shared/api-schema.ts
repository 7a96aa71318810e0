import { z } from 'zod';
import type { ApiMethod } from './contract.js';

/**
 * Every call's parameters are checked against these before they reach the
 * core, in both shells: a renderer (or anything on the WebSocket) is not trusted.
 * Bounds keep one bad message from costing the main process memory or time.
 */
const MAX_TAG_ID_LENGTH = 512;
const MAX_TRENDED_TAGS = 100_000;

export const apiParamSchemas = {
  snapshot: z.undefined(),
  writeTag: z.strictObject({
    tagId: z.string().min(1).max(MAX_TAG_ID_LENGTH),
    value: z.union([z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean()]),
  }),
  setTrendedTags: z.strictObject({
    tagIndexes: z.array(z.number().int().nonnegative()).max(MAX_TRENDED_TAGS),
  }),
} satisfies Record<ApiMethod, z.ZodType>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiParamSchemas, name);
}

/** "writeTag: value: must be a finite number" — one line, with the path of each problem. */
export function describeParamError(method: ApiMethod, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : 'params';
    return `${path}: ${issue.message}`;
  });
  return `${method}: ${problems.join('; ')}`;
}
