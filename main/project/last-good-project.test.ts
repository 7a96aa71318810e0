import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LAST_GOOD_FILE, readLastGoodProject, saveLastGoodProject } from './last-good-project.js';

describe('the last good project copy', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-last-good-'));
  afterEach(() => rmSync(path.join(dir, LAST_GOOD_FILE), { force: true }));

  it('is offered for the file it was kept for, and for no other', () => {
    saveLastGoodProject(dir, { file: '/plants/line1.tidewatch', savedAt: 1_700_000_000_000, text: '{"version":1}' });
    expect(readLastGoodProject(dir, '/plants/line1.tidewatch')).toEqual({ file: '/plants/line1.tidewatch', savedAt: 1_700_000_000_000, text: '{"version":1}' });
    expect(readLastGoodProject(dir, '/plants/line2.tidewatch')).toBeNull();
  });

  it('offers nothing when none was kept or the copy is damaged', () => {
    expect(readLastGoodProject(dir, '/plants/line1.tidewatch')).toBeNull();
    writeFileSync(path.join(dir, LAST_GOOD_FILE), '{"file": "/plants/line1.tidewatch"');
    expect(readLastGoodProject(dir, '/plants/line1.tidewatch')).toBeNull();
  });
});
