import {
  AttributeIds, ClientMonitoredItem, ClientSubscription, constructEventFilter, makeContentFilter, ObjectTypeIds, ofType, or,
  TimestampsToReturn, type ClientSession, type NodeId, type Variant,
} from 'node-opcua';
import type { ConditionSink, ConditionSource, ConditionTarget, MethodOutcome } from '../alarms/condition-source.js';
import { SERVER_OBJECT_NODE_ID } from '../../shared/api/connection-api.js';
import { StatusCode } from '../../shared/status-code.js';
import { conditionMethods } from './alarm-methods.js';
import { CONDITION_FIELDS, conditionEvent, type PlainFields } from './alarm-event-fields.js';
import { plainValue } from './alarm-plain-value.js';
import { parseNodeId } from './parse-node-id.js';

export interface AlarmEventsOptions {
  /** Event notifiers to watch (the project's eventNotifiers): the Server object by default. */
  readonly notifiers?: readonly string[];
  readonly publishingInterval?: number;
}

/** Deep enough for a flood between two publishes; an overflow triggers a ConditionRefresh. */
const EVENT_QUEUE_SIZE = 10_000;
/** An event reaching us through two notifiers (an area and the Server) counts once. */
const RECENT_EVENT_IDS = 2_000;

const typeNames = new Map<string, string>(Object.entries(ObjectTypeIds).map(([name, id]) => [`ns=0;i=${id}`, name]));

/**
 * The OPC UA Alarms & Conditions client of one session: an event monitored
 * item on the Server object (and/or areas) with an EventFilter selecting the
 * condition fields, a ConditionRefresh after every (re)connect and after a
 * queue overflow, and the condition methods. Build it for each new session
 * (OpcuaConnection.onSession); node-opcua repairs the session and the
 * subscription after a network fault by itself, and on its session_restored
 * this asks the server for its retained conditions again.
 */
export class OpcuaAlarmEvents implements ConditionSource {
  private sink: ConditionSink | null = null;
  private subscription: ClientSubscription | null = null;
  private connected = true;
  private disposed = false;
  private readonly recent = new Set<string>();
  private readonly methods: ReturnType<typeof conditionMethods>;
  /** node-opcua repaired the session and recreated the subscription: ask for the retained conditions again. */
  private readonly onRestored = () => {
    this.connected = true;
    void this.refresh('after reconnect');
  };

  constructor(
    private readonly session: ClientSession,
    private readonly options: AlarmEventsOptions = {},
  ) {
    this.methods = conditionMethods(session);
    session.on('session_restored', this.onRestored);
  }

  start(sink: ConditionSink): void {
    this.sink = sink;
    this.run().catch((error: unknown) => sink.log('error', `cannot subscribe to alarms and conditions: ${describe(error)}`));
  }

  /** Call when the connection is lost (OpcuaConnection's markLost): the list shows the last known state as stale. */
  connectionLost(): void {
    this.connected = false;
    this.sink?.lost('connection lost: alarm states shown are the last known');
  }

  acknowledge(target: ConditionTarget, comment: string): Promise<MethodOutcome> {
    return this.guard(() => this.methods.acknowledge(target, comment));
  }

  confirm(target: ConditionTarget, comment: string): Promise<MethodOutcome> {
    return this.guard(() => this.methods.confirm(target, comment));
  }

  addComment(target: ConditionTarget, comment: string): Promise<MethodOutcome> {
    return this.guard(() => this.methods.addComment(target, comment));
  }

  timedShelve(target: ConditionTarget, durationMs: number): Promise<MethodOutcome> {
    return this.guard(() => this.methods.timedShelve(target, durationMs));
  }

  oneShotShelve(target: ConditionTarget): Promise<MethodOutcome> {
    return this.guard(() => this.methods.oneShotShelve(target));
  }

  unshelve(target: ConditionTarget): Promise<MethodOutcome> {
    return this.guard(() => this.methods.unshelve(target));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.session.off('session_restored', this.onRestored);
    this.sink = null;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.terminate().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const subscription = ClientSubscription.create(this.session, {
      requestedPublishingInterval: this.options.publishingInterval ?? 100,
      requestedLifetimeCount: 600,
      requestedMaxKeepAliveCount: 20,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 20,
    });
    this.subscription = subscription;
    await new Promise<void>((resolve, reject) => {
      subscription.once('started', () => resolve());
      subscription.once('internal_error', reject);
      // A session closed while the subscription is created (its server removed or rebuilt just
      // after connecting) fails it with 'error': unheard, that event would crash the main process.
      subscription.once('error', reject);
    });
    if (this.disposed) return void (await subscription.terminate().catch(() => undefined));
    const filter = constructEventFilter([...CONDITION_FIELDS], makeContentFilter(
      or(or(ofType(ObjectTypeIds.ConditionType), ofType(ObjectTypeIds.RefreshStartEventType)), or(ofType(ObjectTypeIds.RefreshEndEventType), ofType(ObjectTypeIds.EventQueueOverflowEventType))),
    ));
    // Refresh only once every item exists on the server: a RefreshStart sent before would be missed.
    await Promise.all((this.options.notifiers ?? [SERVER_OBJECT_NODE_ID]).map((notifier) => this.monitor(subscription, notifier, filter)));
    await this.refresh('after connect');
  }

  private monitor(subscription: ClientSubscription, notifier: string, filter: ReturnType<typeof constructEventFilter>): Promise<void> {
    let nodeId: NodeId;
    try {
      nodeId = parseNodeId(notifier);
    } catch (error) {
      this.sink?.log('warning', `cannot watch events of ${notifier}: ${describe(error)}`);
      return Promise.resolve();
    }
    const item = ClientMonitoredItem.create(
      subscription,
      { nodeId, attributeId: AttributeIds.EventNotifier },
      { samplingInterval: 0, queueSize: EVENT_QUEUE_SIZE, discardOldest: false, filter },
      TimestampsToReturn.Neither,
    );
    item.on('changed', (values: Variant[]) => this.onEvent(values));
    return new Promise((resolve) => {
      item.once('initialized', () => resolve());
      item.once('err', (message: string) => {
        this.sink?.log('warning', `cannot watch events of ${notifier}: ${message}`);
        resolve();
      });
    });
  }

  private onEvent(values: readonly Variant[]): void {
    const sink = this.sink;
    if (sink === null) return;
    const fields: PlainFields = {};
    CONDITION_FIELDS.forEach((field, i) => (fields[field] = plainValue(values[i])));
    const eventId = fields.EventId;
    if (typeof eventId === 'string') {
      if (this.recent.has(eventId)) return;
      this.recent.add(eventId);
      if (this.recent.size > RECENT_EVENT_IDS) this.recent.delete(this.recent.values().next().value!);
    }
    const eventType = fields.EventType;
    // A server that leaves EventType out still gets its events shown, as conditions.
    const typeName = typeof eventType === 'string' ? (typeNames.get(eventType) ?? eventType) : 'ConditionType';
    const event = conditionEvent(fields, typeName, Date.now());
    switch (event.type) {
      case 'condition':
        sink.condition(event.update);
        return;
      case 'refreshStart':
        sink.refreshStarted();
        return;
      case 'refreshEnd':
        sink.refreshEnded();
        return;
      case 'overflow':
        sink.log('warning', 'the server dropped events (queue overflow): refreshing the conditions');
        void this.refresh('after an event queue overflow');
        return;
    }
  }

  private async refresh(why: string): Promise<void> {
    const subscription = this.subscription;
    if (subscription === null || this.disposed) return;
    try {
      const status = await this.methods.refresh(subscription.subscriptionId);
      if (status.status !== StatusCode.Good) this.sink?.log('warning', `ConditionRefresh ${why} refused: ${status.statusText}`);
    } catch (error) {
      this.sink?.log('warning', `ConditionRefresh ${why} failed: ${describe(error)}`);
    }
  }

  /** A call on a lost connection would wait for the reconnect; the operator needs the answer now. */
  private async guard(call: () => Promise<MethodOutcome>): Promise<MethodOutcome> {
    if (!this.connected || this.disposed) return { status: StatusCode.BadNotConnected, statusText: 'BadNotConnected: the connection to the server is lost' };
    try {
      return await call();
    } catch (error) {
      return { status: StatusCode.BadCommunicationError, statusText: describe(error) };
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
