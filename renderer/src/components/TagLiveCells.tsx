import type { TagInfo } from '../../../shared/contract.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatTime } from '../format/format-time.js';
import { formatValue } from '../format/format-value.js';
import { useLiveValue } from './use-live-value.js';
import { ValueAge } from '../connections/ValueAge.js';

/** The live cells of one row: the only part of the table that re-renders at display rate. */
export function TagLiveCells({ tag }: { readonly tag: TagInfo }) {
  const live = useLiveValue(tag.index);
  if (live === undefined) {
    return (
      <>
        <td className="tag-value" data-testid="tag-value">—</td>
        <td className="tag-unit">{tag.unit}</td>
        <td className="tag-quality" data-testid="tag-quality" data-quality="none">
          No data
        </td>
        <td className="tag-time" data-testid="tag-time">—</td>
      </>
    );
  }
  const quality = describeQuality(live.status);
  return (
    <>
      <td className="tag-value" data-testid="tag-value" data-quality={quality.quality}>
        {formatValue(live.value, tag)}
      </td>
      <td className="tag-unit">{tag.unit}</td>
      <td className="tag-quality" data-testid="tag-quality" data-quality={quality.quality} title={quality.title}>
        {quality.marker !== '' && (
          <span className="quality-marker" aria-hidden="true">
            {quality.marker}
          </span>
        )}
        {quality.label}
        {quality.detail !== '' && <span className="quality-detail">{quality.detail}</span>}
      </td>
      <td className="tag-time" data-testid="tag-time">
        {formatTime(live.time)} <ValueAge time={live.time} />
      </td>
    </>
  );
}
