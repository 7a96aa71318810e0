import { useState } from 'react';
import type { AxisScaling } from '../../../shared/api/trend-api.js';
import type { EuRange } from '../../../shared/contract.js';
import { useTrend } from './trend-context.js';

export interface TrendAxisScalingProps {
  readonly axis: string;
  readonly scaling: AxisScaling;
  /** Where a fixed scale starts: the first pen's engineering range, when the server gives one. */
  readonly euRange: EuRange | null;
}

/** An axis's name and its scaling: automatic from the data in view, or fixed to a range the operator types. */
export function TrendAxisScaling({ axis, scaling, euRange }: TrendAxisScalingProps) {
  const { trendStore } = useTrend();
  const fixed = scaling.mode === 'fixed' ? scaling : { mode: 'fixed' as const, min: euRange?.low ?? 0, max: euRange?.high ?? 100 };
  const [min, setMin] = useState(String(fixed.min));
  const [max, setMax] = useState(String(fixed.max));
  const [error, setError] = useState('');
  const apply = (low: string, high: string) => {
    const lo = Number(low);
    const hi = Number(high);
    if (low.trim() === '' || high.trim() === '' || !Number.isFinite(lo) || !Number.isFinite(hi)) return setError('min and max must be numbers');
    if (hi <= lo) return setError('max must be above min');
    setError('');
    trendStore.getState().setScaling(axis, { mode: 'fixed', min: lo, max: hi });
  };
  return (
    <div className="axis-scaling" data-testid="axis-scaling" data-axis={axis} data-mode={scaling.mode}>
      <span className="axis-name">Axis {axis}</span>
      <select
        aria-label={`Scaling of the ${axis} axis`}
        value={scaling.mode}
        onChange={(event) => (event.target.value === 'auto' ? trendStore.getState().setScaling(axis, { mode: 'auto' }) : apply(min, max))}
      >
        <option value="auto">Auto</option>
        <option value="fixed">Fixed</option>
      </select>
      {scaling.mode === 'fixed' && (
        <form
          className="axis-range"
          onSubmit={(event) => {
            event.preventDefault();
            apply(min, max);
          }}
        >
          <input aria-label={`${axis} axis minimum`} inputMode="decimal" value={min} onChange={(event) => setMin(event.target.value)} onBlur={() => apply(min, max)} />
          <span aria-hidden="true">to</span>
          <input aria-label={`${axis} axis maximum`} inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} onBlur={() => apply(min, max)} />
        </form>
      )}
      {error !== '' && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
