import path from 'node:path';
import type { ServerSettings } from '../../shared/api/connection-api.js';
import type { TidewatchCore } from '../api/tidewatch-core.js';
import type { Log, SourceFactory } from '../api/sample-source.js';
import { changedServers, projectConnections, type ProjectConnection } from '../project/project-connections.js';
import type { Project } from '../project/project-schema.js';
import { startSimulator, type RunningSimulator } from '../simulator/start-simulator.js';

/** A crashed demo plant is started again after this, then after twice as long each time that fails. */
const PLANT_RESTART_FIRST_MS = 1_000;
const PLANT_RESTART_MAX_MS = 30_000;

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
 * embedded demo plant is started when a project asks for it, started again
 * if it dies, and stopped when no project asks for it any more.
 */
export class ProjectRunner {
  private running: ProjectConnection[] = [];
  private plant: RunningSimulator | null = null;
  private plantError: string | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
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
    const { stop, start, retag } = changedServers(this.running, next);
    for (const { id, added, removed } of retag) {
      try {
        if (removed.length > 0) await core.removeTags(id, removed);
        if (added.length > 0) core.addTags(id, added);
      } catch (error) {
        // A server that never connected (the demo plant failed to start), or one reconnecting, has no session to change: build it anew.
        log('info', `project "${project.name}": ${id} rebuilt to change its tags (${error instanceof Error ? error.message : String(error)})`);
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
    for (const { id, added, removed } of retag.filter((r) => !start.includes(r.id))) {
      log('info', `project "${project.name}": ${id} monitors ${added.length} new and drops ${removed.length} tag(s) on its running session`);
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopPlant();
  }

  private async startPlant(): Promise<void> {
    try {
      this.plant = await this.launchPlant(0);
      if (this.plant) this.deps.log('info', `demo plant started at ${this.plant.endpointUrl}`);
    } catch (error) {
      this.plantError = `demo plant failed to start: ${error instanceof Error ? error.message : String(error)}`;
      this.deps.log('error', this.plantError);
    }
  }

  /**
   * The demo plant on `port` (0: any free one), watched: a plant that dies on its
   * own (killed, crashed) is started again on the same port, so its connection
   * reconnects by itself as it would to a real server coming back.
   */
  private async launchPlant(port: number): Promise<RunningSimulator | null> {
    const { userDataDir, simulatorEntry, log } = this.deps;
    const plant = await startSimulator({ entry: simulatorEntry, port, pkiDir: path.join(userDataDir, 'demo-plant-pki') });
    if (this.disposed) {
      await plant.stop(); // the app closed while the plant was starting
      return null;
    }
    plant.onExit((code, signal) => {
      if (this.disposed || this.plant !== plant) return;
      log('error', `demo plant exited (${signal ?? `code ${code}`}); starting it again`);
      this.restartPlant(plant, Number(new URL(plant.endpointUrl).port), PLANT_RESTART_FIRST_MS);
    });
    return plant;
  }

  private restartPlant(exited: RunningSimulator, port: number, delayMs: number): void {
    const { log } = this.deps;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.disposed || this.plant !== exited) return;
      this.launchPlant(port).then(
        (plant) => {
          if (plant === null || this.plant !== exited) return void plant?.stop();
          this.plant = plant;
          log('info', `demo plant started again at ${plant.endpointUrl}`);
        },
        (error: unknown) => {
          log('error', `demo plant did not start again: ${error instanceof Error ? error.message : String(error)}; trying again in ${Math.round(Math.min(delayMs * 2, PLANT_RESTART_MAX_MS) / 1000)} s`);
          this.restartPlant(exited, port, Math.min(delayMs * 2, PLANT_RESTART_MAX_MS));
        },
      );
    }, delayMs);
  }

  private async stopPlant(): Promise<void> {
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const plant = this.plant;
    this.plant = null;
    this.plantError = null;
    await plant?.stop();
  }
}
