import type { ServerSettings } from '../../shared/api/connection-api.js';
import type { ConnectionDefinition } from '../api/sample-source.js';
import type { Project, ProjectServer } from './project-schema.js';

/** A server the project asks for: its tags, and how to connect to it (security, login, reconnection). */
export interface ProjectConnection extends ConnectionDefinition {
  readonly settings: ServerSettings;
}

/**
 * The connections a project asks for, each with its tags. An embedded server's
 * endpoint is only known once it has started, so the caller resolves it.
 */
export function projectConnections(project: Project, endpointOf: (server: ProjectServer) => string): ProjectConnection[] {
  return project.servers.map((server) => {
    const endpointUrl = endpointOf(server);
    return {
      id: server.id,
      name: server.name,
      endpointUrl,
      publishingInterval: server.publishingInterval,
      tags: project.tags
        .filter((tag) => tag.server === server.id)
        .map((tag) => ({
          name: tag.name,
          description: tag.description,
          nodeId: tag.nodeId,
          samplingInterval: tag.samplingInterval,
          ...(tag.displayName !== undefined && { displayName: tag.displayName }),
          ...(tag.deadband !== undefined && { deadband: tag.deadband }),
          ...(tag.unit !== undefined && { unit: tag.unit }),
          ...(tag.decimals !== undefined && { decimals: tag.decimals }),
        })),
      settings: connectionSettings(server, endpointUrl),
    };
  });
}

function connectionSettings(server: ProjectServer, endpointUrl: string): ServerSettings {
  const { embedded: _embedded, user, ...settings } = server;
  if (user.kind !== 'userName') return { ...settings, endpointUrl, user };
  // The app seals a clear-text password as it loads the file. Were one left, it would reach the
  // secret box as '' and fail this server alone with "is not sealed", never be sent in clear.
  return { ...settings, endpointUrl, user: { kind: 'userName', userName: user.userName, passwordSecret: user.passwordSecret ?? '' } };
}

/**
 * Ids of the servers whose connection must be rebuilt after a reload: changed
 * (settings or tags), added or removed. The others keep their sessions.
 */
export function changedServers<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): { readonly stop: string[]; readonly start: string[] } {
  const key = (c: T) => JSON.stringify(c);
  const old = new Map(before.map((c) => [c.id, key(c)]));
  const next = new Map(after.map((c) => [c.id, key(c)]));
  const stop = [...old.keys()].filter((id) => next.get(id) !== old.get(id));
  const start = [...next.keys()].filter((id) => old.get(id) !== next.get(id));
  return { stop, start };
}
