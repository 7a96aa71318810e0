import { useMemo, useState } from 'react';
import type { Display, DisplayElement } from '../../../shared/api/display-api.js';
import type { TagInfo } from '../../../shared/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { useAlarmState } from '../alarms/alarm-context.js';
import { WriteDialog } from '../auth/WriteDialog.js';
import { useAppState } from '../components/use-app-state.js';
import { DisplayBar } from './DisplayBar.js';
import { DisplayIndicator } from './DisplayIndicator.js';
import { DisplayLink } from './DisplayLink.js';
import { DisplayValue } from './DisplayValue.js';
import { tagAlarmMarks, type TagAlarmMark } from './tag-alarm-marks.js';

/**
 * One process display, drawn to fit its pane whatever the monitor (an SVG viewBox in
 * the display's own coordinates). Only the live elements re-render with the data, at
 * most once per frame each; the picture around them stays as it is.
 */
export function DisplayView({ display, onGo }: { readonly display: Display; readonly onGo: (display: string) => void }) {
  const tags = useAppState((state) => state.tags);
  const alarms = useAlarmState((state) => state.alarms);
  const tagsById = useMemo(() => new Map(tags.map((tag) => [tag.id, tag])), [tags]);
  const marks = useMemo(() => tagAlarmMarks(alarms), [alarms]);
  const [writing, setWriting] = useState<TagInfo | null>(null);
  return (
    <>
      <svg className="display-canvas" data-testid="display-canvas" viewBox={`0 0 ${display.width} ${display.height}`} preserveAspectRatio="xMidYMin meet" role="group" aria-label={display.title ?? display.name}>
        {display.elements.map((element, i) => (
          <DisplayElementView key={i} element={element} tagsById={tagsById} marks={marks} onWrite={setWriting} onGo={onGo} />
        ))}
      </svg>
      {writing !== null && <WriteDialog tag={writing} onClose={() => setWriting(null)} />}
    </>
  );
}

interface ElementViewProps {
  readonly element: DisplayElement;
  readonly tagsById: ReadonlyMap<string, TagInfo>;
  readonly marks: ReadonlyMap<string, TagAlarmMark>;
  readonly onWrite: (tag: TagInfo) => void;
  readonly onGo: (display: string) => void;
}

function DisplayElementView({ element, tagsById, marks, onWrite, onGo }: ElementViewProps) {
  switch (element.kind) {
    case 'text':
      return (
        <text className="display-text" x={element.x} y={element.y} fontSize={element.size}>
          {element.text}
        </text>
      );
    case 'rect':
      return (
        <g className="display-outline">
          <rect x={element.x} y={element.y} width={element.width} height={element.height} rx={4} />
          {element.label !== undefined && (
            <text className="display-outline-label" x={element.x + 8} y={element.y + 18}>
              {element.label}
            </text>
          )}
        </g>
      );
    case 'line':
      return <polyline className="display-pipe" points={element.points.map(([x, y]) => `${x},${y}`).join(' ')} />;
    case 'link':
      return <DisplayLink element={element} onGo={onGo} />;
    case 'value':
    case 'bar':
    case 'indicator': {
      const tag = tagsById.get(element.tag);
      if (tag === undefined) return <MissingTag tagId={element.tag} x={element.x} y={element.y} />;
      const mark = marks.get(tag.id);
      if (element.kind === 'value') return <DisplayValue element={element} tag={tag} mark={mark} onWrite={onWrite} />;
      if (element.kind === 'bar') return <DisplayBar element={element} tag={tag} mark={mark} />;
      return <DisplayIndicator element={element} tag={tag} mark={mark} />;
    }
    default:
      return assertNever(element);
  }
}

/** A tag the station does not have (yet): said where the value would be, never a blank. */
function MissingTag({ tagId, x, y }: { readonly tagId: string; readonly x: number; readonly y: number }) {
  return (
    <text className="display-missing" data-testid="display-missing" data-tag-id={tagId} x={x} y={y + 14}>
      <title>{`This station has no tag ${tagId}: it is not connected yet, or was removed from the project`}</title>
      {`? ${tagId}`}
    </text>
  );
}
