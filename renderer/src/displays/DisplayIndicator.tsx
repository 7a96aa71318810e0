import { useLiveValue } from '../components/use-live-value.js';
import { describeQuality } from '../format/describe-quality.js';
import { DisplayAlarmMark } from './DisplayAlarmMark.js';
import type { LiveElementProps } from './element-props.js';

const RADIUS = 8;

/**
 * A two-state signal: a filled dot for on, a ring for off, and the state in words, so
 * it reads without colour. Only the state the project calls abnormal is coloured.
 */
export function DisplayIndicator({ element, tag, mark }: LiveElementProps<'indicator'>) {
  const live = useLiveValue(tag.index);
  const quality = live === undefined ? null : describeQuality(live.status);
  const known = live !== undefined && quality?.quality !== 'bad' && !Number.isNaN(live.value);
  const on = known && live.value !== 0;
  const state = !known ? (quality === null ? 'No data' : `${quality.marker} ${quality.label}`.trim()) : on ? element.onText : element.offText;
  const abnormal = known && element.abnormal === (on ? 'on' : 'off');
  const cx = element.x + RADIUS;
  const cy = element.y + RADIUS;
  return (
    <g className="display-indicator" data-testid="display-indicator" data-tag-id={tag.id} data-state={known ? (on ? 'on' : 'off') : 'unknown'} data-abnormal={abnormal} data-quality={quality?.quality ?? 'none'}>
      <title>{`${tag.id}: ${state}${quality !== null && quality.quality !== 'good' ? ` (${quality.title})` : ''}`}</title>
      <circle className="display-indicator-dot" data-on={on} cx={cx} cy={cy} r={RADIUS} />
      <text className="display-indicator-text" x={element.x + 2 * RADIUS + 6} y={cy + 5}>
        {`${element.label}: `}
        <tspan className="display-indicator-state" data-testid="display-indicator-state">
          {state}
        </tspan>
      </text>
      <DisplayAlarmMark mark={mark} x={element.x - 22} y={cy + 5} />
    </g>
  );
}
