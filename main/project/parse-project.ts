import { checkProjectReferences } from './check-project-references.js';
import { formatPath, type ProjectIssue } from './project-error.js';
import { projectSchema, type Project } from './project-schema.js';

export type ParseProjectResult = { readonly ok: true; readonly project: Project } | { readonly ok: false; readonly issues: readonly ProjectIssue[] };

/** Text -> a valid project, or every problem with its path. Pure: the same text always gives the same answer. */
export function parseProject(text: string): ParseProjectResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = projectSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  const issues = checkProjectReferences(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, project: parsed.data };
}

/** The file as an engineer wants it in version control: stable key order, two-space indent, final newline. */
export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}
