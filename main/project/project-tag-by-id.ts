import { tagId } from '../api/tag-id.js';
import type { Project } from './project-schema.js';

type ProjectTag = Project['tags'][number];

const byIdOf = new WeakMap<Project, ReadonlyMap<string, ProjectTag>>();

/**
 * A project tag by its id. The index is built once per loaded project: the
 * historian asks about every tag at its first sample, and a search of the list
 * each time cost 10,000 tags a hundred million comparisons.
 */
export function projectTagById(project: Project, id: string): ProjectTag | undefined {
  let byId = byIdOf.get(project);
  if (byId === undefined) {
    byId = new Map(project.tags.map((tag) => [tagId(tag.server, tag.name), tag]));
    byIdOf.set(project, byId);
  }
  return byId.get(id);
}
