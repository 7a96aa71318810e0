import type { ApiMethod } from '../../shared/contract.js';
import type { ConnectionApi } from '../../shared/api/connection-api.js';
import type { DisplayApi } from '../../shared/api/display-api.js';
import type { ProjectApi } from '../../shared/api/project-api.js';
import type { TrendApi } from '../../shared/api/trend-api.js';
import { alarmApiRequirements, auditApiRequirements, authApiRequirements, commandApiRequirements, historyApiRequirements, liveApiRequirements, needs, OPEN, operatorApiRequirements, USER, VIEW, type Requirement, type RequirementTable } from '../auth/api-requirements.js';

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
  removeTags: needs('editProject'),
};

/**
 * A trend layout changes how the plant is looked at, never the plant: any
 * logged-in user may save one (and it is audited); opening a window is a view.
 */
const trendApiRequirements: RequirementTable<TrendApi> = {
  listTrendLayouts: VIEW,
  saveTrendLayout: USER,
  deleteTrendLayout: USER,
  openWindow: VIEW,
};

/** Displays are views of the plant; what they let an operator change is checked where the change is made (writeTag). */
const displayApiRequirements: RequirementTable<DisplayApi> = {
  listDisplays: VIEW,
};

/**
 * Running the last good copy changes nothing on disk and brings back what the
 * station last ran. Nobody can log in while the file is broken (the users are
 * in it), so it is open to whoever is at the station, and audited with it.
 */
const projectApiRequirements: RequirementTable<ProjectApi> = {
  runLastGoodProject: OPEN,
};

/**
 * Who may call what, per method: the guard checks it in every session before
 * the call runs. A domain adds its table here next to its schemas in
 * shared/api-schema.ts; the compiler insists on every method. commandArea:
 * the project's area of a command, by name.
 */
export function apiRequirements(commandArea: (commandName: string) => string): Readonly<Record<ApiMethod, Requirement>> {
  return {
    ...liveApiRequirements,
    ...historyApiRequirements,
    ...authApiRequirements,
    ...operatorApiRequirements,
    ...auditApiRequirements,
    ...alarmApiRequirements,
    ...connectionApiRequirements,
    ...trendApiRequirements,
    ...displayApiRequirements,
    ...projectApiRequirements,
    ...commandApiRequirements(commandArea),
  } satisfies Record<ApiMethod, Requirement<never>>;
}
