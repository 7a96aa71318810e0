import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TidewatchCore } from '../api/tidewatch-core.js';
import type { Log } from '../api/sample-source.js';
import { opcuaSourceFactory } from '../opcua/opcua-connection.js';
import { demoProject } from '../project/demo-project.js';
import { parseProject } from '../project/parse-project.js';
import { formatIssue } from '../project/project-error.js';
import { readProjectFile } from '../project/project-file.js';
import { FileWatcher } from '../project/watch-file.js';
import { ProjectRunner } from './project-runner.js';

export interface AppOptions {
  readonly userDataDir: string;
  /** The bundled demo plant process entry (dist/main/simulator.js). */
  readonly simulatorEntry: string;
  readonly log: Log;
  /** A project file; without one the app runs the built-in demo project. */
  readonly projectFile?: string;
}

export interface App {
  readonly core: TidewatchCore;
  /** Starts the sources. A shell claims its window or port first, so a busy port fails before anything starts. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The composition root both shells call. A project file that cannot be
 * loaded at start leaves the app running with its errors shown; a broken
 * edit on disk later leaves the running project as it was, errors shown.
 */
export function createApp(options: AppOptions): App {
  const { userDataDir, log } = options;
  const core = new TidewatchCore(log);
  const runner = new ProjectRunner({
    core,
    sourceFactory: opcuaSourceFactory(path.join(userDataDir, 'pki')),
    userDataDir,
    simulatorEntry: options.simulatorEntry,
    log,
  });
  let watcher: FileWatcher | null = null;

  const refuse = (file: string, name: string, issues: readonly string[], keeping: string) => {
    log('error', `project ${file} has ${issues.length} error(s); ${keeping}`);
    for (const issue of issues) log('error', `  ${issue}`);
    core.setProject({ name, file, issues });
  };

  const reload = async (file: string, text: string) => {
    const result = parseProject(text);
    const current = core.snapshot().project;
    if (!result.ok) return refuse(file, current.name, result.issues.map(formatIssue), current.name ? `still running "${current.name}"` : 'nothing is running');
    await runner.apply(result.project);
    core.setProject({ name: result.project.name, file, issues: [] });
    log('info', `project ${file} reloaded`);
  };

  return {
    core,
    async start() {
      await mkdir(path.join(userDataDir, 'pki'), { recursive: true });
      const file = options.projectFile ? path.resolve(options.projectFile) : null;
      if (!file) {
        const project = demoProject();
        core.setProject({ name: project.name, file: null, issues: [] });
        await runner.apply(project);
        return;
      }
      const result = await readProjectFile(file);
      if (result.ok) {
        core.setProject({ name: result.project.name, file, issues: [] });
        await runner.apply(result.project);
      } else {
        refuse(file, '', result.issues.map(formatIssue), 'nothing is running until it is fixed');
      }
      watcher = new FileWatcher(file, result.text ?? '', (text) => void reload(file, text));
    },
    async dispose() {
      watcher?.dispose();
      await core.dispose();
      await runner.dispose();
    },
  };
}
