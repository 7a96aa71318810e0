import { describe, expect, it } from 'vitest';
import { StatusCode } from '../../../shared/status-code.js';
import { describeQuality } from './describe-quality.js';

describe('describeQuality', () => {
  it('says Good with no marker for a good value', () => {
    expect(describeQuality(StatusCode.Good)).toMatchObject({ quality: 'good', label: 'Good', marker: '', detail: '' });
  });

  it('keeps the name of a bad code so BadSensorFailure and BadNoCommunication stay apart', () => {
    const sensor = describeQuality(StatusCode.BadSensorFailure);
    expect(sensor).toMatchObject({ quality: 'bad', label: 'Bad', detail: 'SensorFailure' });
    expect(sensor.marker).not.toBe('');
    expect(sensor.title).toBe('BadSensorFailure (0x808B0000)');
    expect(describeQuality(StatusCode.BadNoCommunication).detail).toBe('NoCommunication');
  });

  it('marks uncertain values with a shape of their own', () => {
    const uncertain = describeQuality(StatusCode.UncertainLastUsableValue);
    expect(uncertain).toMatchObject({ quality: 'uncertain', label: 'Uncertain', detail: 'LastUsableValue' });
    expect(uncertain.marker).not.toBe(describeQuality(StatusCode.BadTimeout).marker);
  });

  it('shows an unknown code in hex, ignoring the info bits', () => {
    expect(describeQuality(0x80fe0400)).toMatchObject({ label: 'Bad', detail: '0x80FE0000' });
  });
});
