import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Editors save in bursts (truncate, write, rename): wait for the burst to end.
const SETTLE_MS = 250;

/**
 * Calls back with the new text whenever the file's content changes. Watches
 * the folder, not the file, because editors and our own atomic save replace
 * the file, and a watch on the old inode would go quiet.
 */
export class FileWatcher {
  private readonly watcher: FSWatcher;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly file: string,
    private lastText: string,
    private readonly onChange: (text: string) => void,
  ) {
    this.watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== null && name !== path.basename(file)) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.check(), SETTLE_MS);
    });
  }

  /** Our own save: not a change to react to. */
  expect(text: string): void {
    this.lastText = text;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher.close();
  }

  private async check(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return; // mid-rename or deleted: the next event brings the new file
    }
    if (text === this.lastText) return;
    this.lastText = text;
    this.onChange(text);
  }
}
