import type { ConnectionDefinition } from '../api/sample-source.js';
import type { Project, ProjectServer } from './project-schema.js';

/**
 * The connections a project asks for, each with its tags. An embedded server's
 * endpoint is only known once it has started, so the caller resolves it.
 */
export function projectConnections(project: Project, endpointOf: (server: ProjectServer) => string): ConnectionDefinition[] {
  return project.servers.map((server) => ({
    id: server.id,
    name: server.name,
    endpointUrl: endpointOf(server),
    publishingInterval: server.publishingInterval,
    tags: project.tags
      .filter((tag) => tag.server === server.id)
      .map((tag) => ({ name: tag.name, description: tag.description, nodeId: tag.nodeId, samplingInterval: tag.samplingInterval })),
  }));
}

/** Ids of the servers whose connection must be rebuilt after a reload: changed, added or removed. */
export function changedServers(before: readonly ConnectionDefinition[], after: readonly ConnectionDefinition[]): { readonly stop: string[]; readonly start: string[] } {
  const key = (c: ConnectionDefinition) => JSON.stringify(c);
  const old = new Map(before.map((c) => [c.id, key(c)]));
  const next = new Map(after.map((c) => [c.id, key(c)]));
  const stop = [...old.keys()].filter((id) => next.get(id) !== old.get(id));
  const start = [...next.keys()].filter((id) => old.get(id) !== next.get(id));
  return { stop, start };
}
