import type { AxisScaling } from '../../../shared/api/trend-api.js';
import type { TagInfo } from '../../../shared/contract.js';
import { type AxisGroup, groupByAxis, penAxis } from './axis-groups.js';
import type { ChartAxis, ChartPen } from './chart-options.js';
import { type PenKind, isDrawable, penKind } from './pen-kind.js';
import { penColor } from './pen-color.js';
import type { PenStyle } from './trend-store.js';

/** A pen as the legend and the chart see it: its tag, how it is drawn, and whether it can be. */
export interface TrendPen {
  readonly tag: TagInfo;
  readonly style: PenStyle;
  readonly kind: PenKind;
  readonly axis: string;
}

/** Pens in order, for the tags known so far (a pen from a layout may name a tag not yet listed). */
export function trendPens(penIds: readonly string[], tags: readonly TagInfo[], styles: Readonly<Record<string, PenStyle>>): TrendPen[] {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return penIds.flatMap((id, slot) => {
    const tag = byId.get(id);
    if (tag === undefined) return [];
    const style = styles[id] ?? { color: penColor(slot), visible: true, axis: '' };
    const kind = penKind(tag.dataType);
    return [{ tag, style, kind, axis: penAxis(style.axis, tag.unit, kind) }];
  });
}

export function axisGroups(pens: readonly TrendPen[], scalings: Readonly<Record<string, AxisScaling>>): AxisGroup<TrendPen>[] {
  return groupByAxis(pens, scalings);
}

/** What the chart draws: pens that can be drawn, and the axes they use. */
export function chartSetup(groups: readonly AxisGroup<TrendPen>[]): { pens: ChartPen[]; axes: ChartAxis[] } {
  const pens: ChartPen[] = [];
  const axes: ChartAxis[] = [];
  for (const group of groups) {
    const drawable = group.pens.filter((pen) => isDrawable(pen.kind));
    if (drawable.length === 0) continue;
    axes.push({ axis: group.axis, scaling: group.scaling });
    for (const pen of drawable) {
      pens.push({
        tagId: pen.tag.id,
        tagIndex: pen.tag.index,
        color: pen.style.color,
        stepped: pen.kind === 'step',
        visible: pen.style.visible,
        axis: pen.axis,
        connectionId: pen.tag.connectionId,
      });
    }
  }
  return { pens, axes };
}
