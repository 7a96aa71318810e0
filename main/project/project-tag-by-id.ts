import type { Project } from './project-schema.js';

type ProjectTag = Project['tags'][number];

/** A project tag's id, as the core and the UI name it: "<server>/<name>". */
export function projectTagId(tag: Pick<ProjectTag, 'server' | 'name'>): string {
  return `${tag.server}/${tag.name}`;
}

const byIdOf = new WeakMap<Project, ReadonlyMap<string, ProjectTag>>();

/**
 * A project tag by its id. The index is built once per loaded project: the
 * historian asks about every tag at its first sample, and a search of the list
 * each time cost 10,000 tags a hundred million comparisons.
 */
export function projectTagById(project: Project, tagId: string): ProjectTag | undefined {
  let byId = byIdOf.get(project);
  if (byId === undefined) {
    byId = new Map(project.tags.map((tag) => [projectTagId(tag), tag]));
    byIdOf.set(project, byId);
  }
  return byId.get(tagId);
}
