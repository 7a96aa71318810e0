import { describe, expect, it } from 'vitest';
import { decideSecondInstance, secondInstanceRequest } from './second-instance.js';

const running = { kioskLocked: false, currentProject: '/plants/line1.tidewatch' };

describe('a second launch', () => {
  it('brings the running app forward when it names no project, or the one already open', () => {
    expect(decideSecondInstance(secondInstanceRequest(null), running)).toEqual({ type: 'focus' });
    expect(decideSecondInstance(secondInstanceRequest('/plants/line1.tidewatch'), running)).toEqual({ type: 'focus' });
  });

  it('hands over another project to open', () => {
    expect(decideSecondInstance(secondInstanceRequest('/plants/line2.tidewatch'), running)).toEqual({ type: 'open-project', file: '/plants/line2.tidewatch' });
  });

  it('cannot change the project of a station locked in kiosk mode, and says why', () => {
    expect(decideSecondInstance(secondInstanceRequest('/plants/line2.tidewatch'), { ...running, kioskLocked: true })).toEqual({
      type: 'refuse-project',
      file: '/plants/line2.tidewatch',
      reason: 'the station is locked in kiosk mode; an engineer must unlock it to open another project',
    });
  });

  it('only focuses for data it does not recognise (an older version, another app, garbage)', () => {
    for (const data of [undefined, null, {}, 'x', { tidewatch: 2, project: '/p' }, { tidewatch: 1, project: 5 }, { tidewatch: 1, project: '/p', extra: 1 }, { tidewatch: 1, project: '' }]) {
      expect(decideSecondInstance(data, running)).toEqual({ type: 'focus' });
    }
  });
});
