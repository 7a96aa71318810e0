import type { AlarmActionResult, AlarmView } from '../../../shared/api/alarm-api.js';
import type { AlarmNote } from './alarm-store.js';

/** One line for the operator: what was done, and every refusal with its reason (the server's own words). */
export function describeResults(action: string, results: readonly AlarmActionResult[], alarms: readonly AlarmView[]): AlarmNote {
  const refused = results.filter((result) => !result.ok);
  if (refused.length === 0) return { level: 'info', text: `${action}: ${results.length === 1 ? 'done' : `${results.length} alarms`}` };
  const names = new Map(alarms.map((alarm) => [alarm.id, alarm.name]));
  const reasons = refused.slice(0, 5).map((result) => `${names.get(result.id) ?? result.id}: ${result.message}`);
  const more = refused.length > 5 ? `; and ${refused.length - 5} more` : '';
  return { level: refused.length === results.length ? 'error' : 'warning', text: `${action}: ${refused.length} of ${results.length} refused: ${reasons.join('; ')}${more}` };
}
