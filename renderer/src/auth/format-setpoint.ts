/** A value in a confirmation: exact (never rounded for display), booleans as the table shows them. */
export function formatSetpoint(value: number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'ON' : 'OFF';
  return String(value);
}
