import { ApiError } from '../../shared/contract.js';
import type { Requirement } from './api-requirements.js';

export interface Guard {
  authorize(method: string, requirement: Requirement, params: unknown): void;
}

/**
 * The session's API with every method behind its requirement. A method with
 * no requirement in the table is refused, not let through: a new method is
 * closed until someone decides who may call it.
 */
export function guardApi<Api extends object>(api: Api, requirements: Readonly<Partial<Record<string, Requirement>>>, guard: Guard): Api {
  const guarded: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(api) as [string, unknown][]) {
    if (typeof handler !== 'function') continue;
    const requirement = Object.hasOwn(requirements, method) ? requirements[method] : undefined;
    guarded[method] = async (params) => {
      if (requirement === undefined) throw new ApiError(`${method}: refused: no permission is defined for this method`);
      guard.authorize(method, requirement, params);
      return (handler as (params?: unknown) => Promise<unknown>)(params);
    };
  }
  return guarded as Api;
}
