import { useLayoutEffect, useRef } from 'react';
import { pageAgeTicker } from './age-ticker.js';

/** How long ago `time` was, kept current while shown. */
export function ValueAge({ time }: { readonly time: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const cell = ref.current;
    return cell ? pageAgeTicker.track(cell, time) : undefined;
  }, [time]);
  return <span ref={ref} className="value-age" data-testid="tag-age" title="Age of the value (since its source time)" />;
}
