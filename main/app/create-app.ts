import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { TidewatchCore } from '../api/tidewatch-core.js';
import { historianAlarmJournal } from '../alarms/alarm-journal.js';
import { Historian } from '../historian/historian.js';
import { HistorianFeed } from '../historian/historian-feed.js';
import { HistoryService } from '../historian/history-service.js';
import type { ServerHistory } from '../historian/server-history.js';
import { decide, type TargetedAction } from '../../shared/api/auth-permissions.js';
import { decideKioskUnlock, type KioskUnlockDecision } from '../auth/kiosk-unlock.js';
import { ALARM_STATES_FILE, alarmStateFile } from '../alarms/alarm-state-file.js';
import { auditAlarmActions } from '../alarms/audit-alarm-actions.js';
import { AlarmService } from '../alarms/alarm-service.js';
import { openSecurity } from '../auth/session-security.js';
import { projectUserDirectory } from '../auth/user-directory.js';
import type { Log } from '../api/sample-source.js';
import { OpcuaAlarmEvents } from '../opcua/alarm-events.js';
import { OpcuaConnections } from '../opcua/opcua-connections.js';
import { OpcuaPki } from '../opcua/opcua-pki.js';
import { demoProject } from '../project/demo-project.js';
import { parseProject, serializeProject } from '../project/parse-project.js';
import { readLastGoodProject, saveLastGoodProject } from '../project/last-good-project.js';
import { projectCommands } from '../project/project-commands.js';
import { formatIssue } from '../project/project-error.js';
import { readProjectFile, writeProjectFile } from '../project/project-file.js';
import { historianSettingsSchema, type Project } from '../project/project-schema.js';
import { ProjectStore } from '../project/project-store.js';
import { withoutServer, withServer } from '../project/project-servers.js';
import { withoutTags, withTags } from '../project/project-tags.js';
import { projectTagById } from '../project/project-tag-by-id.js';
import { sealClearPasswords } from '../project/seal-clear-passwords.js';
import { FileWatcher } from '../project/watch-file.js';
import { auditConnectionChanges } from './audit-connection-changes.js';
import { historianConfig } from './historian-config.js';
import { historianReporter } from './historian-alarms.js';
import { ProjectRunner } from './project-runner.js';
import { openKeyFileBox } from '../secrets/key-file-box.js';
import { trendLayoutApi } from '../trends/trend-layout-api.js';
import type { OpenWindowRequest } from '../../shared/api/trend-api.js';
import { ApiError } from '../../shared/contract.js';
import type { SecretBox } from '../secrets/secret-box.js';

export interface AppOptions {
  readonly userDataDir: string;
  /** The bundled demo plant process entry (dist/main/simulator.js). */
  readonly simulatorEntry: string;
  readonly log: Log;
  /** A project file; without one the app runs the demo project, kept in the user-data folder. */
  readonly projectFile?: string;
  /** The bundled historian worker (dist/main/historian-worker.js). */
  readonly historianWorkerEntry: string;
  /** Seals OPC UA passwords: Electron's safeStorage on the desktop; a key file only this user can read by default. */
  readonly secretBox?: SecretBox;
}

export interface App {
  readonly core: TidewatchCore;
  /** Starts the sources. A shell claims its window or port first, so a busy port fails before anything starts. */
  start(): Promise<void>;
  /** The running project, for services that save to it (trend layouts, alarms); null while none loaded. */
  projectStore(): ProjectStore | null;
  /** The desktop shell opens views in windows of their own; without it openWindow is refused. */
  setWindowOpener(open: (request: OpenWindowRequest) => void): void;
  /** Called after each project (the first, and every reload) is running: the desktop reads its settings. */
  onProjectApplied(listener: (project: Project) => void): void;
  /** May the kiosk be left, by whoever is logged in at `station` (the desktop's own windows)? Audited either way. */
  kioskUnlock(station: string): KioskUnlockDecision;
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
      const tag = store === null ? undefined : projectTagById(store.project, tagId);
      return { writeLimits: tag?.writeLimits ?? null, critical: tag?.critical ?? false };
    },
  });
  const core = new TidewatchCore(log, security);
  // History survives the app: SQLite in WAL, written off the hot path by a worker (main/historian).
  // The section's defaults until a project loads; each load applies its own section to the running historian.
  const historian = new Historian({
    dir: path.join(userDataDir, 'history'),
    workerEntry: options.historianWorkerEntry,
    ...historianConfig(historianSettingsSchema.parse({})),
    log,
    // Through a closure: the alarm service is built below, and the historian reports only once its thread answers.
    onHealth: (health) => historyReports.onHealth(health),
    onNotice: (message) => historyReports.onNotice(message),
  });
  const historised = (index: number): string | null => {
    const tag = core.tagAt(index);
    if (!tag) return null;
    const setting = store === null ? undefined : projectTagById(store.project, tag.id);
    return setting?.history === false ? null : tag.id;
  };
  const historyFeed = new HistorianFeed(historian, historised);
  core.registerApi(() => ({ queryAudit: async (query) => security.audit.query(query), verifyAudit: async () => security.audit.verify() }));
  const alarms = new AlarmService({
    tags: () => core.tagList(),
    journal: historianAlarmJournal(historian, (error) => log('error', `alarm journal: ${error instanceof Error ? error.message : String(error)}`)),
    publish: (event) => core.broadcast(event),
    user: () => 'system',
    log,
    states: alarmStateFile(path.join(userDataDir, ALARM_STATES_FILE), log),
  });
  const historyReports = historianReporter(alarms, (level, message) => core.broadcast({ type: 'notice', level, message }), log);
  // The trail opened the history database first, so a damaged one was set aside there rather than in the writer.
  for (const notice of security.notices) historyReports.onNotice(notice);
  if (security.unavailable) alarms.raiseSystemAlarm('audit', 'Audit trail unavailable', security.unavailable);
  // Sample order on the hot path: tag cache, then alarms, then history.
  core.addSampleObserver(alarms);
  core.addSampleObserver(historyFeed);
  core.registerApi((actor) => {
    const permit = (action: TargetedAction, target: string) => {
      const decision = decide(actor().principal, action, target);
      return decision.allowed ? null : decision.reason;
    };
    return auditAlarmActions(alarms.api(() => actor().user || `anonymous@${actor().station}`, permit), { record: (entry) => security.audit.record(entry), actor, log });
  });
  let alarmDefinitions = '';
  // Passwords in the project and from the dialog are sealed with the station's key (issue 7: never clear text).
  const secrets = options.secretBox ?? openKeyFileBox(userDataDir);
  const requireStore = (what: string) => {
    if (store === null) throw new Error(`no project is loaded (see its errors in the status bar): ${what} until it is fixed`);
    return store;
  };
  // The PKI opens (on first run: creates the app certificate) while the rest starts; connections wait for it.
  const connections = new OpcuaConnections({
    pki: OpcuaPki.open(path.join(userDataDir, 'pki'), log),
    log,
    resolveSecret: (sealed) => secrets.open(sealed),
    sealSecret: (plain) => secrets.seal(plain),
    // The dialog's servers live in the project, so they come back after a restart; the runner starts and stops them.
    servers: {
      add: async (settings) => void (await requireStore('servers cannot be added').update((project) => withServer(project, settings))),
      remove: async (id) => void (await requireStore('servers cannot be removed').update((project) => withoutServer(project, id))),
    },
    // Tags added in the address-space browser too; the runner then monitors them on the server's running session.
    tags: {
      add: async (connectionId, tags) => void (await requireStore('tags cannot be added').update((project) => withTags(project, connectionId, tags))),
      remove: async (tagIds) => void (await requireStore('tags cannot be removed').update((project) => withoutTags(project, tagIds))),
    },
  });
  connections.attach(core);
  core.commandHost = {
    commands: () => (store === null ? [] : projectCommands(store.project)),
    connection: (serverId) => core.writeHost.connection(serverId),
    readMethodArguments: (serverId, methodId) => connections.readMethodArguments(serverId, methodId),
    callMethod: (serverId, objectId, methodId, args) => connections.callMethod(serverId, objectId, methodId, args),
  };
  core.registerApi((actor) => auditConnectionChanges(connections.api(), { record: (entry) => security.audit.record(entry), actor, log }));
  // History behind the live edge: the local historian, and a tag's server (HistoryRead) where the historian has nothing yet.
  const serverHistory: ServerHistory = {
    readRaw: (tagId, range, onPage) => {
      const tag = core.tag(tagId);
      return tag ? connections.readRawHistory(tag.connectionId, tag.index, range, onPage) : null;
    },
  };
  core.registerApi(() => new HistoryService(historian, (id) => core.tag(id) !== undefined, serverHistory));
  // Alarms & Conditions ride on every server's session; a lost connection shows its conditions as stale.
  const conditionSources = new Map<string, OpcuaAlarmEvents>();
  connections.onAnySession((connectionId, session, settings) => {
    const events = new OpcuaAlarmEvents(session, { notifiers: settings.eventNotifiers });
    conditionSources.set(connectionId, events);
    alarms.addConditionSource(connectionId, events);
  });
  const runner = new ProjectRunner({
    core,
    sourceFactory: (settings) => {
      const createSource = connections.sourceFactory(settings);
      return (config, listener) =>
        createSource(config, {
          ...listener,
          status: (status) => {
            listener.status(status);
            if (status.state === 'reconnecting') conditionSources.get(config.id)?.connectionLost();
          },
        });
    },
    userDataDir,
    simulatorEntry: options.simulatorEntry,
    log,
  });
  let watcher: FileWatcher | null = null;
  let openWindow = (request: OpenWindowRequest): void => {
    throw new ApiError(`openWindow: this shell has no windows to open; a browser opens the ${request.view} in a tab of its own`);
  };
  core.registerApi((actor) =>
    trendLayoutApi({ store: () => store, audit: (entry) => security.audit.record(entry), openWindow: async (request) => openWindow(request) }, actor),
  );
  // Displays are edited in the project file; the running project's list is all there is to read.
  core.registerApi(() => ({ listDisplays: async () => store?.project.displays ?? [] }));

  const projectListeners: ((project: Project) => void)[] = [];
  let startFile: string | null = null;
  // The copy kept from the last good load, while it runs in place of a file that failed at start.
  let fallback: { savedAt: number; issues: readonly string[] } | null = null;
  const run = async (file: string, project: Project) => {
    store ??= new ProjectStore(project, file, async (text, saved) => {
      watcher?.expect(text);
      await run(file, saved);
    });
    store.replace(project, fallback && `the project file has errors and the copy from ${new Date(fallback.savedAt).toISOString()} runs instead: fix the file first (it loads by itself when it is)`);
    historyFeed.reset(); // a tag's history setting may have changed
    // Not awaited: a retention run in progress must not hold up the connections.
    historian.configure(historianConfig(project.historian)).catch((error: unknown) => log('error', `history settings: ${error instanceof Error ? error.message : String(error)}`));
    await runner.apply(project);
    alarms.setPositions(project.alarmPositions);
    alarms.setConditionDetails(project.conditionAlarms);
    // After the connections: the tags the definitions name exist now. Unchanged definitions keep their alarms' states.
    const definitions = JSON.stringify(project.alarms);
    if (definitions !== alarmDefinitions) {
      alarmDefinitions = definitions;
      alarms.loadDefinitions(project.alarms);
    }
    if (fallback) {
      core.setProject({ name: project.name, file, issues: fallback.issues, lastGood: { savedAt: fallback.savedAt, running: true } });
    } else {
      core.setProject({ name: project.name, file, issues: [], lastGood: null });
      try {
        saveLastGoodProject(userDataDir, { file, savedAt: Date.now(), text: serializeProject(project) });
      } catch (error) {
        log('warning', `project ${file}: no copy kept for a start on a broken file (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    security.auth.usersChanged();
    for (const listener of projectListeners) listener(project);
  };

  const runLastGood = async (station: string) => {
    const copy = startFile === null ? null : readLastGoodProject(userDataDir, startFile);
    if (startFile === null || copy === null || store !== null) {
      throw new ApiError(store !== null ? 'runLastGoodProject: a project is running; there is nothing to fall back from' : 'runLastGoodProject: no good copy of this project was kept on this station');
    }
    const parsed = parseProject(copy.text);
    if (!parsed.ok) throw new ApiError(`runLastGoodProject: the kept copy does not load: ${parsed.issues.map(formatIssue).join('; ')}`);
    fallback = { savedAt: copy.savedAt, issues: core.snapshot().project.issues };
    await run(startFile, parsed.project);
    security.audit.record({ action: 'project.change', user: '', station, target: startFile, oldValue: null, newValue: null, result: 'ok', detail: `ran the good copy saved ${new Date(copy.savedAt).toISOString()}; the file still has errors` });
    log('warning', `project ${startFile}: running the good copy saved ${new Date(copy.savedAt).toISOString()} until the file is fixed`);
  };

  core.registerApi((actor) => ({ runLastGoodProject: () => runLastGood(actor().station) }));

  const refuse = (file: string, issues: readonly string[]) => {
    const running = store?.project.name;
    security.audit.record({ action: 'project.change', user: '', station: 'file', target: file, oldValue: null, newValue: null, result: `refused: ${issues.length} error(s)`, detail: issues.slice(0, 5).join('; ') });
    const copy = running === undefined ? readLastGoodProject(userDataDir, file) : null;
    log('error', `project ${file} has ${issues.length} error(s); ${running ? `still running "${running}"` : copy ? 'a good copy from before is offered' : 'nothing runs until it is fixed'}`);
    for (const issue of issues) log('error', `  ${issue}`);
    if (fallback) fallback = { ...fallback, issues };
    const lastGood = fallback ? { savedAt: fallback.savedAt, running: true } : copy ? { savedAt: copy.savedAt, running: false } : null;
    core.setProject({ name: running ?? '', file, issues, lastGood });
  };

  /**
   * A password typed into the file in clear is sealed and the file saved
   * without it, before anything connects (README: Project files). Returns the
   * project to run and the file's text now, or null when refused.
   */
  const sealOnLoad = async (file: string, project: Project, text: string): Promise<{ project: Project; text: string } | null> => {
    let result: Awaited<ReturnType<typeof sealClearPasswords>>;
    try {
      result = await sealClearPasswords(project, (plain) => secrets.seal(plain));
    } catch (error) {
      refuse(file, [error instanceof Error ? error.message : String(error)]);
      return null;
    }
    if (result.sealed.length === 0) return { project, text };
    const where = result.sealed.join(', ');
    try {
      const saved = await writeProjectFile(file, result.project);
      watcher?.expect(saved);
      log('info', `project ${file}: sealed the clear-text password at ${where} and saved the file without it`);
      security.audit.record({ action: 'project.change', user: '', station: 'file', target: file, oldValue: null, newValue: null, result: 'ok', detail: `sealed the clear-text password at ${where}` });
      return { project: result.project, text: saved };
    } catch (error) {
      // Still run, sealed in memory: the plant matters more than a file the station may not write.
      log('error', `project ${file}: the password at ${where} is sealed for this run, but the file cannot be saved (${error instanceof Error ? error.message : String(error)}): remove the clear text from it by hand`);
      return { project: result.project, text };
    }
  };

  const reload = async (file: string, text: string) => {
    const result = parseProject(text);
    if (!result.ok) return refuse(file, result.issues.map(formatIssue));
    const loaded = await sealOnLoad(file, result.project, text);
    if (loaded === null) return;
    fallback = null;
    await run(file, loaded.project);
    security.audit.record({ action: 'project.change', user: '', station: 'file', target: file, oldValue: null, newValue: null, result: 'ok', detail: 'reloaded after an edit on disk' });
    log('info', `project ${file} reloaded`);
  };

  return {
    core,
    projectStore: () => store,
    setWindowOpener(open) {
      openWindow = open;
    },
    onProjectApplied(listener) {
      projectListeners.push(listener);
    },
    kioskUnlock(station) {
      const present = security.auth.loggedInAt((at) => at === station);
      const decision = decideKioskUnlock(present);
      const user = decision.ok ? decision.user : present.map((principal) => principal.name).join(', ');
      security.audit.record({ action: 'unlock', user, station, target: 'kiosk', oldValue: 'kiosk', newValue: decision.ok ? 'unlocked' : 'kiosk', result: decision.ok ? 'ok' : `refused: ${decision.reason}`, detail: 'engineer unlock' });
      return decision;
    },
    async start() {
      await mkdir(path.join(userDataDir, 'pki'), { recursive: true });
      const file = options.projectFile ? path.resolve(options.projectFile) : demoProjectFile(userDataDir);
      startFile = file;
      if (!options.projectFile && !existsSync(file)) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeProjectFile(file, demoProject());
      }
      const result = await readProjectFile(file);
      let text = result.text ?? '';
      if (result.ok) {
        const loaded = await sealOnLoad(file, result.project, text);
        if (loaded !== null) {
          text = loaded.text;
          await run(file, loaded.project);
        }
      } else refuse(file, result.issues.map(formatIssue));
      watcher = new FileWatcher(file, text, (changed) => void reload(file, changed));
    },
    async dispose() {
      watcher?.dispose();
      alarms.dispose();
      try {
        await core.dispose();
      } finally {
        // Whatever the sources did on the way out, the last batch of history reaches the disk.
        await historian.dispose();
        await runner.dispose();
        await connections.dispose();
        security.dispose();
      }
    },
  };
}
