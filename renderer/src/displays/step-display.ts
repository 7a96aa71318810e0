/**
 * The display Ctrl+PageDown (delta 1) or Ctrl+PageUp (-1) goes to: the next in the
 * project's order, round the end. From no display, or one the project no longer
 * has, it starts at the first (or last); with none it stays at none.
 */
export function stepDisplay(names: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (names.length === 0) return null;
  const at = current === null ? -1 : names.indexOf(current);
  if (at === -1) return delta === 1 ? (names[0] ?? null) : (names[names.length - 1] ?? null);
  return names[(at + delta + names.length) % names.length] ?? null;
}
