import {
  AttributeIds,
  ClientMonitoredItemGroup,
  ClientSubscription,
  DataType,
  OPCUACertificateManager,
  OPCUAClient,
  TimestampsToReturn,
  resolveNodeId,
  type ClientSession,
} from 'node-opcua';
import type { ConnectionState, ConnectionStatus } from '../../shared/contract.js';
import { StatusCode, statusText } from '../../shared/status-code.js';
import { dataValueToSample, type SampleSlot } from './data-value-to-sample.js';
import { inBatches, readOperationLimits } from './read-operation-limits.js';
import { readTagMetadata } from './read-tag-metadata.js';
import { queueSizeFor } from './queue-size-for.js';
import { FLOAT_TYPES, SMALL_INTEGER_TYPES } from './numeric-data-types.js';
import type { SampleSource, SourceConfig, SourceFactory, SourceListener } from '../api/sample-source.js';

export interface OpcuaConnectionConfig extends SourceConfig {
  /** The app's own PKI folder; node-opcua would otherwise write to a per-user folder outside the app. */
  readonly pkiDir: string;
}

type ConnectionTag = SourceConfig['tags'][number];

// A plant server that restarts should be back on screen within about a second (TOOLCHAIN.md);
// the cap keeps a dead server from being hammered, and retries never stop.
const CONNECTION_STRATEGY = { initialDelay: 250, maxDelay: 5_000, maxRetry: Number.MAX_SAFE_INTEGER };
const SESSION_RETRY_MS = 5_000;

/**
 * One OPC UA server: its session, one subscription and the tags' monitored
 * items. node-opcua repairs the session and subscription after a network
 * fault by itself; what it does not do is tell the tags, so this class marks
 * them stale the moment the connection is lost.
 */
export class OpcuaConnection implements SampleSource {
  private client: OPCUAClient | null = null;
  private session: ClientSession | null = null;
  private subscription: ClientSubscription | null = null;
  private readonly dataTypes = new Map<number, DataType>();
  private stopped = false;
  private current: ConnectionStatus;
  private readonly slot: SampleSlot = { time: 0, value: 0, status: 0 };

  constructor(
    private readonly config: OpcuaConnectionConfig,
    private readonly listener: SourceListener,
    private readonly now: () => number = Date.now,
  ) {
    this.current = { id: config.id, name: config.name, endpointUrl: config.endpointUrl, state: 'connecting', lastError: null, reconnects: 0, since: now() };
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  start(): void {
    void this.run();
  }

  async write(index: number, value: number | boolean): Promise<number> {
    const session = this.session;
    if (!session || this.current.state !== 'connected') return StatusCode.BadNotConnected;
    const tag = this.config.tags.find((t) => t.index === index);
    if (!tag) return StatusCode.BadNodeIdUnknown;
    const dataType = await this.builtInTypeOf(session, tag);
    const variantValue = coerceForWrite(dataType, value);
    if (variantValue === undefined) return StatusCode.BadTypeMismatch;
    const result = await session.write({ nodeId: tag.nodeId, attributeId: AttributeIds.Value, value: { value: { dataType, value: variantValue } } });
    return result.value >>> 0;
  }

  async read(index: number): Promise<{ value: number; status: number }> {
    const session = this.session;
    if (!session || this.current.state !== 'connected') return { value: Number.NaN, status: StatusCode.BadNotConnected };
    const tag = this.config.tags.find((t) => t.index === index);
    if (!tag) return { value: Number.NaN, status: StatusCode.BadNodeIdUnknown };
    const dataValue = await session.read({ nodeId: tag.nodeId, attributeId: AttributeIds.Value }, 0);
    const sample = dataValueToSample(dataValue, this.now(), { time: 0, value: 0, status: 0 });
    return { value: sample.value, status: sample.status };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const { client, session, subscription } = this;
    this.client = this.session = this.subscription = null;
    await subscription?.terminate().catch(() => undefined);
    await session?.close().catch(() => undefined);
    await client?.disconnect().catch(() => undefined);
    this.setState('stopped', null);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.connectOnce();
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.setState('failed', message);
        this.listener.log('error', `${this.config.name}: ${message}; retrying in ${SESSION_RETRY_MS / 1000} s`);
        await this.client?.disconnect().catch(() => undefined);
        this.client = this.session = this.subscription = null;
        await new Promise((resolve) => setTimeout(resolve, SESSION_RETRY_MS));
      }
    }
  }

  private async connectOnce(): Promise<void> {
    const certificateManager = new OPCUACertificateManager({ rootFolder: this.config.pkiDir, automaticallyAcceptUnknownCertificate: false });
    const client = OPCUAClient.create({
      applicationName: 'Tidewatch',
      endpointMustExist: false,
      keepSessionAlive: true,
      connectionStrategy: CONNECTION_STRATEGY,
      clientCertificateManager: certificateManager,
    });
    this.client = client;
    this.watch(client);
    await client.connect(this.config.endpointUrl);
    if (this.stopped) return;
    const session = await client.createSession();
    this.session = session;
    const limits = await readOperationLimits(session);
    const metadata = await readTagMetadata(session, this.config.tags.map((t) => t.nodeId), limits);
    metadata.forEach((result, i) => {
      const tag = this.config.tags[i];
      if (!tag) return;
      if (result.ok) this.listener.metadata(tag.index, result.metadata);
      else this.reportTagError(tag, result.status, 'cannot read attributes');
    });
    this.subscription = ClientSubscription.create(session, {
      requestedPublishingInterval: this.config.publishingInterval,
      requestedLifetimeCount: 600,
      requestedMaxKeepAliveCount: 10,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 10,
    });
    for (const group of groupBySamplingInterval(this.config.tags)) {
      for (const batch of inBatches(group, limits.maxMonitoredItemsPerCall)) await this.monitor(batch);
    }
    this.setState('connected', null);
  }

  private async monitor(tags: readonly ConnectionTag[]): Promise<void> {
    const subscription = this.subscription;
    const first = tags[0];
    if (!subscription || !first) return;
    const group = ClientMonitoredItemGroup.create(
      subscription,
      tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value })),
      { samplingInterval: first.samplingInterval, queueSize: queueSizeFor(first.samplingInterval, this.config.publishingInterval), discardOldest: true },
      TimestampsToReturn.Both,
    );
    group.on('changed', (_item, dataValue, i) => {
      const tag = tags[i];
      if (!tag) return;
      const s = dataValueToSample(dataValue, this.now(), this.slot);
      this.listener.sample(tag.index, s.time, s.value, s.status);
    });
    await new Promise<void>((resolve, reject) => {
      group.once('initialized', resolve);
      group.once('terminated', (error) => reject(error ?? new Error('monitored items were terminated')));
    });
    group.monitoredItems.forEach((item, i) => {
      const tag = tags[i];
      if (tag && item.statusCode.isNotGood()) this.reportTagError(tag, item.statusCode.value >>> 0, 'cannot monitor');
    });
  }

  private reportTagError(tag: ConnectionTag, status: number, what: string): void {
    this.listener.sample(tag.index, this.now(), Number.NaN, status);
    this.listener.log('warning', `${this.config.name}: ${what} ${tag.nodeId}: ${statusText(status)}`);
  }

  private watch(client: OPCUAClient): void {
    client.on('backoff', (attempt, delay) => {
      const state: ConnectionState = this.current.state === 'connecting' ? 'connecting' : 'reconnecting';
      this.setState(state, `no answer from ${this.config.endpointUrl} (attempt ${attempt}); retrying in ${delay} ms`);
    });
    client.on('connection_lost', () => {
      this.listener.stale(this.config.tags.map((t) => t.index), this.now(), StatusCode.BadNoCommunication);
      this.current = { ...this.current, reconnects: this.current.reconnects + 1 };
      this.setState('reconnecting', 'connection lost');
      this.listener.log('warning', `${this.config.name}: connection lost; reconnecting`);
    });
    client.on('reconnection_attempt_has_failed', (_error, message) => this.setState('reconnecting', message));
    client.on('connection_reestablished', () => {
      this.setState('connected', null);
      this.listener.log('info', `${this.config.name}: connection re-established`);
    });
  }

  private async builtInTypeOf(session: ClientSession, tag: ConnectionTag): Promise<DataType> {
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

/** The factory the composition root hands to the core, with the app's PKI folder bound in. */
export function opcuaSourceFactory(pkiDir: string): SourceFactory {
  return (config, listener) => new OpcuaConnection({ ...config, pkiDir }, listener);
}

function groupBySamplingInterval(tags: readonly ConnectionTag[]): ConnectionTag[][] {
  const groups = new Map<number, ConnectionTag[]>();
  for (const tag of tags) {
    const group = groups.get(tag.samplingInterval);
    if (group) group.push(tag);
    else groups.set(tag.samplingInterval, [tag]);
  }
  return [...groups.values()];
}

/** A write must carry the node's own type: the server refuses a Double for an Int32. */
export function coerceForWrite(dataType: DataType, value: number | boolean): number | boolean | undefined {
  if (dataType === DataType.Boolean) return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (FLOAT_TYPES.has(dataType)) return value;
  if (SMALL_INTEGER_TYPES.has(dataType)) return Number.isInteger(value) ? value : undefined;
  return undefined;
}
