import type { Principal } from '../../shared/api/auth-permissions.js';
import { ApiError, type ConnectionStatus, type ServerEvent, type ProjectStatus, type Snapshot, type TagInfo, type TidewatchApi } from '../../shared/contract.js';
import { NO_COMMANDS, type CommandHost } from '../auth/command-host.js';
import type { WriteHost } from '../auth/operator-actions.js';
import type { FrameStreamer } from '../stream/frame-streamer.js';
import type { SessionSecurity } from '../auth/session-security.js';
import { ClientSession, type ClientSink, type SessionHost } from './client-session.js';
import { LatestValues } from './latest-values.js';
import { newTagInfo } from './new-tag-info.js';
import type { ConnectionDefinition, Log, SampleObserver, SampleSource, SourceFactory, SourceListener, SourceTag, TagDefinition } from './sample-source.js';
import { tagId } from './tag-id.js';

/** About 60 Hz: one frame per display refresh (DESIGN.md, the hot path step 4). */
/** Who acts in a session, for services that record it (the alarm journal, the audit trail). */
/** The calling session's user ("" before a login), station and, for per-object checks, its principal. */
export type SessionActor = () => { readonly user: string; readonly station: string; readonly principal: Principal | null };

/** A domain service's methods for one session, bound to that session's user. */
export type DomainApiFactory = (actor: SessionActor) => Partial<TidewatchApi>;

export const DISPLAY_TICK_MS = 1000 / 60;
/**
 * Frames go out on samples and acks; only a lost ack needs a clock, and it is
 * taken as lost after 5 s, so a look once a second is soon enough. A 60 Hz
 * ticker cost the stream bench's main process about a tenth of its CPU on this
 * machine, and woke an idle station 60 times a second.
 */
const ACK_CHECK_MS = 1000;

/**
 * The transport-agnostic heart of the app: receives every sample, keeps the
 * newest per tag, and fans out to each connected renderer's streamer.
 * Low-rate changes (connection states, tag metadata) are gathered and sent
 * once per tick so 10,000 tags' metadata is one event, not 10,000.
 */
export class TidewatchCore implements SessionHost {
  // Indexes are never reused while the core runs: a frame's tag column always means one tag.
  private readonly tags = new Map<number, TagInfo>();
  private nextIndex = 0;
  private project: ProjectStatus = { name: '', file: null, issues: [], lastGood: null };
  private readonly tagsById = new Map<string, TagInfo>();
  /** Units the project gives, by tag index: the server's EngineeringUnits must not replace them. */
  private readonly projectUnits = new Map<number, string>();
  private readonly sources = new Map<string, SampleSource>();
  private readonly fixedStatuses = new Map<string, ConnectionStatus>();
  private readonly latest = new LatestValues();
  private sessions: ClientSession[] = [];
  private observers: SampleObserver[] = [];
  private domainApis: DomainApiFactory[] = [];
  private tagsChanged = false;
  private connectionsChanged = false;
  private readonly ackCheck: ReturnType<typeof setInterval>;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private flushPending = false;
  /** After the I/O callback that delivered samples (a whole publish response) has pushed them all. */
  private readonly flushSoon = () => {
    this.flushPending = false;
    for (const session of this.sessions) session.streamer.flushSoon();
  };

  /** The write path as sessions see it: tags, their latest values and connections, and the sources' write and read. */
  readonly writeHost: WriteHost = {
    tag: (tagId) => this.tagsById.get(tagId),
    writeLimits: (tagId) => this.security.tagPolicy(tagId).writeLimits,
    isCritical: (tagId) => this.security.tagPolicy(tagId).critical,
    latest: (index) => {
      const status = this.latest.statusOf(index);
      return status === undefined ? undefined : { value: this.latest.valueOf(index), status };
    },
    connection: (connectionId) => this.sources.get(connectionId)?.status ?? this.fixedStatuses.get(connectionId),
    write: (tag, value) => this.sourceOf(tag).write(tag.index, value),
    read: (tag) => this.sourceOf(tag).read(tag.index),
  };

  /** The project's commands and the servers' methods; the composition root sets it once the OPC UA client exists. */
  commandHost: CommandHost = NO_COMMANDS;

  constructor(
    private readonly log: Log,
    readonly security: SessionSecurity,
    private readonly now: () => number = Date.now,
  ) {
    this.ackCheck = setInterval(this.flushSoon, ACK_CHECK_MS);
    this.ackCheck.unref();
  }

  addConnection(definition: ConnectionDefinition, createSource: SourceFactory): void {
    const tags = this.numberTags(definition.id, definition.tags);
    const source = createSource({ ...definition, tags: sourceTags(tags, definition.tags) }, this.listenerFor(definition.id));
    this.sources.set(definition.id, source);
    this.markChanged('connections');
    source.start();
  }

  /**
   * Tags added to a running connection (the address-space browser): numbered
   * after every existing tag and subscribed by the connection's source.
   */
  addTags(connectionId: string, definitions: readonly TagDefinition[]): TagInfo[] {
    const source = this.sources.get(connectionId);
    if (!source?.addTags) throw new ApiError(`addTags: connection ${JSON.stringify(connectionId)} cannot take tags while running`);
    const duplicate = definitions.find((d) => this.tagsById.has(tagId(connectionId, d.name)));
    if (duplicate) throw new ApiError(`addTags: ${tagId(connectionId, duplicate.name)} already exists`);
    const tags = this.numberTags(connectionId, definitions);
    this.markChanged('tags');
    source.addTags(sourceTags(tags, definitions)).catch((error: unknown) => this.log('warning', `${connectionId}: cannot subscribe added tags: ${String(error)}`));
    return tags;
  }

  /**
   * Tags removed from a running connection (a project reload dropped them):
   * their monitored items go, the connection's other tags stream on. Rejects,
   * changing nothing, when the source cannot do it now; the caller then rebuilds the connection.
   */
  async removeTags(connectionId: string, names: readonly string[]): Promise<void> {
    const source = this.sources.get(connectionId);
    if (!source?.removeTags) throw new ApiError(`removeTags: connection ${JSON.stringify(connectionId)} cannot drop tags while running`);
    const tags = names.flatMap((name) => this.tagsById.get(tagId(connectionId, name)) ?? []);
    await source.removeTags(new Set(tags.map((t) => t.index)));
    this.retire(tags);
  }

  /** Stops a connection and retires its tags (a project reload removed or changed it). */
  async removeConnection(id: string): Promise<void> {
    const source = this.sources.get(id);
    this.sources.delete(id);
    this.fixedStatuses.delete(id);
    this.retire([...this.tags.values()].filter((tag) => tag.connectionId === id));
    this.markChanged('connections');
    await source?.stop();
  }

  /** Forgets tags: their late samples are dropped, and clients get the shorter list. */
  private retire(tags: readonly TagInfo[]): void {
    for (const tag of tags) {
      this.tags.delete(tag.index);
      this.tagsById.delete(tag.id);
      this.projectUnits.delete(tag.index);
      this.latest.forget(tag.index);
    }
    this.markChanged('tags');
  }

  setProject(project: ProjectStatus): void {
    this.project = project;
    this.broadcast({ type: 'project', project });
  }

  /** A connection that could not even be attempted (the demo plant failed to start): shown, never retried. */
  addFailedConnection(id: string, name: string, endpointUrl: string, error: string): void {
    this.fixedStatuses.set(id, { id, name, endpointUrl, state: 'failed', lastError: error, reconnects: 0, keepAliveMs: null, since: this.now() });
    this.markChanged('connections');
  }

  /** Alarms, history and the like see every sample, synchronously, after the tag cache. */
  addSampleObserver(observer: SampleObserver): void {
    this.observers = [...this.observers, observer];
  }

  /** A domain service (history, alarms, ...) answers its methods for every client. */
  registerApi(factory: DomainApiFactory): void {
    this.domainApis = [...this.domainApis, factory];
  }

  domainMethods(actor: SessionActor): Partial<TidewatchApi> {
    return Object.assign({}, ...this.domainApis.map((factory) => factory(actor))) as Partial<TidewatchApi>;
  }

  tagList(): TagInfo[] {
    return [...this.tags.values()];
  }

  tag(tagId: string): TagInfo | undefined {
    return this.tagsById.get(tagId);
  }

  tagAt(index: number): TagInfo | undefined {
    return this.tags.get(index);
  }

  /** station: how the client appears in the audit trail ("desktop@HOST", "browser@127.0.0.1"). */
  openClient(sink: ClientSink, station: string): ClientSession {
    const session = new ClientSession(this, sink, station);
    this.sessions = [...this.sessions, session];
    return session;
  }

  snapshot(): Snapshot {
    return { tags: this.tagList(), connections: this.connectionStatuses(), project: this.project };
  }

  private sourceOf(tag: TagInfo): SampleSource {
    const source = this.sources.get(tag.connectionId);
    if (!source) throw new Error(`${tag.id}: its connection ${tag.connectionId} is not running`);
    return source;
  }

  seed(streamer: FrameStreamer): void {
    this.latest.forEach((tag, time, value, status) => streamer.push(tag, time, value, status));
  }

  release(session: ClientSession): void {
    this.sessions = this.sessions.filter((s) => s !== session);
  }

  async dispose(): Promise<void> {
    clearInterval(this.ackCheck);
    for (const session of this.sessions) session.dispose();
    await Promise.all([...this.sources.values()].map((source) => source.stop()));
    this.sources.clear();
    // After the sources: one stopping may still have marked a change.
    clearTimeout(this.changeTimer);
  }

  /** The hot path: no allocation, no I/O. */
  private sample(index: number, time: number, value: number, status: number): void {
    this.latest.set(index, time, value, status);
    const observers = this.observers;
    for (let i = 0; i < observers.length; i++) observers[i]!.sample(index, time, value, status);
    const sessions = this.sessions;
    for (let i = 0; i < sessions.length; i++) sessions[i]!.streamer.push(index, time, value, status);
    if (!this.flushPending) {
      this.flushPending = true;
      setImmediate(this.flushSoon);
    }
  }

  private listenerFor(connectionId: string): SourceListener {
    return {
      sample: (index, time, value, status) => {
        // A source being stopped may still deliver; its retired tags must not come back.
        if (this.tags.has(index)) this.sample(index, time, value, status);
      },
      stale: (indexes, time, status) => {
        for (const index of indexes) this.sample(index, time, this.latest.valueOf(index), status);
      },
      metadata: (index, metadata) => {
        const tag = this.tags.get(index);
        if (tag?.connectionId !== connectionId) return;
        this.putTag({
          ...tag,
          ...metadata,
          unit: this.projectUnits.get(index) ?? metadata.unit,
          description: metadata.description || tag.description,
        });
        this.markChanged('tags');
      },
      status: (status) => {
        this.markChanged('connections');
        const level = status.state === 'failed' || status.state === 'reconnecting' ? 'warning' : 'info';
        this.log(level, `${status.name}: ${status.state}${status.lastError ? ` (${status.lastError})` : ''}`);
      },
      log: this.log,
    };
  }

  private numberTags(connectionId: string, definitions: readonly TagDefinition[]): TagInfo[] {
    const first = this.nextIndex;
    this.nextIndex += definitions.length;
    const tags = definitions.map((tag, i) => newTagInfo(connectionId, first + i, tag));
    definitions.forEach((tag, i) => tag.unit !== undefined && this.projectUnits.set(first + i, tag.unit));
    for (const tag of tags) this.putTag(tag);
    return tags;
  }

  private putTag(tag: TagInfo): void {
    this.tags.set(tag.index, tag);
    this.tagsById.set(tag.id, tag);
  }

  private connectionStatuses(): ConnectionStatus[] {
    return [...[...this.sources.values()].map((s) => s.status), ...this.fixedStatuses.values()];
  }

  /** One event per kind a display tick after the first change, however many came meanwhile (10,000 tags' metadata arrive one by one). */
  private markChanged(kind: 'tags' | 'connections'): void {
    if (kind === 'tags') this.tagsChanged = true;
    else this.connectionsChanged = true;
    if (this.changeTimer !== undefined) return;
    this.changeTimer = setTimeout(() => this.broadcastChanges(), DISPLAY_TICK_MS);
    this.changeTimer.unref();
  }

  private broadcastChanges(): void {
    this.changeTimer = undefined;
    if (this.tagsChanged) this.broadcast({ type: 'tags', tags: this.tagList() });
    if (this.connectionsChanged) this.broadcast({ type: 'connections', connections: this.connectionStatuses() });
    this.tagsChanged = this.connectionsChanged = false;
  }

  broadcast(event: ServerEvent): void {
    for (const session of this.sessions) session.sink.event(event);
  }
}

/** What a source is told about each tag: its index and node, and how to subscribe it. */
function sourceTags(tags: readonly TagInfo[], definitions: readonly TagDefinition[]): SourceTag[] {
  return tags.map((tag, i) => {
    const { publishingInterval, queueSize, deadband, samplingInterval } = definitions[i] ?? { samplingInterval: 100 };
    return {
      index: tag.index,
      nodeId: tag.nodeId,
      samplingInterval,
      ...(publishingInterval !== undefined && { publishingInterval }),
      ...(queueSize !== undefined && { queueSize }),
      ...(deadband !== undefined && { deadband }),
    };
  });
}
