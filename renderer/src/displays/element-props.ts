import type { DisplayElement } from '../../../shared/api/display-api.js';
import type { TagInfo } from '../../../shared/contract.js';
import type { TagAlarmMark } from './tag-alarm-marks.js';

/** What every live element is drawn from: its part of the display, its tag, and the tag's alarm mark. */
export interface LiveElementProps<Kind extends DisplayElement['kind']> {
  readonly element: Extract<DisplayElement, { kind: Kind }>;
  readonly tag: TagInfo;
  readonly mark: TagAlarmMark | undefined;
}
