import type { TagInfo } from '../../../shared/contract.js';
import { ValueAge } from '../connections/ValueAge.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatValue } from '../format/format-value.js';
import { penIssueText } from '../trend/pen-issue-text.js';
import { useServices } from './services-context.js';
import { useLiveValue } from './use-live-value.js';

export interface PenLiveCellProps {
  readonly tag: TagInfo;
  /** Why the pen draws differently than it might, from the legend (type refused or changed). */
  readonly note: string;
}

/** The pen's current value, unit and notes: the only cells of a legend row that re-render at display rate. */
export function PenLiveCell({ tag, note }: PenLiveCellProps) {
  const { liveStore } = useServices();
  const live = useLiveValue(tag.index);
  const issues = penIssueText(liveStore.issues(tag.index), tag.dataType);
  const quality = live === undefined ? undefined : describeQuality(live.status);
  return (
    <>
      <td className="pen-number" data-testid="pen-current" data-quality={quality?.quality ?? 'none'} title={quality?.title}>
        {quality !== undefined && quality.marker !== '' && (
          <span className="quality-marker" aria-label={quality.label}>
            {quality.marker}
          </span>
        )}
        {live === undefined ? '—' : formatValue(live.value, tag)}
      </td>
      <td className="pen-unit">{tag.unit}</td>
      {/* A stale value reads like a live one unless its age is beside it. */}
      <td className="pen-age">{live !== undefined && <ValueAge time={live.time} />}</td>
      <td className="pen-notes" data-testid="pen-notes">
        {[note, issues].filter((text) => text !== '').join('. ')}
      </td>
    </>
  );
}
