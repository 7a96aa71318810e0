/** What the chart needs of a pen; the legend, not the chart, shows names and values. */
export interface TrendPen {
  readonly tagIndex: number;
  readonly color: string;
  /** Booleans change in steps; drawing a slope between OFF and ON would show states that never existed. */
  readonly stepped: boolean;
}
