import {
  AttributeIds, ClientMonitoredItemGroup, ClientSubscription, type ClientMonitoredItemBase, DataChangeFilter, DataChangeTrigger, DeadbandType, TimestampsToReturn,
  type ClientSession, type DataValue,
} from 'node-opcua';
import type { Deadband } from '../../shared/api/connection-api.js';
import { inBatches, type OperationLimits } from './read-operation-limits.js';
import { connectionKeepAliveMs, grantedKeepAlivePeriodMs, keepAliveFor, planSubscriptions, type MonitoringGroup, type PlannedTag } from './subscription-plan.js';

export interface TagSubscriptionHandlers {
  sample(tag: PlannedTag, dataValue: DataValue): void;
  /** Any publish response, data or keep-alive: the server is alive. */
  heard(): void;
}

/** A tag whose monitored item the server refused (BadNodeIdUnknown, BadFilterNotAllowed, ...); the others go on. */
export interface RefusedItem {
  readonly tag: PlannedTag;
  readonly status: number;
}

/**
 * The session's subscriptions (one per publishing interval) and their
 * monitored items, created in batches the server's limits allow. After a
 * reconnection node-opcua transfers or recreates all of it by itself,
 * keeping these objects and handlers.
 */
export class TagSubscriptions {
  private readonly subscriptions = new Map<number, ClientSubscription>();
  /** Each group with its tags, item by item; a removed tag's place is left empty. */
  private readonly groups: { readonly group: ClientMonitoredItemGroup; readonly tags: (PlannedTag | undefined)[] }[] = [];

  constructor(
    private readonly session: ClientSession,
    private readonly limits: OperationLimits,
    private readonly handlers: TagSubscriptionHandlers,
  ) {}

  /** Creates the tags' monitored items; resolves with those the server refused. */
  async add(tags: readonly PlannedTag[]): Promise<RefusedItem[]> {
    const refused: RefusedItem[] = [];
    for (const plan of planSubscriptions(tags)) {
      const subscription = await this.subscriptionFor(plan.publishingInterval);
      for (const group of plan.groups) {
        for (const batch of inBatches(group.tags, this.limits.maxMonitoredItemsPerCall)) refused.push(...(await this.monitor(subscription, group, batch)));
      }
    }
    return refused;
  }

  /**
   * Deletes the tags' monitored items, one by one through node-opcua, so that
   * a later reconnection does not recreate them; the groups' other items stay.
   */
  async remove(indexes: ReadonlySet<number>): Promise<void> {
    const doomed: ClientMonitoredItemBase[] = [];
    for (const { group, tags } of this.groups) {
      tags.forEach((tag, i) => {
        if (tag === undefined || !indexes.has(tag.index)) return;
        tags[i] = undefined;
        const item = group.monitoredItems[i];
        if (item) doomed.push(item);
      });
    }
    // node-opcua forgets an item before it asks the server to delete it: a refused item, or a
    // connection lost on the way, leaves nothing a reconnection would bring back, so a failure changes nothing.
    await Promise.all(doomed.map((item) => item.terminate().catch(() => undefined)));
  }

  /** The connection's keep-alive period, from the shortest one the server granted any subscription. */
  keepAlivePeriodMs(): number {
    return connectionKeepAliveMs(grantedKeepAlivePeriodMs([...this.subscriptions.values()]));
  }

  async terminate(): Promise<void> {
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    this.groups.length = 0;
    await Promise.all(subscriptions.map((s) => s.terminate().catch(() => undefined)));
  }

  private async subscriptionFor(publishingInterval: number): Promise<ClientSubscription> {
    const existing = this.subscriptions.get(publishingInterval);
    if (existing) return existing;
    const keepAlive = keepAliveFor(publishingInterval);
    const subscription = await this.session.createSubscription2({
      requestedPublishingInterval: publishingInterval,
      requestedMaxKeepAliveCount: keepAlive.maxKeepAliveCount,
      requestedLifetimeCount: keepAlive.lifetimeCount,
      maxNotificationsPerPublish: 0,
      publishingEnabled: true,
      priority: 10,
    });
    const heard = () => this.handlers.heard();
    subscription.on('keepalive', heard);
    subscription.on('received_notifications', heard);
    this.subscriptions.set(publishingInterval, subscription);
    return subscription;
  }

  private async monitor(subscription: ClientSubscription, settings: MonitoringGroup, tags: readonly PlannedTag[]): Promise<RefusedItem[]> {
    const group = ClientMonitoredItemGroup.create(
      subscription,
      tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value })),
      { samplingInterval: settings.samplingInterval, queueSize: settings.queueSize, discardOldest: true, filter: dataChangeFilter(settings.deadband) },
      TimestampsToReturn.Both,
    );
    const members: (PlannedTag | undefined)[] = [...tags];
    // Attached before the items exist, so the initial values cannot slip past.
    group.on('changed', (_item, dataValue, i) => {
      const tag = members[i];
      if (tag) this.handlers.sample(tag, dataValue);
    });
    await new Promise<void>((resolve, reject) => {
      group.once('initialized', resolve);
      group.once('terminated', (error) => reject(error ?? new Error('the server refused to create monitored items')));
    });
    this.groups.push({ group, tags: members });
    return group.monitoredItems.flatMap((item, i) => {
      const tag = tags[i];
      return tag && item.statusCode.isNotGood() ? [{ tag, status: item.statusCode.value >>> 0 }] : [];
    });
  }
}

/** Absent deadband: report every change of value or status (the OPC UA default without a filter). */
export function dataChangeFilter(deadband: Deadband | null): DataChangeFilter | null {
  if (!deadband) return null;
  return new DataChangeFilter({
    trigger: DataChangeTrigger.StatusValue,
    deadbandType: deadband.type === 'percent' ? DeadbandType.Percent : DeadbandType.Absolute,
    deadbandValue: deadband.value,
  });
}
