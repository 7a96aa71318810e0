import { parseProject, serializeProject } from './parse-project.js';
import { formatIssue } from './project-error.js';
import { writeProjectFile } from './project-file.js';
import type { Project } from './project-schema.js';
import { clearPasswordPaths } from './seal-clear-passwords.js';

export class ProjectUpdateError extends Error {
  override name = 'ProjectUpdateError';
}

/**
 * The project as it runs, and the one way to change it from the UI: apply a
 * change, validate the whole result exactly as a file load would, write it
 * atomically, then let the app apply it. A change that would make an invalid
 * project is refused with every problem named, and nothing is written.
 */
export class ProjectStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Why nothing may be saved now (the file is broken and a copy runs); null: saving is open. */
  private readOnly: string | null = null;

  constructor(
    private current: Project,
    readonly file: string,
    private readonly onWritten: (text: string, project: Project) => Promise<void>,
  ) {}

  get project(): Project {
    return this.current;
  }

  /** A reload from disk replaced the project; `readOnly` says why saving is closed, or null. */
  replace(project: Project, readOnly: string | null = null): void {
    this.current = project;
    this.readOnly = readOnly;
  }

  /** Changes are serialised: two operators saving at once never lose one another's change. */
  update(change: (project: Project) => Project): Promise<Project> {
    const next = this.queue.then(async () => {
      if (this.readOnly !== null) throw new ProjectUpdateError(this.readOnly);
      const result = parseProject(serializeProject(change(this.current)));
      if (!result.ok) throw new ProjectUpdateError(`the change would break the project: ${result.issues.map(formatIssue).join('; ')}`);
      const clear = clearPasswordPaths(result.project);
      if (clear.length > 0) throw new ProjectUpdateError(`${clear.join(', ')}: a password is saved sealed, never in clear text`);
      const text = await writeProjectFile(this.file, result.project);
      this.current = result.project;
      await this.onWritten(text, result.project);
      return result.project;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
