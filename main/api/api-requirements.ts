import type { ApiMethod } from '../../shared/contract.js';
import { auditApiRequirements, authApiRequirements, historyApiRequirements, liveApiRequirements, operatorApiRequirements, type Requirement } from '../auth/api-requirements.js';

/**
 * Who may call what, per method: the guard checks it in every session before
 * the call runs. A domain adds its table here next to its schemas in
 * shared/api-schema.ts; the compiler insists on every method.
 */
export const apiRequirements: Readonly<Record<ApiMethod, Requirement>> = {
  ...liveApiRequirements,
  ...historyApiRequirements,
  ...authApiRequirements,
  ...operatorApiRequirements,
  ...auditApiRequirements,
} satisfies Record<ApiMethod, Requirement<never>>;
