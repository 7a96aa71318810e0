import type { z } from 'zod';
import type { ApiMethod } from './contract.js';
import { alarmApiSchemas } from './api/alarm-api.js';
import { auditApiSchemas } from './api/audit-api.js';
import { authApiSchemas, operatorApiSchemas } from './api/auth-api.js';
import { commandApiSchemas } from './api/command-api.js';
import { connectionApiSchemas } from './api/connection-api.js';
import { displayApiSchemas } from './api/display-api.js';
import { historyApiSchemas } from './api/history-api.js';
import { liveApiSchemas } from './api/live-api.js';
import { projectApiSchemas } from './api/project-api.js';
import { trendApiSchemas } from './api/trend-api.js';

/**
 * Every call's parameters, by method, checked before they reach the core in
 * both shells: a renderer (or anything on the WebSocket) is not trusted.
 * A domain adds its methods by adding its schema table here; the compiler
 * then insists on an implementation in TidewatchApi and nothing else changes.
 */
export const apiParamSchemas = {
  ...liveApiSchemas,
  ...historyApiSchemas,
  ...authApiSchemas,
  ...operatorApiSchemas,
  ...commandApiSchemas,
  ...auditApiSchemas,
  ...alarmApiSchemas,
  ...connectionApiSchemas,
  ...trendApiSchemas,
  ...displayApiSchemas,
  ...projectApiSchemas,
} satisfies Record<ApiMethod, z.ZodType>;

export const API_METHODS = Object.keys(apiParamSchemas) as ApiMethod[];

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
