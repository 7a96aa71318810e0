import type { Log } from '../api/sample-source.js';
import type { AlarmService } from '../alarms/alarm-service.js';
import type { HistorianHealth } from '../historian/historian.js';

export interface HistorianReporter {
  onHealth(health: HistorianHealth): void;
  onNotice(message: string): void;
}

/**
 * What the historian has to tell the operator, shown twice: a notice for
 * whoever is looking now, and a system alarm that stays in the list (and the
 * journal) for whoever connects later, since a database set aside at start is
 * found before any screen is open. A set-aside is raised and cleared at once:
 * it waits, returned to normal, until someone acknowledges having read it.
 */
export function historianReporter(alarms: Pick<AlarmService, 'raiseSystemAlarm' | 'clearSystemAlarm'>, notice: (level: 'info' | 'error', message: string) => void, log: Log): HistorianReporter {
  return {
    onHealth(health) {
      log(health.ok ? 'info' : 'error', `history: ${health.message}`);
      // A disk that stops taking history is shown to the operator; the app runs on live.
      notice(health.ok ? 'info' : 'error', `History: ${health.message}`);
      if (health.ok) alarms.clearSystemAlarm('history');
      else alarms.raiseSystemAlarm('history', 'History not recorded', health.message);
    },
    onNotice(message) {
      notice('error', `History: ${message}`);
      alarms.raiseSystemAlarm('history-set-aside', 'History database set aside', message);
      alarms.clearSystemAlarm('history-set-aside');
    },
  };
}
