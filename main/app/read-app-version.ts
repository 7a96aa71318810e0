import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version in package.json, the one electron-builder stamps on the
 * installers. Read at run time from beside the bundles (dist/main/../../,
 * also inside app.asar), so both shells and the About box say the same.
 */
export function readAppVersion(distMainDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(distMainDir, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
