import type { Deadband } from '../../shared/api/connection-api.js';
import { queueSizeFor } from './queue-size-for.js';

/** A tag as the connection is given it: the core's index and node, and how to subscribe it. */
export interface OpcuaTag {
  readonly index: number;
  readonly nodeId: string;
  readonly samplingInterval: number;
  readonly publishingInterval?: number;
  readonly queueSize?: number;
  readonly deadband?: Deadband;
}

/** Every setting resolved: what one monitored item is created with. */
export interface PlannedTag {
  readonly index: number;
  readonly nodeId: string;
  readonly publishingInterval: number;
  readonly samplingInterval: number;
  readonly queueSize: number;
  readonly deadband: Deadband | null;
}

/** Tags that share every monitoring parameter: one CreateMonitoredItems per batch of them. */
export interface MonitoringGroup {
  readonly samplingInterval: number;
  readonly queueSize: number;
  readonly deadband: Deadband | null;
  readonly tags: readonly PlannedTag[];
}

/** One subscription per publishing interval. */
export interface SubscriptionPlan {
  readonly publishingInterval: number;
  readonly groups: readonly MonitoringGroup[];
}

export function resolveTag(tag: OpcuaTag, defaultPublishingInterval: number): PlannedTag {
  const publishingInterval = tag.publishingInterval ?? defaultPublishingInterval;
  return {
    index: tag.index,
    nodeId: tag.nodeId,
    publishingInterval,
    samplingInterval: tag.samplingInterval,
    queueSize: tag.queueSize ?? queueSizeFor(tag.samplingInterval, publishingInterval),
    deadband: tag.deadband ?? null,
  };
}

/** Groups tags by publishing interval, then by identical monitoring parameters, keeping their order. */
export function planSubscriptions(tags: readonly PlannedTag[]): SubscriptionPlan[] {
  const plans = new Map<number, Map<string, PlannedTag[]>>();
  for (const tag of tags) {
    let groups = plans.get(tag.publishingInterval);
    if (!groups) plans.set(tag.publishingInterval, (groups = new Map()));
    const key = `${tag.samplingInterval}|${tag.queueSize}|${tag.deadband ? `${tag.deadband.type}:${tag.deadband.value}` : '-'}`;
    const group = groups.get(key);
    if (group) group.push(tag);
    else groups.set(key, [tag]);
  }
  return [...plans].map(([publishingInterval, groups]) => ({
    publishingInterval,
    groups: [...groups.values()].map((members) => {
      const first = members[0]!;
      return { samplingInterval: first.samplingInterval, queueSize: first.queueSize, deadband: first.deadband, tags: members };
    }),
  }));
}

export interface KeepAlive {
  readonly maxKeepAliveCount: number;
  readonly lifetimeCount: number;
  /** How long the server may stay silent on this subscription: a keep-alive is due by then. */
  readonly periodMs: number;
}

// Tags go Bad within a second of the server's last word (the connection's keep-alive period), so
// the server is asked to speak twice in that second: one late keep-alive is grace, not an outage.
// A session outlives a network blip of a minute.
const SERVER_KEEP_ALIVE_MS = 500;
const MIN_LIFETIME_MS = 60_000;

/** The keep-alive and lifetime counts for a publishing interval (the lifetime is at least three keep-alives, Part 4 5.13.2). */
export function keepAliveFor(publishingInterval: number): KeepAlive {
  const maxKeepAliveCount = Math.max(1, Math.ceil(SERVER_KEEP_ALIVE_MS / publishingInterval));
  const lifetimeCount = Math.max(3 * maxKeepAliveCount, Math.ceil(MIN_LIFETIME_MS / publishingInterval));
  return { maxKeepAliveCount, lifetimeCount, periodMs: maxKeepAliveCount * publishingInterval };
}

/**
 * The connection's keep-alive period: silence this long after the server's
 * last word means it is gone, and its tags turn Bad. Two of the server's own
 * keep-alive periods, so a single late keep-alive on a busy server is not an outage.
 */
export function connectionKeepAliveMs(serverKeepAliveMs: number): number {
  return 2 * serverKeepAliveMs;
}

/** What the server revised a subscription's rhythm to (node-opcua keeps the revised values on the subscription). */
export interface RevisedRhythm {
  readonly publishingInterval: number;
  readonly maxKeepAliveCount: number;
}

/**
 * The longest a healthy server stays silent: the shortest keep-alive period
 * the server granted. The requested one is not enough: a server may revise
 * both numbers upwards, and a quiet plant would then look dead.
 */
export function grantedKeepAlivePeriodMs(subscriptions: readonly RevisedRhythm[]): number {
  return Math.min(...subscriptions.map((s) => s.publishingInterval * Math.max(1, s.maxKeepAliveCount)));
}
