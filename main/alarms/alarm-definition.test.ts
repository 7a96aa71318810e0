import { describe, expect, it } from 'vitest';
import { parseAlarmDefinitions, validateAlarmDefinitions } from './alarm-definition.js';
import { expandDefinitions } from './local-alarm.js';

const tags = ['demo/Tank1.Level', 'demo/LIC101.SP', 'demo/Pump1.Running', 'demo/Pump1.Start'];

describe('validateAlarmDefinitions', () => {
  it('accepts every kind of local alarm and expands a limit definition into one alarm per level', () => {
    const definitions = [
      { id: 'T1', type: 'limit', tag: 'demo/Tank1.Level', area: 'Tanks', limits: { HH: { value: 95 }, H: { value: 90, priority: 'medium' }, L: { value: 10 } } },
      { id: 'T1DEV', type: 'deviation', tag: 'demo/Tank1.Level', setpointTag: 'demo/LIC101.SP', limit: 10, onDelayMs: 5000 },
      { id: 'T1ROC', type: 'rateOfChange', tag: 'demo/Tank1.Level', limit: 2, direction: 'rising' },
      { id: 'P1', type: 'offNormal', tag: 'demo/Pump1.Running', normal: true, latching: true, guidance: 'Check the motor starter' },
      { id: 'P1MIS', type: 'mismatch', tag: 'demo/Pump1.Running', commandTag: 'demo/Pump1.Start', onDelayMs: 3000, suppressWhen: [{ tag: 'demo/Pump1.Start', op: '==', value: false }] },
    ];
    expect(validateAlarmDefinitions(definitions, tags)).toEqual([]);
    const alarms = expandDefinitions(parseAlarmDefinitions(definitions, new Set(tags)));
    expect(alarms.map((a) => [a.id, a.priority])).toEqual([
      ['T1.HH', 'critical'], ['T1.H', 'medium'], ['T1.L', 'high'], ['T1DEV', 'medium'], ['T1ROC', 'medium'], ['P1', 'medium'], ['P1MIS', 'medium'],
    ]);
    expect(alarms[0]?.message).toBe('Tank1.Level high high (limit 95)');
    expect(alarms.find((a) => a.id === 'P1MIS')?.suppressWhen).toEqual([{ tag: 'demo/Pump1.Start', op: '==', value: 0 }]);
  });

  it('names the path and the reason of every fault: low above high, a negative delay, an unknown field', () => {
    const problems = validateAlarmDefinitions(
      [
        { id: 'T1', type: 'limit', tag: 'demo/Tank1.Level', limits: { H: { value: 20 }, L: { value: 30 } } },
        { id: 'T2', type: 'limit', tag: 'demo/Tank1.Level', onDelayMs: -5, limits: { H: { value: 90 } } },
        { id: 'T3', type: 'deviation', tag: 'demo/Tank1.Level', setpointTag: 'demo/LIC101.SP', limit: 0, colour: 'red' },
      ],
      tags,
    );
    expect(problems).toEqual([
      { path: 'alarms[0].limits.L.value', message: 'L limit 30 must be below the H limit 20' },
      { path: 'alarms[1].onDelayMs', message: 'a delay cannot be negative' },
      { path: 'alarms[2].limit', message: 'a deviation limit must be above 0' },
      { path: 'alarms[2]', message: 'Unrecognized key: "colour"' },
    ]);
  });

  it('refuses unknown tags and duplicate ids, after the schema passes', () => {
    const problems = validateAlarmDefinitions(
      [
        { id: 'X', type: 'offNormal', tag: 'demo/Nope', normal: false },
        { id: 'X', type: 'mismatch', tag: 'demo/Pump1.Running', commandTag: 'demo/Pump9.Start', suppressWhen: [{ tag: 'demo/Gone', op: '>', value: 1 }] },
      ],
      tags,
      'project.alarms',
    );
    expect(problems).toEqual([
      { path: 'project.alarms[0].tag', message: 'unknown tag "demo/Nope"' },
      { path: 'project.alarms[1].id', message: 'duplicate id "X" (also at project.alarms[0])' },
      { path: 'project.alarms[1].commandTag', message: 'unknown tag "demo/Pump9.Start"' },
      { path: 'project.alarms[1].suppressWhen[0].tag', message: 'unknown tag "demo/Gone"' },
    ]);
    expect(() => parseAlarmDefinitions([{ id: 'X', type: 'offNormal', tag: 'demo/Nope', normal: false }], tags)).toThrow('alarms[0].tag: unknown tag "demo/Nope"');
  });

  it('refuses a definition with no limits and one with an unknown type', () => {
    const problems = validateAlarmDefinitions([{ id: 'A', type: 'limit', tag: 'demo/Tank1.Level', limits: {} }, { id: 'B', type: 'magic' }], tags);
    expect(problems.map((p) => p.path)).toEqual(['alarms[0].limits', 'alarms[1].type']);
  });
});
