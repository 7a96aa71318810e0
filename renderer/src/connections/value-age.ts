/** How old a value is, short enough for a table cell: "0.4 s", "12 s", "3 min", "5 h", "2 d". */
export function formatAge(ageMs: number): string {
  if (!Number.isFinite(ageMs)) return '';
  const seconds = Math.max(0, ageMs) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 120) return `${Math.floor(seconds)} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}
