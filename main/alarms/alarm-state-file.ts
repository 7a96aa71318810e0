import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Log } from '../api/sample-source.js';
import { savedAlarmStatesSchema, type SavedAlarmState } from './saved-alarm-state.js';

/** In the user-data folder: a station's own state, not the project's (two stations may share a project). */
export const ALARM_STATES_FILE = 'alarm-states.json';

/** Where the local alarms' states wait for the next start. */
export interface AlarmStateStore {
  load(): ReadonlyMap<string, SavedAlarmState>;
  save(states: readonly SavedAlarmState[]): void;
}

/**
 * A small JSON file beside the project's other station state, replaced whole
 * (written aside, then renamed) so a power cut leaves the old file or the new,
 * never half of one. A file that cannot be read or does not hold states is
 * named in the log and the alarms start from normal: the process re-raises
 * what holds, so nothing an operator must see is lost.
 */
export function alarmStateFile(file: string, log: Log): AlarmStateStore {
  return {
    load() {
      if (!existsSync(file)) return new Map();
      try {
        const parsed = savedAlarmStatesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new Error(`${issue.path.join('.') || '(top)'}: ${issue.message}`);
        }
        return new Map(parsed.data.alarms.map((state) => [state.id, state]));
      } catch (error) {
        log('warning', `alarm states: ${file} was not used (${error instanceof Error ? error.message : String(error)}); local alarms start from normal`);
        return new Map();
      }
    },
    save(states) {
      try {
        writeFileSync(`${file}.tmp`, `${JSON.stringify({ version: 1, alarms: states })}\n`);
        renameSync(`${file}.tmp`, file);
      } catch (error) {
        log('error', `alarm states: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}; acknowledgements and shelves will not survive a restart`);
      }
    },
  };
}
