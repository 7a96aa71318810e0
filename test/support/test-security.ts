import type { Log } from '../../main/api/sample-source.js';
import type { UsersAndRoles } from '../../main/auth/auth-project-schema.js';
import { openSecurity } from '../../main/auth/session-security.js';
import type { UserDirectory } from '../../main/auth/user-directory.js';

/**
 * Real users, real password hashing and a real audit trail file in the test's
 * folder, for tests that build the core themselves; users live in memory
 * instead of a project file.
 */
export function testSecurity(userDataDir: string, log: Log = () => undefined) {
  let users: UsersAndRoles = { users: [], roles: [] };
  const directory: UserDirectory = {
    available: () => true,
    read: () => users,
    write: async (next) => {
      users = next;
    },
  };
  return openSecurity({ userDataDir, directory, log, tagPolicy: () => ({ writeLimits: null, critical: false }) });
}

export const TEST_ADMIN = { name: 'admin', displayName: 'Test administrator', password: 'a-long-test-password' } as const;
