/**
 * Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), lightened where
 * needed to read on the dark background. The legend names every pen, so colour is never the only key.
 */
const PEN_COLORS = ['#56b4e9', '#e69f00', '#3fd0a4', '#f0e442', '#e58fc4', '#ff7f50', '#a3b8ff', '#d9d9d9'] as const;

export function penColor(slot: number): string {
  return PEN_COLORS[slot % PEN_COLORS.length]!;
}
