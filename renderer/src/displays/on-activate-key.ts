import type { KeyboardEvent } from 'react';

/** Enter and Space act on a focused picture element as a click does: an SVG <g> is no <button>, so it is told. */
export function onActivateKey(act: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    act();
  };
}
