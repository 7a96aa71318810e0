import path from 'node:path';
import type { ServerSettings } from '../../shared/api/connection-api.js';
import type { TidewatchCore } from '../api/tidewatch-core.js';
import type { Log, SourceFactory } from '../api/sample-source.js';
import { changedServers, projectConnections, type ProjectConnection } from '../project/project-connections.js';
import type { Project } from '../project/project-schema.js';
import { startSimulator, type RunningSimulator } from '../simulator/start-simulator.js';

export interface ProjectRunnerDeps {
  readonly core: TidewatchCore;
  /** Each server's connection made with its own settings: security mode and policy, login, reconnection. */
  readonly sourceFactory: (settings: ServerSettings) => SourceFactory;
  readonly userDataDir: string;
  /** The bundled demo plant process entry (dist/main/simulator.js). */
  readonly simulatorEntry: string;
  readonly log: Log;
}

/**
 * Makes the core run what a project says. Applying a new version of the
 * project rebuilds only the servers whose settings (security, login, ...) or
 * existing tags changed; a server that only gained tags monitors them on its
 * running session, and the others keep their sessions and subscriptions. The
 * embedded demo plant is started when a project asks for it and stopped when
 * none does.
 */
export class ProjectRunner {
  private running: ProjectConnection[] = [];
  private plant: RunningSimulator | null = null;
  private plantError: string | null = null;
  private disposed = false;
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ProjectRunnerDeps) {}

  /** One at a time: a save during start-up (the first-run administrator) must not start a second demo plant. */
  apply(project: Project): Promise<void> {
    const next = this.applying.then(() => this.applyNow(project));
    this.applying = next.catch(() => undefined);
    return next;
  }

  private async applyNow(project: Project): Promise<void> {
    const { core, log } = this.deps;
    const wantsPlant = project.servers.some((server) => server.embedded === 'demo-plant');
    if (wantsPlant && !this.plant && this.plantError === null) await this.startPlant();
    const next = projectConnections(project, (server) => (server.embedded ? (this.plant?.endpointUrl ?? '') : (server.endpointUrl ?? '')));
    const { stop, start, grow } = changedServers(this.running, next);
    for (const { id, tags } of grow) {
      try {
        core.addTags(id, tags);
      } catch (error) {
        // A server that never connected (the demo plant failed to start) has no session to add to: build it anew.
        log('info', `project "${project.name}": ${id} rebuilt to take its new tags (${error instanceof Error ? error.message : String(error)})`);
        stop.push(id);
        start.push(id);
      }
    }
    for (const id of stop) await core.removeConnection(id);
    for (const { settings, ...definition } of next.filter((c) => start.includes(c.id))) {
      const embedded = project.servers.find((s) => s.id === definition.id)?.embedded !== undefined;
      if (embedded && this.plantError !== null) core.addFailedConnection(definition.id, definition.name, '', this.plantError);
      else core.addConnection(definition, this.deps.sourceFactory(settings));
    }
    this.running = next;
    if (!wantsPlant) await this.stopPlant();
    if (stop.length + start.length > 0) log('info', `project "${project.name}": started ${start.length}, stopped ${stop.length} connection(s)`);
    for (const { id, tags } of grow) log('info', `project "${project.name}": ${id} monitors ${tags.length} new tag(s) on its running session`);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopPlant();
  }

  private async startPlant(): Promise<void> {
    const { userDataDir, simulatorEntry, log } = this.deps;
    try {
      const plant = await startSimulator({ entry: simulatorEntry, port: 0, pkiDir: path.join(userDataDir, 'demo-plant-pki') });
      if (this.disposed) return void (await plant.stop()); // the app closed while the plant was starting
      this.plant = plant;
      log('info', `demo plant started at ${plant.endpointUrl}`);
      plant.onExit((code, signal) => {
        if (!this.disposed && this.plant === plant) log('error', `demo plant exited (${signal ?? `code ${code}`})`);
      });
    } catch (error) {
      this.plantError = `demo plant failed to start: ${error instanceof Error ? error.message : String(error)}`;
      log('error', this.plantError);
    }
  }

  private async stopPlant(): Promise<void> {
    const plant = this.plant;
    this.plant = null;
    this.plantError = null;
    await plant?.stop();
  }
}
