/** Adds or removes a tag id from the pens; a full list stays as it is. */
export function togglePen(pens: readonly string[], tagId: string, maxPens: number): readonly string[] {
  if (pens.includes(tagId)) return pens.filter((pen) => pen !== tagId);
  if (pens.length >= maxPens) return pens;
  return [...pens, tagId];
}
