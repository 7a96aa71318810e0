import { alarmApiSchemas, type AlarmApi, type AlarmList, type AlarmsEvent } from '../../../shared/api/alarm-api.js';
import type { ServerEvent, Unsubscribe } from '../../../shared/contract.js';
import type { RendererBridge } from '../bridge/renderer-bridge.js';

/** The alarm part of the contract, plus its event and the transport's (re)connects. */
export interface AlarmClient extends AlarmApi {
  onAlarms(listener: (list: AlarmList) => void): Unsubscribe;
  /** Called on every (re)connect of the transport: the moment to fetch the whole list again. */
  onConnected(listener: () => void): Unsubscribe;
  readonly connected: boolean;
}

/**
 * The alarm methods of the bridge, named from the schema table like every
 * transport builds them (shared/build-api.ts). A core without the alarm
 * domain answers each call with a rejection that says so.
 */
export function alarmClient(bridge: RendererBridge): AlarmClient {
  const methods = bridge as unknown as Partial<Record<keyof AlarmApi, (params?: unknown) => Promise<unknown>>>;
  const api = Object.fromEntries(
    (Object.keys(alarmApiSchemas) as (keyof AlarmApi)[]).map((name) => [
      name,
      (params?: unknown) => {
        const method = methods[name];
        return typeof method === 'function' ? method(params) : Promise.reject(new Error(`${name}: this Tidewatch has no alarm service`));
      },
    ]),
  ) as unknown as AlarmApi;
  return {
    ...api,
    get connected() {
      return bridge.connectionState === 'connected';
    },
    onAlarms: (listener) =>
      bridge.onEvent((event) => {
        const widened = event as ServerEvent | AlarmsEvent;
        if (widened.type === 'alarms') listener(widened.list);
      }),
    onConnected: (listener) => bridge.onConnectionChange((state) => state === 'connected' && listener()),
  };
}
