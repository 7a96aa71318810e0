import { PRIORITY_LOOK } from '../alarms/alarm-labels.js';
import type { TagAlarmMark } from './tag-alarm-marks.js';

/** The priority's shape and number beside the value in alarm; it blinks until acknowledged. */
export function DisplayAlarmMark({ mark, x, y }: { readonly mark: TagAlarmMark | undefined; readonly x: number; readonly y: number }) {
  if (mark === undefined) return null;
  const look = PRIORITY_LOOK[mark.priority];
  return (
    <text className="display-alarm" data-testid="display-alarm" data-priority={mark.priority} data-acked={mark.acked} x={x} y={y}>
      <title>{`${mark.count} alarm${mark.count === 1 ? '' : 's'}, the most urgent ${look.label}${mark.acked ? '' : ', not acknowledged'}`}</title>
      {look.shape}
      {look.rank}
    </text>
  );
}
