import type { z } from 'zod';
import { apiParamSchemas, describeParamError, isApiMethod } from '../../shared/api-schema.js';
import { ApiError, type ApiMethod, type TidewatchApi } from '../../shared/contract.js';

/**
 * The single door from a shell into the core: names the method, validates
 * its parameters against its schema, and only then calls. Both the IPC
 * handler and the WebSocket server go through here, so neither can forget a check.
 */
export async function callApi(api: TidewatchApi, method: unknown, params: unknown): Promise<unknown> {
  if (!isApiMethod(method)) {
    throw new ApiError(`unknown method ${JSON.stringify(String(method).slice(0, 64))}`);
  }
  const handler = api[method] as ((params: unknown) => Promise<unknown>) | undefined;
  // A domain whose service did not start (a historian on a read-only disk) answers with why, not a TypeError.
  if (typeof handler !== 'function') throw new ApiError(`${method}: not available in this session`);
  return handler(parse(method, params));
}

function parse<M extends ApiMethod>(method: M, params: unknown): z.infer<(typeof apiParamSchemas)[M]> {
  const result = apiParamSchemas[method].safeParse(params);
  if (!result.success) throw new ApiError(describeParamError(method, result.error));
  return result.data as z.infer<(typeof apiParamSchemas)[M]>;
}
