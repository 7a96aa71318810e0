/** One thing wrong with a project file, where it is: `tags[12].server: unknown server "line2"`. */
export interface ProjectIssue {
  readonly path: string;
  readonly message: string;
}

export function formatIssue(issue: ProjectIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** ['tags', 12, 'server'] -> 'tags[12].server' */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
