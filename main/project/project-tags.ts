import type { TagDefinition } from '../api/sample-source.js';
import { tagId } from '../api/tag-id.js';
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

/** The project without these tags (ids "<server>/<name>"); an id the project does not have is an error, so a typo removes nothing. */
export function withoutTags(project: Project, tagIds: readonly string[]): Project {
  const present = new Set(project.tags.map((tag) => tagId(tag.server, tag.name)));
  const missing = tagIds.filter((id) => !present.has(id));
  if (missing.length > 0) throw new Error(`the project has no tag ${missing.map((id) => JSON.stringify(id)).join(', ')}`);
  const removed = new Set(tagIds);
  return { ...project, tags: project.tags.filter((tag) => !removed.has(tagId(tag.server, tag.name))) };
}
