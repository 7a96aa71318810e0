import { validateAlarmDefinitions } from '../alarms/alarm-definition.js';
import { tagId } from '../api/tag-id.js';
import { checkConditionDetails } from './check-condition-details.js';
import { checkCommandReferences } from './check-command-references.js';
import { checkDisplayReferences } from './check-display-references.js';
import type { Project } from './project-schema.js';
import type { ProjectIssue } from './project-error.js';

/**
 * What a schema cannot see: duplicates and references between sections.
 * Every problem is listed, so an engineer fixes the file in one pass.
 */
export function checkProjectReferences(project: Project): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const serverIds = new Set<string>();
  project.servers.forEach((server, i) => {
    if (serverIds.has(server.id)) issues.push({ path: `servers[${i}].id`, message: `duplicate server id "${server.id}"` });
    serverIds.add(server.id);
  });
  const embedded = project.servers.filter((s) => s.embedded !== undefined);
  if (embedded.length > 1) {
    issues.push({ path: 'servers', message: `the demo plant can be embedded once, found ${embedded.length} times` });
  }
  const tagIds = new Set<string>();
  project.tags.forEach((tag, i) => {
    if (!serverIds.has(tag.server)) issues.push({ path: `tags[${i}].server`, message: `unknown server "${tag.server}"` });
    const id = tagId(tag.server, tag.name);
    if (tagIds.has(id)) issues.push({ path: `tags[${i}].name`, message: `duplicate tag name "${tag.name}" on server "${tag.server}"` });
    tagIds.add(id);
    if (tag.deadband?.type === 'percent' && tag.deadband.value > 100) {
      issues.push({ path: `tags[${i}].deadband.value`, message: 'a percent deadband cannot exceed 100' });
    }
  });
  issues.push(...validateAlarmDefinitions(project.alarms, tagIds));
  issues.push(...checkConditionDetails(project.conditionAlarms, serverIds));
  issues.push(...checkCommandReferences(project.commands, serverIds, tagIds));
  issues.push(...checkDisplayReferences(project.displays, tagIds));
  return issues;
}
