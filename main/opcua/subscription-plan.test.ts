import { describe, expect, it } from 'vitest';
import { connectionKeepAliveMs, grantedKeepAlivePeriodMs, keepAliveFor, planSubscriptions, resolveTag } from './subscription-plan.js';

describe('planSubscriptions', () => {
  const tags = [
    resolveTag({ index: 0, nodeId: 'ns=1;s=A', samplingInterval: 100 }, 100),
    resolveTag({ index: 1, nodeId: 'ns=1;s=B', samplingInterval: 100, publishingInterval: 1000 }, 100),
    resolveTag({ index: 2, nodeId: 'ns=1;s=C', samplingInterval: 100 }, 100),
    resolveTag({ index: 3, nodeId: 'ns=1;s=D', samplingInterval: 100, deadband: { type: 'percent', value: 1 } }, 100),
    resolveTag({ index: 4, nodeId: 'ns=1;s=E', samplingInterval: 10 }, 100),
    resolveTag({ index: 5, nodeId: 'ns=1;s=F', samplingInterval: 100, queueSize: 1 }, 100),
  ];

  it('makes one subscription per publishing interval', () => {
    expect(planSubscriptions(tags).map((p) => p.publishingInterval)).toEqual([100, 1000]);
  });

  it('groups tags whose sampling, queue and deadband all match, in their order', () => {
    const [fast] = planSubscriptions(tags);
    expect(fast!.groups.map((g) => g.tags.map((t) => t.index))).toEqual([[0, 2], [3], [4], [5]]);
    expect(fast!.groups[1]).toMatchObject({ deadband: { type: 'percent', value: 1 } });
  });

  it('sizes the queue for every sample between two publishes unless the tag says otherwise', () => {
    expect(tags[4]!.queueSize).toBe(20);
    expect(tags[5]!.queueSize).toBe(1);
  });

  it('keeps samplingInterval 0 (every change the server pushes) and the queue the tag gives it for them', () => {
    const pushed = resolveTag({ index: 6, nodeId: 'ns=1;s=G', samplingInterval: 0, queueSize: 100 }, 100);
    expect(pushed).toMatchObject({ samplingInterval: 0, queueSize: 100 });
    expect(planSubscriptions([pushed])[0]!.groups).toMatchObject([{ samplingInterval: 0, queueSize: 100, tags: [pushed] }]);
  });
});

describe('keepAliveFor', () => {
  it('asks fast subscriptions for a keep-alive every half second: two within the connection\'s one-second keep-alive period', () => {
    expect(keepAliveFor(100)).toEqual({ maxKeepAliveCount: 5, lifetimeCount: 600, periodMs: 500 });
    expect(connectionKeepAliveMs(keepAliveFor(100).periodMs)).toBe(1000);
    expect(keepAliveFor(250)).toMatchObject({ maxKeepAliveCount: 2, periodMs: 500 });
  });

  it('lets a slow subscription keep its own rhythm, with a lifetime of at least three keep-alives', () => {
    expect(keepAliveFor(5000)).toEqual({ maxKeepAliveCount: 1, lifetimeCount: 12, periodMs: 5000 });
    expect(keepAliveFor(60_000)).toEqual({ maxKeepAliveCount: 1, lifetimeCount: 3, periodMs: 60_000 });
  });
});

describe('grantedKeepAlivePeriodMs', () => {
  it('follows what the server granted, not what was asked', () => {
    // Asked for 100 ms x 10; the server revised it to 500 ms x 20: silence of 10 s is still healthy.
    expect(grantedKeepAlivePeriodMs([{ publishingInterval: 500, maxKeepAliveCount: 20 }])).toBe(10_000);
  });

  it('takes the subscription that owes a keep-alive soonest', () => {
    expect(grantedKeepAlivePeriodMs([{ publishingInterval: 1000, maxKeepAliveCount: 5 }, { publishingInterval: 100, maxKeepAliveCount: 10 }])).toBe(1000);
  });
});
