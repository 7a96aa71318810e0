/**
 * Rollup rows are keyed (level, epoch, tag, cell), an epoch being this many
 * cells of its level. A batch touches each tag's newest cells, which then lie
 * in one stretch of the table instead of one page per tag; a query reads one
 * tag's cells with one seek per epoch. Fewer cells per epoch: fewer pages per
 * batch, more seeks per query. At 4, 1,000 tags at 100 Hz dirty about
 * 1,200 pages a batch, not 3,600 and growing, and an 8-hour trend takes a few
 * hundred seeks.
 */
export const ROLLUP_EPOCH_CELLS = 4;

export function epochOf(cell: number): number {
  return Math.floor(cell / ROLLUP_EPOCH_CELLS);
}
