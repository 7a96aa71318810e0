import type { ConditionDetail } from '../alarms/condition-details.js';
import type { ProjectIssue } from './project-error.js';

/** Servers known, and one entry per server, source and condition. */
export function checkConditionDetails(details: readonly ConditionDetail[], serverIds: ReadonlySet<string>): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const seen = new Set<string>();
  details.forEach((detail, i) => {
    if (!serverIds.has(detail.server)) issues.push({ path: `conditionAlarms[${i}].server`, message: `unknown server "${detail.server}"` });
    const key = JSON.stringify([detail.server, detail.source, detail.condition ?? null]);
    if (seen.has(key)) issues.push({ path: `conditionAlarms[${i}]`, message: `a second entry for "${detail.source}"${detail.condition ? ` condition "${detail.condition}"` : ''} on server "${detail.server}"` });
    seen.add(key);
  });
  return issues;
}
