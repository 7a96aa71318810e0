import type { AlarmPriority, AlarmStateName } from '../../../shared/api/alarm-api.js';

/** Priority by colour AND by shape and text: a colour-blind operator reads the same list. */
export const PRIORITY_LOOK: Readonly<Record<AlarmPriority, { readonly label: string; readonly shape: string; readonly rank: number }>> = {
  critical: { label: 'Critical', shape: '◆', rank: 1 },
  high: { label: 'High', shape: '▲', rank: 2 },
  medium: { label: 'Medium', shape: '■', rank: 3 },
  low: { label: 'Low', shape: '●', rank: 4 },
};

export const STATE_LABEL: Readonly<Record<AlarmStateName, string>> = {
  unackActive: 'Active, unacknowledged',
  ackActive: 'Active, acknowledged',
  unackRtn: 'Cleared, unacknowledged',
  normal: 'Cleared, to confirm',
  shelved: 'Shelved',
  suppressed: 'Suppressed by design',
  outOfService: 'Out of service',
};

/** The states an operator must see in the summary by default; the others are a filter away. */
export const ANNUNCIATED_STATES: ReadonlySet<AlarmStateName> = new Set(['unackActive', 'ackActive', 'unackRtn', 'normal']);
