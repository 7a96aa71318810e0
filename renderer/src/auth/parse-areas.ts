export type ParsedAreas = { readonly ok: true; readonly areas: readonly string[] } | { readonly ok: false; readonly error: string };

/**
 * The areas field as typed: patterns separated by commas or new lines
 * ("demo/Tank1.*, demo/Pump*"). Spaces inside a pattern are kept (tag names
 * may have them); empty entries are dropped, and no pattern at all is an
 * error, because a user with no area could act on nothing and would be
 * mistaken for one who may act everywhere.
 */
export function parseAreas(text: string): ParsedAreas {
  const areas = [...new Set(text.split(/[,\n]/).map((part) => part.trim()).filter((part) => part !== ''))];
  if (areas.length === 0) return { ok: false, error: 'areas: give at least one pattern, "*" for the whole plant' };
  return { ok: true, areas };
}
