import type { ServerEvent, SetTrendedTagsRequest, Snapshot, TidewatchApi } from '../../shared/contract.js';
import type { CommandApi } from '../../shared/api/command-api.js';
import type { LiveApi } from '../../shared/api/live-api.js';
import type { ClientAuth } from '../auth/client-auth.js';
import { guardApi } from '../auth/guard-api.js';
import type { CommandHost } from '../auth/command-host.js';
import { OperatorActions, type WriteHost } from '../auth/operator-actions.js';
import { OperatorCommands } from '../auth/operator-commands.js';
import type { SessionSecurity } from '../auth/session-security.js';
import { FrameStreamer } from '../stream/frame-streamer.js';
import { apiRequirements } from './api-requirements.js';
import type { SessionActor } from './tidewatch-core.js';

/** Where one renderer's frames and events go: an IPC port or a WebSocket. */
export interface ClientSink {
  frame(buffer: ArrayBuffer): void;
  event(event: ServerEvent): void;
}

/** What a session needs from the core; kept narrow so sessions cannot reach into connections. */
export interface SessionHost {
  readonly security: SessionSecurity;
  readonly writeHost: WriteHost;
  readonly commandHost: CommandHost;
  domainMethods(actor: SessionActor): Partial<TidewatchApi>;
  snapshot(): Snapshot;
  seed(streamer: FrameStreamer): void;
  release(session: ClientSession): void;
}

/**
 * One connected renderer: its own stream, backpressure and trended set, its
 * own logged-in user, and its own select-before-operate state. Every method
 * it offers passes the permission guard after its parameters are validated.
 */
export class ClientSession {
  readonly streamer: FrameStreamer;
  readonly auth: ClientAuth;
  private readonly actions: OperatorActions;
  private readonly commands: OperatorCommands;

  constructor(
    private readonly host: SessionHost,
    readonly sink: ClientSink,
    station: string,
  ) {
    this.streamer = new FrameStreamer((buffer) => sink.frame(buffer));
    this.auth = host.security.auth.openSession(station, (auth) => sink.event({ type: 'auth', auth }));
    this.actions = new OperatorActions(host.writeHost, host.security.audit, () => this.auth.actor(), host.security.selectTimeoutMs);
    this.commands = new OperatorCommands(host.commandHost, host.writeHost, host.security.audit, () => this.auth.actor(), host.security.selectTimeoutMs);
    host.seed(this.streamer);
  }

  /** What this renderer may call: its own live, auth and write methods plus the domains registered with the core, each behind its permission. */
  api(): TidewatchApi {
    const live: LiveApi = {
      snapshot: async () => this.host.snapshot(),
      writeTag: (request) => this.actions.writeTag(request),
      setTrendedTags: async (request: SetTrendedTagsRequest) => this.streamer.setTrended(request.tagIndexes),
    };
    const commands: CommandApi = {
      listCommands: () => this.commands.listCommands(),
      prepareCommand: (request) => this.commands.prepareCommand(request),
      runCommand: (request) => this.commands.runCommand(request),
    };
    const api = { ...(this.host.domainMethods(() => this.auth.actor()) as TidewatchApi), ...live, ...this.auth.methods(), ...commands, prepareWrite: (request) => this.actions.prepareWrite(request) } satisfies TidewatchApi;
    const areaOf = (name: string) => this.host.commandHost.commands().find((c) => c.name === name)?.area ?? name;
    return guardApi(api, apiRequirements(areaOf), this.auth);
  }

  ack(seq: number): void {
    this.streamer.ack(seq);
  }

  dispose(): void {
    this.streamer.dispose();
    this.auth.dispose();
    this.host.release(this);
  }
}
