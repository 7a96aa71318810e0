import { z } from 'zod';
import { targetPatternsSchema, userNameSchema } from '../../shared/api/auth-api.js';
import { DEFAULT_ROLES, ROLE_NAMES, type RoleTable } from '../../shared/api/auth-permissions.js';
import { hashProblem } from './password-hash.js';

/**
 * The project file's `users` and `roles` sections (and the `security`
 * settings), for the project schema to compose. Users carry scrypt hashes
 * only: a clear-text password in a project is an error with its path.
 */
export const projectUserSchema = z.strictObject({
  name: userNameSchema,
  displayName: z.string().max(200).default(''),
  role: z.enum(ROLE_NAMES),
  /** Target patterns (tag ids, alarm areas) this user may act on; "*" is everything. */
  areas: targetPatternsSchema.default(['*']),
  passwordHash: z.string().superRefine((hash, context) => {
    const problem = hashProblem(hash);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  }),
  disabled: z.boolean().default(false),
});

export const usersSectionSchema = z
  .array(projectUserSchema)
  .max(10_000)
  .superRefine((users, context) => {
    const first = new Map<string, number>();
    users.forEach((user, i) => {
      const key = user.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else context.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate user name "${user.name}" (also users[${earlier}]; names ignore case)` });
    });
  });

const patterns = z.array(z.string().min(1).max(512)).max(200);

/** Overrides of a built-in role's grants; what is left out keeps the default. */
export const projectRoleSchema = z
  .strictObject({
    name: z.enum(ROLE_NAMES),
    write: patterns.optional(),
    command: patterns.optional(),
    acknowledge: patterns.optional(),
    shelve: patterns.optional(),
    viewAudit: z.boolean().optional(),
    editProject: z.boolean().optional(),
    manageUsers: z.boolean().optional(),
  })
  .refine((role) => !(role.name === 'administrator' && role.manageUsers === false), {
    path: ['manageUsers'],
    message: 'the administrator always manages users, or nobody could ever fix the user list',
  });

export const rolesSectionSchema = z
  .array(projectRoleSchema)
  .max(ROLE_NAMES.length)
  .superRefine((roles, context) => {
    const seen = new Set<string>();
    roles.forEach((role, i) => {
      if (seen.has(role.name)) context.addIssue({ code: 'custom', path: [i, 'name'], message: `role "${role.name}" is defined twice` });
      seen.add(role.name);
    });
  });

/** Station-wide security settings: a `security` section of the project. */
export const securitySettingsSchema = z.strictObject({
  /** Inactivity before a session locks. */
  lockAfterMinutes: z.number().min(1).max(24 * 60).default(15),
  /** Select-before-operate: how long a selected critical tag waits for its operate. */
  selectTimeoutSeconds: z.number().int().min(3).max(300).default(30),
});

export type ProjectUser = z.infer<typeof projectUserSchema>;
export type ProjectRole = z.infer<typeof projectRoleSchema>;
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

export interface UsersAndRoles {
  readonly users: readonly ProjectUser[];
  readonly roles: readonly ProjectRole[];
}

export const usersAndRolesSchema = z.strictObject({ users: usersSectionSchema, roles: rolesSectionSchema.default([]) });

/** The built-in roles with the project's overrides laid over them. */
export function roleTable(roles: readonly ProjectRole[]): RoleTable {
  const table = { ...DEFAULT_ROLES };
  for (const { name, ...overrides } of roles) {
    const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
    table[name] = { ...DEFAULT_ROLES[name], ...defined };
  }
  return table;
}
