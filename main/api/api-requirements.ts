import type { ApiMethod } from '../../shared/contract.js';
import type { ConnectionApi } from '../../shared/api/connection-api.js';
import { alarmApiRequirements, auditApiRequirements, authApiRequirements, historyApiRequirements, liveApiRequirements, needs, operatorApiRequirements, USER, VIEW, type Requirement, type RequirementTable } from '../auth/api-requirements.js';

/** Servers, certificates and tags change the station: engineers; browsing reads any node: a logged-in user. */
const connectionApiRequirements: RequirementTable<ConnectionApi> = {
  getEndpoints: needs('editProject'),
  listServerCertificates: VIEW,
  trustServerCertificate: needs('editProject'),
  rejectServerCertificate: needs('editProject'),
  addServer: needs('editProject'),
  removeServer: needs('editProject'),
  browseNode: USER,
  findNodes: USER,
  readNodeAttributes: USER,
  addTags: needs('editProject'),
};

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
  ...alarmApiRequirements,
  ...connectionApiRequirements,
} satisfies Record<ApiMethod, Requirement<never>>;
