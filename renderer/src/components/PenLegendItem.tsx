import { memo } from 'react';
import type { TagInfo } from '../../../shared/contract.js';
import { SetpointButton } from '../auth/SetpointButton.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatValue } from '../format/format-value.js';
import { isDrawable } from '../trend/pen-kind.js';
import type { TrendPen } from '../trend/trend-pens.js';
import { PenLiveCell } from './PenLiveCell.js';
import { useTrend } from './trend-context.js';
import { usePenReadout } from './use-pen-readout.js';

export interface PenLegendItemProps {
  readonly pen: TrendPen;
  readonly note: string;
  readonly onRemove: (tagId: string) => void;
}

/** One pen's row: shown or hidden, colour, its value at the cursor, over the view, and now, and a setpoint entry where the user may write it. */
export const PenLegendItem = memo(function PenLegendItem({ pen, note, onRemove }: PenLegendItemProps) {
  const { trendStore } = useTrend();
  const { tag, style, kind } = pen;
  const readout = usePenReadout(tag.id);
  const drawable = isDrawable(kind);
  const stats = readout?.stats;
  const cursor = readout?.cursor;
  const cursorQuality = cursor === undefined ? undefined : describeQuality(cursor.status);
  const number = (value: number | undefined) => (value === undefined || Number.isNaN(value) || stats?.count === 0 ? '—' : formatValue(value, tag));
  return (
    <tr className="pen" data-testid="trend-legend-item" data-tag-id={tag.id} data-kind={kind} data-visible={style.visible}>
      <td>
        <input
          type="checkbox"
          data-testid="pen-visible"
          checked={style.visible && drawable}
          disabled={!drawable}
          aria-label={`Show ${tag.name}`}
          onChange={(event) => trendStore.getState().setPenStyle(tag.id, { visible: event.target.checked })}
        />
      </td>
      <td>
        <input
          type="color"
          className="pen-color"
          value={style.color}
          aria-label={`Colour of ${tag.name}`}
          onChange={(event) => trendStore.getState().setPenStyle(tag.id, { color: event.target.value })}
        />
      </td>
      <th scope="row" className="pen-name" title={tag.description || tag.id}>
        {tag.displayName}
      </th>
      <td className="pen-number" data-testid="pen-cursor" data-quality={cursorQuality?.quality ?? 'none'} title={cursorQuality?.title}>
        {cursor === undefined || cursorQuality === undefined ? (
          '—'
        ) : (
          <>
            {cursorQuality.marker !== '' && (
              <span className="quality-marker" aria-label={cursorQuality.label}>
                {cursorQuality.marker}
              </span>
            )}
            {cursor.fromHistory ? '≈' : ''}
            {formatValue(cursor.value, tag)}
            {cursorQuality.quality !== 'good' && <span className="quality-detail">{cursorQuality.label}</span>}
          </>
        )}
      </td>
      <td className="pen-number" data-testid="pen-min">
        {number(stats?.min)}
      </td>
      <td className="pen-number" data-testid="pen-max">
        {number(stats?.max)}
      </td>
      <td className="pen-number" data-testid="pen-avg" title={stats?.partlyHistory ? 'Partly from history buckets: approximate' : undefined}>
        {stats === undefined || stats.count === 0 ? '—' : `${stats.partlyHistory ? '≈' : ''}${averageText(stats.sum / stats.count, tag)}`}
      </td>
      <PenLiveCell tag={tag} note={note} />
      <td className="pen-actions">
        <SetpointButton tag={tag} />
        <button type="button" className="pen-remove" aria-label={`Remove ${tag.name} from the trend`} onClick={() => onRemove(tag.id)}>
          ×
        </button>
      </td>
    </tr>
  );
});

/** A boolean's average is the share of samples that were ON; an integer's has decimals. */
function averageText(mean: number, tag: TagInfo): string {
  if (tag.dataType === 'Boolean') return `${Math.round(mean * 100)} % ON`;
  return formatValue(mean, { dataType: 'Double', euRange: tag.euRange, decimals: tag.decimals });
}
