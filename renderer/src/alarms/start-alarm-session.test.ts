import { describe, expect, it, vi } from 'vitest';
import type { AlarmList } from '../../../shared/api/alarm-api.js';
import type { AlarmPriority } from '../../../shared/api/alarm-api.js';
import type { ServerEvent } from '../../../shared/contract.js';
import type { BridgeConnectionState, RendererBridge } from '../bridge/renderer-bridge.js';
import { makeAlarmView as alarm } from '../test-support/make-alarm-view.js';
import { alarmClient } from './alarm-client.js';
import { createAlarmStore } from './alarm-store.js';
import type { Annunciator } from './annunciator.js';
import { describeResults } from './describe-results.js';
import { startAlarmSession } from './start-alarm-session.js';

function fakeBridge(lists: AlarmList[]) {
  let state: BridgeConnectionState = 'connecting';
  const states = new Set<(state: BridgeConnectionState) => void>();
  const events = new Set<(event: ServerEvent) => void>();
  const bridge = {
    get connectionState() {
      return state;
    },
    listAlarms: vi.fn(async () => lists.shift() ?? { alarms: [], revision: 0 }),
    onEvent: (listener: (event: ServerEvent) => void) => {
      events.add(listener);
      return () => events.delete(listener);
    },
    onConnectionChange: (listener: (state: BridgeConnectionState) => void) => {
      states.add(listener);
      return () => states.delete(listener);
    },
  } as unknown as RendererBridge;
  return {
    bridge,
    connect: () => {
      state = 'connected';
      for (const listener of states) listener(state);
    },
    emit: (list: AlarmList) => {
      for (const listener of events) listener({ type: 'alarms', list } as unknown as ServerEvent);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startAlarmSession', () => {
  it('loads the list on connect, follows events, never goes back to an older list, and sounds the most urgent', async () => {
    const { bridge, connect, emit } = fakeBridge([{ alarms: [alarm('a', { sounding: true, priority: 'low' })], revision: 5 }]);
    const store = createAlarmStore();
    const played: (AlarmPriority | null)[] = [];
    const annunciator = { play: (priority: AlarmPriority | null) => played.push(priority) } as unknown as Annunciator;
    const session = startAlarmSession(alarmClient(bridge), store, annunciator);
    connect();
    await settle();
    expect(store.getState()).toMatchObject({ revision: 5, loaded: true });
    emit({ alarms: [alarm('b', { sounding: true, priority: 'critical' })], revision: 7 });
    emit({ alarms: [], revision: 6 });
    expect(store.getState().alarms.map((a) => a.id)).toEqual(['b']);
    expect(played).toEqual(['low', 'critical']);
    session.dispose();
    expect(played.at(-1)).toBeNull();
  });

  it('says which calls a core without alarms cannot answer', async () => {
    const { bridge } = fakeBridge([]);
    await expect(alarmClient(bridge).silenceAlarms()).rejects.toThrow('silenceAlarms: this Tidewatch has no alarm service');
  });
});

describe('describeResults', () => {
  it('names every refusal with the server’s reason', () => {
    const alarms = [alarm('x', { name: 'TIC101 high' })];
    expect(describeResults('Acknowledge', [{ id: 'x', ok: true, status: 0, message: 'Good' }], alarms)).toEqual({ level: 'info', text: 'Acknowledge: done' });
    expect(describeResults('Acknowledge', [{ id: 'x', ok: false, status: 0x80c60000, message: 'BadConditionBranchAlreadyAcked' }, { id: 'y', ok: true, status: 0, message: 'Good' }], alarms)).toEqual({
      level: 'warning',
      text: 'Acknowledge: 1 of 2 refused: TIC101 high: BadConditionBranchAlreadyAcked',
    });
  });
});
