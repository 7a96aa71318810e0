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

/** Tags a running server gains and loses, by name, while the ones it keeps stream on. */
export interface TagChanges {
  readonly id: string;
  readonly added: TagDefinition[];
  readonly removed: string[];
}

export interface ReloadPlan {
  /** Servers to stop: removed, or changed beyond gaining and losing tags. */
  readonly stop: string[];
  /** Servers to (re)start: new, or changed beyond gaining and losing tags. */
  readonly start: string[];
  /** Servers that only gained or lost tags: changed on the live session, the other tags keep streaming. */
  readonly retag: TagChanges[];
}

/**
 * What a reload must do to each server. One whose settings changed, or one
 * of whose kept tags changed, is rebuilt; one that only gained or lost tags
 * has them changed on its running connection; the others keep their sessions untouched.
 */
export function changedServers<T extends ConnectionDefinition>(before: readonly T[], after: readonly T[]): ReloadPlan {
  const key = (c: T) => JSON.stringify(c);
  const old = new Map(before.map((c) => [c.id, c]));
  const retag: TagChanges[] = [];
  const stop: string[] = [];
  const start: string[] = [];
  for (const next of after) {
    const previous = old.get(next.id);
    if (previous && key(previous) === key(next)) continue;
    const changes = previous && tagChanges(previous, next);
    if (changes) retag.push(changes);
    else {
      if (previous) stop.push(next.id);
      start.push(next.id);
    }
  }
  const kept = new Set(after.map((c) => c.id));
  stop.unshift(...before.filter((c) => !kept.has(c.id)).map((c) => c.id));
  return { stop, start, retag };
}

/** The tags `after` adds to and removes from `before`, when that is all that changed; null otherwise. */
function tagChanges<T extends ConnectionDefinition>(before: T, after: T): TagChanges | null {
  const settings = (c: T) => JSON.stringify({ ...c, tags: [] });
  if (settings(before) !== settings(after)) return null;
  const next = new Map(after.tags.map((t) => [t.name, JSON.stringify(t)]));
  const kept = before.tags.filter((t) => next.has(t.name));
  if (!kept.every((t) => next.get(t.name) === JSON.stringify(t))) return null;
  const known = new Set(before.tags.map((t) => t.name));
  return { id: after.id, added: after.tags.filter((t) => !known.has(t.name)), removed: before.tags.filter((t) => !next.has(t.name)).map((t) => t.name) };
}
