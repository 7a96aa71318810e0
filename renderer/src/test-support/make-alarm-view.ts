import type { AlarmView } from '../../../shared/api/alarm-api.js';

/** An alarm as main sends it, unacknowledged and active unless told otherwise. */
export function makeAlarmView(id: string, extra: Partial<AlarmView> = {}): AlarmView {
  return {
    id, origin: 'local', connectionId: null, name: id, tagId: null, sourceName: id, area: 'Tanks', priority: 'medium', severity: null, kind: 'H',
    message: `${id} high`, guidance: '', state: 'unackActive', active: true, acked: false, confirmed: true, latched: false, shelve: null,
    activeTime: 1_000, changedTime: 1_000, value: null, limit: null, lastComment: '', sounding: false, stale: false, revision: 1, ...extra,
  };
}
