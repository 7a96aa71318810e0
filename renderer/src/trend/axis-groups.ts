import type { AxisScaling } from '../../../shared/api/trend-api.js';
import type { PenKind } from './pen-kind.js';

/** Booleans share one axis, drawn with room above ON and below OFF. */
export const STEP_AXIS = 'on/off';
export const NO_UNIT_AXIS = 'no unit';

const STEP_SCALING: AxisScaling = { mode: 'fixed', min: -0.2, max: 1.2 };
const AUTO: AxisScaling = { mode: 'auto' };

/** A pen's axis: the one its layout names, else one per engineering unit, so a bar never shares a scale with a °C. */
export function penAxis(override: string, unit: string, kind: PenKind): string {
  if (override !== '') return override;
  if (kind === 'step') return STEP_AXIS;
  return unit !== '' ? unit : NO_UNIT_AXIS;
}

export function defaultScaling(axis: string): AxisScaling {
  return axis === STEP_AXIS ? STEP_SCALING : AUTO;
}

export interface AxisGroup<P> {
  readonly axis: string;
  readonly scaling: AxisScaling;
  readonly pens: readonly P[];
}

/** Axes in the order their first pen appears, each with its pens and scaling. */
export function groupByAxis<P extends { readonly axis: string }>(pens: readonly P[], scalings: Readonly<Record<string, AxisScaling>>): AxisGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const pen of pens) {
    const group = groups.get(pen.axis);
    if (group === undefined) groups.set(pen.axis, [pen]);
    else group.push(pen);
  }
  return [...groups].map(([axis, members]) => ({ axis, scaling: scalings[axis] ?? defaultScaling(axis), pens: members }));
}
