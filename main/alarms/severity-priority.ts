import type { AlarmPriority } from '../../shared/api/alarm-api.js';

/**
 * OPC UA Severity (1..1000) onto the four priorities, in equal quarters:
 * 751-1000 critical, 501-750 high, 251-500 medium, 1-250 low. A missing or
 * out-of-range severity is not guessed low: it shows as medium.
 */
export function severityToPriority(severity: number | null): AlarmPriority {
  if (severity === null || !Number.isFinite(severity) || severity < 1 || severity > 1000) return 'medium';
  if (severity > 750) return 'critical';
  if (severity > 500) return 'high';
  if (severity > 250) return 'medium';
  return 'low';
}
