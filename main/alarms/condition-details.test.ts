import { describe, expect, it } from 'vitest';
import { checkConditionDetails } from '../project/check-condition-details.js';
import { lookUpCondition, type ConditionDetail } from './condition-details.js';

const details: ConditionDetail[] = [
  { server: 'demo', source: 'Tank1.Level', area: 'Tanks', guidance: 'Check the inlet valve.' },
  { server: 'demo', source: 'Tank1.Level', condition: 'LowLow', guidance: 'Stop Pump1 before it runs dry.' },
  { server: 'line1', source: 'Tank1.Level', area: 'Line 1' },
];

describe('condition details', () => {
  it('finds the entry for the condition before the one for its whole source, on the right server', () => {
    expect(lookUpCondition(details, 'demo', 'Tank1.Level', 'Limits')).toEqual({ area: 'Tanks', guidance: 'Check the inlet valve.' });
    expect(lookUpCondition(details, 'demo', 'Tank1.Level', 'LowLow')).toEqual({ area: null, guidance: 'Stop Pump1 before it runs dry.' });
    expect(lookUpCondition(details, 'line1', 'Tank1.Level', 'Limits')).toEqual({ area: 'Line 1', guidance: '' });
    expect(lookUpCondition(details, 'demo', 'Pump1.Fault', 'Trip')).toEqual({ area: null, guidance: '' });
  });

  it('refuses an unknown server and a second entry for the same condition, with their paths', () => {
    expect(checkConditionDetails([...details, { server: 'demo', source: 'Tank1.Level', condition: 'LowLow' }, { server: 'nowhere', source: 'X' }], new Set(['demo', 'line1']))).toEqual([
      { path: 'conditionAlarms[3]', message: 'a second entry for "Tank1.Level" condition "LowLow" on server "demo"' },
      { path: 'conditionAlarms[4].server', message: 'unknown server "nowhere"' },
    ]);
  });
});
