/**
 * What each role may do, as one pure function both sides share: main enforces
 * it before every call, the renderer uses the very same answer to hide what
 * the user may not do. Nothing here knows about passwords or sessions.
 */

export const ROLE_NAMES = ['viewer', 'operator', 'engineer', 'administrator'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Actions on a plant object; the target is a tag id ("demo/TIC101.SP") or an alarm's area or source. */
export const TARGETED_ACTIONS = ['write', 'command', 'acknowledge', 'shelve'] as const;
export type TargetedAction = (typeof TARGETED_ACTIONS)[number];

/** Actions on the station as a whole. */
export const STATION_ACTIONS = ['viewAudit', 'editProject', 'manageUsers'] as const;
export type StationAction = (typeof STATION_ACTIONS)[number];

/** 'view' is everyone's, even before anyone logs in: the screen is a read-only view until then. */
export type Action = 'view' | TargetedAction | StationAction;
export const ACTIONS: readonly Action[] = ['view', ...TARGETED_ACTIONS, ...STATION_ACTIONS];

/**
 * A role's grants: for each targeted action the target patterns it covers
 * ("*" matches any run of characters, so "demo/Tank1.*" is every Tank1 tag).
 */
export type RoleGrants = Readonly<Record<TargetedAction, readonly string[]> & Record<StationAction, boolean>>;

export type RoleTable = Readonly<Record<RoleName, RoleGrants>>;

const NONE: readonly string[] = [];
const ALL: readonly string[] = ['*'];

/** A project without a roles section gets these; a project may narrow or widen any role but the administrator's user management. */
export const DEFAULT_ROLES: RoleTable = {
  viewer: { write: NONE, command: NONE, acknowledge: NONE, shelve: NONE, viewAudit: false, editProject: false, manageUsers: false },
  operator: { write: ALL, command: ALL, acknowledge: ALL, shelve: ALL, viewAudit: true, editProject: false, manageUsers: false },
  engineer: { write: ALL, command: ALL, acknowledge: ALL, shelve: ALL, viewAudit: true, editProject: true, manageUsers: false },
  administrator: { write: ALL, command: ALL, acknowledge: ALL, shelve: ALL, viewAudit: true, editProject: true, manageUsers: true },
};

/** A logged-in user as permissions see them: no password hash ever travels with it. */
export interface Principal {
  readonly name: string;
  readonly displayName: string;
  readonly role: RoleName;
  /** Target patterns this user answers for (a plant area); ["*"] for the whole plant. */
  readonly areas: readonly string[];
  readonly grants: RoleGrants;
}

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOWED: Decision = { allowed: true };

/**
 * May this principal (null: nobody logged in) do this? A targeted action needs
 * its target to be covered both by the role's grant and by the user's areas.
 */
export function decide(principal: Principal | null, action: Action, target = ''): Decision {
  if (action === 'view') return ALLOWED;
  if (principal === null) return { allowed: false, reason: 'nobody is logged in: this station is read-only until a user logs in' };
  const who = `${principal.role} "${principal.name}"`;
  if (isStationAction(action)) {
    return principal.grants[action] ? ALLOWED : { allowed: false, reason: `${who} may not ${ACTION_VERBS[action]}` };
  }
  const patterns = principal.grants[action];
  if (!matchesAny(patterns, target)) {
    const scope = patterns.length === 0 ? `the ${principal.role} role may not ${action} anything` : `the ${principal.role} role may ${action} only ${patterns.join(', ')}`;
    return { allowed: false, reason: `${who} may not ${action} ${target || '(no target)'}: ${scope}` };
  }
  if (!matchesAny(principal.areas, target)) {
    return { allowed: false, reason: `${who} may not ${action} ${target}: outside the user's areas (${principal.areas.join(', ')})` };
  }
  return ALLOWED;
}

export function can(principal: Principal | null, action: Action, target = ''): boolean {
  return decide(principal, action, target).allowed;
}

const ACTION_VERBS: Record<StationAction, string> = {
  viewAudit: 'view the audit trail',
  editProject: 'edit the project',
  manageUsers: 'manage users',
};

function isStationAction(action: Action): action is StationAction {
  return (STATION_ACTIONS as readonly string[]).includes(action);
}

export function matchesAny(patterns: readonly string[], target: string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, target));
}

/** "*" is the only wildcard; every other character matches itself (tag names are full of dots). */
export function matchesPattern(pattern: string, target: string): boolean {
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return pattern === target;
  if (!target.startsWith(first) || !target.endsWith(last) || target.length < first.length + last.length) return false;
  let at = first.length;
  const end = target.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = target.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
