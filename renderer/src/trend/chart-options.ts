import type uPlot from 'uplot';
import type { AxisScaling } from '../../../shared/api/trend-api.js';
import { timeTickLabel } from './time-tick-label.js';

/** What the chart needs of a pen; the legend, not the chart, shows names and values. */
export interface ChartPen {
  readonly tagId: string;
  readonly tagIndex: number;
  readonly color: string;
  /** Booleans change in steps; a slope between OFF and ON would show states that never existed. */
  readonly stepped: boolean;
  readonly visible: boolean;
  readonly axis: string;
  readonly connectionId: string;
}

export interface ChartAxis {
  readonly axis: string;
  readonly scaling: AxisScaling;
}

export function scaleKey(axis: string): string {
  return `axis:${axis}`;
}

const MUTED = '#a9b6c3';
const GRID = { stroke: '#253140', width: 1 };
const TICKS = { stroke: '#253140', width: 1 };
const TIME_AXIS: uPlot.Axis = {
  stroke: MUTED,
  grid: GRID,
  ticks: TICKS,
  space: 80,
  values: (_, splits, _axis, _space, increment) => splits.map((ms) => timeTickLabel(ms, increment)),
};
/** The chart sets every range itself; uPlot must take it as given, without padding. */
const AS_GIVEN: uPlot.Scale.Range = (_, min, max) => [min, max];

/**
 * uPlot lays out and draws the frame: time axis, one Y axis per axis group (alternating left
 * and right), grid, cursor line and zoom box. It draws no series: the pens are the series
 * layer's (series-layer.ts), so uPlot redraws only when a scale moves.
 */
export function chartOptions(axes: readonly ChartAxis[], width: number, height: number): uPlot.Options {
  const scales: uPlot.Scales = { x: { time: true, auto: false, range: AS_GIVEN } };
  for (const { axis } of axes) scales[scaleKey(axis)] = { auto: false, range: AS_GIVEN };
  return {
    width: Math.max(1, width),
    height: Math.max(1, height),
    ms: 1,
    legend: { show: false },
    cursor: {
      x: true,
      y: false,
      points: { show: false },
      drag: { x: false, y: false, setScale: false },
      // Zoom, pan and double-click are the trend's own (chart-interaction.ts).
      bind: { mousedown: () => null, mouseup: () => null, dblclick: () => null },
    },
    scales,
    axes: [
      TIME_AXIS,
      ...axes.map(({ axis }, i): uPlot.Axis => ({
        scale: scaleKey(axis),
        side: i % 2 === 0 ? 3 : 1,
        label: axis,
        labelSize: 16,
        labelFont: '12px system-ui, sans-serif',
        stroke: MUTED,
        grid: i === 0 ? GRID : { show: false },
        ticks: TICKS,
      })),
    ],
    series: [{}],
  };
}
