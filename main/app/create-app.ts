import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TidewatchCore } from '../api/tidewatch-core.js';
import { openSecurity } from '../auth/session-security.js';
import { projectUserDirectory } from '../auth/user-directory.js';
import type { Log } from '../api/sample-source.js';
import { opcuaSourceFactory } from '../opcua/opcua-connection.js';
import { demoProject } from '../project/demo-project.js';
import { parseProject } from '../project/parse-project.js';
import { formatIssue } from '../project/project-error.js';
import { readProjectFile, writeProjectFile } from '../project/project-file.js';
import type { Project } from '../project/project-schema.js';
import { ProjectStore } from '../project/project-store.js';
import { FileWatcher } from '../project/watch-file.js';
import { ProjectRunner } from './project-runner.js';

export interface AppOptions {
  readonly userDataDir: string;
  /** The bundled demo plant process entry (dist/main/simulator.js). */
  readonly simulatorEntry: string;
  readonly log: Log;
  /** A project file; without one the app runs the demo project, kept in the user-data folder. */
  readonly projectFile?: string;
}

export interface App {
  readonly core: TidewatchCore;
  /** Starts the sources. A shell claims its window or port first, so a busy port fails before anything starts. */
  start(): Promise<void>;
  /** The running project, for services that save to it (trend layouts, alarms); null while none loaded. */
  projectStore(): ProjectStore | null;
  dispose(): Promise<void>;
}

/** Where the demo project lives once a newcomer starts without one, so what they create in the UI is kept. */
export function demoProjectFile(userDataDir: string): string {
  return path.join(userDataDir, 'projects', 'demo-plant.tidewatch');
}

/**
 * The composition root both shells call. A project file that cannot be
 * loaded at start leaves the app running with its errors shown; a broken
 * edit on disk later leaves the running project as it was, errors shown.
 */
export function createApp(options: AppOptions): App {
  const { userDataDir, log } = options;
  let store: ProjectStore | null = null;
  const security = openSecurity({
    userDataDir,
    directory: projectUserDirectory(() => store),
    log,
    tagPolicy: (tagId) => {
      const tag = store?.project.tags.find((t) => `${t.server}/${t.name}` === tagId);
      return { writeLimits: tag?.writeLimits ?? null, critical: tag?.critical ?? false };
    },
  });
  const core = new TidewatchCore(log, security);
  core.registerApi({ queryAudit: async (query) => security.audit.query(query), verifyAudit: async () => security.audit.verify() });
  const runner = new ProjectRunner({
    core,
    sourceFactory: opcuaSourceFactory(path.join(userDataDir, 'pki')),
    userDataDir,
    simulatorEntry: options.simulatorEntry,
    log,
  });
  let watcher: FileWatcher | null = null;

  const run = async (file: string, project: Project) => {
    store ??= new ProjectStore(project, file, async (text, saved) => {
      watcher?.expect(text);
      await run(file, saved);
    });
    store.replace(project);
    await runner.apply(project);
    core.setProject({ name: project.name, file, issues: [] });
    security.auth.usersChanged();
  };

  const refuse = (file: string, issues: readonly string[]) => {
    const running = store?.project.name;
    security.audit.record({ action: 'project.change', user: '', station: 'file', target: file, oldValue: null, newValue: null, result: `refused: ${issues.length} error(s)`, detail: issues.slice(0, 5).join('; ') });
    log('error', `project ${file} has ${issues.length} error(s); ${running ? `still running "${running}"` : 'nothing runs until it is fixed'}`);
    for (const issue of issues) log('error', `  ${issue}`);
    core.setProject({ name: running ?? '', file, issues });
  };

  const reload = async (file: string, text: string) => {
    const result = parseProject(text);
    if (!result.ok) return refuse(file, result.issues.map(formatIssue));
    await run(file, result.project);
    security.audit.record({ action: 'project.change', user: '', station: 'file', target: file, oldValue: null, newValue: null, result: 'ok', detail: 'reloaded after an edit on disk' });
    log('info', `project ${file} reloaded`);
  };

  return {
    core,
    projectStore: () => store,
    async start() {
      await mkdir(path.join(userDataDir, 'pki'), { recursive: true });
      const file = options.projectFile ? path.resolve(options.projectFile) : demoProjectFile(userDataDir);
      if (!options.projectFile && !existsSync(file)) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeProjectFile(file, demoProject());
      }
      const result = await readProjectFile(file);
      if (result.ok) await run(file, result.project);
      else refuse(file, result.issues.map(formatIssue));
      watcher = new FileWatcher(file, result.text ?? '', (text) => void reload(file, text));
    },
    async dispose() {
      watcher?.dispose();
      await core.dispose();
      await runner.dispose();
      security.dispose();
    },
  };
}
