import type { AlarmApi } from '../../shared/api/alarm-api.js';
import type { Action } from '../../shared/api/auth-permissions.js';
import type { AuditApi } from '../../shared/api/audit-api.js';
import type { CommandApi } from '../../shared/api/command-api.js';
import type { AuthApi, OperatorApi } from '../../shared/api/auth-api.js';
import type { HistoryApi } from '../../shared/api/history-api.js';
import type { LiveApi, WriteTagRequest } from '../../shared/api/live-api.js';

/**
 * What a call needs before main runs it, checked per renderer session after
 * the parameters are validated:
 * - open:   always callable (logging in, the auth state); the method checks its own preconditions
 * - view:   read-only; allowed to anyone, even before the first-run setup and when locked
 * - user:   a logged-in, unlocked user
 * - action: the logged-in user's role and areas must allow the action on the target
 */
export type Requirement<P = unknown> =
  | { readonly kind: 'open' }
  | { readonly kind: 'view' }
  | { readonly kind: 'user' }
  | {
      readonly kind: 'action';
      readonly action: Action;
      // Method syntax: a table of requirements for different parameter types stays assignable.
      target(params: P): string;
    };

type ParamsOf<F> = F extends (params: infer P) => unknown ? P : undefined;

/** One requirement per method of a domain; the compiler insists on every method. */
export type RequirementTable<Api> = { readonly [M in keyof Api]-?: Requirement<ParamsOf<Api[M]>> };

export const OPEN: Requirement = { kind: 'open' };
export const VIEW: Requirement = { kind: 'view' };
export const USER: Requirement = { kind: 'user' };

export function needs<P>(action: Action, target: (params: P) => string = () => ''): Requirement<P> {
  return { kind: 'action', action, target };
}

export const liveApiRequirements: RequirementTable<LiveApi> = {
  snapshot: VIEW,
  writeTag: needs('write', (request: WriteTagRequest) => request.tagId),
  setTrendedTags: VIEW,
};

export const historyApiRequirements: RequirementTable<HistoryApi> = {
  readHistory: VIEW,
  exportHistory: VIEW,
};

export const authApiRequirements: RequirementTable<AuthApi> = {
  authState: OPEN,
  setupAdministrator: OPEN,
  login: OPEN,
  logout: OPEN,
  lock: OPEN,
  unlock: OPEN,
  reportActivity: OPEN,
  changePassword: USER,
  listUsers: needs('manageUsers'),
  saveUser: needs('manageUsers'),
  deleteUser: needs('manageUsers'),
};

export const operatorApiRequirements: RequirementTable<OperatorApi> = {
  prepareWrite: needs('write', (request) => request.tagId),
};

/**
 * A command's area is the project's, never the caller's: the table is built
 * with the project's lookup (an unknown name is checked as itself, and then
 * refused by the command as unknown).
 */
export function commandApiRequirements(areaOf: (commandName: string) => string): RequirementTable<CommandApi> {
  return {
    listCommands: VIEW,
    prepareCommand: needs('command', (request) => areaOf(request.name)),
    runCommand: needs('command', (request) => areaOf(request.name)),
  };
}

export const auditApiRequirements: RequirementTable<AuditApi> = {
  queryAudit: needs('viewAudit'),
  verifyAudit: needs('viewAudit'),
};

// An alarm request names several alarms, possibly in several areas: the call
// needs a logged-in user, and the alarm service checks each alarm against the
// user's role and areas (shared/api/alarm-target.ts), so an alarm outside them
// is refused, and audited, alone while the others go ahead.
export const alarmApiRequirements: RequirementTable<AlarmApi> = {
  listAlarms: VIEW,
  queryAlarmJournal: VIEW,
  exportAlarmJournal: VIEW,
  alarmKpis: VIEW,
  alarmKpiReport: VIEW,
  silenceAlarms: USER,
  acknowledgeAlarms: USER,
  confirmAlarms: USER,
  commentAlarm: USER,
  resetAlarms: USER,
  shelveAlarms: USER,
  unshelveAlarms: USER,
  setAlarmsInService: USER,
};
