import { type QualityClass, qualityOf, statusText } from '../../../shared/status-code.js';
import { assertNever } from '../../../shared/assert-never.js';

export interface QualityDisplay {
  readonly quality: QualityClass;
  readonly label: 'Good' | 'Uncertain' | 'Bad';
  /** A shape, so quality never rests on colour alone; empty for good. */
  readonly marker: string;
  /** The code's name without the severity the label already says, e.g. "SensorFailure"; empty for plain Good. */
  readonly detail: string;
  /** The full name and hex code, for a tooltip. */
  readonly title: string;
}

export function describeQuality(status: number): QualityDisplay {
  const quality = qualityOf(status);
  const label = labelOf(quality);
  const name = statusText(status);
  const detail = name.startsWith(label) ? name.slice(label.length) : name;
  const hex = `0x${(status >>> 0).toString(16).padStart(8, '0').toUpperCase()}`;
  return { quality, label, marker: markerOf(quality), detail, title: name === hex ? hex : `${name} (${hex})` };
}

function labelOf(quality: QualityClass): QualityDisplay['label'] {
  switch (quality) {
    case 'good':
      return 'Good';
    case 'uncertain':
      return 'Uncertain';
    case 'bad':
      return 'Bad';
    default:
      return assertNever(quality);
  }
}

function markerOf(quality: QualityClass): string {
  switch (quality) {
    case 'good':
      return '';
    case 'uncertain':
      return '▲';
    case 'bad':
      return '✖';
    default:
      return assertNever(quality);
  }
}
