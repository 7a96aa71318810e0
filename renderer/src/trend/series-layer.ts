import type { Range } from './auto-range.js';
import type { ColumnGrid, PenReducer } from './pen-reducer.js';

export interface LayerPen {
  readonly reducer: PenReducer;
  readonly color: string;
  readonly stepped: boolean;
  readonly visible: boolean;
  readonly axis: string;
}

/** The plot area inside the chart, in device pixels. */
export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly pxRatio: number;
}

/** Far beyond any canvas, so an off-scale spike still draws its slope without overflowing the rasteriser. */
const MAX_COORD = 1e6;

/**
 * The pens, drawn on a canvas of their own over uPlot's axes and grid, one device pixel per
 * column. Rasterising every pen's whole line every frame is what bounds a software-rendered
 * chart (measured: 10 dense pens cost more than a frame); here a frame only shifts the bitmap
 * by the columns the live view moved and redraws the columns whose points changed. A zoom, a
 * resize, a new axis range or a style change redraws everything once.
 */
export class SeriesLayer {
  readonly canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D;
  #box: PlotBox | null = null;
  #grid: ColumnGrid | null = null;
  #ranges = new Map<string, Range>();
  #full = true;

  constructor(doc: Document) {
    this.canvas = doc.createElement('canvas');
    this.canvas.className = 'trend-series';
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) throw new Error('the trend needs a 2D canvas, which this browser does not give');
    this.#ctx = ctx;
  }

  /** Follows the plot area as uPlot lays it out (axis widths change with their labels). */
  place(box: PlotBox): void {
    const old = this.#box;
    if (old !== null && old.left === box.left && old.top === box.top && old.width === box.width && old.height === box.height && old.pxRatio === box.pxRatio) return;
    this.#box = box;
    const style = this.canvas.style;
    style.position = 'absolute';
    style.left = `${box.left / box.pxRatio}px`;
    style.top = `${box.top / box.pxRatio}px`;
    style.width = `${box.width / box.pxRatio}px`;
    style.height = `${box.height / box.pxRatio}px`;
    style.pointerEvents = 'none';
    this.canvas.width = Math.max(1, box.width);
    this.canvas.height = Math.max(1, box.height);
    this.#full = true;
  }

  /** The next draw repaints everything: pens, colours or visibility changed. */
  invalidate(): void {
    this.#full = true;
  }

  /** Draws what changed since the last call: `dirtyColumn` is the first column whose points changed (+Infinity for none). */
  draw(pens: readonly LayerPen[], grid: ColumnGrid, ranges: ReadonlyMap<string, Range>, dirtyColumn: number): void {
    const box = this.#box;
    // uPlot is mid-relayout: the columns no longer match the pixels; the next frame rebuilds both.
    if (box === null || box.width !== grid.end - grid.first) {
      this.#full = true;
      return;
    }
    const old = this.#grid;
    let from = dirtyColumn;
    const rangesChanged = !sameRanges(this.#ranges, ranges);
    if (rangesChanged) this.#ranges = new Map(ranges);
    if (this.#full || rangesChanged || old === null || old.origin !== grid.origin || old.width !== grid.width || grid.first < old.first || grid.first - old.first >= box.width) {
      from = grid.first;
    } else if (grid.first > old.first) {
      this.#shift(grid.first - old.first);
      from = Math.min(from, old.end);
    }
    this.#full = false;
    this.#grid = grid;
    if (from >= grid.end) return;
    // A changed column also changes the anti-aliased connector into it, which touches the column before.
    const start = Math.max(grid.first, from - 1);
    this.#paint(pens, grid, ranges, start);
  }

  #shift(columns: number): void {
    const ctx = this.#ctx;
    ctx.save();
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(this.canvas, -columns, 0);
    ctx.restore();
  }

  #paint(pens: readonly LayerPen[], grid: ColumnGrid, ranges: ReadonlyMap<string, Range>, start: number): void {
    const ctx = this.#ctx;
    const { width, height } = this.canvas;
    const left = start - grid.first;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, 0, width - left, height);
    ctx.clip();
    ctx.clearRect(left, 0, width - left, height);
    // One CSS pixel at ratio 1 is a hairline, the rasteriser's fast path.
    ctx.lineWidth = 1;
    for (const pen of pens) {
      const range = ranges.get(pen.axis);
      if (!pen.visible || range === undefined) continue;
      const [low, high] = range;
      const scale = height / (high - low || 1);
      const { x, y } = pen.reducer.points;
      ctx.strokeStyle = pen.color;
      ctx.beginPath();
      let down = false;
      let previousY = 0;
      // From the pen's last point before the cleared stretch: a sparse pen's line crosses it from there.
      for (let i = Math.max(0, pen.reducer.pointStartOf(start) - 1); i < x.length; i++) {
        const value = y[i];
        if (value === null || value === undefined) {
          down = false;
          continue;
        }
        // Every point of a column on that column's pixel centre; rows snapped so flat lines stay crisp.
        const px = Math.floor((x[i]! - grid.origin) / grid.width) - grid.first + 0.5;
        const py = Math.min(MAX_COORD, Math.max(-MAX_COORD, Math.round((high - value) * scale) + 0.5));
        if (!down) {
          ctx.moveTo(px, py);
          down = true;
        } else {
          if (pen.stepped) ctx.lineTo(px, previousY);
          ctx.lineTo(px, py);
        }
        previousY = py;
      }
      ctx.stroke();
    }
    ctx.restore();
  }
}

function sameRanges(a: ReadonlyMap<string, Range>, b: ReadonlyMap<string, Range>): boolean {
  if (a.size !== b.size) return false;
  for (const [axis, range] of b) {
    const other = a.get(axis);
    if (other === undefined || other[0] !== range[0] || other[1] !== range[1]) return false;
  }
  return true;
}
