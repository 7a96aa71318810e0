import type { ConnectionState } from '../../../shared/contract.js';
import { assertNever } from '../../../shared/assert-never.js';

export interface StateLabel {
  readonly text: string;
  /** A shape beside the text, so the state never rests on colour alone. */
  readonly marker: string;
}

export function connectionStateLabel(state: ConnectionState): StateLabel {
  switch (state) {
    case 'connecting':
      return { text: 'Connecting', marker: '○' };
    case 'connected':
      return { text: 'Connected', marker: '●' };
    case 'reconnecting':
      return { text: 'Reconnecting', marker: '◐' };
    case 'failed':
      return { text: 'Failed', marker: '✖' };
    case 'stopped':
      return { text: 'Stopped', marker: '■' };
    default:
      return assertNever(state);
  }
}
