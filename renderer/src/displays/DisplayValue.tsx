import type { TagInfo } from '../../../shared/contract.js';
import { useMayWrite } from '../auth/use-may-write.js';
import { useLiveValue } from '../components/use-live-value.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatTime } from '../format/format-time.js';
import { formatValue } from '../format/format-value.js';
import { DisplayAlarmMark } from './DisplayAlarmMark.js';
import type { LiveElementProps } from './element-props.js';
import { onActivateKey } from './on-activate-key.js';

const BOX_TOP = 16;
const BOX_HEIGHT = 28;

/**
 * A value with its unit and quality, under its label. A value the operator may change
 * is a button (a click or Enter opens the setpoint entry); a bad or uncertain one is
 * drawn dashed with the quality's shape, so it never reads as a good number.
 */
export function DisplayValue({ element, tag, mark, onWrite }: LiveElementProps<'value'> & { readonly onWrite: (tag: TagInfo) => void }) {
  const live = useLiveValue(tag.index);
  const mayWrite = useMayWrite(tag);
  const quality = live === undefined ? null : describeQuality(live.status);
  const text = live === undefined ? '—' : formatValue(live.value, tag);
  const width = element.width;
  const act = mayWrite ? () => onWrite(tag) : undefined;
  return (
    <g
      className="display-value"
      transform={`translate(${element.x} ${element.y})`}
      data-testid="display-value"
      data-tag-id={tag.id}
      data-quality={quality?.quality ?? 'none'}
      data-writable={mayWrite}
      {...(act === undefined ? {} : { role: 'button', tabIndex: 0, 'aria-label': `Change ${tag.name}`, onClick: act, onKeyDown: onActivateKey(act) })}
    >
      <title>{`${tag.id}${tag.description ? `: ${tag.description}` : ''}\n${quality === null ? 'No data yet' : `${quality.title}, source time ${formatTime(live?.time ?? 0)}`}`}</title>
      <text className="display-value-label" x={0} y={12}>
        {element.label ?? tag.displayName}
      </text>
      <rect className="display-value-box" x={0} y={BOX_TOP} width={width} height={BOX_HEIGHT} rx={3} />
      {quality !== null && quality.marker !== '' && (
        <text className="display-quality-marker" x={6} y={BOX_TOP + 19}>
          {quality.marker}
        </text>
      )}
      <text className="display-value-number" data-testid="display-value-text" x={width - 6} y={BOX_TOP + 19}>
        {text}
        {tag.unit !== '' && <tspan className="display-value-unit">{` ${tag.unit}`}</tspan>}
      </text>
      <DisplayAlarmMark mark={mark} x={width + 4} y={BOX_TOP + 19} />
    </g>
  );
}
