import { AttributeIds, DataType, resolveNodeId, type ClientSession, type OPCUAClient } from 'node-opcua';
import type { ConnectionState, ConnectionStatus } from '../../shared/contract.js';
import { StatusCode } from '../../shared/status-code.js';
import type { SampleSource, SourceFactory, SourceListener } from '../api/sample-source.js';
import { breakConnection, cancelReconnection } from './break-connection.js';
import { coerceForWrite } from './coerce-for-write.js';
import { ConnectError } from './connect-error.js';
import { dataValueToSample } from './data-value-to-sample.js';
import { establishSession } from './establish-session.js';
import { historyReadRaw, type RawHistoryPage, type RawHistoryRange, type RawHistoryResult } from './history-read-raw.js';
import { OpcuaPki } from './opcua-pki.js';
import { readOperationLimits, type OperationLimits } from './read-operation-limits.js';
import { retryDelay } from './retry-delay.js';
import { serverSettingsSchema, type ResolveSecret, type ServerSettings } from './server-settings.js';
import { settleWithin } from './settle-within.js';
import { SilenceWatchdog } from './silence-watchdog.js';
import { resolveTag, type OpcuaTag, type PlannedTag } from './subscription-plan.js';
import { TagFeed } from './tag-feed.js';
import { TagSubscriptions } from './tag-subscriptions.js';

export interface OpcuaConnectionDeps {
  /** May still be opening (creating the certificate on first run): the first connect waits for it. */
  readonly pki: OpcuaPki | PromiseLike<OpcuaPki>;
  readonly resolveSecret: ResolveSecret;
  readonly now?: () => number;
  /** Told once the connection has stopped for good (its server was removed). */
  readonly onStop?: () => void;
}

type SessionListener = (session: ClientSession) => void;

/** How long a server gets to answer DeleteSubscriptions and CloseSession, and the client to close its channel. */
const GOODBYE_MS = 2000;

/**
 * One OPC UA server: its session, subscriptions and the tags' monitored
 * items. node-opcua repairs a lost session and its subscriptions by itself;
 * this class tells the tags (Bad, no communication) the moment the
 * connection is lost or the server falls silent, and retries a failed
 * first connection for ever with a capped backoff.
 */
export class OpcuaConnection implements SampleSource {
  private client: OPCUAClient | null = null;
  private session: ClientSession | null = null;
  private subscriptions: TagSubscriptions | null = null;
  private limits: OperationLimits | null = null;
  private readonly feed: TagFeed;
  private readonly dataTypes = new Map<number, DataType>();
  private sessionListeners: SessionListener[] = [];
  private lost = false;
  /** After a reconnection the watchdog waits for the first publish: recreating thousands of items can keep a server busy past a keep-alive. */
  private rearm = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private current: ConnectionStatus;
  private readonly watchdog: SilenceWatchdog;
  private readonly now: () => number;

  constructor(
    readonly settings: ServerSettings,
    tags: readonly OpcuaTag[],
    private readonly listener: SourceListener,
    private readonly deps: OpcuaConnectionDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.feed = new TagFeed(settings.name, listener, this.now, () => this.describeUndescribed());
    this.feed.add(tags.map((t) => resolveTag(t, settings.publishingInterval)));
    this.current = { id: settings.id, name: settings.name, endpointUrl: settings.endpointUrl, state: 'connecting', lastError: null, reconnects: 0, keepAliveMs: null, since: this.now() };
    this.watchdog = new SilenceWatchdog((silentMs) => this.onSilence(silentMs), this.now);
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  start(): void {
    void this.run();
  }

  /** Runs `listener` with every session this connection creates (now, if it has one): alarms and events hook in here. */
  onSession(listener: SessionListener): () => void {
    this.sessionListeners = [...this.sessionListeners, listener];
    if (this.session) listener(this.session);
    return () => (this.sessionListeners = this.sessionListeners.filter((l) => l !== listener));
  }

  /** The live session for browsing and reading, or why there is none. */
  activeSession(): { session: ClientSession; limits: OperationLimits } {
    if (!this.session || !this.limits || this.current.state !== 'connected') {
      throw new ConnectError(`${this.settings.name} is not connected (${this.current.state}${this.current.lastError ? `: ${this.current.lastError}` : ''})`);
    }
    return { session: this.session, limits: this.limits };
  }

  /** A failed first connection waiting between attempts tries again now (after a certificate was trusted). */
  retryNow(): void {
    this.wake?.();
  }

  /** Tags added at runtime: monitored now when connected, else with the next session. */
  async addTags(tags: readonly OpcuaTag[]): Promise<void> {
    this.feed.add(tags.map((t) => resolveTag(t, this.settings.publishingInterval)));
    if (this.current.state === 'connected') await this.subscribePending();
  }

  /** Tags removed at runtime: their monitored items are deleted on the live session; without one this refuses. */
  async removeTags(indexes: ReadonlySet<number>): Promise<void> {
    const subscriptions = this.subscriptions;
    if (!subscriptions || this.current.state !== 'connected') throw new Error(`${this.settings.name} is ${this.current.state}, not connected`);
    this.feed.remove(indexes);
    await subscriptions.remove(indexes);
  }

  async write(index: number, value: number | boolean): Promise<number> {
    const session = this.session;
    const tag = this.feed.get(index);
    if (!session || this.current.state !== 'connected') return StatusCode.BadNotConnected;
    if (!tag) return StatusCode.BadNodeIdUnknown;
    const dataType = await this.builtInTypeOf(session, tag);
    const variantValue = coerceForWrite(dataType, value);
    if (variantValue === undefined) return StatusCode.BadTypeMismatch;
    const result = await session.write({ nodeId: tag.nodeId, attributeId: AttributeIds.Value, value: { value: { dataType, value: variantValue } } });
    return result.value >>> 0;
  }

  /** The tag's current value straight from the server (maxAge 0), not the last one published. */
  async read(index: number): Promise<{ value: number; status: number }> {
    const session = this.session;
    if (!session || this.current.state !== 'connected') return { value: Number.NaN, status: StatusCode.BadNotConnected };
    const tag = this.feed.get(index);
    if (!tag) return { value: Number.NaN, status: StatusCode.BadNodeIdUnknown };
    const dataValue = await session.read({ nodeId: tag.nodeId, attributeId: AttributeIds.Value }, 0);
    const sample = dataValueToSample(dataValue, this.now, { time: 0, value: 0, status: 0 });
    return { value: sample.value, status: sample.status };
  }

  /**
   * The tag's raw history from the server (HistoryRead, paged); null when its
   * metadata did not say the server keeps that history (or is not read yet).
   */
  readRawHistory(index: number, range: RawHistoryRange, onPage: (page: RawHistoryPage) => void): Promise<RawHistoryResult> | null {
    const tag = this.feed.get(index);
    if (!tag || !this.feed.keepsHistory(index)) return null;
    const subject = `${this.settings.name}: ${tag.nodeId}`;
    if (!this.session || this.current.state !== 'connected') return Promise.resolve({ ok: false, reason: `${subject}: the server is not connected (${this.current.state})` });
    return historyReadRaw(this.session, tag.nodeId, range, onPage).then((result) => (result.ok ? result : { ok: false, reason: `${subject}: ${result.reason}` }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.watchdog.dispose();
    await this.teardown();
    (await this.deps.pki).forget(this.settings.id);
    this.setState('stopped', null);
    this.deps.onStop?.();
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.connectOnce();
        return;
      } catch (error) {
        await this.teardown();
        if (this.stopped) return;
        const delay = retryDelay(attempt, this.settings.reconnect.initialDelayMs * 4, this.settings.reconnect.maxDelayMs);
        await this.reportFailure(error, delay).catch(() => undefined);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  private async connectOnce(): Promise<void> {
    this.setState('connecting', this.current.lastError);
    const pki = await this.deps.pki;
    const { session } = await establishSession(this.settings, { pki, resolveSecret: this.deps.resolveSecret }, (c) => {
      this.client = c;
      this.watch(c);
    });
    this.session = session;
    if (this.stopped) return;
    this.limits = await readOperationLimits(session);
    this.subscriptions = new TagSubscriptions(session, this.limits, {
      sample: (tag, dataValue) => this.feed.sample(tag, dataValue),
      heard: () => this.onHeard(),
    });
    this.feed.restart();
    await this.subscribePending();
    pki.forget(this.settings.id);
    this.setState('connected', null);
    this.listener.log('info', `${this.settings.name}: connected to ${this.settings.endpointUrl} (${this.settings.securityMode}/${this.settings.securityPolicy}, ${this.settings.user.kind} user)`);
    for (const listener of this.sessionListeners) listener(session);
  }

  /**
   * Monitors the pending tags, then reads their metadata in the background:
   * values flow without waiting for ten thousand units and ranges, and a
   * connection lost while reading them costs a re-read, not the session.
   */
  private async subscribePending(): Promise<void> {
    const { session, limits, subscriptions } = this;
    const tags = this.feed.takePending();
    if (!session || !limits || !subscriptions || tags.length === 0) return;
    const refused = new Map((await subscriptions.add(tags)).map((r) => [r.tag.index, r.status]));
    this.feed.monitoring(tags, refused);
    this.armWatchdog(subscriptions);
    void this.feed.describe(session, limits, tags, refused);
  }

  /** Reads the metadata of tags that lack it, in the background; without a session they wait for the next one. */
  private describeUndescribed(): void {
    const { session, limits } = this;
    if (!session || !limits || this.lost) return;
    const undescribed = this.feed.takeUndescribed();
    if (undescribed.length > 0) void this.feed.describe(session, limits, undescribed, new Map());
  }

  private onHeard(): void {
    if (this.rearm && this.subscriptions) {
      this.rearm = false;
      this.armWatchdog(this.subscriptions);
    }
    this.watchdog.heard();
  }

  private armWatchdog(subscriptions: TagSubscriptions): void {
    const keepAliveMs = subscriptions.keepAlivePeriodMs();
    this.watchdog.arm(keepAliveMs);
    if (keepAliveMs === this.current.keepAliveMs) return;
    this.current = { ...this.current, keepAliveMs };
    this.listener.status(this.current);
  }

  private async reportFailure(error: unknown, delay: number): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const certificate = error instanceof ConnectError ? error.untrustedCertificate : null;
    if (certificate) (await this.deps.pki).noteWaiting(certificate.thumbprint, this.settings.id);
    this.setState('failed', message);
    this.listener.log('error', `${this.settings.name} (${this.settings.endpointUrl}): ${message}; retrying in ${(delay / 1000).toFixed(1)} s`);
  }

  private watch(client: OPCUAClient): void {
    client.on('backoff', (attempt, delay) => {
      if (this.current.state !== 'reconnecting') return; // a first connect reports its own failure
      this.setState('reconnecting', `no answer from ${this.settings.endpointUrl} (attempt ${attempt}); retrying in ${delay} ms`);
    });
    client.on('connection_lost', () => this.markLost('connection lost'));
    client.on('reconnection_attempt_has_failed', (_error, message) => this.setState('reconnecting', message));
    client.on('connection_reestablished', () => void this.onReestablished());
  }

  private markLost(reason: string): void {
    if (this.lost || this.current.state !== 'connected') return;
    this.lost = true;
    this.watchdog.disarm();
    this.feed.markStale(StatusCode.BadNoCommunication);
    this.current = { ...this.current, reconnects: this.current.reconnects + 1 };
    this.setState('reconnecting', reason);
    this.listener.log('warning', `${this.settings.name}: ${reason}; reconnecting`);
  }

  private onSilence(silentMs: number): void {
    this.markLost(`no answer from the server for ${(silentMs / 1000).toFixed(1)} s (keep-alive missed)`);
    breakConnection(this.client);
  }

  private async onReestablished(): Promise<void> {
    if (this.stopped) return; // a reconnection that finished while stop() was closing the client
    this.lost = false;
    this.setState('connected', null);
    this.listener.log('info', `${this.settings.name}: connection re-established`);
    this.rearm = true;
    const warn = (what: string) => (error: unknown) => this.listener.log('warning', `${this.settings.name}: cannot ${what}: ${String(error)}`);
    await this.subscribePending().catch(warn('monitor added tags'));
    const { session, limits } = this;
    if (!session || !limits) return;
    this.describeUndescribed();
    // Transferred or recreated subscriptions send every value again; give them one keep-alive period first.
    await new Promise((resolve) => setTimeout(resolve, this.subscriptions?.keepAlivePeriodMs() ?? 0));
    if (this.lost || this.stopped) return;
    await this.feed.refreshStale(session, limits).catch(warn('refresh values'));
  }

  private async teardown(): Promise<void> {
    const { client, session, subscriptions } = this;
    const reachable = !this.lost;
    this.client = this.session = this.subscriptions = null;
    this.watchdog.disarm();
    // While node-opcua reconnects it parks every request until the server is back: saying goodbye
    // to a server that is gone would wait for good. Skip it then, and bound it always.
    if (reachable) {
      const goodbye = (async () => {
        await subscriptions?.terminate();
        await session?.close();
      })();
      if (!(await settleWithin(GOODBYE_MS, goodbye))) this.listener.log('warning', `${this.settings.name}: the server did not answer the goodbye within ${GOODBYE_MS} ms; closing the connection anyway`);
    }
    await settleWithin(GOODBYE_MS, cancelReconnection(client));
    await settleWithin(GOODBYE_MS, client?.disconnect());
  }

  private async builtInTypeOf(session: ClientSession, tag: PlannedTag): Promise<DataType> {
    const known = this.dataTypes.get(tag.index);
    if (known !== undefined) return known;
    const dataType = await session.getBuiltInDataType(resolveNodeId(tag.nodeId));
    this.dataTypes.set(tag.index, dataType);
    return dataType;
  }

  private setState(state: ConnectionState, lastError: string | null): void {
    if (this.current.state === state && this.current.lastError === lastError) return;
    const since = this.current.state === state ? this.current.since : this.now();
    this.current = { ...this.current, state, lastError, since };
    this.listener.status(this.current);
  }
}

/**
 * Connections with only an id, name, URL and publishing interval (no
 * security, anonymous), the PKI opened on first use: for composition roots
 * that do not use OpcuaConnections yet.
 */
export function opcuaSourceFactory(pkiDir: string): SourceFactory {
  let pki: Promise<OpcuaPki> | undefined;
  return (config, listener) => {
    pki ??= OpcuaPki.open(pkiDir, listener.log);
    const settings = serverSettingsSchema.parse({ id: config.id, name: config.name, endpointUrl: config.endpointUrl, publishingInterval: config.publishingInterval });
    return new OpcuaConnection(settings, config.tags, listener, {
      pki,
      resolveSecret: async (reference) => {
        throw new Error(`no secret store to unseal ${reference}`);
      },
    });
  };
}
