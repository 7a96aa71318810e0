import type { TagInfo } from '../../../shared/contract.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatValue } from '../format/format-value.js';
import { useLiveValue } from './use-live-value.js';

export interface PenLegendItemProps {
  readonly tag: TagInfo;
  readonly color: string;
  readonly onRemove: (tagId: string) => void;
}

export function PenLegendItem({ tag, color, onRemove }: PenLegendItemProps) {
  const live = useLiveValue(tag.index);
  const quality = live === undefined ? undefined : describeQuality(live.status);
  return (
    <li className="pen" data-testid="trend-legend-item" data-tag-id={tag.id} data-quality={quality?.quality ?? 'none'}>
      <span className="pen-swatch" style={{ backgroundColor: color }} aria-hidden="true" />
      <span className="pen-name">{tag.name}</span>
      <span className="pen-value" title={quality?.title}>
        {quality !== undefined && quality.marker !== '' && (
          <span className="quality-marker" aria-label={quality.label}>
            {quality.marker}
          </span>
        )}
        {live === undefined ? '—' : formatValue(live.value, tag)}
      </span>
      <span className="pen-unit">{tag.unit}</span>
      <button type="button" className="pen-remove" aria-label={`Remove ${tag.name} from the trend`} onClick={() => onRemove(tag.id)}>
        ×
      </button>
    </li>
  );
}
