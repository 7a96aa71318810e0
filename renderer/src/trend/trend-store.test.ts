import { describe, expect, it } from 'vitest';
import type { TrendLayout } from '../../../shared/api/trend-api.js';
import { penColor } from './pen-color.js';
import { createTrendStore } from './trend-store.js';
import { pause } from './trend-view.js';

describe('trend store', () => {
  it('gives each new pen a colour no other pen has, and keeps a pen its colour', () => {
    const store = createTrendStore();
    store.getState().syncPens(['a', 'b']);
    const { a, b } = store.getState().penStyles;
    expect([a?.color, b?.color]).toEqual([penColor(0), penColor(1)]);
    store.getState().syncPens(['b', 'c']);
    expect(store.getState().penStyles.b).toBe(b);
    expect(store.getState().penStyles.c?.color).toBe(penColor(0));
    expect(store.getState().penStyles.a).toBeUndefined();
  });

  it('keeps the same styles object when the pens did not change', () => {
    const store = createTrendStore();
    store.getState().syncPens(['a']);
    const styles = store.getState().penStyles;
    store.getState().syncPens(['a']);
    expect(store.getState().penStyles).toBe(styles);
  });

  it('captures a layout and applies it back', () => {
    const store = createTrendStore();
    store.getState().syncPens(['a', 'b']);
    store.getState().setPenStyle('b', { visible: false, color: '#123456' });
    store.getState().setScaling('bar', { mode: 'fixed', min: 0, max: 10 });
    store.getState().setView((view) => pause(view, 100_000));
    const layout: TrendLayout = store.getState().captureLayout('Pumps', ['a', 'b']);
    expect(layout).toEqual({
      name: 'Pumps',
      pens: [
        { tagId: 'a', color: penColor(0), visible: true, axis: '' },
        { tagId: 'b', color: '#123456', visible: false, axis: '' },
      ],
      axes: [{ axis: 'bar', scaling: { mode: 'fixed', min: 0, max: 10 } }],
      window: { mode: 'range', from: 40_000, to: 100_000 },
    });
    const other = createTrendStore();
    other.getState().applyLayout(layout);
    expect(other.getState().penStyles).toEqual(store.getState().penStyles);
    expect(other.getState().scalings).toEqual(store.getState().scalings);
    expect(other.getState().view).toMatchObject({ mode: 'paused', from: 40_000, to: 100_000 });
    expect(other.getState().layoutName).toBe('Pumps');
    expect(store.getState().layoutName).toBeNull();
  });
});
