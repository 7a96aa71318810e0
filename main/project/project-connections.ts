import type { ServerSettings } from '../../shared/api/connection-api.js';
import type { ConnectionDefinition, TagDefinition } from '../api/sample-source.js';
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
          ...(tag.publishingInterval !== undefined && { publishingInterval: tag.publishingInterval }),
          ...(tag.queueSize !== undefined && { queueSize: tag.queueSize }),
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

export interface ReloadPlan {
  /** Servers to stop: removed, or changed beyond added tags. */
  readonly stop: string[];
  /** Servers to (re)start: new, or changed beyond added tags. */
  readonly start: string[];
  /** Servers that only gained tags: those are monitored on the live session, the others keep streaming. */
  readonly grow: { readonly id: string; readonly tags: TagDefinition[] }[];
}

/**
 * What a reload must do to each server. One whose settings changed, or whose
 * existing tags changed or went, is rebuilt; one that only gained tags gets
 * them on its running connection; the others keep their sessions untouched.
 */
export function changedServers<T extends ConnectionDefinition>(before: readonly T[], after: readonly T[]): ReloadPlan {
  const key = (c: T) => JSON.stringify(c);
  const old = new Map(before.map((c) => [c.id, c]));
  const grow: { id: string; tags: TagDefinition[] }[] = [];
  const stop: string[] = [];
  const start: string[] = [];
  for (const next of after) {
    const previous = old.get(next.id);
    if (previous && key(previous) === key(next)) continue;
    const added = previous && addedTags(previous, next);
    if (added) grow.push({ id: next.id, tags: added });
    else {
      if (previous) stop.push(next.id);
      start.push(next.id);
    }
  }
  const kept = new Set(after.map((c) => c.id));
  stop.unshift(...before.filter((c) => !kept.has(c.id)).map((c) => c.id));
  return { stop, start, grow };
}

/** The tags `after` adds to `before`, when that is all that changed; null otherwise. */
function addedTags<T extends ConnectionDefinition>(before: T, after: T): TagDefinition[] | null {
  const settings = (c: T) => JSON.stringify({ ...c, tags: [] });
  if (settings(before) !== settings(after)) return null;
  const next = new Map(after.tags.map((t) => [t.name, JSON.stringify(t)]));
  if (!before.tags.every((t) => next.get(t.name) === JSON.stringify(t))) return null;
  const known = new Set(before.tags.map((t) => t.name));
  return after.tags.filter((t) => !known.has(t.name));
}
