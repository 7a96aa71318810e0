import { Aggregates } from './aggregates.js';

/**
 * One level's open cells, summed in memory batch by batch, so a closing cell
 * is one insert instead of a read of what it summarises. Only a cell seen
 * from its first sample on is held: one whose earlier samples were stored
 * before (by a previous run) is summed from the store when it closes.
 */
export class OpenCells {
  private readonly sums = new Aggregates();
  private readonly free: number[] = [];
  /** Tag id -> cell -> its row of `sums`. */
  private readonly rows = new Map<number, Map<number, number>>();

  /**
   * Merges row `i` of `part` into the tag's cell. `whole`: none of the cell's
   * samples were stored before this batch, so what is held is all of them.
   */
  merge(tagId: number, cell: number, whole: boolean, part: Aggregates, i: number): void {
    let cells = this.rows.get(tagId);
    let row = cells?.get(cell);
    if (row === undefined) {
      if (!whole) return;
      row = this.free.pop() ?? this.sums.add();
      this.sums.empty(row);
      if (cells === undefined) this.rows.set(tagId, (cells = new Map()));
      cells.set(cell, row);
    }
    this.sums.addRow(row, part, i);
  }

  /** Hands the closed cell's sums to `write` and forgets them; false when the cell is not held whole. */
  close(tagId: number, cell: number, write: (sums: Aggregates, row: number) => void): boolean {
    const cells = this.rows.get(tagId);
    const row = cells?.get(cell);
    if (row === undefined) return false;
    write(this.sums, row);
    cells!.delete(cell);
    if (cells!.size === 0) this.rows.delete(tagId);
    this.free.push(row);
    return true;
  }

  /** After a failed batch: what is held may include samples that were never stored, so all is summed from the store. */
  forget(): void {
    for (const cells of this.rows.values()) this.free.push(...cells.values());
    this.rows.clear();
  }
}
