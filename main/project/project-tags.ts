import type { TagDefinition } from '../api/sample-source.js';
import type { Project } from './project-schema.js';

/** The project with tags added in the UI (the address-space browser) to one of its servers. */
export function withTags(project: Project, server: string, tags: readonly TagDefinition[]): Project {
  const added = tags.map(({ name, description, nodeId, samplingInterval, publishingInterval, queueSize, deadband }) => ({
    name,
    server,
    nodeId,
    description,
    samplingInterval,
    ...(publishingInterval !== undefined && { publishingInterval }),
    ...(queueSize !== undefined && { queueSize }),
    ...(deadband !== undefined && { deadband }),
    history: true,
  }));
  return { ...project, tags: [...project.tags, ...added] };
}
