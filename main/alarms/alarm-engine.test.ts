import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../shared/status-code.js';
import { alarmDefinitionsSchema, type AlarmDefinitionInput } from './alarm-definition.js';
import { AlarmEngine, ROC_IDLE_MS } from './alarm-engine.js';
import { expandDefinitions } from './local-alarm.js';
import { ManualClock } from './manual-clock.js';

const TAGS = ['p/level', 'p/sp', 'p/running', 'p/start', 'p/unit'];
type Edge = [alarm: string, what: 'on' | 'off' | 'suppressed' | 'unsuppressed', time: number, value?: number];

function setup(definitions: AlarmDefinitionInput[]) {
  const alarms = expandDefinitions(alarmDefinitionsSchema.parse(definitions));
  const clock = new ManualClock(1_000_000);
  const edges: Edge[] = [];
  const engine = new AlarmEngine(alarms, (id) => (TAGS.includes(id) ? TAGS.indexOf(id) : undefined), {
    condition: (a, active, time, value) => edges.push([alarms[a]!.id, active ? 'on' : 'off', time, value]),
    suppression: (a, suppressed, time) => edges.push([alarms[a]!.id, suppressed ? 'suppressed' : 'unsuppressed', time]),
  }, clock);
  /** Feeds samples of one tag at clock time, advancing the clock by `step` between them. */
  const feed = (tag: string, values: number[], step = 100, status: number = StatusCode.Good) => {
    for (const value of values) {
      engine.sample(TAGS.indexOf(tag), clock.now(), value, status);
      clock.advance(step);
    }
  };
  return { engine, clock, edges, feed, alarms };
}

const level = (extra: Partial<AlarmDefinitionInput> = {}): AlarmDefinitionInput =>
  ({ id: 'LT1', type: 'limit', tag: 'p/level', limits: { HH: { value: 95 }, H: { value: 90 }, L: { value: 10 } }, ...extra }) as AlarmDefinitionInput;

describe('AlarmEngine', () => {
  it('catches a two-sample excursion: one sample above the limit, the next back below', () => {
    const { edges, feed } = setup([level()]);
    feed('p/level', [50, 91, 50]);
    expect(edges).toEqual([
      ['LT1.H', 'on', 1_000_100, 91],
      ['LT1.H', 'off', 1_000_200, 50],
    ]);
  });

  it('raises HH and H together on one jump and clears them through the deadband only', () => {
    const { edges, feed } = setup([level({ deadband: 2 })]);
    feed('p/level', [96, 94, 89, 88.5, 87.9, 9, 12.5]);
    expect(edges.map(([id, what, , value]) => `${id} ${what} ${value}`)).toEqual([
      'LT1.HH on 96',
      'LT1.H on 96',
      'LT1.HH off 89', // 94 is still within HH's deadband (95 - 2)
      'LT1.H off 87.9',
      'LT1.L on 9',
      'LT1.L off 12.5',
    ]);
  });

  it('raises only after the on-delay, even when no further sample comes (one deadline, no scan)', () => {
    const { edges, feed, clock } = setup([level({ onDelayMs: 2_000 })]);
    feed('p/level', [92], 500);
    expect(edges).toEqual([]);
    expect(clock.armed).toBe(1);
    clock.advance(1_600);
    expect(edges).toEqual([['LT1.H', 'on', 1_002_000, 92]]);
    expect(clock.armed).toBe(0);
  });

  it('forgets an excursion shorter than the on-delay, and clears only after the off-delay', () => {
    const { edges, feed, clock } = setup([level({ onDelayMs: 1_000, offDelayMs: 1_000 })]);
    feed('p/level', [92, 92, 50, 50]);
    clock.advance(5_000);
    expect(edges).toEqual([]);
    feed('p/level', [92], 1_000);
    feed('p/level', [92, 50, 92, 50], 400);
    expect(edges.map(([, what, time]) => [what, time])).toEqual([['on', 1_005_400 + 1_000]]);
    clock.advance(1_000);
    expect(edges.map(([, what, time]) => [what, time])).toEqual([['on', 1_006_400], ['off', 1_008_600]]);
  });

  it('alarms on a deviation from a setpoint tag, from samples of either tag', () => {
    const { edges, feed } = setup([{ id: 'DEV1', type: 'deviation', tag: 'p/level', setpointTag: 'p/sp', limit: 5, deadband: 1 }]);
    feed('p/sp', [50]);
    feed('p/level', [52, 56]);
    feed('p/sp', [52, 53]);
    expect(edges.map(([, what, , value]) => [what, value])).toEqual([['on', 6], ['off', 3]]);
  });

  it('alarms on a rate of change per second, and clears once the value stands still', () => {
    const { edges, feed, clock } = setup([{ id: 'ROC1', type: 'rateOfChange', tag: 'p/level', limit: 10, direction: 'rising' }]);
    feed('p/level', [10, 10.5, 12.5, 12.6]); // +5/s, +20/s, +1/s
    feed('p/level', [1, 2.5]); // falling fast: not this alarm; then +15/s
    expect(edges.map(([, what, , value]) => [what, Math.round(value ?? 0)])).toEqual([['on', 20], ['off', 1], ['on', 15]]);
    // Noticed within one to two idle periods: the check re-arms once when samples were still coming.
    clock.advance(2 * ROC_IDLE_MS + 100);
    expect(edges.at(-1)?.slice(0, 2)).toEqual(['ROC1', 'off']);
  });

  it('alarms on a discrete tag off its normal state, and on a feedback that does not follow its command', () => {
    const { edges, feed, clock } = setup([
      { id: 'RUN', type: 'offNormal', tag: 'p/running', normal: true },
      { id: 'MIS', type: 'mismatch', tag: 'p/running', commandTag: 'p/start', onDelayMs: 3_000 },
    ]);
    feed('p/start', [1]);
    feed('p/running', [1, 0]);
    clock.advance(3_000);
    feed('p/running', [1]);
    expect(edges.map(([id, what]) => `${id} ${what}`)).toEqual(['RUN on', 'MIS on', 'RUN off', 'MIS off']);
  });

  it('reports suppression by design on the edges of a condition on another tag', () => {
    const { edges, feed } = setup([level({ suppressWhen: [{ tag: 'p/unit', op: '==', value: false }] })]);
    feed('p/unit', [1, 0, 0]);
    feed('p/level', [92]);
    feed('p/unit', [1]);
    expect(edges.filter(([id]) => id === 'LT1.H').map(([, what]) => what)).toEqual(['suppressed', 'on', 'unsuppressed']);
  });

  it('holds every alarm through a Bad sample instead of reading it as a value', () => {
    const { edges, feed } = setup([level()]);
    feed('p/level', [92]);
    feed('p/level', [0], 100, StatusCode.BadNoCommunication);
    feed('p/level', [Number.NaN]);
    expect(edges.map(([, what]) => what)).toEqual(['on']);
  });

  it('ignores tags it has no alarms for, and samples of tags beyond its index', () => {
    const { edges, engine } = setup([level()]);
    engine.sample(3, 0, 1e9, 0);
    engine.sample(1_000_000, 0, 1e9, 0);
    expect(edges).toEqual([]);
  });
});
