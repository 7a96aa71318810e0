import { describe, expect, it } from 'vitest';
import { ACTIONS, can, decide, DEFAULT_ROLES, matchesPattern, ROLE_NAMES, type Action, type Principal, type RoleName } from './auth-permissions.js';

const user = (role: RoleName, areas: readonly string[] = ['*'], grants = DEFAULT_ROLES[role]): Principal => ({ name: `${role}1`, displayName: '', role, areas, grants });

// The whole default table, written out by hand as the spec: a change to DEFAULT_ROLES must change this too.
const EXPECTED: Record<RoleName, Record<Action, boolean>> = {
  viewer: { view: true, write: false, command: false, acknowledge: false, shelve: false, viewAudit: false, editProject: false, manageUsers: false },
  operator: { view: true, write: true, command: true, acknowledge: true, shelve: true, viewAudit: true, editProject: false, manageUsers: false },
  engineer: { view: true, write: true, command: true, acknowledge: true, shelve: true, viewAudit: true, editProject: true, manageUsers: false },
  administrator: { view: true, write: true, command: true, acknowledge: true, shelve: true, viewAudit: true, editProject: true, manageUsers: true },
};

describe('can', () => {
  for (const role of ROLE_NAMES) {
    for (const action of ACTIONS) {
      it(`${role} ${EXPECTED[role][action] ? 'may' : 'may not'} ${action}`, () => {
        expect(can(user(role), action, 'demo/TIC101.SP')).toBe(EXPECTED[role][action]);
      });
    }
  }

  it('lets nobody-logged-in only view, and says the station is read-only', () => {
    for (const action of ACTIONS) expect(can(null, action, 'demo/TIC101.SP')).toBe(action === 'view');
    expect(decide(null, 'write', 'demo/TIC101.SP')).toEqual({ allowed: false, reason: expect.stringContaining('read-only until a user logs in') });
  });

  it('limits targeted actions to the user’s areas, and station actions ignore areas', () => {
    const tankOperator = user('operator', ['demo/Tank1.*', 'demo/LIC101.*']);
    expect(can(tankOperator, 'write', 'demo/LIC101.SP')).toBe(true);
    expect(can(tankOperator, 'acknowledge', 'demo/Tank1.Level')).toBe(true);
    expect(can(tankOperator, 'write', 'demo/TIC101.SP')).toBe(false);
    expect(decide(tankOperator, 'write', 'demo/TIC101.SP')).toEqual({ allowed: false, reason: expect.stringContaining("outside the user's areas (demo/Tank1.*, demo/LIC101.*)") });
    expect(can(tankOperator, 'viewAudit')).toBe(true);
  });

  it('limits targeted actions to the role’s grants as the project narrows them', () => {
    const grants = { ...DEFAULT_ROLES.operator, write: ['demo/*.SP'], shelve: [] };
    const narrowed = user('operator', ['*'], grants);
    expect(can(narrowed, 'write', 'demo/TIC101.SP')).toBe(true);
    expect(can(narrowed, 'write', 'demo/TIC101.OP')).toBe(false);
    expect(decide(narrowed, 'write', 'demo/TIC101.OP')).toEqual({ allowed: false, reason: 'operator "operator1" may not write demo/TIC101.OP: the operator role may write only demo/*.SP' });
    expect(decide(narrowed, 'shelve', 'demo/Tank1.Level')).toEqual({ allowed: false, reason: expect.stringContaining('the operator role may not shelve anything') });
  });

  it('names the role, the user and the action a refusal is about', () => {
    expect(decide(user('viewer'), 'write', 'demo/TIC101.SP')).toEqual({ allowed: false, reason: 'viewer "viewer1" may not write demo/TIC101.SP: the viewer role may not write anything' });
    expect(decide(user('engineer'), 'manageUsers')).toEqual({ allowed: false, reason: 'engineer "engineer1" may not manage users' });
  });

  it('refuses a targeted action with no target unless the grant is everything', () => {
    expect(can(user('operator', ['demo/*']), 'write', '')).toBe(false);
  });
});

describe('matchesPattern', () => {
  it.each([
    ['*', '', true],
    ['*', 'demo/anything', true],
    ['demo/TIC101.SP', 'demo/TIC101.SP', true],
    ['demo/TIC101.SP', 'demo/TIC101.SPX', false],
    ['demo/TIC101.*', 'demo/TIC101.SP', true],
    ['demo/TIC101.*', 'demo/TIC1010.SP', false],
    ['demo/*.SP', 'demo/LIC101.SP', true],
    ['demo/*.SP', 'demo/LIC101.OP', false],
    ['*Tank*Level', 'demo/Tank1.Level', true],
    ['a*a', 'a', false], // the prefix and suffix may not share a character
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['demo/.*', 'demo/X', false], // a dot is a dot, not a regular expression
  ])('%s matches %s: %s', (pattern, target, expected) => {
    expect(matchesPattern(pattern, target)).toBe(expected);
  });
});
