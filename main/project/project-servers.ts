import type { ServerSettings } from '../../shared/api/connection-api.js';
import type { Project } from './project-schema.js';

/** The project with a server added through the connection dialog; its password is already sealed. */
export function withServer(project: Project, settings: ServerSettings): Project {
  return { ...project, servers: [...project.servers, settings] };
}

/**
 * The project without that server and its tags. Alarms on those tags are not
 * dropped silently: the store refuses the change and names them.
 */
export function withoutServer(project: Project, id: string): Project {
  return { ...project, servers: project.servers.filter((s) => s.id !== id), tags: project.tags.filter((t) => t.server !== id) };
}
