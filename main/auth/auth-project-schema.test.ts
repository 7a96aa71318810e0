import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../../shared/api/auth-permissions.js';
import { roleTable, rolesSectionSchema, securitySettingsSchema, usersSectionSchema } from './auth-project-schema.js';

const HASH = '$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U';
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the project’s users and roles sections', () => {
  it('accepts users with scrypt hashes and fills in the defaults', () => {
    const parsed = usersSectionSchema.parse([{ name: 'ann', role: 'operator', passwordHash: HASH }]);
    expect(parsed).toEqual([{ name: 'ann', displayName: '', role: 'operator', areas: ['*'], passwordHash: HASH, disabled: false }]);
  });

  it('rejects a clear-text password, an unknown role, a stray key and a duplicate name, each with its path', () => {
    expect(issues(usersSectionSchema.safeParse([{ name: 'ann', role: 'operator', passwordHash: 'hunter2' }]))).toEqual([
      '0.passwordHash: must be a scrypt hash ($scrypt$ln=..,r=..,p=..$salt$key), never a clear-text password',
    ]);
    expect(issues(usersSectionSchema.safeParse([{ name: 'ann', role: 'god', passwordHash: HASH, password: 'x' }]))).toEqual([
      expect.stringMatching(/^0\.role: /),
      '0: Unrecognized key: "password"',
    ]);
    expect(issues(usersSectionSchema.safeParse([{ name: 'ann', role: 'viewer', passwordHash: HASH }, { name: 'Ann', role: 'viewer', passwordHash: HASH }]))).toEqual([
      '1.name: duplicate user name "Ann" (also users[0]; names ignore case)',
    ]);
  });

  it('lays a project’s role overrides over the defaults, and keeps the administrator able to manage users', () => {
    const roles = rolesSectionSchema.parse([{ name: 'operator', write: ['demo/*.SP'], shelve: [] }]);
    const table = roleTable(roles);
    expect(table.operator).toEqual({ ...DEFAULT_ROLES.operator, write: ['demo/*.SP'], shelve: [] });
    expect(table.engineer).toBe(DEFAULT_ROLES.engineer);
    expect(issues(rolesSectionSchema.safeParse([{ name: 'administrator', manageUsers: false }]))).toEqual([
      '0.manageUsers: the administrator always manages users, or nobody could ever fix the user list',
    ]);
    expect(issues(rolesSectionSchema.safeParse([{ name: 'viewer' }, { name: 'viewer' }]))).toEqual(['1.name: role "viewer" is defined twice']);
  });

  it('has sane security defaults', () => {
    expect(securitySettingsSchema.parse({})).toEqual({ lockAfterMinutes: 15, selectTimeoutSeconds: 30 });
  });
});
