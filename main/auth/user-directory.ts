import type { ProjectStore } from '../project/project-store.js';
import { usersAndRolesSchema, type UsersAndRoles } from './auth-project-schema.js';

/** Where users and roles live; the auth service reads through this on every check, so it must be cheap. */
export interface UserDirectory {
  /** False while there is nowhere to read users from yet (no project loaded): nobody can be set up then. */
  available(): boolean;
  read(): UsersAndRoles;
  write(next: UsersAndRoles): Promise<void>;
}

const NONE: UsersAndRoles = { users: [], roles: [] };

/**
 * Users and roles in the project file's `users` and `roles` sections (the
 * demo project too is a file, in the user-data folder). Reads are parsed once
 * per project version; writes go through the ProjectStore, which validates
 * the whole project and writes it atomically. With no project loaded there
 * are no users, and nothing can be saved until the file is fixed.
 */
export function projectUserDirectory(store: () => ProjectStore | null): UserDirectory {
  let parsedFor: unknown = null;
  let parsed: UsersAndRoles = NONE;
  return {
    available: () => store() !== null,
    read() {
      const project = store()?.project;
      if (project === undefined) return NONE;
      if (project !== parsedFor) {
        const result = usersAndRolesSchema.safeParse({ users: project.users, roles: project.roles });
        if (!result.success) {
          const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
          throw new Error(`the project's users or roles are invalid: ${problems.join('; ')}`);
        }
        parsed = result.data;
        parsedFor = project;
      }
      return parsed;
    },
    async write(next) {
      const current = store();
      if (current === null) throw new Error('no project is loaded (see its errors in the status bar): users cannot be saved until it is fixed');
      await current.update((project) => ({ ...project, users: [...next.users], roles: [...next.roles] }));
    },
  };
}
