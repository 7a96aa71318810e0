import { API_METHODS } from './api-schema.js';
import type { ApiMethod, TidewatchApi } from './contract.js';

/**
 * A TidewatchApi whose every method sends (method, params) through one
 * transport: IPC in the preload, the WebSocket in the browser. Built from
 * the schema table so a new method needs no edit in any transport.
 */
export function buildApi(call: (method: ApiMethod, params: unknown) => Promise<unknown>): TidewatchApi {
  const api: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (params) => call(method, params);
  return api as unknown as TidewatchApi;
}
