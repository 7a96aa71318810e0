import type { AlarmPriority } from '../../../shared/api/alarm-api.js';
import { PRIORITY_LOOK } from './alarm-labels.js';

/** Shape, number and word: the priority reads without its colour. */
export function PriorityMark({ priority, withLabel = true }: { readonly priority: AlarmPriority; readonly withLabel?: boolean }) {
  const look = PRIORITY_LOOK[priority];
  return (
    <span className="priority-mark" data-priority={priority} title={`Priority ${look.rank}: ${look.label}`}>
      <span className="priority-shape" aria-hidden="true">
        {look.shape}
      </span>
      <span className="priority-rank">{look.rank}</span>
      {withLabel && <span className="priority-label">{look.label}</span>}
    </span>
  );
}
