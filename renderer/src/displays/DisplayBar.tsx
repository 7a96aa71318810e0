import { useLiveValue } from '../components/use-live-value.js';
import { describeQuality } from '../format/describe-quality.js';
import { barFill } from './bar-fill.js';
import { DisplayAlarmMark } from './DisplayAlarmMark.js';
import type { LiveElementProps } from './element-props.js';

/** A level as a filled bar; past its scale it is pinned at the end with an arrow, and with no value it is empty and says why. */
export function DisplayBar({ element, tag, mark }: LiveElementProps<'bar'>) {
  const live = useLiveValue(tag.index);
  const scale = scaleOf(element.min, element.max, tag.euRange);
  const fill = barFill(live?.value, scale);
  const quality = live === undefined ? 'none' : describeQuality(live.status).quality;
  const { x, y, width, height } = element;
  const filled = fill.kind === 'level' ? fill.fraction * height : 0;
  return (
    <g className="display-bar" data-testid="display-bar" data-tag-id={tag.id} data-quality={quality} data-fill={fill.kind === 'level' ? fill.fraction.toFixed(3) : 'none'}>
      <title>{fill.kind === 'none' ? `${tag.id}: ${fill.reason}` : `${tag.id}: ${Math.round(fill.fraction * 100)} % of ${scale?.low} to ${scale?.high} ${tag.unit}`}</title>
      <rect className="display-bar-track" x={x} y={y} width={width} height={height} />
      {filled > 0 && <rect className="display-bar-fill" x={x} y={y + height - filled} width={width} height={filled} />}
      {fill.kind === 'level' && fill.over !== null && (
        <text className="display-bar-over" x={x + width / 2} y={fill.over === 'high' ? y - 4 : y + height + 14}>
          {fill.over === 'high' ? '▲' : '▼'}
        </text>
      )}
      <DisplayAlarmMark mark={mark} x={x + width + 4} y={y + 14} />
    </g>
  );
}

/** The display's ends where it gives them, the tag's EURange for the rest; neither: no scale. */
function scaleOf(min: number | undefined, max: number | undefined, euRange: { readonly low: number; readonly high: number } | null) {
  const low = min ?? euRange?.low;
  const high = max ?? euRange?.high;
  return low === undefined || high === undefined ? null : { low, high };
}
