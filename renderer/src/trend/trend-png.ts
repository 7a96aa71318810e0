export interface PngLegendEntry {
  readonly color: string;
  readonly label: string;
}

const BACKGROUND = '#0e1318';
const TEXT = '#e8edf2';
const LINE_PX = 18;
const PAD_PX = 8;
const ENTRY_WIDTH_PX = 260;

/**
 * The chart as a PNG that stands on its own: a title line with the time range, the plot with
 * its axes, and a legend naming every pen by its colour (the on-screen legend is HTML, not canvas).
 */
export function trendPng(doc: Document, chart: HTMLCanvasElement, title: string, legend: readonly PngLegendEntry[]): Promise<Blob> {
  const scale = chart.clientWidth > 0 ? chart.width / chart.clientWidth : 1;
  const perRow = Math.max(1, Math.floor(chart.width / (ENTRY_WIDTH_PX * scale)));
  const rows = Math.ceil(legend.length / perRow);
  const canvas = doc.createElement('canvas');
  canvas.width = chart.width;
  canvas.height = chart.height + Math.ceil((LINE_PX * (1 + rows) + PAD_PX * 3) * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('PNG export: this browser gives no 2D canvas'));
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.font = '13px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = TEXT;
  ctx.fillText(title, PAD_PX, PAD_PX + LINE_PX / 2);
  const top = PAD_PX * 2 + LINE_PX;
  ctx.drawImage(chart, 0, top, chart.width / scale, chart.height / scale);
  legend.forEach((entry, i) => {
    const x = PAD_PX + (i % perRow) * ENTRY_WIDTH_PX;
    const y = top + chart.height / scale + PAD_PX + Math.floor(i / perRow) * LINE_PX + LINE_PX / 2;
    ctx.fillStyle = entry.color;
    ctx.fillRect(x, y - 1.5, 14, 3);
    ctx.fillStyle = TEXT;
    ctx.fillText(entry.label, x + 20, y, ENTRY_WIDTH_PX - 28);
  });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob === null ? reject(new Error('PNG export: the canvas could not be encoded')) : resolve(blob)), 'image/png');
  });
}
