import type { AxisGroup } from '../trend/axis-groups.js';
import type { TrendPen } from '../trend/trend-pens.js';
import { formatTime } from '../format/format-time.js';
import { PenLegendItem } from './PenLegendItem.js';
import { TrendAxisScaling } from './TrendAxisScaling.js';
import { useCursorTime } from './use-pen-readout.js';

export interface TrendLegendProps {
  readonly groups: readonly AxisGroup<TrendPen>[];
  /** Per tag id: why the pen draws no line, or what changed about it. */
  readonly notes: ReadonlyMap<string, string>;
  readonly onRemove: (tagId: string) => void;
}

/** Pens grouped by their Y axis, each group with its scaling; numbers aligned in columns to compare at a glance. */
export function TrendLegend({ groups, notes, onRemove }: TrendLegendProps) {
  return (
    <div className="trend-legend-scroll">
      <table className="trend-legend">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Shown</span>
            </th>
            <th scope="col">
              <span className="visually-hidden">Colour</span>
            </th>
            <th scope="col">Pen</th>
            <CursorTimeHeader />
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Average</th>
            <th scope="col">Current</th>
            <th scope="col">Unit</th>
            <th scope="col">Age</th>
            <th scope="col">Notes</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.axis} data-testid="trend-axis-group" data-axis={group.axis}>
            <tr className="axis-header">
              <th colSpan={11} scope="rowgroup">
                <TrendAxisScaling
                  key={JSON.stringify(group.scaling)}
                  axis={group.axis}
                  scaling={group.scaling}
                  euRange={group.pens[0]?.tag.euRange ?? null}
                />
              </th>
            </tr>
            {group.pens.map((pen) => (
              <PenLegendItem key={pen.tag.id} pen={pen} note={notes.get(pen.tag.id) ?? ''} onRemove={onRemove} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The only part of the header that follows the mouse. */
function CursorTimeHeader() {
  const time = useCursorTime();
  return (
    <th scope="col" data-testid="trend-cursor-time">
      {time === null ? 'At cursor' : `At ${formatTime(time)}`}
    </th>
  );
}
