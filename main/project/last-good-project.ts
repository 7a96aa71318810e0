import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** In the user-data folder: what this station last ran well, for a start on a broken file. */
export const LAST_GOOD_FILE = 'last-good-project.json';

export interface LastGoodProject {
  /** The project file it was loaded from (absolute): a copy is only offered for that file. */
  readonly file: string;
  readonly savedAt: number;
  readonly text: string;
}

const lastGoodSchema = z.strictObject({ file: z.string(), savedAt: z.number(), text: z.string() });

/** Replaced whole (written aside, then renamed). Throws when the folder cannot be written; the caller logs it. */
export function saveLastGoodProject(userDataDir: string, copy: LastGoodProject): void {
  const target = path.join(userDataDir, LAST_GOOD_FILE);
  writeFileSync(`${target}.tmp`, `${JSON.stringify(copy)}\n`);
  renameSync(`${target}.tmp`, target);
}

/** The copy for `file`, or null: none kept, kept for another file, or unreadable (then there is nothing to offer). */
export function readLastGoodProject(userDataDir: string, file: string): LastGoodProject | null {
  try {
    const copy = lastGoodSchema.parse(JSON.parse(readFileSync(path.join(userDataDir, LAST_GOOD_FILE), 'utf8')));
    return copy.file === file ? copy : null;
  } catch {
    return null;
  }
}
