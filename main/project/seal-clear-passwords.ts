import type { Project } from './project-schema.js';

/** Where the project holds a password in clear text: ["servers[1].user.password"]. */
export function clearPasswordPaths(project: Project): string[] {
  return project.servers.flatMap((server, i) => (server.user.kind === 'userName' && server.user.password !== undefined ? [`servers[${i}].user.password`] : []));
}

/**
 * Seals each password an engineer typed into the file in clear, so the file
 * can be saved without it. Returns the project as it must be saved and where
 * each sealed password was; a password that cannot be sealed is an error
 * naming its place, never echoing it.
 */
export async function sealClearPasswords(project: Project, seal: (plain: string) => Promise<string>): Promise<{ readonly project: Project; readonly sealed: readonly string[] }> {
  const sealed = clearPasswordPaths(project);
  if (sealed.length === 0) return { project, sealed };
  const servers = await Promise.all(
    project.servers.map(async (server, i) => {
      const { user } = server;
      if (user.kind !== 'userName' || user.password === undefined) return server;
      let passwordSecret: string;
      try {
        passwordSecret = await seal(user.password);
      } catch (error) {
        throw new Error(`servers[${i}].user.password: cannot be sealed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return { ...server, user: { kind: user.kind, userName: user.userName, passwordSecret } };
    }),
  );
  return { project: { ...project, servers }, sealed };
}
